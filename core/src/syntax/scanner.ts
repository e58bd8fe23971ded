/**
 * The hand-written scanner of `.memmap` text. It turns text into tokens with UTF-16
 * offsets, collects every comment (with `///` documentation attached to the token that
 * follows it) and reports lexical errors. It never throws and runs in linear time.
 */
import type { Diagnostic } from '../diagnostics';
import type { CommentNode, PropName } from './ast';
import { regionKinds } from './ast';
import { DiagnosticSink } from './diagnosticSink';
import { keptTextMaxLength } from './fastNumber';

/**
 * Token kinds. `word` is a bare identifier or keyword (keywords are contextual: the parser
 * decides); `string` is a double-quoted literal; `number` a numeric literal, possibly with
 * a leading `-` and possibly malformed (the parser validates it); `range` is `..`;
 * `invalid` is a run of characters that start no token (already reported).
 */
export type TokenKind =
	| 'word'
	| 'string'
	| 'number'
	| 'lbrace'
	| 'rbrace'
	| 'semicolon'
	| 'equals'
	| 'slash'
	| 'hash'
	| 'range'
	| 'invalid'
	| 'eof';

/** A token: the span `[offset, offset + length)` of the text, in UTF-16 code units. */
export interface Token {
	readonly kind: TokenKind;
	readonly offset: number;
	readonly length: number;
	/** The source text of the token (a string token includes its quotes). */
	readonly text: string;
	/** For `string` tokens: the value with `\"` and `\\` resolved. */
	readonly value: string | undefined;
	/** True when a line break separates this token from the previous token. */
	readonly newlineBefore: boolean;
	/** The `///` lines directly above this token (only set on the first token of a line). */
	readonly doc: string | undefined;
}

/** A token object the scanner can fill in place (see `Scanner.next`). */
export type TokenSlot = { -readonly [K in keyof Token]: Token[K] };

/** A token object to be filled; every token has these fields in this order (one shape for V8). */
export function blankToken(): TokenSlot {
	return { kind: 'eof', offset: 0, length: 0, text: '', value: undefined, newlineBefore: false, doc: undefined };
}

/** Region kind keywords: the kinds of the syntax tree. */
export const kindKeywords: readonly string[] = regionKinds;
/** Property keywords of a region header, in canonical order (the formatter's column order). */
export const propertyKeywords: readonly PropName[] = [
	'at',
	'size',
	'priority',
	'overlap',
	'of',
	'offset',
	'readonly',
	'disabled',
	'nonvolatile',
];
/** Keywords that start a member of a block other than a region. */
export const memberKeywords: readonly string[] = ['map', 'valid', 'impl', 'endian', 'coalesce'];
/** Keywords that start a top-level item other than a region. */
export const itemKeywords: readonly string[] = ['include', 'space'];
/** Words that are keywords only right after another keyword (`endian little`, `unaligned`). */
export const contextualKeywords: readonly string[] = ['little', 'big', 'native', 'unaligned'];

const reserved = new Set([...kindKeywords, ...propertyKeywords, ...memberKeywords, ...itemKeywords]);

/** True for the words that cannot be a bare name (quote them to use them as names). */
export function isReservedWord(text: string): boolean {
	return reserved.has(text);
}

/** True for any keyword of the language, contextual ones included. */
export function isKeyword(text: string): boolean {
	return reserved.has(text) || contextualKeywords.includes(text);
}

/** Character classes of ASCII, as bits of one table entry (a lookup beats a chain of comparisons). */
const digitBit = 1;
const letterBit = 2;
const nameBit = 4;
const spaceBit = 8;
const asciiClass = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
	const digit = c >= 48 && c <= 57;
	const letter = (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
	const space = c === 32 || c === 9 || c === 10 || c === 13 || c === 11 || c === 12;
	asciiClass[c] =
		(digit ? digitBit : 0) | (letter ? letterBit : 0) | (digit || letter || c === 46 || c === 45 ? nameBit : 0) | (space ? spaceBit : 0);
}

const classOf = (c: number): number => (c < 128 ? (asciiClass[c] as number) : 0);
const isDigit = (c: number): boolean => (classOf(c) & digitBit) !== 0;
const isLetter = (c: number): boolean => (classOf(c) & letterBit) !== 0;
const isAlnum = (c: number): boolean => (classOf(c) & (digitBit | letterBit)) !== 0;
const isNameChar = (c: number): boolean => (classOf(c) & nameBit) !== 0;
const isSpace = (c: number): boolean => (classOf(c) & spaceBit) !== 0 || c === 0xfeff || c === 0xa0;

/**
 * Every keyword by a hash of its characters (see `wordHash`), so that the scanner can
 * hand out the keyword's own (internalized) string instead of slicing a fresh copy: most
 * words of a big file are keywords, and the parser's comparisons of interned strings are
 * cheap. One slot per masked hash (an array index is cheaper than a map lookup); two
 * keywords in one slot keep the first, and the scanner then slices the other, which is
 * only slower, never wrong (every hit is verified against the text).
 */
const keywordSlots: (string | undefined)[] = new Array<string | undefined>(1024).fill(undefined);
const keywordSlotMask = keywordSlots.length - 1;
for (const word of [...reserved, ...contextualKeywords]) {
	let hash = 0;
	for (let i = 0; i < word.length; i++) {
		hash = wordHash(hash, word.charCodeAt(i));
	}
	keywordSlots[hash & keywordSlotMask] ??= word;
}

function wordHash(hash: number, c: number): number {
	return (Math.imul(hash, 31) + c) | 0;
}

/** The punctuation token that the character `c` is, if any. */
function punctuationOf(c: number): TokenKind | undefined {
	switch (c) {
		case 123:
			return 'lbrace';
		case 125:
			return 'rbrace';
		case 59:
			return 'semicolon';
		case 61:
			return 'equals';
		case 47:
			return 'slash';
		case 35:
			return 'hash';
		default:
			return undefined;
	}
}

const punctuationText: Partial<Record<TokenKind, string>> = {
	lbrace: '{',
	rbrace: '}',
	semicolon: ';',
	equals: '=',
	slash: '/',
	hash: '#',
};

/**
 * Number texts by a hash of their characters, one slot per hash value (direct-mapped, so
 * bounded). A map writes the same few literals over and over (`0`, `4K`, `0x1000`): a
 * literal seen before is handed out as the same string, verified against the text, so
 * the scanner slices no copy, every NUMBER node shares it, and its cached hash makes the
 * parser's value lookup (`signedNumberValue`) cheap. A collision only costs a slice;
 * texts longer than `keptTextMaxLength` are never kept.
 */
const numberSlots: (string | undefined)[] = new Array<string | undefined>(4096).fill(undefined);
const numberSlotMask = numberSlots.length - 1;

/** `known` when it is the text of `[start, end)`, else a slice of `text`. */
function knownOrSlice(text: string, known: string | undefined, start: number, end: number): string {
	return known !== undefined && known.length === end - start && text.startsWith(known, start) ? known : text.slice(start, end);
}

/** True when `c` can start a token, so a run of invalid characters stops before it. */
function startsToken(c: number): boolean {
	return isSpace(c) || isAlnum(c) || c === 34 || c === 45 || c === 46 || '{};=/#'.includes(String.fromCharCode(c));
}

/**
 * Produces tokens on demand. Comments are collected in `comments`; lexical errors go to the
 * sink given to the constructor (so they share the parser's one-diagnostic-per-offset rule).
 */
export class Scanner {
	readonly #text: string;
	readonly #sink: DiagnosticSink;
	#pos = 0;
	/** Line breaks seen since the previous token or comment. */
	#breaks = 0;
	#sawTokenOrComment = false;
	#pendingDoc: string[] | undefined;
	/** Whether a line break was skipped before the token being scanned. */
	#newline = false;
	readonly comments: CommentNode[] = [];

	/** `start`: where to begin, at the start of a token (an incremental parse starts mid-text). */
	constructor(text: string, sink: DiagnosticSink, start = 0) {
		this.#text = text;
		this.#sink = sink;
		this.#pos = start;
	}

	/**
	 * The next token; after the end of the text, always an `eof` token. It is written into
	 * `into` when given (the parser recycles token objects: a fresh object per token was a
	 * quarter of the garbage an analysis makes), else into a new object.
	 */
	next(into: TokenSlot = blankToken()): Token {
		this.#newline = false;
		this.#skipTrivia();
		const newline = this.#newline;
		const doc = this.#pendingDoc && this.#breaks === 1 ? this.#pendingDoc.join('\n') : undefined;
		this.#pendingDoc = undefined;
		this.#breaks = 0;
		this.#sawTokenOrComment = true;
		const start = this.#pos;
		if (start >= this.#text.length) {
			return this.#token(into, 'eof', start, newline, doc);
		}
		const c = this.#text.charCodeAt(start);
		if (isLetter(c)) {
			return this.#scanWord(into, start, c, newline, doc);
		}
		if (isDigit(c) || (c === 45 && isDigit(this.#text.charCodeAt(start + 1)))) {
			return this.#scanNumber(into, start, newline, doc);
		}
		if (c === 34) {
			return this.#scanString(into, start, newline, doc);
		}
		if (c === 46 && this.#text.charCodeAt(start + 1) === 46) {
			this.#pos = start + 2;
			return this.#token(into, 'range', start, newline, doc);
		}
		const punct = punctuationOf(c);
		if (punct !== undefined) {
			this.#pos = start + 1;
			return fill(into, punct, start, 1, punctuationText[punct] ?? '', undefined, newline, doc);
		}
		return this.#scanInvalid(into, start, newline, doc);
	}

	#token(into: TokenSlot, kind: TokenKind, start: number, newline: boolean, doc: string | undefined, value?: string): Token {
		const text = this.#text.slice(start, this.#pos);
		return fill(into, kind, start, this.#pos - start, text, value, newline, doc);
	}

	/** A bare word; a keyword gets the keyword's own string rather than a slice of the text. */
	#scanWord(into: TokenSlot, start: number, first: number, newline: boolean, doc: string | undefined): Token {
		const text = this.#text;
		let hash = wordHash(0, first);
		let pos = start + 1;
		for (; pos < text.length; pos++) {
			const c = text.charCodeAt(pos);
			if (!isNameChar(c)) {
				break;
			}
			hash = wordHash(hash, c);
		}
		this.#pos = pos;
		const length = pos - start;
		const word = knownOrSlice(text, keywordSlots[hash & keywordSlotMask], start, pos);
		return fill(into, 'word', start, length, word, undefined, newline, doc);
	}

	/**
	 * A number (with its leading `-`, if any) runs over letters, digits and `_`, and over a
	 * `.` that sits between them (`1.5M`, reported later).
	 */
	#scanNumber(into: TokenSlot, start: number, newline: boolean, doc: string | undefined): Token {
		const text = this.#text;
		let hash = wordHash(0, text.charCodeAt(start));
		let pos = start + 1;
		for (; pos < text.length; pos++) {
			const c = text.charCodeAt(pos);
			if (!isAlnum(c) && !(c === 46 && isAlnum(text.charCodeAt(pos + 1)))) {
				break;
			}
			hash = wordHash(hash, c);
		}
		this.#pos = pos;
		const length = pos - start;
		const slot = hash & numberSlotMask;
		const seen = numberSlots[slot];
		const word = knownOrSlice(text, seen, start, pos);
		if (word !== seen && length <= keptTextMaxLength) {
			numberSlots[slot] = word;
		}
		return fill(into, 'number', start, length, word, undefined, newline, doc);
	}

	#scanString(into: TokenSlot, start: number, newline: boolean, doc: string | undefined): Token {
		const text = this.#text;
		let pos = start + 1;
		let value = '';
		let chunk = pos;
		for (;;) {
			const c = text.charCodeAt(pos);
			if (pos >= text.length || c === 10 || c === 13) {
				value += text.slice(chunk, pos);
				this.#pos = pos;
				this.#sink.error('syntax.unterminated-string', 'unterminated string: add the closing \'"\' on this line', start, pos - start);
				return this.#token(into, 'string', start, newline, doc, value);
			}
			if (c === 34) {
				value += text.slice(chunk, pos);
				this.#pos = pos + 1;
				return this.#token(into, 'string', start, newline, doc, value);
			}
			const escaped = text.charCodeAt(pos + 1);
			if (c === 92 && (escaped === 34 || escaped === 92)) {
				value += text.slice(chunk, pos) + text[pos + 1];
				pos += 2;
				chunk = pos;
				continue;
			}
			pos++;
		}
	}

	#scanInvalid(into: TokenSlot, start: number, newline: boolean, doc: string | undefined): Token {
		let pos = start + 1;
		while (pos < this.#text.length && !startsToken(this.#text.charCodeAt(pos))) {
			pos++;
		}
		this.#pos = pos;
		const text = this.#text.slice(start, pos);
		const shown = text.length > 20 ? text.slice(0, 20) + '…' : text;
		const what = text.length === 1 ? 'character' : 'characters';
		this.#sink.error('syntax.invalid-character', `unexpected ${what} '${shown}'`, start, pos - start);
		return this.#token(into, 'invalid', start, newline, doc);
	}

	/** Skips whitespace and comments, noting line breaks. */
	#skipTrivia(): void {
		const text = this.#text;
		for (;;) {
			const c = text.charCodeAt(this.#pos);
			if (this.#pos >= text.length) {
				return;
			}
			if (c === 10 || (c === 13 && text.charCodeAt(this.#pos + 1) !== 10)) {
				this.#breaks++;
				this.#newline = true;
				this.#pos++;
			} else if (isSpace(c)) {
				this.#pos++;
			} else if (c === 47 && text.charCodeAt(this.#pos + 1) === 47) {
				this.#lineComment();
			} else if (c === 47 && text.charCodeAt(this.#pos + 1) === 42) {
				this.#newline = this.#blockComment() || this.#newline;
			} else {
				return;
			}
		}
	}

	#lineComment(): void {
		const text = this.#text;
		const start = this.#pos;
		let end = start + 2;
		while (end < text.length && text.charCodeAt(end) !== 10 && text.charCodeAt(end) !== 13) {
			end++;
		}
		const body = text.slice(start, end);
		const isDoc = body.startsWith('///') && !body.startsWith('////');
		const startsLine = this.#breaks > 0 || !this.#sawTokenOrComment;
		this.comments.push({ kind: 'comment', offset: start, length: end - start, text: body, doc: isDoc, block: false });
		if (isDoc && startsLine) {
			const line = body.slice(body.startsWith('/// ') ? 4 : 3);
			this.#pendingDoc = this.#pendingDoc && this.#breaks === 1 ? [...this.#pendingDoc, line] : [line];
		} else {
			this.#pendingDoc = undefined;
		}
		this.#breaks = 0;
		this.#sawTokenOrComment = true;
		this.#pos = end;
	}

	/** Scans a block comment; returns whether it spans a line break. */
	#blockComment(): boolean {
		const text = this.#text;
		const start = this.#pos;
		const close = text.indexOf('*/', start + 2);
		const end = close < 0 ? text.length : close + 2;
		if (close < 0) {
			this.#sink.error('syntax.unterminated-comment', "unterminated comment: add the closing '*/'", start, 2);
		}
		const body = text.slice(start, end);
		this.comments.push({ kind: 'comment', offset: start, length: end - start, text: body, doc: false, block: true });
		this.#pendingDoc = undefined;
		this.#breaks = 0;
		this.#sawTokenOrComment = true;
		this.#pos = end;
		return /[\r\n]/.test(body);
	}
}

function fill(
	into: TokenSlot,
	kind: TokenKind,
	offset: number,
	length: number,
	text: string,
	value: string | undefined,
	newlineBefore: boolean,
	doc: string | undefined,
): Token {
	into.kind = kind;
	into.offset = offset;
	into.length = length;
	into.text = text;
	into.value = value;
	into.newlineBefore = newlineBefore;
	into.doc = doc;
	return into;
}

/** The result of `tokenize`. */
export interface TokenizeResult {
	/** Every token in text order, `invalid` ones included, ending with one `eof` token. */
	readonly tokens: readonly Token[];
	/** Every comment in text order (comments are not tokens). */
	readonly comments: readonly CommentNode[];
	/** Lexical diagnostics only (unterminated string or comment, invalid characters). */
	readonly diagnostics: readonly Diagnostic[];
}

/**
 * Scans a whole text (for semantic tokens and tests; the parser pulls tokens lazily).
 * Never throws; linear in the length of the text.
 */
export function tokenize(text: string, uri = ''): TokenizeResult {
	const sink = new DiagnosticSink(uri, text.length);
	const scanner = new Scanner(text, sink);
	const tokens: Token[] = [];
	for (;;) {
		const token = scanner.next();
		tokens.push(token);
		if (token.kind === 'eof') {
			return { tokens, comments: scanner.comments, diagnostics: sink.sorted() };
		}
	}
}
