/** Document links: each `include "path"` links to the file it resolves to. */
import type { DocumentLink, DocumentLinkParams } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analysis } from '../../../core/src/index';
import { toRange } from '../convert';
import { analysisFor, guard, type ServerContext } from '../context';
import { resolveInclude } from '../workspace';

/** The include links of `document` (the range covers the path string). */
export function documentLinks(analysis: Analysis, document: TextDocument): DocumentLink[] {
	const file = analysis.documents.get(document.uri)?.file;
	const links: DocumentLink[] = [];
	for (const item of file?.items ?? []) {
		if (item.kind === 'include' && item.path && item.path.value.length > 0) {
			links.push({
				range: toRange(document, item.path.offset, item.path.length),
				target: resolveInclude(document.uri, item.path.value),
				tooltip: `Open ${item.path.value}`,
			});
		}
	}
	return links;
}

export function registerDocumentLinks(ctx: ServerContext): void {
	ctx.connection.onDocumentLinks(
		guard(ctx, 'documentLinks', [], (params: DocumentLinkParams) => {
			const found = analysisFor(ctx, params.textDocument.uri);
			return found ? documentLinks(found.analysis, found.document) : [];
		}),
	);
}
