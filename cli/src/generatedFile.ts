/**
 * Generated files kept in a repository (`memmap export --output`): write one only when its
 * content changes, and tell whether a committed copy is still what the board gives.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CliFailure } from './failure';
import { readTextFile, writeTextFile } from './files';

/** How a file on disk compares with the text it should hold. */
export type Freshness =
	| { readonly state: 'current' }
	| { readonly state: 'missing' }
	| { readonly state: 'stale'; readonly line: number; readonly expected: string; readonly found: string };

/**
 * The text without its opening banner comment (a C comment in C and ld, an HTML one in
 * Markdown). The banner says how the file was made (the command line, with paths as typed
 * where it ran); a check run from another directory must not call an up-to-date file
 * stale, so only what follows the banner is compared.
 */
function withoutBanner(text: string): string {
	const [open, end] = text.startsWith('<!--') ? ['<!--', '-->'] : ['/*', '*/'];
	if (!text.startsWith(open)) {
		return text;
	}
	const close = text.indexOf(end, open.length);
	return close < 0 ? text : text.slice(close + end.length);
}

/** The lines of `text`; a final line break ends the last line rather than starting one. */
function linesOf(text: string): string[] {
	const lines = text.split('\n');
	if (lines.length > 1 && lines[lines.length - 1] === '') {
		lines.pop();
	}
	return lines;
}

/** Where `found` first differs from `expected`, line by line (1-based, in `found`). */
function firstDifference(expected: string, found: string): Freshness {
	const wantBody = withoutBanner(expected);
	const body = withoutBanner(found);
	if (wantBody === body) {
		return { state: 'current' };
	}
	const want = linesOf(wantBody);
	const have = linesOf(body);
	// The line where the body starts: the banner's last line, or the first.
	const bodyLine = found.slice(0, found.length - body.length).split('\n').length;
	for (let i = 0; i < Math.max(want.length, have.length); i++) {
		if (want[i] !== have[i]) {
			const expectedLine = want[i] ?? '(end of file)';
			return { state: 'stale', line: bodyLine + i, expected: expectedLine, found: have[i] ?? '(end of file)' };
		}
	}
	// Only the line break at the end differs.
	const last = bodyLine + have.length - 1;
	return wantBody.endsWith('\n')
		? { state: 'stale', line: last, expected: '(a line break at the end)', found: '(none)' }
		: { state: 'stale', line: last, expected: '(no line break at the end)', found: '(one)' };
}

function exists(file: string, cwd: string): boolean {
	try {
		fs.statSync(path.resolve(cwd, file));
		return true;
	} catch {
		return false;
	}
}

/** Compares `file` with `expected`, its banner comment aside. */
export function freshness(file: string, cwd: string, expected: string): Freshness {
	if (!exists(file, cwd)) {
		return { state: 'missing' };
	}
	return firstDifference(expected, readTextFile(file, cwd));
}

/** Writes `text` to `file` unless it already holds exactly that (build tools watch mtimes). */
export function writeIfChanged(file: string, cwd: string, text: string): void {
	if (exists(file, cwd)) {
		let current: string | undefined;
		try {
			current = readTextFile(file, cwd);
		} catch (error) {
			// A binary or unreadable file is overwritten; a directory fails in the write.
			if (!(error instanceof CliFailure)) {
				throw error;
			}
		}
		if (current === text) {
			return;
		}
	}
	writeTextFile(file, cwd, text);
}
