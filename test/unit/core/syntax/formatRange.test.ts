import * as assert from 'node:assert/strict';
import { applyReplacements, formatRange } from '../../../../core/src/syntax/formatRange';

/** `text` with the range between the two `|` marks formatted (the marks removed). */
function formatBetweenMarks(marked: string): string {
	const start = marked.indexOf('|');
	const end = marked.indexOf('|', start + 1) - 1;
	const text = marked.replace(/\|/g, '');
	const edit = formatRange(text, start, end);
	return edit === undefined ? text : applyReplacements(text, [edit]);
}

const board = [
	'container s size 64K {',
	'  ram   a at 0 size 4K',
	'      ram bb at 0x1000   size 4K;ram c at 0x2000 size 4K',
	'  io d at 0x3000 size 4K { valid 1..4; impl 4..4 }',
	'}',
	'',
].join('\n');

suite('formatRange', () => {
	test('formats the touched line, both declarations on it, aligned with their siblings', () => {
		const text = formatBetweenMarks(board.replace('bb at', '|bb| at'));
		assert.equal(
			text,
			[
				'container s size 64K {',
				'  ram   a at 0 size 4K',
				'\tram bb at 0x1000 size 4K',
				'\tram c  at 0x2000 size 4K',
				'  io d at 0x3000 size 4K { valid 1..4; impl 4..4 }',
				'}',
				'',
			].join('\n'),
		);
	});

	test('a one-line block prints as several lines; the lines around stay', () => {
		const text = formatBetweenMarks(board.replace('io d', '|io d|'));
		assert.equal(
			text,
			[
				'container s size 64K {',
				'  ram   a at 0 size 4K',
				'      ram bb at 0x1000   size 4K;ram c at 0x2000 size 4K',
				'\tio  d  at 0x3000 size 4K {',
				'\t\tvalid 1..4',
				'\t\timpl 4..4',
				'\t}',
				'}',
				'',
			].join('\n'),
		);
	});

	test('a header written over several lines is joined whole, from any of its lines', () => {
		const text = 'container s\n  size 64K // the bus\n{\n}\n';
		assert.equal(formatBetweenMarks(text.replace('{', '|{|')), 'container s size 64K {} // the bus\n');
	});

	test('a selection that ends at the start of a line leaves that line alone', () => {
		const text = 'ram  a size 4K\nram  b size 4K\n';
		const start = 0;
		const end = text.indexOf('ram  b');
		const edit = formatRange(text, start, end);
		assert.deepEqual(edit, { start: 0, end: 14, newText: 'ram a size 4K' });
	});

	test('blank lines that format drops go: at the start of the file, after a brace, at the end', () => {
		assert.equal(formatBetweenMarks('\n\n|ram|  a size 4K\n'), 'ram a size 4K\n');
		assert.equal(formatBetweenMarks('container s size 4K {\n\n\t|ram|  a size 1K\n}\n'), 'container s size 4K {\n\tram a size 1K\n}\n');
		assert.equal(formatBetweenMarks('ram a size 4K\n|ram|  b size 4K\n\n\n'), 'ram a size 4K\nram b size 4K\n');
	});

	test('keeps CRLF line ends', () => {
		const text = 'container s size 64K {\r\n  io d at 0 size 4K { valid 1..4 }\r\n}\r\n';
		const edit = formatRange(text, text.indexOf('io d'), text.indexOf('io d'));
		assert.deepEqual(edit, {
			start: text.indexOf('  io d'),
			end: text.indexOf('}\r\n}') + 1,
			newText: '\tio d at 0 size 4K {\r\n\t\tvalid 1..4\r\n\t}',
		});
	});

	test('a `///` comment moved onto its own line gets the blank line that keeps it off the next declaration', () => {
		// The header's second line comment cannot stay on the joined line.
		const text = 'container t // a\nsize 4K /// b\n{\n\tram r at 0 size 1K\n}\n';
		assert.equal(
			formatBetweenMarks(text.replace('container', '|container|')),
			'container t size 4K { // a\n\t/// b\n\n\tram r at 0 size 1K\n}\n',
		);
	});

	test('nothing to do: formatted lines, blank lines, syntax errors', () => {
		assert.equal(formatRange('ram a size 4K\n', 0, 3), undefined);
		assert.equal(formatRange('ram a size 4K\n\n\nram b size 4K\n', 15, 15), undefined);
		assert.equal(formatRange('ram  a size\n', 0, 3), undefined);
	});
});
