/**
 * `memmap/export`: one address space of the board as a C header or a GNU ld `MEMORY`
 * command, decided by the same core function as `memmap export`, so the editor and CI
 * write the same text.
 */
import { RequestType } from 'vscode-languageserver';
import { exportFormats, exportSpace, uriFileName } from '../../../core/src/index';
import type { Analysis } from '../../../core/src/index';
import { exportMethod, type ExportParams, type ExportResult } from '../../../core/src/protocol';
import { analysisFor, guard, type ServerContext } from '../context';

export const exportRequest = new RequestType<ExportParams, ExportResult, void>(exportMethod);

/** Answers an export request over an analysis; problems come back in `error`, never thrown. */
export function exportBoard(analysis: Analysis, params: ExportParams): ExportResult {
	const format = exportFormats.find((f) => f === params.format);
	if (format === undefined) {
		return { error: `unknown export format '${String(params.format)}' (expected ${exportFormats.join(', ')})` };
	}
	// A file that an open board includes exports that board, which `file` does not name.
	const file = params.file !== undefined && analysis.entry === params.uri ? params.file : uriFileName(analysis.entry);
	const outcome = exportSpace(analysis, { format, space: params.space, prefix: params.prefix, file });
	if (outcome.ok) {
		const space = params.space ?? analysis.views[0]?.space.name;
		return { text: outcome.text, space };
	}
	if (outcome.problem === 'errors') {
		const count = analysis.diagnostics.filter((d) => d.severity === 'error').length;
		const errors = count === 1 ? '1 error' : `${count} errors`;
		return { error: `The board has ${errors}; fix them first (see the Problems view). Nothing was exported.` };
	}
	return { error: outcome.message };
}

export function registerExport(ctx: ServerContext): void {
	ctx.connection.onRequest(
		exportRequest,
		guard(ctx, 'export', { error: 'internal error' }, (params: ExportParams) => {
			const found = analysisFor(ctx, params.uri);
			return found ? exportBoard(found.analysis, params) : { error: `'${params.uri}' is not open` };
		}),
	);
}
