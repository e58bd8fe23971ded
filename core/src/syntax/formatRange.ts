/**
 * Formatting part of a text (the editor's Format Selection, and format on paste): the
 * source lines that the range touches become exactly the lines `format` prints for
 * them, aligned with their siblings as in the whole file, and nothing else changes.
 *
 * The formatter reports which source span each printed line comes from. The edit
 * covers whole source lines: the lines the range touches, grown until no printed line
 * straddles their edge (two declarations written on one line, a header written over
 * several lines, a one-line block that prints as several lines).
 */
import { formatLines, type FormattedLines } from './format';

/** Replace `[start, end)` of the text with `newText`. */
export interface TextReplacement {
	readonly start: number;
	readonly end: number;
	readonly newText: string;
}

/** `text` with `edits` (in text order, apart) applied: one pass, however many edits. */
export function applyReplacements(text: string, edits: readonly TextReplacement[]): string {
	const parts: string[] = [];
	let done = 0;
	for (const edit of edits) {
		parts.push(text.slice(done, edit.start), edit.newText);
		done = edit.end;
	}
	parts.push(text.slice(done));
	return parts.join('');
}

/**
 * The edit that formats the lines of `text` that `[start, end)` touches; undefined when
 * they are formatted already, hold no code or comment, or the text has syntax errors
 * (as `format`, which would have to guess).
 */
export function formatRange(text: string, start: number, end: number): TextReplacement | undefined {
	const lines = formatLines(text);
	return lines === undefined ? undefined : formatRangeOf(text, lines, start, end);
}

/**
 * `formatRange` with the text's `formatLines` already at hand (a caller that must tell
 * syntax errors from nothing to do has them).
 */
export function formatRangeOf(text: string, lines: FormattedLines, start: number, end: number): TextReplacement | undefined {
	const first = lineStart(text, Math.max(0, Math.min(start, text.length)));
	// A selection that ends at the start of a line does not touch that line.
	const last = Math.max(first, Math.min(end > start && isLineStart(text, end) ? end - 1 : end, text.length));
	const printed = printedLines(text, lines, first, lineEnd(text, last));
	if (printed === undefined) {
		return undefined;
	}
	const eol = text.includes('\r\n') ? '\r\n' : '\n';
	const edit = withBlankLines(text, lines, printed, eol);
	return text.slice(edit.start, edit.end) === edit.newText ? undefined : edit;
}

/**
 * The replacement of the printed lines' source, with the blank lines at its edges as the
 * formatter has them: where it prints none (after `{`, at the ends of the file) the
 * source's go, and the one it adds after a `///` comment moved onto its own line (which
 * would otherwise document the next declaration) comes in. Where both have blank lines,
 * the source's stay, however many: they lie outside the lines asked for.
 */
function withBlankLines(
	text: string,
	lines: FormattedLines,
	printed: { first: number; last: number; start: number; end: number },
	eol: string,
): TextReplacement {
	let newText = lines.text.slice(printed.first, printed.last + 1).join(eol);
	let start = printed.start;
	let end = printed.end;
	const before = lines.text[printed.first - 1];
	if (before === undefined) {
		start = 0;
	} else if (before !== '') {
		start = blankLinesBefore(text, start);
	}
	const after = lines.text[printed.last + 1];
	if (after === undefined) {
		end = text.length;
		newText += eol;
	} else if (after !== '') {
		end = blankLinesAfter(text, end);
	} else if (blankLinesAfter(text, end) === end) {
		newText += eol;
	}
	return { start, end, newText };
}

/** The start of the blank lines just before the line that starts at `start`, or `start`. */
function blankLinesBefore(text: string, start: number): number {
	let at = start;
	while (at > 0) {
		const breakAt = at - (at >= 2 && text.startsWith('\r\n', at - 2) ? 2 : 1);
		const previous = lineStart(text, breakAt);
		if (text.slice(previous, breakAt).trim() !== '') {
			break;
		}
		at = previous;
	}
	return at;
}

/** The end of the blank lines just after the line that ends at `end`, or `end`. */
function blankLinesAfter(text: string, end: number): number {
	let at = end;
	while (at < text.length) {
		const next = at + (text.startsWith('\r\n', at) ? 2 : 1);
		const nextEnd = lineEnd(text, next);
		if (nextEnd >= text.length || text.slice(next, nextEnd).trim() !== '') {
			break;
		}
		at = nextEnd;
	}
	return at;
}

/**
 * The printed lines `[first, last]` for the source lines that `[from, to)` spans, with
 * the source `[start, end)` they replace: whole lines, without the last line's break.
 * Grows at its edges only, as the printed lines' spans start in source order.
 */
function printedLines(
	text: string,
	lines: FormattedLines,
	from: number,
	to: number,
): { first: number; last: number; start: number; end: number } | undefined {
	const meets = (i: number, start: number, end: number): boolean => {
		const spanStart = lines.start[i] as number;
		return spanStart >= 0 && spanStart < end && (lines.end[i] as number) > start;
	};
	let first = -1;
	let last = -1;
	for (let i = 0; i < lines.text.length; i++) {
		if (meets(i, from, to)) {
			first = first < 0 ? i : first;
			last = i;
		}
	}
	if (first < 0) {
		return undefined;
	}
	// The source lines of the printed ones, not of the range: blank lines at its edges stay.
	let start = text.length;
	let end = 0;
	for (let grown = true; grown; ) {
		for (let i = first; i <= last; i++) {
			const spanStart = lines.start[i] as number;
			if (spanStart >= 0) {
				start = Math.min(start, lineStart(text, spanStart));
				end = Math.max(end, lineEnd(text, (lines.end[i] as number) - 1));
			}
		}
		const before = neighbour(lines, first, -1);
		const after = neighbour(lines, last, 1);
		grown = false;
		if (before >= 0 && meets(before, start, end)) {
			first = before;
			grown = true;
		}
		if (after >= 0 && meets(after, start, end)) {
			last = after;
			grown = true;
		}
	}
	return { first, last, start, end };
}

/** The nearest printed line with a source span from `i` in `direction`; -1 if none. */
function neighbour(lines: FormattedLines, i: number, direction: 1 | -1): number {
	for (let k = i + direction; k >= 0 && k < lines.text.length; k += direction) {
		if ((lines.start[k] as number) >= 0) {
			return k;
		}
	}
	return -1;
}

/** The offset where the line holding `offset` starts. */
export function lineStart(text: string, offset: number): number {
	let i = offset;
	while (i > 0 && text[i - 1] !== '\n' && text[i - 1] !== '\r') {
		i--;
	}
	return i;
}

/** The offset where the line holding `offset` ends, before its line break. */
function lineEnd(text: string, offset: number): number {
	let i = offset;
	while (i < text.length && text[i] !== '\n' && text[i] !== '\r') {
		i++;
	}
	return i;
}

function isLineStart(text: string, offset: number): boolean {
	return offset > 0 && offset <= text.length && (text[offset - 1] === '\n' || text[offset - 1] === '\r');
}
