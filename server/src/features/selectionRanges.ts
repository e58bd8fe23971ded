/** Selection ranges: expand from a token to its property, statement, block, region, file. */
import type { Position, SelectionRange, SelectionRangeParams } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analysis } from '../../../core/src/index';
import { toOffset, toRange } from '../convert';
import { analysisFor, guard, type ServerContext } from '../context';
import { pathAt } from '../syntaxQuery';

/** The deepest chain of selection ranges returned (innermost levels are kept). */
const maxDepth = 200;

/** One selection range chain per position (innermost first, each with its parent). */
export function selectionRanges(
	analysis: Analysis,
	document: TextDocument,
	positions: readonly Position[],
): SelectionRange[] {
	const file = analysis.documents.get(document.uri)?.file;
	return positions.map((position) => {
		const offset = toOffset(document, position);
		let parent: SelectionRange | undefined;
		let last = '';
		const path = file ? pathAt(file, offset) : [];
		// Deeply nested input would make a parent chain too deep to serialise: keep the
		// file and the innermost levels.
		const kept = path.length > maxDepth ? [path[0], ...path.slice(-maxDepth)] : path;
		for (const node of kept) {
			if (!node) {
				continue;
			}
			const key = `${node.offset}:${node.length}`;
			if (key === last || node.length === 0) {
				continue;
			}
			last = key;
			parent = { range: toRange(document, node.offset, node.length), ...(parent ? { parent } : {}) };
		}
		return parent ?? { range: { start: position, end: position } };
	});
}

export function registerSelectionRanges(ctx: ServerContext): void {
	ctx.connection.onSelectionRanges(
		guard(ctx, 'selectionRanges', [], (params: SelectionRangeParams) => {
			const found = analysisFor(ctx, params.textDocument.uri);
			return found ? selectionRanges(found.analysis, found.document, params.positions) : [];
		}),
	);
}
