/**
 * Document highlight: with the cursor on a region's name (its declaration or any segment
 * of a reference to it), every place this document writes that region's name. The
 * declaration is a `Write` highlight, each reference a `Read`, so the editor can tell
 * them apart. It is the same region as references and rename find, not the same text:
 * two regions named `ram` in different containers do not light each other up, which
 * the editor's word-based fallback would do.
 */
import { DocumentHighlightKind, type DocumentHighlight, type DocumentHighlightParams } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analysis } from '../../../core/src/index';
import { toOffset, toRange } from '../convert';
import { analysisFor, guard, type ServerContext } from '../context';
import { occurrencesOf, regionAtCursor } from '../model';

/**
 * The highlights for the cursor at `offset`; null when it is not on a region's name, so
 * that the editor may fall back to its own word highlighting.
 */
export function documentHighlights(analysis: Analysis, document: TextDocument, offset: number): DocumentHighlight[] | null {
	const found = regionAtCursor(analysis, document.uri, offset);
	if (!found) {
		return null;
	}
	const [declaration, ...references] = occurrencesOf(analysis, found.region);
	const highlights: DocumentHighlight[] = [];
	if (declaration?.uri === document.uri) {
		highlights.push({ range: toRange(document, declaration.offset, declaration.length), kind: DocumentHighlightKind.Write });
	}
	for (const reference of references) {
		if (reference.uri === document.uri) {
			highlights.push({ range: toRange(document, reference.offset, reference.length), kind: DocumentHighlightKind.Read });
		}
	}
	return highlights;
}

export function registerDocumentHighlight(ctx: ServerContext): void {
	ctx.connection.onDocumentHighlight(
		guard(ctx, 'documentHighlight', null, (params: DocumentHighlightParams) => {
			const found = analysisFor(ctx, params.textDocument.uri);
			return found ? documentHighlights(found.analysis, found.document, toOffset(found.document, params.position)) : null;
		}),
	);
}
