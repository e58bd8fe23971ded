/**
 * Parsing of the statements that hold no nested blocks: `include`, `space`, `map` and the
 * settings `valid`/`impl`, `endian`, `coalesce`.
 */
import type { AccessNode, CoalesceNode, EndianNode, IncludeNode, MapNode, NumberNode, SpaceNode, Span } from './ast';
import { describe, isSync, type ParserState } from './parserState';
import { parseName, parseNumberNode, parseRef, parseString } from './parseValues';
import type { Token } from './scanner';

function spanOf(token: Token): Span {
	return { offset: token.offset, length: token.length };
}

/** `include STRING` */
export function parseInclude(p: ParserState): IncludeNode {
	const keyword = p.next();
	const path = parseString(p, "a quoted file path after 'include' (include \"board.memmap\")");
	p.eat('semicolon');
	return { kind: 'include', offset: keyword.offset, length: p.lengthFrom(keyword.offset), keywordLength: keyword.length, path };
}

/** `space NAME = REF` */
export function parseSpace(p: ParserState): SpaceNode {
	const keyword = p.next();
	const name = parseName(p, "an address space name after 'space'");
	let root;
	if (p.eat('equals')) {
		root = parseRef(p, "the root region of the space after '='");
	} else if (name) {
		p.expected(`'=' and the root region after 'space ${name.text}'`);
	}
	p.eat('semicolon');
	return { kind: 'space', offset: keyword.offset, length: p.lengthFrom(keyword.offset), keywordLength: keyword.length, name, root, doc: keyword.doc };
}

/** True where a clause (map, setting) ends: `;`, a sync token, or a word on a new line. */
function endsClause(token: Token): boolean {
	return token.kind === 'semicolon' || isSync(token) || (token.kind === 'word' && token.newlineBefore);
}

/** Skips the rest of a broken clause, stopping before any token `keep` accepts. */
function skipClause(p: ParserState, keep: (token: Token) => boolean): void {
	p.next();
	while (!endsClause(p.peek()) && !keep(p.peek())) {
		p.next();
	}
}

/** `map REF at NUMBER ('priority' INT | 'overlap')*`; `at`, `priority`, `overlap` in any order. */
export function parseMap(p: ParserState): MapNode {
	const keyword = p.next();
	const target = parseRef(p, "the region to place after 'map'");
	let at: NumberNode | undefined;
	let priority: NumberNode | undefined;
	let overlap: Span | undefined;
	for (;;) {
		const token = p.peek();
		if (endsClause(token) && !isMapWord(token)) {
			break;
		}
		if (isMapWord(token) && duplicateInMap(p, token, at, priority, overlap)) {
			skipClause(p, isMapWord);
			continue;
		}
		if (token.text === 'at' && token.kind === 'word') {
			p.next();
			at = parseNumberNode(p, "an address after 'at'");
		} else if (token.text === 'priority' && token.kind === 'word') {
			p.next();
			priority = parseNumberNode(p, "a priority after 'priority' (an integer, may be negative)", true);
		} else if (token.text === 'overlap' && token.kind === 'word') {
			overlap = spanOf(p.next());
		} else {
			p.unexpected(`expected 'at', 'priority', 'overlap' or ';' in 'map', found ${describe(token)}`);
			skipClause(p, isMapWord);
		}
	}
	if (!at && target) {
		p.expected(`'at' and an address after 'map ${p.text.slice(target.offset, target.offset + target.length)}'`);
	}
	p.eat('semicolon');
	return { kind: 'map', offset: keyword.offset, length: p.lengthFrom(keyword.offset), keywordLength: keyword.length, target, at, priority, overlap };
}

function isMapWord(token: Token): boolean {
	return token.kind === 'word' && (token.text === 'at' || token.text === 'priority' || token.text === 'overlap');
}

function duplicateInMap(
	p: ParserState,
	token: Token,
	at: unknown,
	priority: unknown,
	overlap: unknown,
): boolean {
	const given = token.text === 'at' ? at : token.text === 'priority' ? priority : overlap;
	if (given === undefined) {
		return false;
	}
	p.error('prop.duplicate', `'${token.text}' is given twice in this 'map'`, token);
	return true;
}

const minValidExpectation = "the minimum access size after 'valid' (as in 'valid 1..4')";
const minImplExpectation = "the minimum access size after 'impl' (as in 'impl 1..4')";

/** `('valid' | 'impl') NUMBER '..' NUMBER 'unaligned'?` */
export function parseAccess(p: ParserState): AccessNode {
	const keyword = p.next();
	const which = keyword.text === 'impl' ? 'impl' : 'valid';
	const min = parseNumberNode(p, which === 'impl' ? minImplExpectation : minValidExpectation);
	let max: NumberNode | undefined;
	if (p.eat('range')) {
		max = parseNumberNode(p, "the maximum access size after '..'");
	} else if (min) {
		p.expected(`'..' and the maximum access size (as in '${which} 1..4')`);
	}
	const unaligned = p.isWord('unaligned') ? spanOf(p.next()) : undefined;
	p.eat('semicolon');
	return { kind: 'access', offset: keyword.offset, length: p.lengthFrom(keyword.offset), which, keywordLength: keyword.length, min, max, unaligned };
}

/** `endian ('little' | 'big' | 'native')` */
export function parseEndian(p: ParserState): EndianNode {
	const keyword = p.next();
	const token = p.peek();
	let value: EndianNode['value'];
	if (token.kind === 'word' && (token.text === 'little' || token.text === 'big' || token.text === 'native')) {
		value = token.text;
		p.next();
	} else {
		p.expected("'little', 'big' or 'native' after 'endian'");
	}
	p.eat('semicolon');
	return { kind: 'endian', offset: keyword.offset, length: p.lengthFrom(keyword.offset), keywordLength: keyword.length, value };
}

/** `coalesce (NUMBER 'size' NUMBER)?` */
export function parseCoalesce(p: ParserState): CoalesceNode {
	const keyword = p.next();
	let start: NumberNode | undefined;
	let size: NumberNode | undefined;
	if (p.peek().kind === 'number') {
		start = parseNumberNode(p, 'the start of the coalesced range');
		if (p.isWord('size')) {
			p.next();
			size = parseNumberNode(p, "the size of the coalesced range after 'size'");
		} else {
			p.expected("'size' and the size of the coalesced range (as in 'coalesce 0x100 size 4K')");
		}
	}
	p.eat('semicolon');
	return { kind: 'coalesce', offset: keyword.offset, length: p.lengthFrom(keyword.offset), keywordLength: keyword.length, start, size };
}
