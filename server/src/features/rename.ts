/**
 * Rename a region everywhere it is written (declaration and references, across included
 * files). Names that are not bare identifiers are written quoted; names that cannot be
 * written at all (empty, line breaks) are rejected.
 */
import { ResponseError, ErrorCodes } from 'vscode-languageserver';
import type {
	PrepareRenameParams,
	Range,
	RenameParams,
	TextEdit,
	WorkspaceEdit,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analysis, Span } from '../../../core/src/index';
import { rangeIn, toOffset, toRange } from '../convert';
import { analysisFor, type ServerContext, logError } from '../context';
import { occurrencesOf, regionAtCursor } from '../model';

const bareName = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

/** How a name must be written: bare when possible, else quoted; undefined if impossible. */
export function spellName(name: string): string | undefined {
	if (name.length === 0 || /[\r\n\u0000]/.test(name)) {
		return undefined;
	}
	if (bareName.test(name) && !isKeyword(name)) {
		return name;
	}
	return `"${name.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

const keywords = new Set([
	'include', 'space', 'container', 'ram', 'rom', 'romd', 'io', 'alias', 'ramd', 'at', 'size',
	'priority', 'overlap', 'of', 'offset', 'readonly', 'disabled', 'nonvolatile', 'map', 'valid',
	'impl', 'unaligned', 'endian', 'coalesce', 'little', 'big', 'native',
]);

function isKeyword(name: string): boolean {
	return keywords.has(name);
}

/** The span of the name itself inside a written occurrence (without a `#N` suffix). */
function nameSpan(text: string, span: Span): Span {
	const written = text.slice(span.offset, span.offset + span.length);
	const suffix = /#\d+$/.exec(written);
	return suffix ? { offset: span.offset, length: span.length - suffix[0].length } : span;
}

/** The range and current name to rename at `offset`, or null when nothing renames there. */
export function prepareRename(
	analysis: Analysis,
	document: TextDocument,
	offset: number,
): { range: Range; placeholder: string } | null {
	const found = regionAtCursor(analysis, document.uri, offset);
	if (!found) {
		return null;
	}
	const span = nameSpan(document.getText(), found.span);
	return { range: toRange(document, span.offset, span.length), placeholder: found.region.name };
}

/** The edits that rename the region at `offset`; throws a ResponseError for a bad name. */
export function rename(
	analysis: Analysis,
	document: TextDocument,
	offset: number,
	newName: string,
): WorkspaceEdit | null {
	const spelled = spellName(newName);
	if (spelled === undefined) {
		throw new ResponseError(ErrorCodes.InvalidParams, `'${newName}' is not a valid region name`);
	}
	const found = regionAtCursor(analysis, document.uri, offset);
	if (!found) {
		return null;
	}
	const changes: Record<string, TextEdit[]> = {};
	for (const loc of occurrencesOf(analysis, found.region)) {
		const text = analysis.documents.get(loc.uri)?.text ?? '';
		const span = nameSpan(text, loc);
		(changes[loc.uri] ??= []).push({
			range: rangeIn(analysis, loc.uri, span.offset, span.length),
			newText: spelled,
		});
	}
	return { changes };
}

export function registerRename(ctx: ServerContext): void {
	ctx.connection.onPrepareRename((params: PrepareRenameParams) => {
		try {
			const found = analysisFor(ctx, params.textDocument.uri);
			return found ? prepareRename(found.analysis, found.document, toOffset(found.document, params.position)) : null;
		} catch (error) {
			logError(ctx, 'prepareRename', error);
			return null;
		}
	});
	ctx.connection.onRenameRequest((params: RenameParams) => {
		try {
			const found = analysisFor(ctx, params.textDocument.uri);
			const offset = found ? toOffset(found.document, params.position) : 0;
			return found ? rename(found.analysis, found.document, offset, params.newName) : null;
		} catch (error) {
			if (error instanceof ResponseError) {
				return error;
			}
			logError(ctx, 'rename', error);
			return null;
		}
	});
}
