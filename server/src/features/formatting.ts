/** Formatting: the core's canonical layout as one whole-document edit (none on syntax errors). */
import type { DocumentFormattingParams, TextEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { format } from '../../../core/src/index';
import { toRange } from '../convert';
import { guard, type ServerContext } from '../context';

/** The edits that format `document`; empty when it is formatted or cannot be. */
export function formatting(document: TextDocument): TextEdit[] {
	const text = document.getText();
	const formatted = format(text);
	if (formatted === undefined || formatted === text) {
		return [];
	}
	return [{ range: toRange(document, 0, text.length), newText: formatted }];
}

export function registerFormatting(ctx: ServerContext): void {
	ctx.connection.onDocumentFormatting(
		guard(ctx, 'formatting', [], (params: DocumentFormattingParams) => {
			const document = ctx.documents.get(params.textDocument.uri);
			return document ? formatting(document) : [];
		}),
	);
}
