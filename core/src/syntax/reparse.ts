/**
 * The incremental parse: after an edit, only the innermost region whose block holds the
 * whole edit is parsed again; every other node is kept, and the nodes after the edit move
 * with the text. A keystroke in a 10k-region board re-parses a dozen lines instead of
 * half a megabyte. An edit that no block holds (between top-level items, or on a block's
 * braces) re-parses the top-level items from the one before the edit until the parse
 * meets an old item again after it.
 *
 * The result is exactly what `parse` returns for the new text (a property test compares
 * the two on random edits). Where that cannot be guaranteed cheaply, `reparse` simply
 * parses the whole text: a region whose keyword was a typo, or diagnostics near a seam
 * that the parse on the other side may have placed there.
 *
 * The previous tree is consumed: its nodes are reused and moved, so it describes the new
 * text afterwards. `reparse` refuses (parses afresh) a tree it has already consumed, so a
 * caller that keeps an old parse result around gets a correct, if slower, answer.
 */
import type { Diagnostic } from '../diagnostics';
import type { BlockNode, CommentNode, FileNode, ItemNode, MemberNode, RegionNode, SpaceNode } from './ast';
import { parse, parseItems, type ParseResult } from './parser';
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
export interface Edit {
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
 * What an incremental parse changed: the edit, the nodes of the old tree it replaced (as
 * they were: not moved) and the nodes parsed in their place. Every other node of the old
 * tree is kept, moved by the edit's length if it lies after it. A document whose text is
 * unchanged has an empty edit at its end and no nodes.
 */
export interface SyntaxChange {
	/** `[start, oldEnd)` of the old text became `[start, newEnd)` of the new one. */
	readonly start: number;
	readonly oldEnd: number;
	readonly newEnd: number;
	readonly removed: readonly (ItemNode | MemberNode)[];
	readonly added: readonly (ItemNode | MemberNode)[];
}

/** The change of a text of `length` characters that stayed the same. */
export function unchangedText(length: number): SyntaxChange {
	return { start: length, oldEnd: length, newEnd: length, removed: [], added: [] };
}

/** Whether `change` is that of a text that stayed the same. */
export function isUnchanged(change: SyntaxChange): boolean {
	return change.start === change.oldEnd && change.oldEnd === change.newEnd && change.removed.length === 0;
}

/** A parse, with what it took over from the previous one (undefined: parsed afresh). */
export interface ReparseResult extends ParseResult {
	readonly change: SyntaxChange | undefined;
}

/**
 * The parse of `text`, reusing `previous` (the parse of an earlier version of the same
 * document) where the edit allows: as it is when the text is the same. Never throws;
 * falls back to `parse`.
 */
export function reparse(previous: ParsedText, text: string, uri: string): ReparseResult {
	if (consumed.has(previous.file) || previous.file.length !== previous.text.length) {
		return { ...parse(text, uri), change: undefined };
	}
	if (previous.text === text) {
		return { file: previous.file, diagnostics: previous.diagnostics, change: unchangedText(text.length) };
	}
	const edit = findEdit(previous.text, text);
	const result = reparseInBlock(previous, text, uri, edit) ?? reparseItems(previous, text, uri, edit);
	if (result === undefined) {
		return { ...parse(text, uri), change: undefined };
	}
	consumed.add(previous.file);
	return result;
}

/** The edit parsed again inside the innermost block that holds it, if that works out. */
function reparseInBlock(previous: ParsedText, text: string, uri: string, edit: Edit): ReparseResult | undefined {
	const path = enclosingRegion(previous.file.items, edit);
	const target = path === undefined ? undefined : nodeAt(path[path.length - 1] as Step);
	if (path === undefined || target === undefined || !safeNeighbourhood(target, previous.diagnostics)) {
		return undefined;
	}
	const delta = edit.newEnd - edit.oldEnd;
	const fresh = parseRegionAt(text, uri, target, path.length - 1, delta);
	if (fresh === undefined) {
		return undefined;
	}
	const parsed = splice(previous, text, path, target, fresh, delta);
	return { ...parsed, change: { ...edit, removed: [target], added: [fresh.node] } };
}

/**
 * The common prefix and suffix of the two texts, as an edit. Found a block at a time with
 * string comparisons (native and much faster than a loop over characters: a 500 KB board
 * took 3 ms that way), then to the character.
 */
export function findEdit(before: string, after: string): Edit {
	const shorter = Math.min(before.length, after.length);
	const start = commonLength(shorter, (from, to) => before.slice(from, to) === after.slice(from, to));
	const suffix = commonLength(
		shorter - start,
		(from, to) => before.slice(before.length - to, before.length - from) === after.slice(after.length - to, after.length - from),
	);
	return { start, oldEnd: before.length - suffix, newEnd: after.length - suffix };
}

/**
 * The largest `n <= limit` with `same(0, n)`, given `same(from, to)` that compares the
 * characters `[from, to)` counted from one end. Blocks shrink from 64K characters to one,
 * so the work is linear in `n` plus a few blocks.
 */
function commonLength(limit: number, same: (from: number, to: number) => boolean): number {
	let length = 0;
	for (let block = 1 << 16; block >= 1; block >>= 1) {
		while (length + block <= limit && same(length, length + block)) {
			length += block;
		}
	}
	return length;
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
	// Nodes are in text order and disjoint: only the last one starting before the edit can.
	const found = lastStartingBefore(list, edit.start);
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

/**
 * The edit parsed again at the top level: from the last item whose first token ends
 * before the edit, item by item, until the parse reaches, after the edit, a token where
 * an old item starts. From there on the old items are the same text in the same parser
 * state, so they are kept (moved). Undefined when no such restart or resumption exists,
 * or when diagnostics near either seam could depend on the other side.
 */
function reparseItems(previous: ParsedText, text: string, uri: string, edit: Edit): ReparseResult | undefined {
	const items = previous.file.items;
	const found = firstItemToParse(previous, edit);
	if (found === undefined) {
		return undefined;
	}
	// Before the first item, the parse restarts where a whole parse starts.
	const first = Math.max(found, 0);
	const restart = found < 0 ? 0 : (items[first] as ItemNode).offset;
	const delta = edit.newEnd - edit.oldEnd;
	const p = new ParserState(text, uri, true, restart);
	const added: ItemNode[] = [];
	let resume = items.length;
	let resumeAt = text.length;
	let resumeDoc: string | undefined;
	const stopped = parseItems(p, added, (next) => {
		if (next.offset < edit.newEnd || p.sink.lastOffset >= next.offset) {
			return false;
		}
		const old = indexStartingAt(items, next.offset - delta, first);
		if (old < 0 || hasDiagnosticAt(previous.diagnostics, next.offset - delta)) {
			return false;
		}
		resume = old;
		resumeAt = next.offset;
		resumeDoc = next.doc;
		return true;
	});
	const diagnostics = p.sink.sorted();
	if ((diagnostics[0]?.offset ?? restart) < restart) {
		return undefined;
	}
	const resumed = items[resume];
	if (stopped && resumed !== undefined && resumed.kind !== 'include') {
		// The `///` lines above the resumed item are in the new text: take their text.
		(resumed as { doc: string | undefined }).doc = resumeDoc;
	}
	const startItem = added[0];
	if (found >= 0 && startItem !== undefined && startItem.offset === restart && startItem.kind !== 'include') {
		// The scanner started at the keyword, after the `///` lines above it.
		added[0] = { ...startItem, doc: (items[first] as RegionNode | SpaceNode).doc } as ItemNode;
	}
	const removed = items.slice(first, stopped ? resume : items.length);
	const kept = stopped ? items.slice(resume) : [];
	for (const node of kept) {
		shiftNode(node, delta);
	}
	const oldResume = stopped ? resumeAt - delta : previous.text.length + 1;
	const comments = merge(previous.file.comments, p.comments.filter((c) => c.offset < resumeAt), restart, oldResume, delta, moveComment);
	const merged = merge(previous.diagnostics, diagnostics, restart, oldResume, delta, moveDiagnostic);
	const file: FileNode = { kind: 'file', offset: 0, length: text.length, items: [...items.slice(0, first), ...added, ...kept], comments };
	return { file, diagnostics: merged, change: { ...edit, removed, added } };
}

/**
 * The index of the last item that starts, and whose first token ends, before the edit, so
 * that the items before it end exactly as they did; -1 when the edit comes before that in
 * the first item (the parse then starts at the top of the text). Undefined when the items
 * before it have diagnostics: an "expected" message of its parse may sit on their last
 * token.
 */
function firstItemToParse(previous: ParsedText, edit: Edit): number | undefined {
	const items = previous.file.items;
	let index = lastStartingBefore(items, edit.start);
	if (index >= 0 && firstTokenEnd(previous.text, (items[index] as ItemNode).offset) >= edit.start) {
		index--;
	}
	if (index < 0) {
		return -1;
	}
	const from = index > 0 ? (items[index - 1] as ItemNode).offset : 0;
	const restart = (items[index] as ItemNode).offset;
	const disturbed = previous.diagnostics.some((d) => d.offset >= from && d.offset <= restart);
	return disturbed ? undefined : index;
}

/** Where the word or token that starts at `offset` ends (items start with a keyword). */
function firstTokenEnd(text: string, offset: number): number {
	let end = offset;
	while (end < text.length && /[A-Za-z0-9_.\-]/.test(text.charAt(end))) {
		end++;
	}
	return Math.max(end, offset + 1);
}

/** The index of the last node starting before `offset`, or -1. */
function lastStartingBefore(list: readonly (ItemNode | MemberNode)[], offset: number): number {
	let low = 0;
	let high = list.length - 1;
	let found = -1;
	while (low <= high) {
		const mid = (low + high) >> 1;
		if ((list[mid] as ItemNode | MemberNode).offset < offset) {
			found = mid;
			low = mid + 1;
		} else {
			high = mid - 1;
		}
	}
	return found;
}

/** The index of the item at or after `from` that starts exactly at `offset`, or -1. */
function indexStartingAt(items: readonly ItemNode[], offset: number, from: number): number {
	const index = lastStartingBefore(items, offset + 1);
	return index >= from && (items[index] as ItemNode).offset === offset ? index : -1;
}

/** Whether a diagnostic of the sorted list starts at `offset`. */
function hasDiagnosticAt(diagnostics: readonly Diagnostic[], offset: number): boolean {
	let low = 0;
	let high = diagnostics.length - 1;
	while (low <= high) {
		const mid = (low + high) >> 1;
		const at = (diagnostics[mid] as Diagnostic).offset;
		if (at === offset) {
			return true;
		}
		if (at < offset) {
			low = mid + 1;
		} else {
			high = mid - 1;
		}
	}
	return false;
}
