/**
 * One export request, decided once for the CLI (`memmap export`) and the editor
 * (`memmap/export`): which space, whether the board may be exported at all, the
 * command line that regenerates the output, and the text.
 */
import { baseName } from '../fileNames';
import { firstSpaceOfEachName, type Analysis } from '../model/analyze';
import { cHeader } from './cHeader';
import { linkerMemory } from './linkerMemory';
import { markdownMap, markdownMaps } from './markdownMap';
import { qemuCode } from './qemuCode';

export type ExportFormat = 'c' | 'ld' | 'md' | 'qemu';
export const exportFormats: readonly ExportFormat[] = ['c', 'ld', 'md', 'qemu'];

const writers: Readonly<Record<ExportFormat, typeof cHeader>> = { c: cHeader, ld: linkerMemory, md: markdownMap, qemu: qemuCode };

export interface ExportRequest {
	readonly format: ExportFormat;
	/** The address space; may be left out when the board has exactly one. */
	readonly space?: string;
	/** Put in front of every name; must be a C identifier (or empty). */
	readonly prefix?: string;
	/** The board as its user names it (a path relative to where commands run). */
	readonly file: string;
	/** Where the output is kept, when it is kept in a file (`--output`). */
	readonly output?: string;
}

/**
 * The text, or why there is none: `errors` when the board has errors (a header built from
 * a guess would compile and be wrong), `usage` when the request itself is wrong.
 */
export type ExportOutcome =
	| { readonly ok: true; readonly text: string; readonly command: string }
	| { readonly ok: false; readonly problem: 'errors' | 'usage'; readonly message: string };

/** True for a prefix that keeps every generated name an identifier. */
export function isExportPrefix(prefix: string): boolean {
	return prefix === '' || /^[A-Za-z_][A-Za-z0-9_]*$/.test(prefix);
}

/** `word` as a POSIX shell needs it written (quoted only when it must be). */
export function shellWord(word: string): string {
	return /^[A-Za-z0-9_./:=@%+-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/** The `memmap export` command line that regenerates the output, options in one order. */
export function exportCommandLine(request: ExportRequest): string {
	const words = ['memmap', 'export', request.file, '--format', request.format];
	const optional: [string, string | undefined][] = [
		['--space', request.space],
		['--prefix', request.prefix === '' ? undefined : request.prefix],
		['--output', request.output],
	];
	for (const [option, value] of optional) {
		if (value !== undefined) {
			words.push(option, value);
		}
	}
	return words.map(shellWord).join(' ');
}

function usage(message: string): ExportOutcome {
	return { ok: false, problem: 'usage', message };
}

/** Exports one space of `analysis` as `request` asks. */
export function exportSpace(analysis: Analysis, request: ExportRequest): ExportOutcome {
	const prefix = request.prefix ?? '';
	if (!isExportPrefix(prefix)) {
		return usage(`--prefix '${prefix}' is not an identifier (letters, digits and '_', not starting with a digit)`);
	}
	if (prefix !== '' && request.format === 'md') {
		return usage('--prefix names the C macros and ld regions: it does not apply to --format md');
	}
	const named = firstSpaceOfEachName(analysis.views);
	const names = named.map((v) => v.space.name);
	if (request.space !== undefined && !names.includes(request.space)) {
		return usage(`unknown space '${request.space}' (spaces: ${names.length > 0 ? names.join(', ') : 'none'})`);
	}
	if (analysis.diagnostics.some((d) => d.severity === 'error')) {
		return { ok: false, problem: 'errors', message: 'the board has errors; nothing exported' };
	}
	const views = request.space === undefined ? named : named.filter((v) => v.space.name === request.space);
	const view = views[0];
	const command = exportCommandLine(request);
	const options = { source: baseName(request.file), prefix, command };
	if (request.format === 'md' && request.space === undefined && views.length > 1) {
		// A document can hold every space; names clash only in C and ld.
		return { ok: true, text: markdownMaps(analysis.tree, views, options), command };
	}
	if (view === undefined || views.length > 1) {
		return usage(
			names.length === 0
				? 'the board has no address space'
				: `the board has ${names.length} address spaces; choose one with --space (${names.join(', ')})`,
		);
	}
	const text = writers[request.format](analysis.tree, view, options);
	return { ok: true, text, command };
}
