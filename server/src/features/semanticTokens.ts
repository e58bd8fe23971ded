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
import { regionKinds } from '../../../core/src/index';
import type { Analysis, RegionKind, Span } from '../../../core/src/index';
import { PositionCursor, toOffset } from '../convert';
import { analysisFor, cancellableGuard, type ServerContext } from '../context';
import { referencesIn, regionById, regionDeclaredAt } from '../model';
import { forEachStatement, type StatementNode } from '../syntaxQuery';

const tokenTypes = ['variable', 'namespace', 'type', 'number'] as const;
/** `declaration`, `readonly`, then one modifier per region kind, in `regionKinds` order. */
const tokenModifiers: readonly string[] = ['declaration', 'readonly', ...regionKinds];

export const semanticTokensLegend: SemanticTokensLegend = {
	tokenTypes: [...tokenTypes],
	tokenModifiers: [...tokenModifiers],
};

/** The modifier bit of each region kind. */
const kindBits = new Map<string, number>(regionKinds.map((kind) => [kind, 1 << tokenModifiers.indexOf(kind)]));

function modifiersOf(kind: RegionKind | undefined, declaration: boolean, readonly: boolean): number {
	const bits = (declaration ? 1 : 0) | (readonly ? 2 : 0);
	return kind === undefined ? bits : bits | (kindBits.get(kind) ?? 0);
}

/**
 * Tokens as columns in the order found (no object per token: a 100k-region board has half
 * a million), with `type | modifiers << 2` in one number; `sorted` stays true while each
 * token starts no earlier than the one before.
 */
class TokenColumns {
	readonly offsets: number[] = [];
	readonly lengths: number[] = [];
	readonly kinds: number[] = [];
	sorted = true;

	constructor(
		private readonly from: number,
		private readonly to: number,
	) {}

	/** Adds the token `[offset, offset + length)` if it touches the range asked for. */
	add(offset: number, length: number, type: number, modifiers: number): void {
		if (offset + length < this.from || offset > this.to) {
			return;
		}
		const count = this.offsets.length;
		if (count > 0 && offset < (this.offsets[count - 1] ?? 0)) {
			this.sorted = false;
		}
		this.offsets.push(offset);
		this.lengths.push(length);
		this.kinds.push(type | (modifiers << 2));
	}

	/** The token indexes by offset, the order found among equal offsets; undefined when that is the order found. */
	order(): number[] | undefined {
		if (this.sorted) {
			return undefined;
		}
		const indexes = this.offsets.map((_, index) => index);
		return indexes.sort((a, b) => (this.offsets[a] ?? 0) - (this.offsets[b] ?? 0) || a - b);
	}
}

/** The semantic tokens of `document`, LSP-encoded (relative lines and characters). */
export function semanticTokens(
	analysis: Analysis,
	document: TextDocument,
	from = 0,
	to = Number.MAX_SAFE_INTEGER,
): SemanticTokens {
	const file = analysis.documents.get(document.uri)?.file;
	// Declarations come from the syntax tree, references from the analysis (sorted by
	// offset): two streams merged by offset, the declarations first at equal offsets.
	const declared = new TokenColumns(from, to);
	if (file) {
		forEachStatement(file, (node) => statementTokens(analysis, document.uri, node, declared), from, to);
	}
	const referenced = new TokenColumns(from, to);
	for (const reference of referencesIn(analysis, document.uri)) {
		if (reference.offset + reference.length < from || reference.offset > to) {
			continue;
		}
		for (const segment of reference.segments) {
			const region = regionById(analysis, segment.region);
			referenced.add(segment.offset, segment.length, 0, modifiersOf(region?.kind, false, region?.readonly === true));
		}
	}
	return { data: encode(document.getText(), declared, referenced) };
}

function addSpan(tokens: TokenColumns, span: Span | undefined, type: number, modifiers: number): void {
	if (span) {
		tokens.add(span.offset, span.length, type, modifiers);
	}
}

function statementTokens(analysis: Analysis, uri: string, node: StatementNode, tokens: TokenColumns): void {
	switch (node.kind) {
		case 'region': {
			tokens.add(node.offset, node.keywordLength, 2, 0);
			const region = regionDeclaredAt(analysis, uri, node.offset);
			const readonly = region?.readonly === true || node.regionKind === 'rom';
			addSpan(tokens, node.name, 0, modifiersOf(node.regionKind, true, readonly));
			for (const prop of node.props) {
				addSpan(tokens, prop.value?.kind === 'number' ? prop.value : undefined, 3, 0);
			}
			return;
		}
		case 'space':
			addSpan(tokens, node.name, 1, 1);
			return;
		case 'map':
			addSpan(tokens, node.at, 3, 0);
			addSpan(tokens, node.priority, 3, 0);
			return;
		case 'access':
			addSpan(tokens, node.min, 3, 0);
			addSpan(tokens, node.max, 3, 0);
			return;
		case 'coalesce':
			addSpan(tokens, node.start, 3, 0);
			addSpan(tokens, node.size, 3, 0);
			return;
		default:
			return;
	}
}

/**
 * The LSP encoding of both streams merged by offset: empty tokens, tokens that overlap an
 * earlier one and tokens that span a line break are left out.
 */
function encode(text: string, a: TokenColumns, b: TokenColumns): number[] {
	const orderA = a.order();
	const orderB = b.order();
	const cursor = new PositionCursor(text);
	const data: number[] = [];
	let line = 0;
	let character = 0;
	let lastEnd = -1;
	const countA = a.offsets.length;
	const countB = b.offsets.length;
	for (let i = 0, j = 0; i < countA || j < countB; ) {
		const ia = orderA === undefined ? i : (orderA[i] ?? 0);
		const ib = orderB === undefined ? j : (orderB[j] ?? 0);
		const fromA = j >= countB || (i < countA && (a.offsets[ia] ?? 0) <= (b.offsets[ib] ?? 0));
		const columns = fromA ? a : b;
		const index = fromA ? ia : ib;
		if (fromA) {
			i++;
		} else {
			j++;
		}
		const offset = columns.offsets[index] ?? 0;
		const length = columns.lengths[index] ?? 0;
		if (length <= 0 || offset < lastEnd) {
			continue;
		}
		cursor.seek(offset);
		const startLine = cursor.line;
		const startCharacter = cursor.character;
		cursor.seek(offset + length);
		if (cursor.line !== startLine) {
			continue;
		}
		const kind = columns.kinds[index] ?? 0;
		data.push(startLine - line, startLine === line ? startCharacter - character : startCharacter, length, kind & 3, kind >> 2);
		line = startLine;
		character = startCharacter;
		lastEnd = offset + length;
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
		cancellableGuard(ctx, 'semanticTokens', { data: [] }, (params: SemanticTokensParams): SemanticTokens => {
			const uri = params.textDocument.uri;
			const data = wholeData(uri);
			return data === undefined ? { data: [] } : { resultId: answers.keep(uri, data), data };
		}),
	);
	// An answer the client no longer matches (or an error) falls back to the whole data.
	ctx.connection.languages.semanticTokens.onDelta(
		cancellableGuard(ctx, 'semanticTokens/full/delta', { data: [] }, (params: SemanticTokensDeltaParams): SemanticTokens | SemanticTokensDelta => {
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
		cancellableGuard(ctx, 'semanticTokens/range', { data: [] }, (params: SemanticTokensRangeParams) => {
			const found = analysisFor(ctx, params.textDocument.uri);
			if (!found) {
				return { data: [] };
			}
			const from = toOffset(found.document, params.range.start);
			return semanticTokens(found.analysis, found.document, from, toOffset(found.document, params.range.end));
		}),
	);
}
