/**
 * Format Document as small edits: each changed stretch of the text replaced on its own,
 * the rest untouched. An editor applies a whole-document replacement as one change to
 * every line: markers, folds, bookmarks and other clients' cursors are lost, and VS Code
 * itself gives up diffing a replacement longer than 100,000 characters (its
 * `computeMoreMinimalEdits`), which a board of a few thousand lines exceeds.
 *
 * The formatter reports which source span each printed line comes from (`formatLines`).
 * Printed lines whose sources share a source line form a group, which replaces exactly
 * those source lines; between groups lie blank lines only, which become as many as the
 * formatter prints. Each replacement is then trimmed to the characters that change.
 * Linear in the length of the text.
 */
import { LineIndex } from '../lineIndex';
import { formatLines, type FormattedLines } from './format';
import type { TextReplacement } from './formatRange';

/**
 * The edits, in text order and disjoint, that turn `text` into what `format` prints
 * (with the text's own line ends where an edit adds one); empty when it is formatted
 * already, undefined on syntax errors (as `format`).
 */
export function formatEdits(text: string): TextReplacement[] | undefined {
	const lines = formatLines(text);
	return lines === undefined ? undefined : formatEditsOf(text, lines);
}

/**
 * `formatEdits` with the text's `formatLines` already at hand; with `within`, only the
 * edits that lie inside it, an insertion at its very end excluded (the cursor is there
 * when typing), and chosen before touching edits are joined (which could carry one out).
 */
export function formatEditsOf(text: string, lines: FormattedLines, within?: { start: number; end: number }): TextReplacement[] {
	const eol = text.includes('\r\n') ? '\r\n' : '\n';
	const index = new LineIndex(text);
	const edits: TextReplacement[] = [];
	const push = (start: number, end: number, newText: string): void => {
		const edit = trimmed(text, start, end, newText);
		if (edit !== undefined && within !== undefined && (edit.start < within.start || edit.end > within.end || edit.start === within.end)) {
			return;
		}
		const last = edits[edits.length - 1];
		if (edit !== undefined && last !== undefined && last.end === edit.start) {
			// Touching edits become one, so that no two edits meet at one position.
			edits[edits.length - 1] = { start: last.start, end: edit.end, newText: last.newText + edit.newText };
		} else if (edit !== undefined) {
			edits.push(edit);
		}
	};
	const found = groups(lines, index);
	if (found.length === 0) {
		// No code and no comment: the formatter prints nothing.
		push(0, text.length, '');
		return edits;
	}
	// The formatter prints no blank line before the first group or after the last.
	let done = 0;
	let blanks = 0;
	for (const group of found) {
		const start = index.offsetOfLine(group.firstSource + 1);
		// The break that ends the previous group's last line, then the blank lines.
		push(done, start, group === found[0] ? '' : eol + eol.repeat(blanks));
		const end = lineEnd(text, index, group.lastSource);
		const printed = group.first === group.last ? (lines.text[group.first] as string) : lines.text.slice(group.first, group.last + 1).join(eol);
		push(start, end, printed);
		done = end;
		blanks = group.blanksAfter;
	}
	push(done, text.length, eol);
	return edits;
}

/** Printed lines `[first, last]` that print source lines `[firstSource, lastSource]`. */
interface Group {
	readonly first: number;
	last: number;
	readonly firstSource: number;
	lastSource: number;
	/** Blank printed lines after `last`, before the next group. */
	blanksAfter: number;
}

/**
 * The groups of printed lines, in order. A printed line joins the group before it when
 * its source starts on a line that group prints (two declarations on one line, a block
 * written on its header's line); the spans start in source order, so one pass does.
 */
function groups(lines: FormattedLines, index: LineIndex): Group[] {
	const found: Group[] = [];
	let current: Group | undefined;
	for (let i = 0; i < lines.text.length; i++) {
		const spanStart = lines.start[i] as number;
		if (spanStart < 0) {
			if (current !== undefined) {
				current.blanksAfter++;
			}
			continue;
		}
		const firstSource = index.lineAt(spanStart) - 1;
		const lastSource = index.lineAt(Math.max(spanStart, (lines.end[i] as number) - 1)) - 1;
		if (current !== undefined && firstSource <= current.lastSource) {
			current.last = i;
			current.lastSource = Math.max(current.lastSource, lastSource);
			// Blank lines inside a group are its own.
			current.blanksAfter = 0;
		} else {
			current = { first: i, last: i, firstSource, lastSource, blanksAfter: 0 };
			found.push(current);
		}
	}
	return found;
}

/**
 * `[start, end)` replaced by `newText`, without the characters both share at either
 * end; undefined when nothing changes. No edit starts or ends inside a `\r\n`, where
 * an editor position cannot fall: the ranges start at line starts and end at line
 * starts or before line breaks, and every `\r` in `newText` is followed by `\n`, so a
 * shared prefix or suffix never stops between the two.
 */
function trimmed(text: string, start: number, end: number, newText: string): TextReplacement | undefined {
	const length = end - start;
	let head = 0;
	while (head < length && head < newText.length && text.charCodeAt(start + head) === newText.charCodeAt(head)) {
		head++;
	}
	if (head === length && head === newText.length) {
		return undefined;
	}
	let tail = 0;
	while (
		tail < length - head &&
		tail < newText.length - head &&
		text.charCodeAt(end - 1 - tail) === newText.charCodeAt(newText.length - 1 - tail)
	) {
		tail++;
	}
	return { start: start + head, end: end - tail, newText: newText.slice(head, newText.length - tail) };
}

/** Where 0-based line `line` ends, before its line break. */
function lineEnd(text: string, index: LineIndex, line: number): number {
	if (line + 1 >= index.lineCount) {
		return text.length;
	}
	const next = index.offsetOfLine(line + 2);
	return next - (text.charCodeAt(next - 1) === 10 && text.charCodeAt(next - 2) === 13 ? 2 : 1);
}
