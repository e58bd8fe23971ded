/**
 * Formatting: the core's canonical layout. Format Document answers with an edit per
 * changed stretch (`formatEdits`), so that markers, folds and cursors elsewhere stay
 * put in any client (VS Code would diff one whole-document edit itself, but not one
 * longer than 100,000 characters); Format Selection, and format on paste, edit only the
 * lines the range touches (`formatRange`). No edit on syntax errors.
 */
import type { DocumentFormattingParams, DocumentRangeFormattingParams, Range, TextEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { formatEdits, formatRange } from '../../../core/src/index';
import { toRange } from '../convert';
import { guard, type ServerContext } from '../context';

/** The edits that format `document`; empty when it is formatted or cannot be. */
export function formatting(document: TextDocument): TextEdit[] {
	const edits = formatEdits(document.getText()) ?? [];
	return edits.map((edit) => ({ range: toRange(document, edit.start, edit.end - edit.start), newText: edit.newText }));
}

/** The edit that formats the lines of `document` that `range` touches; empty if none. */
export function rangeFormatting(document: TextDocument, range: Range): TextEdit[] {
	const edit = formatRange(document.getText(), document.offsetAt(range.start), document.offsetAt(range.end));
	return edit === undefined ? [] : [{ range: toRange(document, edit.start, edit.end - edit.start), newText: edit.newText }];
}

export function registerFormatting(ctx: ServerContext): void {
	ctx.connection.onDocumentFormatting(
		guard(ctx, 'formatting', [], (params: DocumentFormattingParams) => {
			const document = ctx.documents.get(params.textDocument.uri);
			return document ? formatting(document) : [];
		}),
	);
	ctx.connection.onDocumentRangeFormatting(
		guard(ctx, 'rangeFormatting', [], (params: DocumentRangeFormattingParams) => {
			const document = ctx.documents.get(params.textDocument.uri);
			return document ? rangeFormatting(document, params.range) : [];
		}),
	);
}
