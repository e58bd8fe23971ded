/**
 * Parsing of regions (`KIND NAME prop* block? ';'?`), their properties and blocks, and the
 * dispatch of block members.
 */
import type { BlockNode, MemberNode, PropName, PropNode, RegionKind, RegionNode, Span } from './ast';
import { regionKinds } from './ast';
import { describe, isNameLike, isSync, type ParserState } from './parserState';
import { parseAccess, parseCoalesce, parseEndian, parseInclude, parseMap, parseSpace } from './parseStatements';
import { parseName, parseNumberNode, parseRef } from './parseValues';
import { closestKeyword, recoverUnknown } from './recovery';
import { kindKeywords, memberKeywords, propertyKeywords, type Token } from './scanner';

/** Deeper nesting is reported and skipped, so that hostile input cannot exhaust the stack. */
const maxDepth = 200;

const propExpectation =
	"a property (at, size, priority, overlap, of, offset, readonly, disabled, nonvolatile), '{' or ';'";
const memberExpectation =
	"a region (container, ram, rom, romd, io, alias, ramd), 'map', a setting (valid, impl, endian, coalesce) or '}'";

/** True when `text` is a region kind keyword. */
export function isRegionKind(text: string): text is RegionKind {
	return (regionKinds as readonly string[]).includes(text);
}

const propertyWords: ReadonlySet<string> = new Set(propertyKeywords);

function isPropKeyword(token: Token): boolean {
	return token.kind === 'word' && propertyWords.has(token.text);
}

function spanOf(token: Token): Span {
	return { offset: token.offset, length: token.length };
}

/** Parses a region whose kind keyword (possibly a typo of `kind`) is the current token. */
export function parseRegion(p: ParserState, kind: RegionKind, depth: number): RegionNode {
	const keyword = p.next();
	const name = parseName(p, `a region name after '${keyword.text}'`);
	const props: PropNode[] = [];
	let body: BlockNode | undefined;
	for (;;) {
		const token = p.peek();
		if (isPropKeyword(token)) {
			props.push(parseProp(p));
		} else if (token.kind === 'lbrace') {
			body = parseBlock(p, depth + 1, `${kind} '${name?.text ?? '?'}'`);
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
				props.push(parseProp(p, guess));
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
		keyword: spanOf(keyword),
		name,
		props,
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
	let value: PropNode['value'];
	switch (name) {
		case 'at':
		case 'size':
		case 'offset':
			value = parseNumberNode(p, `a number after '${name}'`);
			break;
		case 'priority':
			value = parseNumberNode(p, "a priority after 'priority' (an integer, may be negative)", true);
			break;
		case 'of':
			value = parseRef(p, "the aliased region after 'of'");
			break;
		default:
			break;
	}
	return { kind: 'prop', offset: keyword.offset, length: p.lengthFrom(keyword.offset), name, keyword: spanOf(keyword), value };
}

/** Parses `{ member* }`; a missing `}` is reported on the `{` and gives `closed: false`. */
function parseBlock(p: ParserState, depth: number, owner: string): BlockNode {
	const open = p.next();
	if (depth > maxDepth) {
		p.error('syntax.unexpected-token', `blocks nested deeper than ${maxDepth} levels are not supported`, open);
		skipNested(p);
		return { kind: 'block', offset: open.offset, length: p.lengthFrom(open.offset), members: [], closed: p.prev.kind === 'rbrace' };
	}
	const members: MemberNode[] = [];
	for (;;) {
		const token = p.peek();
		if (token.kind === 'rbrace') {
			p.next();
			return { kind: 'block', offset: open.offset, length: p.lengthFrom(open.offset), members, closed: true };
		}
		if (token.kind === 'eof') {
			p.error('syntax.missing-token', `missing '}' to close the block of ${owner} opened here`, open);
			return { kind: 'block', offset: open.offset, length: p.lengthFrom(open.offset), members, closed: false };
		}
		const member = parseMember(p, depth);
		if (member) {
			members.push(member);
		}
		if (p.peek() === token) {
			p.next();
		}
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
