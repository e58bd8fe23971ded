/**
 * Formatting as you type (the editor's `editor.formatOnType`): a line break formats the
 * line it ends, and a `}` formats the region its block closes. The edits are Format
 * Document's (`formatEdits`) that lie inside those lines, so the result agrees with the
 * whole file's format, and nothing at or after the cursor's line changes on a line break
 * (the new line, blank so far, is not removed as the formatter would remove a trailing
 * blank line).
 */
import type { ItemNode, MemberNode, RegionNode } from './ast';
import { formatLines } from './format';
import { formatEditsOf } from './formatEdits';
import { lineStart, type TextReplacement } from './formatRange';
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
	return formatEditsOf(text, lines, window);
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

/** From the line where the region whose block the `}` before `offset` closes starts, to that `}`. */
function closedRegionLines(text: string, offset: number, items: readonly ItemNode[]): Window | undefined {
	if (text[offset - 1] !== '}') {
		return undefined;
	}
	const region = regionClosedAt(items, offset);
	return region === undefined ? undefined : { start: lineStart(text, region.offset), end: offset };
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
