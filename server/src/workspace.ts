/**
 * The server's `WorkspaceHost`: the core asks it for the text of included files. Open
 * documents win over the disk (the user's unsaved edits count); other `file:` URIs are read
 * from disk, cached by modification time, and capped in size so a huge or binary include
 * cannot stall the server.
 */
import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { WorkspaceHost } from '../../core/src/index';

/** Files larger than this are treated as unreadable includes (16 MiB). */
const maxIncludeBytes = 16 * 1024 * 1024;

interface DiskEntry {
	readonly stamp: string;
	readonly text: string | undefined;
}

/** A stamp that changes whenever the text of `uri` may have changed. */
export type Stamp = string;

/** Reads open documents and the disk; remembers what it read so caches can validate. */
export class Workspace {
	readonly #documents: Pick<TextDocuments<TextDocument>, 'get'>;
	readonly #disk = new Map<string, DiskEntry>();

	constructor(documents: Pick<TextDocuments<TextDocument>, 'get'>) {
		this.#documents = documents;
	}

	/** The current stamp of `uri`: its version when open, else its mtime and size on disk. */
	stamp(uri: string): Stamp {
		const open = this.#documents.get(uri);
		if (open) {
			return `v${open.version}`;
		}
		return diskStamp(uri);
	}

	/** The text of `uri`, or undefined when it is neither open nor readable. */
	readText(uri: string): string | undefined {
		const open = this.#documents.get(uri);
		if (open) {
			return open.getText();
		}
		const stamp = diskStamp(uri);
		const cached = this.#disk.get(uri);
		if (cached && cached.stamp === stamp) {
			return cached.text;
		}
		const text = stamp === 'missing' ? undefined : readDisk(uri);
		this.#disk.set(uri, { stamp, text });
		return text;
	}

	/** Forgets a disk copy (after a file-watcher event). */
	invalidate(uri: string): void {
		this.#disk.delete(uri);
	}

	/**
	 * A host for one analysis that records the stamp of every document the core reads,
	 * so the cache can later tell whether that analysis is still current.
	 */
	recordingHost(read: Map<string, Stamp>): WorkspaceHost {
		return {
			readText: (uri) => {
				read.set(uri, this.stamp(uri));
				return this.readText(uri);
			},
			resolveInclude,
		};
	}
}

/** Resolves an include path against the including document's URI. */
export function resolveInclude(fromUri: string, path: string): string {
	try {
		return new URL(path.replace(/\\/g, '/'), fromUri).href;
	} catch {
		return path;
	}
}

function diskStamp(uri: string): Stamp {
	const path = filePath(uri);
	if (path === undefined) {
		return 'missing';
	}
	try {
		const stat = statSync(path);
		return stat.isFile() ? `d${stat.mtimeMs}:${stat.size}` : 'missing';
	} catch {
		return 'missing';
	}
}

function readDisk(uri: string): string | undefined {
	const path = filePath(uri);
	try {
		if (path === undefined || statSync(path).size > maxIncludeBytes) {
			return undefined;
		}
		return readFileSync(path, 'utf8');
	} catch {
		return undefined;
	}
}

function filePath(uri: string): string | undefined {
	if (!uri.startsWith('file:')) {
		return undefined;
	}
	try {
		return fileURLToPath(uri);
	} catch {
		return undefined;
	}
}
