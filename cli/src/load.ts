/**
 * Shared steps of the commands that look at one board: analyse a file from disk, report
 * its errors on stderr, and pick the address spaces asked for.
 */
import { analyze } from '../../core/src/index';
import type { Analysis, SpaceView } from '../../core/src/index';
import type { Io } from './command';
import { diagnosticText, orderDiagnostics, SourceTexts } from './diagnosticOutput';
import { CliFailure } from './failure';
import { createInputHost, inputUri } from './files';

/** A board analysed from disk, with the texts needed to print locations. */
export interface LoadedBoard {
	readonly analysis: Analysis;
	readonly texts: SourceTexts;
}

/**
 * Analyses `file` (and its includes), or standard input for `-`; throws a one-line
 * `CliFailure` if it cannot be read.
 */
export function loadBoard(file: string, io: Io): LoadedBoard {
	const uri = inputUri(file, io);
	const analysis = analyze(uri, createInputHost(io));
	const texts = new SourceTexts(io.cwd);
	for (const [docUri, doc] of analysis.documents) {
		texts.add(docUri, doc.text);
	}
	return { analysis, texts };
}

/**
 * Prints the board's errors on stderr (the output is still printed, best effort) and
 * returns whether there were any.
 */
export function reportErrors(board: LoadedBoard, io: Io): boolean {
	const errors = orderDiagnostics(board.analysis.diagnostics).filter(
		(d) => d.severity === 'error',
	);
	for (const d of errors) {
		io.stderr(diagnosticText(board.texts, d));
	}
	return errors.length > 0;
}

/** Every space, or only the one named `name`; an unknown name is a usage error. */
export function selectSpaces(
	command: string,
	analysis: Analysis,
	name: string | undefined,
): readonly SpaceView[] {
	if (name === undefined) {
		return analysis.views;
	}
	const views = analysis.views.filter((v) => v.space.name === name);
	if (views.length === 0) {
		const known = analysis.views.map((v) => v.space.name);
		const list = known.length > 0 ? known.join(', ') : 'none';
		throw new CliFailure(`${command}: unknown space '${name}' (spaces: ${list})`);
	}
	return views;
}
