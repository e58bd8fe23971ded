/**
 * Semantic tokens where the TextMate grammar cannot tell: region names as declarations or
 * references (with the region's kind as a modifier), space names, kind keywords, numbers.
 */
import type {
	SemanticTokens,
	SemanticTokensDelta,
	SemanticTokensDeltaParams,
	SemanticTokensEdit,
	SemanticTokensLegend,
	SemanticTokensParams,
	SemanticTokensRangeParams,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { keywordSpan, regionKinds } from '../../../core/src/index';
import type { Analysis, RegionKind, Span } from '../../../core/src/index';
import { PositionCursor, toOffset } from '../convert';
import { analysisFor, guard, type ServerContext } from '../context';
import { referencesIn, regionDeclaredAt } from '../model';
import { forEachStatement, type StatementNode } from '../syntaxQuery';

const tokenTypes = ['variable', 'namespace', 'type', 'number'] as const;
/** `declaration`, `readonly`, then one modifier per region kind, in `regionKinds` order. */
const tokenModifiers: readonly string[] = ['declaration', 'readonly', ...regionKinds];

export const semanticTokensLegend: SemanticTokensLegend = {
	tokenTypes: [...tokenTypes],
	tokenModifiers: [...tokenModifiers],
};

interface Token extends Span {
	readonly type: number;
	readonly modifiers: number;
}

function modifiersOf(kind: RegionKind | undefined, declaration: boolean, readonly: boolean): number {
	let bits = declaration ? 1 : 0;
	bits |= readonly ? 2 : 0;
	const index = kind ? tokenModifiers.indexOf(kind) : -1;
	return index >= 0 ? bits | (1 << index) : bits;
}

/** The semantic tokens of `document`, LSP-encoded (relative lines and characters). */
export function semanticTokens(
	analysis: Analysis,
	document: TextDocument,
	from = 0,
	to = Number.MAX_SAFE_INTEGER,
): SemanticTokens {
	const file = analysis.documents.get(document.uri)?.file;
	const tokens: Token[] = [];
	const push = (span: Span | undefined, type: number, modifiers: number): void => {
		if (span && span.offset + span.length >= from && span.offset <= to) {
			tokens.push({ offset: span.offset, length: span.length, type, modifiers });
		}
	};
	if (file) {
		forEachStatement(file, (node) => statementTokens(analysis, document.uri, node, push), from, to);
	}
	for (const reference of referencesIn(analysis, document.uri)) {
		if (reference.offset + reference.length < from || reference.offset > to) {
			continue;
		}
		for (const segment of reference.segments) {
			const region = segment.region === undefined ? undefined : analysis.tree.regions[segment.region];
			push(segment, 0, modifiersOf(region?.kind, false, region?.readonly === true));
		}
	}
	return { data: encode(document, tokens) };
}

type Push = (span: Span | undefined, type: number, modifiers: number) => void;

function statementTokens(analysis: Analysis, uri: string, node: StatementNode, push: Push): void {
	switch (node.kind) {
		case 'region': {
			push(keywordSpan(node), 2, 0);
			const region = regionDeclaredAt(analysis, uri, node.offset);
			const readonly = region?.readonly === true || node.regionKind === 'rom';
			push(node.name, 0, modifiersOf(node.regionKind, true, readonly));
			for (const prop of node.props) {
				push(prop.value?.kind === 'number' ? prop.value : undefined, 3, 0);
			}
			return;
		}
		case 'space':
			push(node.name, 1, 1);
			return;
		case 'map':
			push(node.at, 3, 0);
			push(node.priority, 3, 0);
			return;
		case 'access':
			push(node.min, 3, 0);
			push(node.max, 3, 0);
			return;
		case 'coalesce':
			push(node.start, 3, 0);
			push(node.size, 3, 0);
			return;
		default:
			return;
	}
}

function encode(document: TextDocument, tokens: Token[]): number[] {
	tokens.sort((a, b) => a.offset - b.offset);
	const cursor = new PositionCursor(document.getText());
	const data: number[] = [];
	let line = 0;
	let character = 0;
	let lastEnd = -1;
	for (const token of tokens) {
		if (token.length <= 0 || token.offset < lastEnd) {
			continue;
		}
		const start = cursor.at(token.offset);
		const end = cursor.at(token.offset + token.length);
		if (end.line !== start.line) {
			continue;
		}
		data.push(start.line - line, start.line === line ? start.character - character : start.character);
		data.push(token.length, token.type, token.modifiers);
		line = start.line;
		character = start.character;
		lastEnd = token.offset + token.length;
	}
	return data;
}

/**
 * The one edit that turns the token data `before` into `after`: what lies between their
 * longest common prefix and suffix (none when they are equal). Data is relative per
 * token, so an edit in one place changes a few numbers there and nothing after.
 */
export function tokensEdit(before: ArrayLike<number>, after: readonly number[]): SemanticTokensEdit[] {
	const limit = Math.min(before.length, after.length);
	let prefix = 0;
	while (prefix < limit && before[prefix] === after[prefix]) {
		prefix++;
	}
	if (prefix === before.length && prefix === after.length) {
		return [];
	}
	let suffix = 0;
	while (suffix < limit - prefix && before[before.length - 1 - suffix] === after[after.length - 1 - suffix]) {
		suffix++;
	}
	return [{ start: prefix, deleteCount: before.length - prefix - suffix, data: after.slice(prefix, after.length - suffix) }];
}

/**
 * The last whole-document answer per document, so that the next can be sent as an edit
 * of it: on a 100k-region board the whole answer is 5.5 MB of JSON, which the editor
 * asks for after every change.
 */
class LastAnswers {
	#next = 1;
	readonly #byUri = new Map<string, { readonly id: string; readonly data: Uint32Array }>();

	/** Keeps `data` as the answer for `uri`; returns its result id. */
	keep(uri: string, data: readonly number[]): string {
		const id = String(this.#next++);
		this.#byUri.set(uri, { id, data: Uint32Array.from(data) });
		return id;
	}

	/** The answer `id` for `uri`, if it is still the last one. */
	get(uri: string, id: string): Uint32Array | undefined {
		const last = this.#byUri.get(uri);
		return last?.id === id ? last.data : undefined;
	}

	forget(uri: string): void {
		this.#byUri.delete(uri);
	}
}

export function registerSemanticTokens(ctx: ServerContext): void {
	const answers = new LastAnswers();
	ctx.documents.onDidClose((event) => answers.forget(event.document.uri));
	/** The whole document's token data, or undefined when the document is not open. */
	const wholeData = (uri: string): number[] | undefined => {
		const found = analysisFor(ctx, uri);
		return found === undefined ? undefined : semanticTokens(found.analysis, found.document).data;
	};
	ctx.connection.languages.semanticTokens.on(
		guard(ctx, 'semanticTokens', { data: [] }, (params: SemanticTokensParams): SemanticTokens => {
			const uri = params.textDocument.uri;
			const data = wholeData(uri);
			return data === undefined ? { data: [] } : { resultId: answers.keep(uri, data), data };
		}),
	);
	// An answer the client no longer matches (or an error) falls back to the whole data.
	ctx.connection.languages.semanticTokens.onDelta(
		guard(ctx, 'semanticTokens/full/delta', { data: [] }, (params: SemanticTokensDeltaParams): SemanticTokens | SemanticTokensDelta => {
			const uri = params.textDocument.uri;
			const data = wholeData(uri);
			if (data === undefined) {
				return { data: [] };
			}
			const before = answers.get(uri, params.previousResultId);
			const resultId = answers.keep(uri, data);
			return before === undefined ? { resultId, data } : { resultId, edits: tokensEdit(before, data) };
		}),
	);
	// Large files: the editor asks for the visible range first.
	ctx.connection.languages.semanticTokens.onRange(
		guard(ctx, 'semanticTokens/range', { data: [] }, (params: SemanticTokensRangeParams) => {
			const found = analysisFor(ctx, params.textDocument.uri);
			if (!found) {
				return { data: [] };
			}
			const from = toOffset(found.document, params.range.start);
			return semanticTokens(found.analysis, found.document, from, toOffset(found.document, params.range.end));
		}),
	);
}
