/**
 * Formatting: the core's canonical layout. Format Document answers with an edit per
 * changed stretch (`formatEdits`), so that markers, folds and cursors elsewhere stay
 * put in any client (VS Code would diff one whole-document edit itself, but not one
 * longer than 100,000 characters); Format Selection, and format on paste, edit only the
 * lines the range touches (`formatRange`); with `editor.formatOnType`, a line break
 * formats the line it ends and a `}` the region it closes (`formatOnType`). No edit on
 * syntax errors.
 */
import type { DocumentFormattingParams, DocumentOnTypeFormattingParams, DocumentRangeFormattingParams, Position, Range, TextEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { formatEdits, formatOnType, formatRange, onTypeTriggers, type TextReplacement } from '../../../core/src/index';
import { toRange } from '../convert';
import { guard, type ServerContext } from '../context';

/** The edits that format `document`; empty when it is formatted or cannot be. */
export function formatting(document: TextDocument): TextEdit[] {
	return textEdits(document, formatEdits(document.getText()) ?? []);
}

/** The edits for `typed` just typed before `position`; empty if none. */
export function onTypeFormatting(document: TextDocument, position: Position, typed: string): TextEdit[] {
	return textEdits(document, formatOnType(document.getText(), document.offsetAt(position), typed) ?? []);
}

/** The first trigger character and the others, as LSP registers them. */
export const onTypeFormattingTriggers = {
	firstTriggerCharacter: onTypeTriggers[0] as string,
	moreTriggerCharacter: onTypeTriggers.slice(1),
};

function textEdits(document: TextDocument, edits: readonly TextReplacement[]): TextEdit[] {
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
	ctx.connection.onDocumentOnTypeFormatting(
		guard(ctx, 'onTypeFormatting', [], (params: DocumentOnTypeFormattingParams) => {
			const document = ctx.documents.get(params.textDocument.uri);
			return document ? onTypeFormatting(document, params.position, params.ch) : [];
		}),
	);
	ctx.connection.onDocumentRangeFormatting(
		guard(ctx, 'rangeFormatting', [], (params: DocumentRangeFormattingParams) => {
			const document = ctx.documents.get(params.textDocument.uri);
			return document ? rangeFormatting(document, params.range) : [];
		}),
	);
}
