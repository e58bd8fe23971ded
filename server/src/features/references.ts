/** Find references: every written name of the region under the cursor, across includes. */
import type { Location, ReferenceParams } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analysis } from '../../../core/src/index';
import { toLocation, toOffset } from '../convert';
import { analysisFor, guard, type ServerContext } from '../context';
import { occurrencesOf, regionAtCursor } from '../model';

/** The references of the region at `offset`; its declaration only when asked for. */
export function references(
	analysis: Analysis,
	document: TextDocument,
	offset: number,
	includeDeclaration: boolean,
): Location[] {
	const found = regionAtCursor(analysis, document.uri, offset);
	if (!found) {
		return [];
	}
	const all = occurrencesOf(analysis, found.region);
	return (includeDeclaration ? all : all.slice(1)).map((loc) => toLocation(analysis, loc));
}

export function registerReferences(ctx: ServerContext): void {
	ctx.connection.onReferences(
		guard(ctx, 'references', [], (params: ReferenceParams) => {
			const found = analysisFor(ctx, params.textDocument.uri);
			if (!found) {
				return [];
			}
			const offset = toOffset(found.document, params.position);
			return references(found.analysis, found.document, offset, params.context.includeDeclaration);
		}),
	);
}
