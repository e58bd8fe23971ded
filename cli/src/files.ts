/**
 * The CLI's only contact with the file system: reading inputs with one-line errors, the
 * `WorkspaceHost` that lets the core follow `include`s on disk, and display paths.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { WorkspaceHost } from '../../core/src/index';
import type { Io } from './command';
import { CliFailure } from './failure';

/** Why a file could not be read as text, or undefined when it can. */
type ReadResult = { readonly text: string } | { readonly problem: string };

/** A NUL byte in the first 8 KiB marks a binary file, as git and grep decide. */
function isBinary(buffer: Buffer): boolean {
	return buffer.subarray(0, 8192).includes(0);
}

function problemOf(error: unknown): string {
	const code = (error as { code?: unknown } | null)?.code;
	switch (code) {
		case 'ENOENT':
			return 'no such file';
		case 'EISDIR':
			return 'is a directory';
		case 'EACCES':
		case 'EPERM':
			return 'permission denied';
		default:
			return error instanceof Error ? error.message : String(error);
	}
}

function tryRead(file: string): ReadResult {
	try {
		if (fs.statSync(file).isDirectory()) {
			return { problem: 'is a directory' };
		}
		return textOf(fs.readFileSync(file));
	} catch (error) {
		return { problem: problemOf(error) };
	}
}

function textOf(buffer: Buffer): ReadResult {
	if (isBinary(buffer)) {
		return { problem: 'is a binary file, not text' };
	}
	// Editors drop a UTF-8 byte-order mark; doing the same keeps offsets comparable.
	return { text: buffer.toString('utf8').replace(/^\uFEFF/, '') };
}

/**
 * A FILE written as `-` is standard input, as for most formatters and linters, so that an
 * editor can pipe the buffer it shows and a pipeline can feed QEMU's output. Its text
 * goes by the name `<stdin>` in the working directory: messages name it so, and its
 * includes are found from there.
 */
export const stdinArgument = '-';
const stdinName = '<stdin>';

/** How messages name `file`: `<stdin>` for `-`, else as written. */
export function inputName(file: string): string {
	return file === stdinArgument ? stdinName : file;
}

/** Reads this process's standard input whole, as text (the `Io.stdin` of the real CLI). */
export function readStandardInput(): string {
	let result: ReadResult;
	try {
		result = textOf(fs.readFileSync(0));
	} catch (error) {
		result = { problem: problemOf(error) };
	}
	if ('problem' in result) {
		throw new CliFailure(`cannot read '${stdinArgument}' (standard input): ${result.problem}`);
	}
	return result.text;
}

/** The text of `file`, or of standard input for `-`; a one-line `CliFailure` if unreadable. */
export function readInput(file: string, io: Io): string {
	if (file !== stdinArgument) {
		return readTextFile(file, io.cwd);
	}
	if (io.stdin === undefined) {
		throw new CliFailure(`cannot read '${stdinArgument}': no standard input`);
	}
	return io.stdin();
}

/** The uri the core knows `file` by (checked readable): its absolute path, or `<stdin>`'s. */
export function inputUri(file: string, io: Io): string {
	if (file === stdinArgument) {
		readInput(file, io);
		return path.resolve(io.cwd, stdinName);
	}
	return requireTextFile(file, io.cwd);
}

/** `createFileHost`, with `<stdin>`'s text served from standard input. */
export function createInputHost(io: Io): WorkspaceHost {
	const files = createFileHost();
	const stdinUri = path.resolve(io.cwd, stdinName);
	return {
		readText: (uri) => (uri === stdinUri && io.stdin !== undefined ? io.stdin() : files.readText(uri)),
		resolveInclude: (fromUri, includePath) => files.resolveInclude(fromUri, includePath),
	};
}

/** Reads `file` (as written by the user) as text; throws a one-line `CliFailure` if it cannot. */
export function readTextFile(file: string, cwd: string): string {
	const result = tryRead(path.resolve(cwd, file));
	if ('problem' in result) {
		throw new CliFailure(`cannot read '${file}': ${result.problem}`);
	}
	return result.text;
}

/** Directories a folder argument never descends into: VCS data, dependencies, hidden tools. */
function skipsDirectory(name: string): boolean {
	return name.startsWith('.') || name === 'node_modules';
}

/**
 * The `.memmap` files under `dir` (paths as written, joined with `path.join`), in path
 * order. Symbolic links to files count; links to folders are not followed (no loops).
 */
function memmapFilesUnder(dir: string, cwd: string): string[] {
	const found: string[] = [];
	const pending = [dir];
	for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
		let entries: fs.Dirent[];
		try {
			entries = fs.readdirSync(path.resolve(cwd, next), { withFileTypes: true });
		} catch (error) {
			throw new CliFailure(`cannot read '${next}': ${problemOf(error)}`);
		}
		for (const entry of entries) {
			const child = path.join(next, entry.name);
			if (entry.isDirectory() && !skipsDirectory(entry.name)) {
				pending.push(child);
			} else if ((entry.isFile() || entry.isSymbolicLink()) && entry.name.endsWith('.memmap')) {
				found.push(child);
			}
		}
	}
	return found.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * The files named on a command line, each directory replaced by the `.memmap` files under
 * it (recursively, in path order; hidden folders and node_modules skipped), as linters and
 * formatters take a folder. A file named twice counts once; a folder with no `.memmap`
 * file is a one-line error.
 */
export function expandFiles(files: readonly string[], cwd: string): string[] {
	const result: string[] = [];
	const seen = new Set<string>();
	for (const file of files) {
		let isDirectory = false;
		try {
			// `-` is standard input, even beside a folder of that name.
			isDirectory = file !== stdinArgument && fs.statSync(path.resolve(cwd, file)).isDirectory();
		} catch {
			// Not there: reading it reports why, in the caller's words.
		}
		const expanded = isDirectory ? memmapFilesUnder(file, cwd) : [file];
		if (isDirectory && expanded.length === 0) {
			throw new CliFailure(`no .memmap files in '${file}'`);
		}
		for (const one of expanded) {
			const absolute = path.resolve(cwd, one);
			if (!seen.has(absolute)) {
				seen.add(absolute);
				result.push(one);
			}
		}
	}
	return result;
}

/** Checks that `file` is a readable text file and returns its absolute path (the core's uri). */
export function requireTextFile(file: string, cwd: string): string {
	readTextFile(file, cwd);
	return path.resolve(cwd, file);
}

/** Writes `text` to `file`; throws a one-line `CliFailure` if it cannot. */
export function writeTextFile(file: string, cwd: string, text: string): void {
	try {
		fs.writeFileSync(path.resolve(cwd, file), text);
	} catch (error) {
		throw new CliFailure(`cannot write '${file}': ${problemOf(error)}`);
	}
}

/**
 * A host over the file system: a uri is an absolute path and an include is resolved
 * against the including file's directory. Directories and binary files read as absent,
 * so the core reports them as includes it cannot read.
 */
export function createFileHost(): WorkspaceHost {
	return {
		readText(uri: string): string | undefined {
			const result = tryRead(uri);
			return 'text' in result ? result.text : undefined;
		},
		resolveInclude(fromUri: string, includePath: string): string {
			return path.resolve(path.dirname(fromUri), includePath);
		},
	};
}

/** The path to show for `uri`: relative to `cwd` when inside it, else as is. */
export function displayPath(uri: string, cwd: string): string {
	if (!path.isAbsolute(uri)) {
		return uri;
	}
	const relative = path.relative(cwd, uri);
	return relative === '' || relative.startsWith('..') || path.isAbsolute(relative)
		? uri
		: relative;
}
