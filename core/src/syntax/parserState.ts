/**
 * The token stream and error reporting shared by the parse functions: lookahead over the
 * scanner (invalid tokens are skipped, the scanner already reported them), spans, and the
 * "expected X, found Y" messages.
 */
import type { DiagnosticCode } from '../diagnostics';
import type { MemberNode, PropNode, Span } from './ast';
import { DiagnosticSink } from './diagnosticSink';
import { Scanner, blankToken, isReservedWord, kindKeywords, itemKeywords, memberKeywords, type Token, type TokenSlot } from './scanner';

const syncWords = new Set([...kindKeywords, ...memberKeywords, ...itemKeywords]);

/** True for tokens where recovery stops: a keyword that starts an item or member, `}`, or the end. */
export function isSync(token: Token): boolean {
	return token.kind === 'eof' || token.kind === 'rbrace' || (token.kind === 'word' && syncWords.has(token.text));
}

/** True for a token that can be a name: a non-reserved bare word or a string. */
export function isNameLike(token: Token): boolean {
	return token.kind === 'string' || (token.kind === 'word' && !isReservedWord(token.text));
}

/** How a token is shown in messages: `'}'`, `number '12'`, `end of file`. */
export function describe(token: Token): string {
	const shown = token.text.length > 30 ? token.text.slice(0, 30) + '…' : token.text;
	switch (token.kind) {
		case 'eof':
			return 'end of file';
		case 'number':
			return `number '${shown}'`;
		case 'string':
			return `string ${shown}`;
		default:
			return `'${shown}'`;
	}
}

/**
 * A stack that lists under construction share: a list starts at `top`, its elements are
 * pushed (a nested list's above them) and `take` copies them out. The copy is exactly
 * sized, where an array grown by `push` from empty keeps room for 17: on a big file
 * that slack was a large part of the syntax tree's memory.
 */
export class NodeStack<T> {
	readonly #items: T[] = [];
	#top = 0;

	/** Where a list that starts now begins. */
	get top(): number {
		return this.#top;
	}

	push(item: T): void {
		this.#items[this.#top++] = item;
	}

	/** The elements pushed since `base`, removed from the stack. */
	take(base: number): T[] {
		const taken = this.#items.slice(base, this.#top);
		this.#top = base;
		return taken;
	}
}

export class ParserState {
	readonly text: string;
	readonly sink: DiagnosticSink;
	/** Properties of the region headers being parsed. */
	readonly props = new NodeStack<PropNode>();
	/** Members of the blocks being parsed. */
	readonly members = new NodeStack<MemberNode>();
	readonly #scanner: Scanner;
	/**
	 * Token objects, reused: the first `#used` may still be referenced, the rest are free.
	 * A member or item is parsed between `mark` and `release`, which frees every token
	 * scanned for it except the few the parser still holds (see `release`).
	 */
	readonly #pool: TokenSlot[] = [];
	#used = 0;
	/** The current token once scanned; undefined when it is not scanned yet. */
	#current: Token | undefined;
	/** Tokens scanned past the current one (lookahead beyond it is rare). */
	readonly #ahead: Token[] = [];
	/** The last consumed token (a zero-length token at offset 0 before the first). */
	#prev: Token = {
		kind: 'eof',
		offset: 0,
		length: 0,
		text: '',
		value: undefined,
		newlineBefore: false,
		doc: undefined,
	};

	readonly #recycle: boolean;

	/**
	 * `recycle: false` scans every token into a new object (for tests that compare both);
	 * `start` is where scanning begins, at the start of a token (see `reparse`).
	 */
	constructor(text: string, uri: string, recycle = true, start = 0) {
		this.#recycle = recycle;
		this.text = text;
		this.sink = new DiagnosticSink(uri, text.length);
		this.#scanner = new Scanner(text, this.sink, start);
	}

	get comments(): Scanner['comments'] {
		return this.#scanner.comments;
	}

	get prev(): Token {
		return this.#prev;
	}

	/** The token `k` positions ahead (0: the current token). */
	peek(k = 0): Token {
		const current = (this.#current ??= this.#scan());
		if (k === 0) {
			return current;
		}
		while (this.#ahead.length < k) {
			this.#ahead.push(this.#scan());
		}
		return this.#ahead[k - 1] as Token;
	}

	/** Consumes and returns the current token (the `eof` token is never consumed). */
	next(): Token {
		const token = this.peek();
		if (token.kind !== 'eof') {
			this.#current = this.#ahead.length > 0 ? this.#ahead.shift() : undefined;
			this.#prev = token;
		}
		return token;
	}

	/** The next token that is not `invalid` (the scanner already reported those). */
	#scan(): Token {
		const slot = this.#recycle ? this.#freeSlot() : blankToken();
		for (;;) {
			const token = this.#scanner.next(slot);
			if (token.kind !== 'invalid') {
				return token;
			}
		}
	}

	#freeSlot(): TokenSlot {
		let slot = this.#pool[this.#used];
		if (slot === undefined) {
			slot = blankToken();
			this.#pool.push(slot);
		}
		this.#used++;
		return slot;
	}

	/**
	 * Where the tokens of the member or item that starts at the current token begin. Every
	 * token scanned before the mark (the current one included) stays untouched until an
	 * enclosing `release`, so callers may hold those across the member's parse.
	 */
	mark(): number {
		this.peek();
		return this.#used;
	}

	/**
	 * Frees the tokens scanned since `mark`, once the member is parsed and no node holds a
	 * token (nodes copy what they keep). The tokens the parser state itself still refers
	 * to (the previous, current and lookahead tokens) are kept: they move to the front of
	 * the freed range, as objects, so every reference to them stays valid.
	 */
	release(mark: number): void {
		if (!this.#recycle) {
			return;
		}
		let top = this.#keep(this.#prev, mark, mark);
		if (this.#current !== undefined) {
			top = this.#keep(this.#current, mark, top);
		}
		for (const token of this.#ahead) {
			top = this.#keep(token, mark, top);
		}
		this.#used = top;
	}

	/** Moves `token` to slot `top` if it was scanned since `mark`; the next free slot. */
	#keep(token: Token, mark: number, top: number): number {
		const index = this.#pool.indexOf(token as TokenSlot, mark);
		if (index < top || index >= this.#used) {
			return top;
		}
		this.#pool[index] = this.#pool[top] as TokenSlot;
		this.#pool[top] = token as TokenSlot;
		return top + 1;
	}

	/** True when the current token is the bare word `text`. */
	isWord(text: string): boolean {
		const token = this.peek();
		return token.kind === 'word' && token.text === text;
	}

	/** Consumes the current token if it has `kind`. */
	eat(kind: Token['kind']): Token | undefined {
		return this.peek().kind === kind ? this.next() : undefined;
	}

	/** The length from `start` to the end of the last consumed token (at least 0). */
	lengthFrom(start: number): number {
		return Math.max(0, this.#prev.offset + this.#prev.length - start);
	}

	/** The span from `start` to the end of the last consumed token. */
	spanFrom(start: number): Span {
		const end = this.#prev.offset + this.#prev.length;
		return { offset: start, length: Math.max(0, end - start) };
	}

	/** The offset of the current token when the last error was reported. */
	#errorAt = -1;

	error(code: DiagnosticCode, message: string, span: Span): void {
		this.#errorAt = this.peek().offset;
		this.sink.error(code, message, span.offset, span.length);
	}

	/** True when an error was already reported while at the current token (recovery in progress). */
	#isRecovering(): boolean {
		return this.#errorAt === this.peek().offset;
	}

	/**
	 * Reports that `what` was expected at the current token. The diagnostic sits on the
	 * found token when it is on the same line, else on the previous token, so that a
	 * half-typed line is flagged where the user is typing rather than on the next line.
	 */
	expected(what: string, code: DiagnosticCode = 'syntax.missing-token'): void {
		const found = this.peek();
		if (this.#isRecovering()) {
			return;
		}
		const message = `expected ${what}, found ${describe(found)}`;
		const onSameLine = !found.newlineBefore && found.kind !== 'eof';
		const anchor = onSameLine || this.#prev.length === 0 ? found : this.#prev;
		this.error(code, message, anchor);
	}

	/** Reports the current token as unexpected (the diagnostic spans it). */
	unexpected(message: string): void {
		if (this.#isRecovering()) {
			return;
		}
		this.error('syntax.unexpected-token', message, this.peek());
	}
}
