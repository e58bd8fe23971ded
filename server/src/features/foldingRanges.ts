/** Folding ranges: region blocks that span lines, block comments and runs of line comments. */
import { FoldingRangeKind, type FoldingRange, type FoldingRangeParams } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analysis } from '../../../core/src/index';
import { toPosition } from '../convert';
import { analysisFor, cancellableGuard, type ServerContext } from '../context';
import { forEachStatement } from '../syntaxQuery';

/** The folding ranges of `document`, sorted by start line. */
export function foldingRanges(analysis: Analysis, document: TextDocument): FoldingRange[] {
	const file = analysis.documents.get(document.uri)?.file;
	if (!file) {
		return [];
	}
	const result: FoldingRange[] = [];
	const line = (offset: number): number => toPosition(document, offset).line;
	forEachStatement(file, (statement) => {
		const node = statement.kind === 'region' ? statement.body : undefined;
		if (node) {
			const start = line(node.offset);
			// Keep the closing brace visible: fold up to the line before it when closed.
			const end = line(node.offset + node.length) - (node.closed ? 1 : 0);
			if (end > start) {
				result.push({ startLine: start, endLine: end });
			}
		}
	});
	let run: { start: number; end: number } | undefined;
	const flush = (): void => {
		if (run && run.end > run.start) {
			result.push({ startLine: run.start, endLine: run.end, kind: FoldingRangeKind.Comment });
		}
		run = undefined;
	};
	for (const comment of file.comments) {
		const start = line(comment.offset);
		const end = line(comment.offset + comment.length);
		if (comment.block) {
			flush();
			if (end > start) {
				result.push({ startLine: start, endLine: end, kind: FoldingRangeKind.Comment });
			}
		} else if (run && start === run.end + 1) {
			run.end = start;
		} else {
			flush();
			run = { start, end: start };
		}
	}
	flush();
	return result.sort((a, b) => a.startLine - b.startLine);
}

export function registerFoldingRanges(ctx: ServerContext): void {
	ctx.connection.onFoldingRanges(
		cancellableGuard(ctx, 'foldingRanges', [], (params: FoldingRangeParams) => {
			const found = analysisFor(ctx, params.textDocument.uri);
			return found ? foldingRanges(found.analysis, found.document) : [];
		}),
	);
}
