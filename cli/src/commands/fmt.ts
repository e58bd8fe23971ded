/** `memmap fmt FILE... [--write|--check]`: the canonical layout of `.memmap` files. */
import * as path from 'node:path';
import { format, parse } from '../../../core/src/index';
import { expectPositionals } from '../args';
import type { ParsedArgs } from '../args';
import type { Command, Io } from '../command';
import { diagnosticText, orderDiagnostics, SourceTexts } from '../diagnosticOutput';
import { CliFailure, exitFindings, exitOk } from '../failure';
import { expandFiles, readTextFile, writeTextFile } from '../files';

const help = `usage: memmap fmt FILE... [--write|--check]

Formats .memmap files canonically (aligned columns, every comment kept); a FILE that is a
folder stands for every .memmap file under it. With one file and no option, prints the
formatted text. Files with syntax errors are refused: their diagnostics are printed on
stderr.

options:
  --write   rewrite the files that are not formatted (prints nothing)
  --check   list the files that are not formatted and exit 1 if there are any

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
	return mode;
}

/** Prints the syntax errors of a file `format` refused. */
function reportRefusal(file: string, text: string, io: Io): void {
	const uri = path.resolve(io.cwd, file);
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

function runFmt(args: ParsedArgs, io: Io): number {
	expectPositionals('fmt', args, 1, undefined, 'FILE');
	const files = expandFiles(args.positionals, io.cwd);
	const mode = modeOf(args, files);
	const inputs = files.map((file) => ({
		file,
		text: readTextFile(file, io.cwd),
	}));
	let findings = false;
	for (const { file, text } of inputs) {
		const formatted = format(text);
		if (formatted === undefined) {
			reportRefusal(file, text, io);
			findings = true;
		} else if (mode === 'print') {
			io.stdout(formatted);
		} else if (formatted !== text && mode === 'write') {
			writeTextFile(file, io.cwd, formatted);
		} else if (formatted !== text) {
			io.stdout(`${file}\n`);
			findings = true;
		}
	}
	return findings ? exitFindings : exitOk;
}

export const fmtCommand: Command = {
	name: 'fmt',
	summary: 'format .memmap files (print, --write or --check)',
	help,
	options: { '--write': 'flag', '--check': 'flag' },
	run: runFmt,
};
