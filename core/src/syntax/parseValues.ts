/**
 * Parsing of the leaves of the grammar: names, references (`a/b#2/c`), numbers and strings.
 */
import { parseNumber } from '../model/address';
import { signedNumberValue } from './fastNumber';
import type { NameNode, NumberNode, RefNode, RefSegment, StringNode } from './ast';
import { isNameLike, isSync, type ParserState } from './parserState';
import type { Token } from './scanner';

function nameNode(token: Token): NameNode {
	if (token.kind !== 'string') {
		return new BareName(token.offset, token.text);
	}
	return { kind: 'name', offset: token.offset, length: token.length, text: token.value ?? '', quoted: true };
}

/**
 * A bare NAME, the common case: its length is its text's, and its kind and quoting are
 * fixed, so they live on the prototype (a big board has one name per region and per
 * reference segment: three fields fewer each is a sixteenth of the syntax tree).
 */
class BareName implements NameNode {
	constructor(
		readonly offset: number,
		readonly text: string,
	) {}

	get kind(): 'name' {
		return 'name';
	}

	get length(): number {
		return this.text.length;
	}

	get quoted(): boolean {
		return false;
	}
}

/**
 * Parses a NAME. A reserved word in name position is taken as the name (with an error
 * that says to quote it) unless what follows shows that the name is simply missing
 * (`ram size 4K`, or `of` at the end of a line followed by a new region: a keyword that
 * starts a declaration on a new line is never taken as a name).
 * `what` describes the expectation: "a region name after 'ram'", or, with `after`,
 * "a region name" and "ram" (the message is then only built when it is needed).
 */
export function parseName(p: ParserState, what: string, after?: string): NameNode | undefined {
	const token = p.peek();
	if (isNameLike(token)) {
		return nameNode(p.next());
	}
	if (token.kind === 'word' && !(token.newlineBefore && isSync(token))) {
		const following = p.peek(1);
		if (!isNameLike(following) && following.kind !== 'number') {
			p.error(
				'syntax.unexpected-token',
				`'${token.text}' is a keyword; write "${token.text}" to use it as a name`,
				token,
			);
			return nameNode(p.next());
		}
	}
	const hint =
		token.kind === 'number' ? ` (a name starts with a letter or '_'; quote other names: "${token.text}")` : '';
	p.expected((after === undefined ? what : `${what} after '${after}'`) + hint);
	return undefined;
}

/** Parses a REF: `NAME ('#' N)? ('/' NAME ('#' N)?)*`. */
export function parseRef(p: ParserState, what: string): RefNode | undefined {
	const first = parseSegment(p, what);
	if (!first) {
		return undefined;
	}
	const segments: RefSegment[] = [first];
	while (p.peek().kind === 'slash') {
		p.next();
		const segment = parseSegment(p, "a region name after '/'");
		if (!segment) {
			break;
		}
		segments.push(segment);
	}
	return { kind: 'ref', offset: first.offset, length: p.lengthFrom(first.offset), segments };
}

function parseSegment(p: ParserState, what: string): RefSegment | undefined {
	const name = parseName(p, what);
	if (!name) {
		return undefined;
	}
	if (p.peek().kind !== 'hash') {
		return { offset: name.offset, length: p.lengthFrom(name.offset), name };
	}
	p.next();
	const token = p.peek();
	if (token.kind !== 'number') {
		p.expected(`an occurrence number after '#' (as in '${name.text}#2')`);
		return { offset: name.offset, length: p.lengthFrom(name.offset), name };
	}
	p.next();
	const value = parseNumber(token.text);
	const valid = value !== undefined && value >= 1n && value <= 0x7fffffffn;
	if (!valid) {
		p.error(
			'number.invalid',
			`'#${token.text}' is not a valid occurrence: write a positive integer (#1 is the first of the same-named regions)`,
			token,
		);
	}
	const occurrence = valid ? Number(value) : undefined;
	return { offset: name.offset, length: p.lengthFrom(name.offset), name, occurrence };
}

/**
 * Consumes the current token when it is a NUMBER; otherwise reports that `what` was
 * expected and yields undefined.
 */
export function takeNumber(p: ParserState, what: string): Token | undefined {
	const token = p.peek();
	if (token.kind !== 'number') {
		p.expected(what);
		return undefined;
	}
	return p.next();
}

/**
 * The value of the NUMBER `token` (with `signed`, an INT that may start with `-`).
 * Malformed literals yield undefined and a `number.invalid` diagnostic.
 */
export function checkedNumberValue(p: ParserState, token: Token, signed: boolean): bigint | undefined {
	const value = signedNumberValue(token.text);
	if (value === undefined) {
		p.error('number.invalid', invalidNumberMessage(token.text), token);
		return undefined;
	}
	if (!signed && token.text.charCodeAt(0) === 45) {
		p.error('number.invalid', `'${token.text}' is negative; only 'priority' takes a negative number`, token);
		return undefined;
	}
	return value;
}

/**
 * Parses a NUMBER (or, with `signed`, an INT with an optional leading `-`). Malformed
 * literals yield a node with `value: undefined` and a `number.invalid` diagnostic.
 */
export function parseNumberNode(p: ParserState, what: string, signed = false): NumberNode | undefined {
	const token = takeNumber(p, what);
	if (token === undefined) {
		return undefined;
	}
	const value = checkedNumberValue(p, token, signed);
	return { kind: 'number', offset: token.offset, length: token.length, text: token.text, value };
}

function invalidNumberMessage(text: string): string {
	const usage = 'write decimal, 0x hex or 0b binary digits with optional _ separators and a unit K, M, G, T, P, E (or KiB..EiB)';
	if (/\./.test(text)) {
		return `'${text}' is not a valid number: fractions are not allowed; ${usage}`;
	}
	return `'${text}' is not a valid number: ${usage}`;
}

/** Parses the STRING of an `include`. */
export function parseString(p: ParserState, what: string): StringNode | undefined {
	const token = p.peek();
	if (token.kind !== 'string') {
		p.expected(what);
		return undefined;
	}
	p.next();
	return { kind: 'string', offset: token.offset, length: token.length, value: token.value ?? '' };
}
