/**
 * Workspace hosts for analyzer tests: one over the repository on disk (URIs are
 * repository-relative POSIX paths, so goldens hold no machine paths) and one over a map.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { WorkspaceHost } from '../../../../../core/src/index';
import { repoRoot } from '../../../../util/golden';

/** Resolves `include` paths relative to the including URI, POSIX style. */
function resolveRelative(from: string, includePath: string): string {
	return path.posix.normalize(path.posix.join(path.posix.dirname(from), includePath));
}

/** Reads repository files; `uri` is a repository-relative path such as `samples/pc-x86.memmap`. */
export const repoHost: WorkspaceHost = {
	readText(uri: string): string | undefined {
		try {
			return fs.readFileSync(path.join(repoRoot, uri), 'utf8');
		} catch {
			return undefined;
		}
	},
	resolveInclude: resolveRelative,
};

/** A host over in-memory files (a markdown-ls style `InMemoryWorkspace`). */
export function memoryHost(files: Record<string, string>): WorkspaceHost {
	const map = new Map(Object.entries(files));
	return {
		readText: (uri) => map.get(uri),
		resolveInclude: resolveRelative,
	};
}

/** The `.memmap` files directly in a repository folder, sorted. */
export function memmapFiles(folder: string): string[] {
	return fs
		.readdirSync(path.join(repoRoot, folder))
		.filter((name) => name.endsWith('.memmap'))
		.sort()
		.map((name) => `${folder}/${name}`);
}
