/**
 * Include paths follow their files. When the editor is about to rename or move `.memmap`
 * files or folders (LSP `workspace/willRenameFiles`, sent before the move), the answer is
 * the edits that keep every `include` naming the same file: in the files that include a
 * moved one, and in a moved file whose includes stay behind (`include "b.memmap"` in
 * `a.memmap` moved into `sub/` becomes `include "../b.memmap"`). The files looked at are
 * the open documents and every `.memmap` file under the workspace folders.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { FileRename, RenameFilesParams, TextEdit, WorkspaceEdit } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { parse, type IncludeNode } from '../../../core/src/index';
import { toRange } from '../convert';
import { guard, type ServerContext } from '../context';
import { resolveInclude } from '../workspace';

/** A `.memmap` file's uri and text. */
export interface SourceFile {
	readonly uri: string;
	readonly text: string;
}

/** The edits that keep each `include` of `files` naming the same file after `renames`. */
export function includeEditsForRenames(files: Iterable<SourceFile>, renames: readonly FileRename[]): WorkspaceEdit {
	const moved = (uri: string): string => {
		for (const rename of renames) {
			if (uri === rename.oldUri) {
				return rename.newUri;
			}
			if (uri.startsWith(rename.oldUri.endsWith('/') ? rename.oldUri : rename.oldUri + '/')) {
				return rename.newUri.replace(/\/$/, '') + uri.slice(rename.oldUri.replace(/\/$/, '').length);
			}
		}
		return uri;
	};
	const changes: Record<string, TextEdit[]> = {};
	for (const file of files) {
		const edits = includeEdits(file, moved);
		if (edits.length > 0) {
			changes[file.uri] = edits;
		}
	}
	return { changes };
}

function includeEdits(file: SourceFile, moved: (uri: string) => string): TextEdit[] {
	const includes = parse(file.text, file.uri).file.items.filter((item): item is IncludeNode & { path: NonNullable<IncludeNode['path']> } => item.kind === 'include' && item.path !== undefined);
	if (includes.length === 0) {
		return [];
	}
	const document = TextDocument.create(file.uri, 'memmap', 0, file.text);
	const newFileUri = moved(file.uri);
	const edits: TextEdit[] = [];
	for (const include of includes) {
		const written = include.path.value;
		const target = resolveInclude(file.uri, written);
		if (resolveInclude(newFileUri, written) === moved(target)) {
			// Still right from where the file will be (nothing moved, or both ends alike):
			// the path stays as written, however it is spelled.
			continue;
		}
		const newPath = pathFrom(newFileUri, moved(target), written);
		if (newPath !== undefined) {
			edits.push({ range: toRange(document, include.path.offset, include.path.length), newText: quoted(newPath) });
		}
	}
	return edits;
}

/**
 * How the file at `fromUri` names `targetUri`, in the style `written` has: absolute stays
 * absolute, and a `./` prefix is kept. Undefined for a uri that is not a file on disk.
 */
function pathFrom(fromUri: string, targetUri: string, written: string): string | undefined {
	let from: string;
	let target: string;
	try {
		from = fileURLToPath(fromUri);
		target = fileURLToPath(targetUri);
	} catch {
		return undefined;
	}
	if (path.isAbsolute(written.replace(/\\/g, '/')) || /^[A-Za-z]:[\\/]/.test(written)) {
		return target;
	}
	const relative = path.relative(path.dirname(from), target).split(path.sep).join('/');
	return written.startsWith('./') && !relative.startsWith('../') ? `./${relative}` : relative;
}

/** A string literal of the language: `"` and `\` escaped. */
function quoted(value: string): string {
	return `"${value.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}

/**
 * At most this many `.memmap` files, and directory entries, are looked at under the
 * workspace folders: a rename must not stall on a huge source tree beside the boards.
 */
const maxFiles = 20_000;
const maxEntries = 500_000;

/** The open `.memmap` documents, then the `.memmap` files under `folders` not open. */
function workspaceFiles(ctx: ServerContext, folders: readonly string[]): SourceFile[] {
	const files = ctx.documents.all().map((d) => ({ uri: d.uri, text: d.getText() }));
	const open = new Set(files.map((f) => f.uri));
	const pending = folders.flatMap((folder) => {
		try {
			return [fileURLToPath(folder)];
		} catch {
			return [];
		}
	});
	let seen = 0;
	let visited = 0;
	for (let dir = pending.pop(); dir !== undefined && seen < maxFiles && visited < maxEntries; dir = pending.pop()) {
		let entries: fs.Dirent[];
		try {
			entries = fs.readdirSync(dir, { withFileTypes: true });
		} catch {
			continue;
		}
		visited += entries.length;
		for (const entry of entries) {
			const full = path.join(dir, entry.name);
			if (entry.isDirectory() && !entry.name.startsWith('.') && entry.name !== 'node_modules') {
				pending.push(full);
			} else if (entry.isFile() && entry.name.endsWith('.memmap') && seen++ < maxFiles) {
				const uri = pathToFileURL(full).href;
				const text = open.has(uri) ? undefined : ctx.workspace.readText(uri);
				if (text !== undefined) {
					files.push({ uri, text });
				}
			}
		}
	}
	return files;
}

/**
 * `folders` gives the workspace folders as they are now (the client is asked, when it
 * can answer, so folders added since start-up count).
 */
export function registerFileRename(ctx: ServerContext, folders: () => Promise<readonly string[]>): void {
	ctx.connection.workspace.onWillRenameFiles(async (params: RenameFilesParams) => {
		const now = await folders();
		return guard(ctx, 'willRenameFiles', null, (files: readonly FileRename[]) => includeEditsForRenames(workspaceFiles(ctx, now), files))(params.files);
	});
}

/** The capability: `.memmap` files, and folders (which may hold some), on disk. */
export const willRenameFilters = {
	filters: [
		{ scheme: 'file', pattern: { glob: '**/*.memmap', matches: 'file' as const } },
		{ scheme: 'file', pattern: { glob: '**/*', matches: 'folder' as const } },
	],
};
