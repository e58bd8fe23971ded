/**
 * The `.memmap` parser: recursive descent over the hand-written scanner, with explicit
 * synchronisation tokens for recovery (kind keywords, `map`, `valid`, `impl`, `endian`,
 * `coalesce`, `include`, `space`, `}` and `;`).
 */
import type { Diagnostic } from '../diagnostics';
import type { FileNode, ItemNode } from './ast';
import { ParserState } from './parserState';
import { isRegionKind, parseMemberAs, parseRegion } from './parseRegion';
import { parseInclude, parseSpace } from './parseStatements';
import { recoverUnknown } from './recovery';
import { itemKeywords, kindKeywords, memberKeywords, type Token } from './scanner';

/** The result of `parse`: always a tree, plus syntax diagnostics. */
export interface ParseResult {
	readonly file: FileNode;
	/** Syntax diagnostics sorted by offset, at most one per offset, each inside the text. */
	readonly diagnostics: readonly Diagnostic[];
}

const itemExpectation =
	"a declaration: 'include', 'space' or a region kind (container, ram, rom, romd, io, alias, ramd)";

/**
 * Parses `.memmap` text. Never throws: syntax errors become diagnostics (with `uri`) and
 * the parser recovers so the rest of the file still yields nodes. Runs in time linear in
 * the length of the text. Numbers are not range-checked here (the analyzer does that by
 * context), nor are properties checked against the region kind.
 */
export function parse(text: string, uri = ''): ParseResult {
	return parseWith(new ParserState(text, uri));
}

/** `parse` with a new token object per token, for tests that compare it with `parse`. */
export function parseWithoutRecycling(text: string, uri = ''): ParseResult {
	return parseWith(new ParserState(text, uri, false));
}

function parseWith(p: ParserState): ParseResult {
	const text = p.text;
	const items: ItemNode[] = [];
	parseItems(p, items, () => false);
	const file: FileNode = { kind: 'file', offset: 0, length: text.length, items, comments: p.comments };
	return { file, diagnostics: p.sink.sorted() };
}

/**
 * Parses top-level items into `items` until the end of the text, or until `stop` says to
 * stop at the token that would start the next one (the incremental parse stops where
 * the old tree can be taken up again). Returns whether it stopped before the end.
 */
export function parseItems(p: ParserState, items: ItemNode[], stop: (next: Token) => boolean): boolean {
	while (p.peek().kind !== 'eof') {
		const token = p.peek();
		if (stop(token)) {
			return true;
		}
		const mark = p.mark();
		const item = parseItem(p);
		if (item) {
			items.push(item);
		}
		if (p.peek() === token) {
			p.next();
		}
		p.release(mark);
	}
	return false;
}

function parseItem(p: ParserState): ItemNode | undefined {
	const token = p.peek();
	if (token.kind === 'word') {
		const item = parseItemAs(p, token.text);
		if (item) {
			return item;
		}
		if (memberKeywords.includes(token.text)) {
			p.unexpected(`'${token.text}' is only allowed inside a region's block { ... }`);
			void parseMemberAs(p, token.text, 0);
			return undefined;
		}
	}
	if (token.kind === 'rbrace') {
		p.unexpected("unexpected '}': there is no open block to close");
		p.next();
		return undefined;
	}
	const guess = recoverUnknown(p, [...kindKeywords, ...itemKeywords], itemExpectation);
	return guess === undefined ? undefined : parseItemAs(p, guess);
}

function parseItemAs(p: ParserState, keyword: string): ItemNode | undefined {
	if (isRegionKind(keyword)) {
		return parseRegion(p, keyword, 0);
	}
	if (keyword === 'include') {
		return parseInclude(p);
	}
	return keyword === 'space' ? parseSpace(p) : undefined;
}
