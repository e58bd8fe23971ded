/**
 * Formatting as you type (the editor's `editor.formatOnType`): a line break formats the
 * line it ends, and a `}` formats the region its block closes. The edits are Format
 * Document's (`formatEdits`) that lie inside those lines, so the result agrees with the
 * whole file's format, and nothing at or after the cursor's line changes on a line break
 * (the new line, blank so far, is not removed as the formatter would remove a trailing
 * blank line). Edits that would change what a `///` comment documents are all dropped.
 */
import type { FileNode, ItemNode, MemberNode, RegionNode } from './ast';
import { formatLines } from './format';
import { formatEditsOf } from './formatEdits';
import { applyReplacements, lineStart, type TextReplacement } from './formatRange';
import { parse } from './parser';

/** The characters that trigger `formatOnType`. */
export const onTypeTriggers: readonly string[] = ['\n', '}'];

/**
 * The edits for `typed` just typed before `offset` (the cursor); empty when there is
 * nothing to do, undefined on syntax errors (as `format`).
 */
export function formatOnType(text: string, offset: number, typed: string): TextReplacement[] | undefined {
	if (!onTypeTriggers.includes(typed)) {
		return [];
	}
	// One parse serves both the search for the closed region and the formatter.
	const parsed = parse(text);
	const window = typed === '}' ? closedRegionLines(text, offset, parsed.file.items) : lineBefore(text, offset);
	if (window === undefined) {
		return [];
	}
	const lines = formatLines(text, parsed);
	if (lines === undefined) {
		return undefined;
	}
	const edits = formatEditsOf(text, lines, window);
	// The window keeps only the edits inside it, and the formatter's edits are only right
	// together: a `///` comment moved onto a line of its own needs the blank line after it
	// (an edit that may lie past the window), or it documents the next declaration. So
	// the result is parsed again and kept only if every declaration's documentation is as
	// before; else nothing is edited. (The property tests found no other way for a window
	// of the formatter's edits to change the meaning.)
	if (edits.length === 0 || sameMeaning(parsed.file, parse(applyReplacements(text, edits)).file)) {
		return edits;
	}
	return [];
}

/** The same declarations with the same documentation, in order. */
function sameMeaning(before: FileNode, after: FileNode): boolean {
	const a = declarations(before.items);
	const b = declarations(after.items);
	return a.length === b.length && a.every((value, i) => value === b[i]);
}

/** Each declaration in order, as its kind, name and documentation. */
function declarations(nodes: readonly (ItemNode | MemberNode)[], into: string[] = []): string[] {
	for (const node of nodes) {
		if (node.kind === 'region' || node.kind === 'space') {
			into.push(`${node.kind} ${node.name?.text ?? ''} ${node.doc ?? ''}`);
		}
		if (node.kind === 'region' && node.body !== undefined) {
			declarations(node.body.members, into);
		}
	}
	return into;
}

interface Window {
	readonly start: number;
	readonly end: number;
}

/** The line that ends where the line holding `offset` starts, without its break. */
function lineBefore(text: string, offset: number): Window | undefined {
	const start = lineStart(text, offset);
	if (start === 0) {
		return undefined;
	}
	const end = start - (text.startsWith('\r\n', start - 2) ? 2 : 1);
	return { start: lineStart(text, end), end };
}

/**
 * From the line where the region whose block the `}` before `offset` closes starts, to
 * that `}`; only to the start of its line when more follows the `}` on that line. That
 * rest belongs to the formatting of what comes after, which on-type formatting leaves
 * alone: an edit that ended at the `}` could move it onto a line of its own without its
 * formatting (a `///` comment so moved, without the blank line the formatter puts after
 * it, would document the next region), or join it to a line comment.
 */
function closedRegionLines(text: string, offset: number, items: readonly ItemNode[]): Window | undefined {
	if (text[offset - 1] !== '}') {
		return undefined;
	}
	const region = regionClosedAt(items, offset);
	if (region === undefined) {
		return undefined;
	}
	const start = lineStart(text, region.offset);
	const end = /^[ \t]*(\r?\n|\r|$)/.test(text.slice(offset, offset + 4096)) ? offset : lineStart(text, offset);
	return end > start ? { start, end } : undefined;
}

/** The region whose block ends exactly at `end` with its `}`, searched down the nesting that holds it. */
function regionClosedAt(items: readonly ItemNode[], end: number): RegionNode | undefined {
	let members: readonly (ItemNode | MemberNode)[] = items;
	for (;;) {
		const holder = members.find((node): node is RegionNode => node.kind === 'region' && node.offset < end && end <= node.offset + node.length);
		const body = holder?.body;
		if (holder === undefined || body === undefined) {
			return undefined;
		}
		if (body.offset + body.length === end) {
			return holder;
		}
		members = body.members;
	}
}
