/**
 * The incremental parse: after an edit, only the innermost region whose block holds the
 * whole edit is parsed again; every other node is kept, and the nodes after the edit move
 * with the text. A keystroke in a 10k-region board re-parses a dozen lines instead of
 * half a megabyte.
 *
 * The result is exactly what `parse` returns for the new text (a property test compares
 * the two on random edits). Where that cannot be guaranteed cheaply, `reparse` simply
 * parses the whole text: an edit outside every block, one that touches a block's braces,
 * a region whose keyword was a typo, or diagnostics near the block's ends that a
 * neighbour's recovery may have placed there.
 *
 * The previous tree is consumed: its nodes are reused and moved, so it describes the new
 * text afterwards. `reparse` refuses (parses afresh) a tree it has already consumed, so a
 * caller that keeps an old parse result around gets a correct, if slower, answer.
 */
import type { Diagnostic } from '../diagnostics';
import type { BlockNode, CommentNode, FileNode, ItemNode, MemberNode, RegionNode } from './ast';
import { parse, type ParseResult } from './parser';
import { ParserState } from './parserState';
import { parseRegion } from './parseRegion';
import { shiftNode, shiftSpan } from './shift';

/** A text with its parse. */
export interface ParsedText {
	readonly text: string;
	readonly file: FileNode;
	readonly diagnostics: readonly Diagnostic[];
}

/** Trees whose nodes a later `reparse` took over: they no longer describe their text. */
const consumed = new WeakSet<FileNode>();

/** The edit between two texts: `[start, oldEnd)` of the old text became `[start, newEnd)`. */
interface Edit {
	readonly start: number;
	readonly oldEnd: number;
	readonly newEnd: number;
}

/** Where the edited region sits: the lists that lead to it, outermost first. */
interface Step {
	/** The list that holds the node (the file's items, or a block's members). */
	readonly list: readonly (ItemNode | MemberNode)[];
	readonly index: number;
}

/**
 * The parse of `text`, reusing `previous` (the parse of an earlier version of the same
 * document) where the edit allows: as it is when the text is the same. Never throws;
 * falls back to `parse`.
 */
export function reparse(previous: ParsedText, text: string, uri: string): ParseResult {
	if (consumed.has(previous.file) || previous.file.length !== previous.text.length) {
		return parse(text, uri);
	}
	if (previous.text === text) {
		return { file: previous.file, diagnostics: previous.diagnostics };
	}
	const edit = findEdit(previous.text, text);
	const path = enclosingRegion(previous.file.items, edit);
	const target = path === undefined ? undefined : nodeAt(path[path.length - 1] as Step);
	if (path === undefined || target === undefined || !safeNeighbourhood(target, previous.diagnostics)) {
		return parse(text, uri);
	}
	const delta = edit.newEnd - edit.oldEnd;
	const fresh = parseRegionAt(text, uri, target, path.length - 1, delta);
	if (fresh === undefined) {
		return parse(text, uri);
	}
	consumed.add(previous.file);
	return splice(previous, text, path, target, fresh, delta);
}

/** The common prefix and suffix of the two texts, as an edit. */
function findEdit(before: string, after: string): Edit {
	const shorter = Math.min(before.length, after.length);
	let start = 0;
	while (start < shorter && before.charCodeAt(start) === after.charCodeAt(start)) {
		start++;
	}
	let suffix = 0;
	while (
		suffix < shorter - start &&
		before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)
	) {
		suffix++;
	}
	return { start, oldEnd: before.length - suffix, newEnd: after.length - suffix };
}

/**
 * The path to the innermost region whose block holds the edit strictly between its
 * braces (so both braces survive), or undefined when no block does.
 */
function enclosingRegion(items: readonly ItemNode[], edit: Edit): Step[] | undefined {
	const path: Step[] = [];
	let list: readonly (ItemNode | MemberNode)[] = items;
	for (;;) {
		const index = indexHolding(list, edit);
		if (index < 0) {
			return path.length === 0 ? undefined : path;
		}
		path.push({ list, index });
		list = ((list[index] as RegionNode).body as BlockNode).members;
	}
}

/** The index of the region in `list` whose closed block strictly holds the edit, or -1. */
function indexHolding(list: readonly (ItemNode | MemberNode)[], edit: Edit): number {
	let low = 0;
	let high = list.length - 1;
	// Nodes are in text order and disjoint: find the last one starting before the edit.
	let found = -1;
	while (low <= high) {
		const mid = (low + high) >> 1;
		if ((list[mid] as ItemNode | MemberNode).offset < edit.start) {
			found = mid;
			low = mid + 1;
		} else {
			high = mid - 1;
		}
	}
	const node = list[found];
	if (node?.kind !== 'region' || node.body === undefined || !node.body.closed) {
		return -1;
	}
	const body = node.body;
	const inside = body.offset < edit.start && edit.oldEnd <= body.offset + body.length - 1;
	return inside ? found : -1;
}

function nodeAt(step: Step): RegionNode | undefined {
	const node = step.list[step.index];
	return node?.kind === 'region' ? node : undefined;
}

/**
 * False when a diagnostic sits on the region's first or last token: the parse of a
 * neighbour may have put it there (an "expected" message is anchored on the previous
 * token when the next one is on a new line), and which of two diagnostics at one offset
 * survives depends on the order they were reported in.
 */
function safeNeighbourhood(region: RegionNode, diagnostics: readonly Diagnostic[]): boolean {
	const body = region.body as BlockNode;
	const end = region.offset + region.length;
	const closing = body.offset + body.length - 1;
	return !diagnostics.some((d) => d.offset === region.offset || d.offset === closing || d.offset === end - 1);
}

/**
 * `region` parsed again from the new text, where it starts at the same offset and must
 * end `delta` later with its block closed; undefined when it does not.
 */
function parseRegionAt(
	text: string,
	uri: string,
	region: RegionNode,
	depth: number,
	delta: number,
): { node: RegionNode; diagnostics: readonly Diagnostic[]; comments: readonly CommentNode[] } | undefined {
	const p = new ParserState(text, uri, true, region.offset);
	const keyword = p.peek();
	if (keyword.kind !== 'word' || keyword.offset !== region.offset || keyword.text !== region.regionKind) {
		return undefined;
	}
	const node = parseRegion(p, region.regionKind, depth);
	const end = region.offset + region.length + delta;
	if (node.length !== region.length + delta || node.body?.closed !== true) {
		return undefined;
	}
	const diagnostics = p.sink.sorted();
	if (diagnostics.some((d) => d.offset >= end)) {
		return undefined;
	}
	// The scanner started at the keyword, after the `///` lines above it: keep their text.
	const kept: RegionNode = { ...node, doc: region.doc };
	return { node: kept, diagnostics, comments: p.comments.filter((c) => c.offset < end) };
}

/** Puts the re-parsed region in place, moves everything after it and merges the lists. */
function splice(
	previous: ParsedText,
	text: string,
	path: readonly Step[],
	target: RegionNode,
	fresh: { node: RegionNode; diagnostics: readonly Diagnostic[]; comments: readonly CommentNode[] },
	delta: number,
): ParseResult {
	const oldStart = target.offset;
	const oldEnd = target.offset + target.length;
	for (let level = 0; level < path.length; level++) {
		const { list, index } = path[level] as Step;
		for (let i = index + 1; i < list.length; i++) {
			shiftNode(list[i] as ItemNode | MemberNode, delta);
		}
		if (level < path.length - 1) {
			const ancestor = list[index] as RegionNode;
			grow(ancestor, delta);
		}
	}
	const last = path[path.length - 1] as Step;
	(last.list as (ItemNode | MemberNode)[])[last.index] = fresh.node;
	const comments = merge(previous.file.comments, fresh.comments, oldStart, oldEnd, delta, moveComment);
	const diagnostics = merge(previous.diagnostics, fresh.diagnostics, oldStart, oldEnd, delta, moveDiagnostic);
	const file: FileNode = { kind: 'file', offset: 0, length: text.length, items: previous.file.items, comments };
	return { file, diagnostics };
}

/** An ancestor of the edited region: it and its block end `delta` later. */
function grow(region: RegionNode, delta: number): void {
	(region as { length: number }).length += delta;
	const body = region.body as BlockNode;
	(body as { length: number }).length += delta;
}

/**
 * The old entries before `oldStart`, then the new ones, then the old ones from `oldEnd`
 * on, moved by `delta`. Both lists are sorted by offset.
 */
function merge<T extends { readonly offset: number }>(
	old: readonly T[],
	fresh: readonly T[],
	oldStart: number,
	oldEnd: number,
	delta: number,
	move: (entry: T, delta: number) => T,
): T[] {
	const result: T[] = [];
	let i = 0;
	while (i < old.length && (old[i] as T).offset < oldStart) {
		result.push(old[i] as T);
		i++;
	}
	result.push(...fresh);
	while (i < old.length && (old[i] as T).offset < oldEnd) {
		i++;
	}
	for (; i < old.length; i++) {
		result.push(move(old[i] as T, delta));
	}
	return result;
}

function moveComment(comment: CommentNode, delta: number): CommentNode {
	shiftSpan(comment, delta);
	return comment;
}

/** Diagnostics belong to the previous result too: a moved one is a new object. */
function moveDiagnostic(diagnostic: Diagnostic, delta: number): Diagnostic {
	return { ...diagnostic, offset: diagnostic.offset + delta };
}
