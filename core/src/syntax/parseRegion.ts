/**
 * Parsing of regions (`KIND NAME prop* block? ';'?`), their properties and blocks, and the
 * dispatch of block members.
 */
import type { BlockNode, MemberNode, NameNode, NumberNode, PropName, PropNode, RefNode, RegionKind, RegionNode } from './ast';
import { regionKinds } from './ast';
import { describe, isNameLike, isSync, type ParserState } from './parserState';
import { parseAccess, parseCoalesce, parseEndian, parseInclude, parseMap, parseSpace } from './parseStatements';
import { checkedNumberValue, parseName, parseRef, takeNumber } from './parseValues';
import { closestKeyword, recoverUnknown } from './recovery';
import { kindKeywords, memberKeywords, propertyKeywords, type Token } from './scanner';

/** Deeper nesting is reported and skipped, so that hostile input cannot exhaust the stack. */
const maxDepth = 200;

const propExpectation =
	"a property (at, size, priority, overlap, of, offset, readonly, disabled, nonvolatile), '{' or ';'";
const memberExpectation =
	"a region (container, ram, rom, romd, io, alias, ramd), 'map', a setting (valid, impl, endian, coalesce) or '}'";

const regionKindWords: ReadonlySet<string> = new Set(regionKinds);

/** True when `text` is a region kind keyword. */
export function isRegionKind(text: string): text is RegionKind {
	return regionKindWords.has(text);
}

/** The "expected" text of each numeric property, built once rather than per property. */
const numberExpectations: Readonly<Partial<Record<PropName, string>>> = {
	at: "a number after 'at'",
	size: "a number after 'size'",
	offset: "a number after 'offset'",
	priority: "a priority after 'priority' (an integer, may be negative)",
};

const propertyWords: ReadonlySet<string> = new Set(propertyKeywords);

function isPropKeyword(token: Token): boolean {
	return token.kind === 'word' && propertyWords.has(token.text);
}

/** Parses a region whose kind keyword (possibly a typo of `kind`) is the current token. */
export function parseRegion(p: ParserState, kind: RegionKind, depth: number): RegionNode {
	const keyword = p.next();
	const name = parseName(p, 'a region name', keyword.text);
	// Properties collect on a shared stack and are copied out at the end, so each region
	// holds an array of exactly its properties rather than a growable one.
	const base = p.props.top;
	let props: PropNode[] | undefined;
	let body: BlockNode | undefined;
	for (;;) {
		const token = p.peek();
		if (isPropKeyword(token)) {
			p.props.push(parseProp(p));
		} else if (token.kind === 'lbrace') {
			props = p.props.take(base);
			body = parseBlock(p, depth + 1, kind, name);
			p.eat('semicolon');
			break;
		} else if (token.kind === 'semicolon') {
			p.next();
			break;
		} else if (isSync(token) || (token.kind === 'word' && token.newlineBefore)) {
			break;
		} else {
			const guess = guessProperty(p, token);
			if (guess) {
				p.error('syntax.unexpected-token', `unknown property '${token.text}'; did you mean '${guess}'?`, token);
				p.props.push(parseProp(p, guess));
				continue;
			}
			p.unexpected(`expected ${propExpectation}, found ${describe(token)}`);
			skipRegionJunk(p);
		}
	}
	return {
		kind: 'region',
		offset: keyword.offset, length: p.lengthFrom(keyword.offset),
		regionKind: kind,
		keywordLength: keyword.length,
		name,
		props: props ?? p.props.take(base),
		body,
		doc: keyword.doc,
	};
}

/** Skips tokens of a broken header up to the next property, block, `;` or declaration. */
function skipRegionJunk(p: ParserState): void {
	p.next();
	for (;;) {
		const token = p.peek();
		if (isPropKeyword(token) || token.kind === 'lbrace' || token.kind === 'semicolon' || isSync(token)) {
			return;
		}
		if (token.kind === 'word' && token.newlineBefore) {
			return;
		}
		p.next();
	}
}

/**
 * The property that a mistyped word most likely is (`sise 4K` -> `size`), when what
 * follows fits that property; undefined otherwise.
 */
function guessProperty(p: ParserState, token: Token): PropName | undefined {
	if (token.kind !== 'word') {
		return undefined;
	}
	const guess = closestKeyword(token.text, propertyKeywords) as PropName | undefined;
	const following = p.peek(1);
	switch (guess) {
		case undefined:
			return undefined;
		case 'at':
		case 'size':
		case 'offset':
		case 'priority':
			return following.kind === 'number' ? guess : undefined;
		case 'of':
			return isNameLike(following) ? guess : undefined;
		default:
			return isPropKeyword(following) || isSync(following) || following.kind === 'lbrace' || following.kind === 'semicolon'
				? guess
				: undefined;
	}
}

/** Parses a property whose keyword (possibly a typo of `name`) is the current token. */
function parseProp(p: ParserState, name: PropName = p.peek().text as PropName): PropNode {
	const keyword = p.next();
	let value: RefNode | undefined;
	switch (name) {
		case 'at':
		case 'size':
		case 'offset':
		case 'priority':
			return parseNumberProp(p, name, keyword);
		case 'of':
			value = parseRef(p, "the aliased region after 'of'");
			break;
		default:
			break;
	}
	const length = p.lengthFrom(keyword.offset);
	return { kind: 'prop', offset: keyword.offset, length, name, keywordLength: keyword.length, value };
}

/** The NUMBER of `at`, `size`, `offset` or `priority` (only a priority may be negative). */
function parseNumberProp(p: ParserState, name: PropName, keyword: Token): PropNode {
	const token = takeNumber(p, numberExpectations[name] ?? '');
	if (token === undefined) {
		const length = p.lengthFrom(keyword.offset);
		return { kind: 'prop', offset: keyword.offset, length, name, keywordLength: keyword.length, value: undefined };
	}
	const number = checkedNumberValue(p, token, name === 'priority');
	return new NumberProp(name, keyword.offset, keyword.length, token.offset, token.text, number);
}

/**
 * A property with a NUMBER (`at`, `size`, `offset`, `priority`: most properties of a
 * map). It keeps the number's offset, text and value and builds the NUMBER node when
 * `value` is read: a node object per number was a fifth of a big syntax tree's memory,
 * and the tree is read far less often than it is built. Each read builds a new node, so
 * a reader that needs it twice keeps it in a variable. `kind` and `length` are derived
 * too (the property ends where its number does), for the same reason.
 */
class NumberProp implements PropNode {
	#valueOffset: number;
	readonly #text: string;
	readonly #number: bigint | undefined;

	constructor(
		readonly name: PropName,
		public offset: number,
		readonly keywordLength: number,
		valueOffset: number,
		text: string,
		number: bigint | undefined,
	) {
		this.#valueOffset = valueOffset;
		this.#text = text;
		this.#number = number;
	}

	get kind(): 'prop' {
		return 'prop';
	}

	get length(): number {
		return this.#valueOffset + this.#text.length - this.offset;
	}

	get value(): NumberNode {
		return { kind: 'number', offset: this.#valueOffset, length: this.#text.length, text: this.#text, value: this.#number };
	}

	/** Moves the property and its number (the incremental parse's `shift`). */
	shiftBy(delta: number): void {
		this.offset += delta;
		this.#valueOffset += delta;
	}

	/** The number's exact value, without building its node. */
	get number(): bigint | undefined {
		return this.#number;
	}
}

/**
 * Moves a number property in place by `delta` and returns true; false (and nothing moved)
 * for any other property, whose spans are plain fields.
 */
export function shiftProp(prop: PropNode, delta: number): boolean {
	if (prop instanceof NumberProp) {
		prop.shiftBy(delta);
		return true;
	}
	return false;
}

/**
 * The exact value of a number property (`at`, `size`, `offset`, `priority`), undefined when
 * it has none. Reads it without building the NUMBER node that `value` builds on each read.
 */
export function numberPropValue(prop: PropNode): bigint | undefined {
	if (prop instanceof NumberProp) {
		return prop.number;
	}
	return prop.value?.kind === 'number' ? prop.value.value : undefined;
}

/**
 * Parses `{ member* }` of the region `kind name`; a missing `}` is reported on the `{` and
 * gives `closed: false`.
 */
function parseBlock(p: ParserState, depth: number, kind: RegionKind, name: NameNode | undefined): BlockNode {
	const open = p.next();
	if (depth > maxDepth) {
		p.error('syntax.unexpected-token', `blocks nested deeper than ${maxDepth} levels are not supported`, open);
		skipNested(p);
		return { kind: 'block', offset: open.offset, length: p.lengthFrom(open.offset), members: [], closed: p.prev.kind === 'rbrace' };
	}
	// Members collect on a shared stack (nested blocks above this one's) and are copied
	// out exactly sized when the block ends.
	const base = p.members.top;
	for (;;) {
		const token = p.peek();
		if (token.kind === 'rbrace') {
			p.next();
			return { kind: 'block', offset: open.offset, length: p.lengthFrom(open.offset), members: p.members.take(base), closed: true };
		}
		if (token.kind === 'eof') {
			p.error('syntax.missing-token', `missing '}' to close the block of ${kind} '${name?.text ?? '?'}' opened here`, open);
			return { kind: 'block', offset: open.offset, length: p.lengthFrom(open.offset), members: p.members.take(base), closed: false };
		}
		const mark = p.mark();
		const member = parseMember(p, depth);
		if (member) {
			p.members.push(member);
		}
		if (p.peek() === token) {
			p.next();
		}
		p.release(mark);
	}
}

/** Skips the rest of an already opened block, including its closing `}`. */
function skipNested(p: ParserState): void {
	let depth = 1;
	while (depth > 0 && p.peek().kind !== 'eof') {
		const token = p.next();
		depth += token.kind === 'lbrace' ? 1 : token.kind === 'rbrace' ? -1 : 0;
	}
}

/** Parses one member of a block, or recovers from a token that starts none. */
export function parseMember(p: ParserState, depth: number): MemberNode | undefined {
	const token = p.peek();
	if (token.kind === 'word') {
		if (token.text === 'include' || token.text === 'space') {
			p.unexpected(`'${token.text}' is only allowed at the top level of a file, not inside a block`);
			void (token.text === 'include' ? parseInclude(p) : parseSpace(p));
			return undefined;
		}
		const member = parseMemberAs(p, token.text, depth);
		if (member) {
			return member;
		}
	}
	if (token.kind === 'semicolon') {
		p.unexpected("unexpected ';': nothing to end here");
		p.next();
		return undefined;
	}
	const guess = recoverUnknown(p, [...kindKeywords, ...memberKeywords], memberExpectation);
	return guess === undefined ? undefined : parseMemberAs(p, guess, depth);
}

/** Parses the member that `keyword` starts (the current token, possibly a typo of it). */
export function parseMemberAs(p: ParserState, keyword: string, depth: number): MemberNode | undefined {
	if (isRegionKind(keyword)) {
		return parseRegion(p, keyword, depth);
	}
	switch (keyword) {
		case 'map':
			return parseMap(p);
		case 'valid':
		case 'impl':
			return parseAccess(p);
		case 'endian':
			return parseEndian(p);
		case 'coalesce':
			return parseCoalesce(p);
		default:
			return undefined;
	}
}
