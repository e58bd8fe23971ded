/** `memmap check FILE... [--strict] [--severity ...] [--format ...]`: the diagnostics of boards. */
import { analyze } from '../../../core/src/index';
import type { Diagnostic } from '../../../core/src/index';
import { choice, expectPositionals } from '../args';
import type { ParsedArgs } from '../args';
import { githubAnnotation, sarifLog } from '../ciOutput';
import type { Command, Io } from '../command';
import {
	diagnosticJson,
	diagnosticText,
	orderDiagnostics,
	SourceTexts,
} from '../diagnosticOutput';
import { exitFindings, exitOk } from '../failure';
import { createInputHost, expandFiles, inputUri } from '../files';
import { applyOverrides, parseOverrides } from '../severityOption';

const help = `usage: memmap check FILE... [--strict] [--severity CODE=LEVEL,...] [--format text|json|sarif|github]

Checks each board (and the files it includes; a FILE that is a folder stands for every
.memmap file under it) and prints every diagnostic as
  file:line:column: severity: message [code]
followed by 'note:' lines for related locations (the other region of an overlap).
Lines and columns are 1-based; columns count UTF-16 code units. A board NAME.memmap
with QEMU's 'info mtree -f' text beside it as NAME.flat.txt is also compared with it
(qemu.mismatch warnings).

options:
  --strict          exit 1 on warnings too, not only on errors
  --severity LIST   per-code overrides, as the editor's memmap.diagnostics.severity:
                    CODE=LEVEL pairs separated by commas, LEVEL one of error, warning,
                    information, hint (both printed as info) or off (not printed)
  --format FORMAT   text (default); json: an array of
                    {file, line, column, endLine, endColumn, severity, code, message, related[]};
                    sarif: a SARIF 2.1.0 log for code scanning (GitHub, Azure DevOps);
                    github: GitHub Actions workflow commands, which annotate the diff

exit status: 0 clean, 1 errors (or warnings with --strict), 2 usage or I/O error
`;

function formatDiagnostics(format: string, texts: SourceTexts, diagnostics: readonly Diagnostic[]): string {
	switch (format) {
		case 'json':
			return JSON.stringify(diagnostics.map((d) => diagnosticJson(texts, d)), null, 2) + '\n';
		case 'sarif':
			return JSON.stringify(sarifLog(texts, diagnostics), null, 2) + '\n';
		case 'github':
			return diagnostics.map((d) => githubAnnotation(texts, d)).join('');
		default:
			return diagnostics.map((d) => diagnosticText(texts, d)).join('');
	}
}

function runCheck(args: ParsedArgs, io: Io): number {
	expectPositionals('check', args, 1, undefined, 'FILE');
	const format = choice('check', args, '--format', ['text', 'json', 'sarif', 'github'], 'text');
	const overrides = parseOverrides(args.values.get('--severity'));
	// Every file is read first so that an unreadable one fails before any output.
	const uris = expandFiles(args.positionals, io.cwd).map((file) => inputUri(file, io));
	const texts = new SourceTexts(io.cwd);
	const all: Diagnostic[] = [];
	const host = createInputHost(io);
	for (const uri of uris) {
		const analysis = analyze(uri, host);
		for (const [docUri, doc] of analysis.documents) {
			texts.add(docUri, doc.text);
		}
		all.push(...analysis.diagnostics);
	}
	const diagnostics = applyOverrides(orderDiagnostics(all), overrides);
	io.stdout(formatDiagnostics(format, texts, diagnostics));
	const strict = args.flags.has('--strict');
	const failing = diagnostics.some(
		(d) => d.severity === 'error' || (strict && d.severity === 'warning'),
	);
	return failing ? exitFindings : exitOk;
}

export const checkCommand: Command = {
	name: 'check',
	summary: 'print the diagnostics of boards (exit 1 on errors)',
	help,
	options: { '--strict': 'flag', '--severity': 'value', '--format': 'value' },
	run: runCheck,
};
