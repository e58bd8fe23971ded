/**
 * A unified diff (`diff -u`, three lines of context) of a text and the edits that change
 * it: what `memmap fmt --diff` prints, and what `patch -p0` applies. The changed lines
 * are the ones the edits touch, so no line-matching search runs: linear in the text.
 *
 * Lines are what `diff` and `patch` take them to be: only `\n` ends one, and a `\r`
 * before it belongs to the line. So a CRLF file's diff carries its `\r`s, and `patch`
 * applies it to that file byte for byte.
 */
import type { TextReplacement } from '../../../core/src/index';
import { LineIndex } from '../../../core/src/index';

/** A run of old lines `[old, old + oldLines.length)` that becomes `newLines`. */
interface Change {
	readonly old: number;
	readonly oldLines: readonly string[];
	readonly newLines: readonly string[];
}

const context = 3;

/** The diff of `text` and `text` with `edits` (sorted, disjoint) applied; empty if none. */
export function unifiedDiff(text: string, edits: readonly TextReplacement[], name: string): string {
	const oldLines = splitLines(text);
	const changes = changesOf(text, oldLines.length, edits);
	if (changes.length === 0) {
		return '';
	}
	const missingNewline = text.length > 0 && !text.endsWith('\n');
	let out = `--- ${name}\n+++ ${name}\n`;
	let delta = 0;
	for (let i = 0; i < changes.length; ) {
		// A hunk takes every change whose context meets the one before.
		let j = i;
		while (j + 1 < changes.length && (changes[j + 1] as Change).old - end(changes[j] as Change) <= 2 * context) {
			j++;
		}
		const first = changes[i] as Change;
		const last = changes[j] as Change;
		const from = Math.max(0, first.old - context);
		const to = Math.min(oldLines.length, end(last) + context);
		const body: string[] = [];
		let oldCount = 0;
		let newCount = 0;
		let line = from;
		for (let k = i; k <= j; k++) {
			const change = changes[k] as Change;
			for (; line < change.old; line++, oldCount++, newCount++) {
				body.push(` ${oldLines[line]}`);
			}
			for (const removed of change.oldLines) {
				body.push(`-${removed}`);
				if (line === oldLines.length - 1 && missingNewline) {
					body.push('\\ No newline at end of file');
				}
				line++;
				oldCount++;
			}
			for (const added of change.newLines) {
				body.push(`+${added}`);
				newCount++;
			}
		}
		for (; line < to; line++, oldCount++, newCount++) {
			body.push(` ${oldLines[line]}`);
			if (line === oldLines.length - 1 && missingNewline) {
				body.push('\\ No newline at end of file');
			}
		}
		const newFrom = from + delta;
		out += `@@ -${range(from, oldCount)} +${range(newFrom, newCount)} @@\n${body.join('\n')}\n`;
		for (let k = i; k <= j; k++) {
			const change = changes[k] as Change;
			delta += change.newLines.length - change.oldLines.length;
		}
		i = j + 1;
	}
	return out;
}

/** A hunk's line range: 1-based start and count; an empty range names the line before. */
function range(start: number, count: number): string {
	return `${count === 0 ? start : start + 1},${count}`;
}

function end(change: Change): number {
	return change.old + change.oldLines.length;
}

/**
 * The edits as runs of whole lines: each edit takes the lines it touches (the line after
 * a removed line break too), and edits whose lines meet share one run.
 */
function changesOf(text: string, lineCount: number, edits: readonly TextReplacement[]): Change[] {
	const index = new LineIndex(text, true);
	const line = (offset: number): number => Math.min(index.lineAt(offset) - 1, Math.max(0, lineCount - 1));
	const changes: Change[] = [];
	for (let i = 0; i < edits.length; ) {
		const firstLine = line((edits[i] as TextReplacement).start);
		let lastLine = line((edits[i] as TextReplacement).end);
		let j = i;
		while (j + 1 < edits.length && line((edits[j + 1] as TextReplacement).start) <= lastLine + 1) {
			j++;
			lastLine = Math.max(lastLine, line((edits[j] as TextReplacement).end));
		}
		const start = index.offsetOfLine(firstLine + 1);
		const stop = index.offsetOfLine(lastLine + 2);
		let replaced = text.slice(start, stop);
		for (let k = j; k >= i; k--) {
			const edit = edits[k] as TextReplacement;
			replaced = replaced.slice(0, edit.start - start) + edit.newText + replaced.slice(edit.end - start);
		}
		const oldLines = lineCount === 0 ? [] : splitLines(text.slice(start, stop));
		changes.push({ old: lineCount === 0 ? 0 : firstLine, oldLines, newLines: splitLines(replaced) });
		i = j + 1;
	}
	return changes;
}

/**
 * The lines of `text` without their `\n`s (a final one ends the last line, it starts
 * none); a `\r` stays in its line.
 */
function splitLines(text: string): string[] {
	if (text.length === 0) {
		return [];
	}
	const lines = text.split('\n');
	if (text.endsWith('\n')) {
		lines.pop();
	}
	return lines;
}
