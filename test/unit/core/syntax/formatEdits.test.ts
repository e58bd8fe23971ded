import * as assert from 'node:assert/strict';
import { format } from '../../../../core/src/syntax/format';
import { formatEdits } from '../../../../core/src/syntax/formatEdits';
import { applyReplacements as apply, type TextReplacement } from '../../../../core/src/syntax/formatRange';

/** The lines of `text` that the edits touch (0-based). */
function touchedLines(text: string, edits: readonly TextReplacement[]): number[] {
	const lineOf = (offset: number): number => text.slice(0, offset).split('\n').length - 1;
	return [...new Set(edits.flatMap((e) => [lineOf(e.start), lineOf(e.end)]))];
}

const board = [
	'container s size 64K {',
	'',
	'\tram a  at 0      size 4K',
	'\tram bb at 0x1000   size 4K',
	'\tram c  at 0x2000 size 4K',
	'}',
	'',
].join('\n');

suite('formatEdits', () => {
	test('one misaligned line: one edit, inside that line, of the characters that change', () => {
		const edits = formatEdits(board) ?? [];
		assert.equal(apply(board, edits), format(board));
		const at = board.indexOf('0x1000') + '0x1000'.length;
		// The blank line after `{` goes, and two of the three spaces before `size`.
		assert.deepEqual(edits, [
			{ start: board.indexOf('\n') + 1, end: board.indexOf('\n') + 2, newText: '' },
			{ start: at + 1, end: at + 3, newText: '' },
		]);
	});

	test('a formatted text needs no edit', () => {
		assert.deepEqual(formatEdits(format(board) ?? ''), []);
		assert.deepEqual(formatEdits(''), []);
	});

	test('lines far apart give separate edits, and the lines between are untouched', () => {
		const lines = Array.from({ length: 40 }, (_, i) => `ram r${i + 10} size 4K`);
		lines[3] = 'ram   r13 size 4K';
		lines[36] = 'ram r46  size 4K';
		const text = lines.join('\n') + '\n';
		const edits = formatEdits(text) ?? [];
		assert.equal(apply(text, edits), format(text));
		assert.deepEqual(touchedLines(text, edits), [3, 36]);
	});

	test('blank lines: runs become one, and those after a brace and at the ends go', () => {
		const text = '\n\nram a size 4K\n\n\n\nrom b size 4K\n\ncontainer c size 4K {\n\n\tram d size 1K\n}\n\n\n';
		const edits = formatEdits(text) ?? [];
		assert.equal(apply(text, edits), format(text));
		assert.deepEqual(
			edits.map((e) => text.slice(e.start, e.end)),
			['\n\n', '\n\n', '\n', '\n\n'],
		);
	});

	test('a header over several lines and a one-line block are each one edit', () => {
		const text = 'container s\n  size 64K // the bus\n{\n}\nio d size 4K { valid 1..4; impl 4..4 }\n';
		const edits = formatEdits(text) ?? [];
		assert.equal(apply(text, edits), format(text));
		assert.equal(edits.length, 2);
	});

	test('the blank line after a `///` comment moved off a shared line is part of that stretch', () => {
		// The header, the comment, the blank line and `ram r` all print from lines 0-2.
		const text = 'container t // a\nsize 4K /// b\n{ ram r at 0 size 1K }\nram z size 1\n';
		const edits = formatEdits(text) ?? [];
		assert.equal(apply(text, edits), format(text));
		assert.equal(edits.length, 1);
	});

	test('keeps CRLF line ends, and never cuts one in two', () => {
		const text = 'ram a size 1\r\nram bbb size 2\r\n\r\n\r\nio d size 4K { valid 1..4 }\r\n';
		const edits = formatEdits(text) ?? [];
		const applied = apply(text, edits);
		assert.equal(applied.replace(/\r\n/g, '\n'), format(text));
		assert.doesNotMatch(applied, /[^\r]\n/);
		for (const edit of edits) {
			assert.ok(!(text[edit.start - 1] === '\r' && text[edit.start] === '\n'), `edit at ${edit.start} starts inside a line break`);
			assert.ok(!(text[edit.end - 1] === '\r' && text[edit.end] === '\n'), `edit at ${edit.end} ends inside a line break`);
		}
	});

	test('a lone CR ends a line too (and becomes LF, as format prints it)', () => {
		const text = 'ram a  size 1\rram b size 2\rram c size 3\r';
		const edits = formatEdits(text) ?? [];
		assert.equal(apply(text, edits), format(text));
		assert.deepEqual(
			edits.map((e) => text.slice(e.start, e.end)),
			[' ', '\r', '\r', '\r'],
		);
	});

	test('only blank lines or nothing: the text empties; syntax errors: no edits', () => {
		assert.deepEqual(formatEdits('  \n\t\n'), [{ start: 0, end: 5, newText: '' }]);
		assert.equal(formatEdits('ram  a size\n'), undefined);
	});
});
