/** `memmap fmt FILE... [--write|--check|--diff] [--lines FIRST:LAST]`: the canonical layout of `.memmap` files. */
import * as path from 'node:path';
import { applyReplacements, formatEditsOf, formatLines, formatRangeOf, LineIndex, parse, type TextReplacement } from '../../../core/src/index';
import { expectPositionals } from '../args';
import type { ParsedArgs } from '../args';
import type { Command, Io } from '../command';
import { diagnosticText, orderDiagnostics, SourceTexts } from '../diagnosticOutput';
import { CliFailure, exitFindings, exitOk } from '../failure';
import { expandFiles, inputName, readInput, stdinArgument, writeTextFile } from '../files';
import { unifiedDiff } from '../render/unifiedDiff';

const help = `usage: memmap fmt FILE... [--write|--check|--diff] [--lines FIRST:LAST]

Formats .memmap files canonically (aligned columns, every comment kept); a FILE that is a
folder stands for every .memmap file under it, and '-' for standard input (the one FILE
then: an editor pipes its buffer through 'memmap fmt -'). With one file and no option,
prints the formatted text. A file keeps its line ends (CRLF stays CRLF), as in the
editor. Files with syntax errors are refused: their diagnostics are printed on stderr.

options:
  --write   rewrite the files that are not formatted (prints nothing)
  --check   list the files that are not formatted and exit 1 if there are any
  --diff    print what formatting would change, as a unified diff ('patch -p0'
            applies it), and exit 1 if it would change anything
  --lines FIRST:LAST
            format only these lines (1-based, inclusive; FIRST alone for one line) of
            one FILE, as the editor's Format Selection does: they become what the whole
            file's formatting makes of them, the rest stays as written

exit status: 0 ok, 1 unformatted files (--check, --diff) or syntax errors, 2 usage or I/O error
`;

type Mode = 'print' | 'write' | 'check' | 'diff';

function modeOf(args: ParsedArgs, files: readonly string[]): Mode {
	const chosen: Mode[] = (['write', 'check', 'diff'] as const).filter((m) => args.flags.has(`--${m}`));
	if (chosen.length > 1) {
		throw new CliFailure(`fmt: ${chosen.map((m) => `--${m}`).join(' and ')} cannot be combined`);
	}
	const mode: Mode = chosen[0] ?? 'print';
	if (mode === 'print' && files.length > 1) {
		throw new CliFailure('fmt: several files need --write, --check or --diff');
	}
	if (files.includes(stdinArgument) && files.length > 1) {
		throw new CliFailure(`fmt: '${stdinArgument}' (standard input) must be the only FILE`);
	}
	if (files.includes(stdinArgument) && mode === 'write') {
		throw new CliFailure(`fmt: --write cannot rewrite standard input; without it, the formatted text is printed`);
	}
	return mode;
}

/** Prints the syntax errors of a file `format` refused. */
function reportRefusal(file: string, text: string, io: Io): void {
	const uri = path.resolve(io.cwd, inputName(file));
	const texts = new SourceTexts(io.cwd);
	texts.add(uri, text);
	const errors = orderDiagnostics(parse(text, uri).diagnostics).filter(
		(d) => d.severity === 'error',
	);
	if (errors.length === 0) {
		io.stderr(`memmap: fmt: '${file}' cannot be formatted\n`);
	}
	for (const d of errors) {
		io.stderr(diagnosticText(texts, d));
	}
}

/** The `--lines` range, 1-based and inclusive; undefined without the option. */
function linesOf(args: ParsedArgs, files: readonly string[]): { first: number; last: number } | undefined {
	const value = args.values.get('--lines');
	if (value === undefined) {
		return undefined;
	}
	const match = /^([1-9][0-9]*)(?::([1-9][0-9]*))?$/.exec(value);
	const first = Number(match?.[1]);
	const last = Number(match?.[2] ?? match?.[1]);
	if (!match || last < first) {
		throw new CliFailure(`fmt: invalid --lines '${value}' (expected FIRST:LAST, 1-based, FIRST <= LAST)`);
	}
	if (files.length !== 1) {
		throw new CliFailure('fmt: --lines needs exactly one FILE');
	}
	return { first, last };
}

type Lines = { first: number; last: number } | undefined;

/**
 * `text` formatted whole, or only in `lines`, and the edits that make it (for `--diff`);
 * undefined on syntax errors. The result is the editor's Format Document (or Format
 * Selection) applied to the file: the formatter's own edits, which touch only what
 * changes and write the file's line end (`\r\n` if it has one), so a CRLF file stays
 * CRLF and `--check` finds nothing to do in a formatted one.
 */
function formatted(text: string, lines: Lines): { result: string; edits: TextReplacement[] } | undefined {
	const printed = formatLines(text);
	if (printed === undefined) {
		return undefined;
	}
	let edits: TextReplacement[];
	if (lines === undefined) {
		edits = formatEditsOf(text, printed);
	} else {
		const index = new LineIndex(text);
		const edit = formatRangeOf(text, printed, index.offsetOfLine(lines.first), index.offsetOfLine(lines.last + 1));
		edits = edit === undefined ? [] : [edit];
	}
	return { result: applyReplacements(text, edits), edits };
}

function runFmt(args: ParsedArgs, io: Io): number {
	expectPositionals('fmt', args, 1, undefined, 'FILE');
	const files = expandFiles(args.positionals, io.cwd);
	const mode = modeOf(args, files);
	const lines = linesOf(args, files);
	const inputs = files.map((file) => ({
		file,
		text: readInput(file, io),
	}));
	let findings = false;
	for (const { file, text } of inputs) {
		const formatting = formatted(text, lines);
		if (formatting === undefined) {
			reportRefusal(file, text, io);
			findings = true;
			continue;
		}
		const { result } = formatting;
		if (mode === 'print') {
			io.stdout(result);
		} else if (result !== text && mode === 'write') {
			writeTextFile(file, io.cwd, result);
		} else if (result !== text && mode === 'diff') {
			io.stdout(unifiedDiff(text, formatting.edits, inputName(file)));
			findings = true;
		} else if (result !== text) {
			io.stdout(`${inputName(file)}\n`);
			findings = true;
		}
	}
	return findings ? exitFindings : exitOk;
}

export const fmtCommand: Command = {
	name: 'fmt',
	summary: 'format .memmap files, or some lines of one (print, --write, --check or --diff)',
	help,
	options: { '--write': 'flag', '--check': 'flag', '--diff': 'flag', '--lines': 'value' },
	run: runFmt,
};
