/**
 * The token stream and error reporting shared by the parse functions: lookahead over the
 * scanner (invalid tokens are skipped, the scanner already reported them), spans, and the
 * "expected X, found Y" messages.
 */
import type { DiagnosticCode } from '../diagnostics';
import type { MemberNode, PropNode, Span } from './ast';
import { DiagnosticSink } from './diagnosticSink';
import { Scanner, isReservedWord, kindKeywords, itemKeywords, memberKeywords, type Token } from './scanner';

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

	constructor(text: string, uri: string) {
		this.text = text;
		this.sink = new DiagnosticSink(uri, text.length);
		this.#scanner = new Scanner(text, this.sink);
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
		for (;;) {
			const token = this.#scanner.next();
			if (token.kind !== 'invalid') {
				return token;
			}
		}
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
