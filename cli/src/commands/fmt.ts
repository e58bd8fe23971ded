/** `memmap fmt FILE... [--write|--check] [--lines FIRST:LAST]`: the canonical layout of `.memmap` files. */
import * as path from 'node:path';
import { format, formatLines, formatRangeOf, parse } from '../../../core/src/index';
import { expectPositionals } from '../args';
import type { ParsedArgs } from '../args';
import type { Command, Io } from '../command';
import { diagnosticText, orderDiagnostics, SourceTexts } from '../diagnosticOutput';
import { CliFailure, exitFindings, exitOk } from '../failure';
import { expandFiles, inputName, readInput, stdinArgument, writeTextFile } from '../files';
import { LineIndex } from '../positions';

const help = `usage: memmap fmt FILE... [--write|--check] [--lines FIRST:LAST]

Formats .memmap files canonically (aligned columns, every comment kept); a FILE that is a
folder stands for every .memmap file under it, and '-' for standard input (the one FILE
then: an editor pipes its buffer through 'memmap fmt -'). With one file and no option,
prints the formatted text. Files with syntax errors are refused: their diagnostics are
printed on stderr.

options:
  --write   rewrite the files that are not formatted (prints nothing)
  --check   list the files that are not formatted and exit 1 if there are any
  --lines FIRST:LAST
            format only these lines (1-based, inclusive; FIRST alone for one line) of
            one FILE, as the editor's Format Selection does: they become what the whole
            file's formatting makes of them, the rest stays as written

exit status: 0 ok, 1 unformatted files (--check) or syntax errors, 2 usage or I/O error
`;

type Mode = 'print' | 'write' | 'check';

function modeOf(args: ParsedArgs, files: readonly string[]): Mode {
	const write = args.flags.has('--write');
	const check = args.flags.has('--check');
	if (write && check) {
		throw new CliFailure('fmt: --write and --check cannot be combined');
	}
	const mode: Mode = write ? 'write' : check ? 'check' : 'print';
	if (mode === 'print' && files.length > 1) {
		throw new CliFailure('fmt: several files need --write or --check');
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

/** `text` formatted whole, or only in `lines`; undefined on syntax errors. */
function formatted(text: string, lines: { first: number; last: number } | undefined): string | undefined {
	if (lines === undefined) {
		return format(text);
	}
	const printed = formatLines(text);
	if (printed === undefined) {
		return undefined;
	}
	const index = new LineIndex(text);
	const edit = formatRangeOf(text, printed, index.offsetOfLine(lines.first), index.offsetOfLine(lines.last + 1));
	return edit === undefined ? text : text.slice(0, edit.start) + edit.newText + text.slice(edit.end);
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
		const result = formatted(text, lines);
		if (result === undefined) {
			reportRefusal(file, text, io);
			findings = true;
		} else if (mode === 'print') {
			io.stdout(result);
		} else if (result !== text && mode === 'write') {
			writeTextFile(file, io.cwd, result);
		} else if (result !== text) {
			io.stdout(`${inputName(file)}\n`);
			findings = true;
		}
	}
	return findings ? exitFindings : exitOk;
}

export const fmtCommand: Command = {
	name: 'fmt',
	summary: 'format .memmap files, or some lines of one (print, --write or --check)',
	help,
	options: { '--write': 'flag', '--check': 'flag', '--lines': 'value' },
	run: runFmt,
};
