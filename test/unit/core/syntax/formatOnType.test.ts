import * as assert from 'node:assert/strict';
import { formatOnType } from '../../../../core/src/syntax/formatOnType';
import { applyReplacements } from '../../../../core/src/syntax/formatRange';

/** `marked` with `typed` just typed at `|` (the mark removed), and its on-type edits applied. */
function typeAt(marked: string, typed: string): string | undefined {
	const offset = marked.indexOf('|');
	const text = marked.replace('|', '');
	const edits = formatOnType(text, offset, typed);
	if (edits === undefined) {
		return undefined;
	}
	return applyReplacements(text, edits);
}

suite('formatOnType', () => {
	test('a line break formats the line it ends, aligned with its siblings, and keeps the new line', () => {
		const board = 'container s size 4K {\n\tram a at 0 size 1K\n  ram   bb   at 0x400 size 1K\n\t|\n}\n';
		assert.equal(typeAt(board, '\n'), 'container s size 4K {\n\tram a at 0 size 1K\n\tram bb at 0x400 size 1K\n\t\n}\n');
	});

	test('a line break touches no other line, even where the whole file needs formatting', () => {
		const board = 'container s size 4K {\n\n   ram  a at 0 size 1K\n\tram  b at 0x400 size 1K\n|\n}\n\n\n';
		assert.equal(typeAt(board, '\n'), 'container s size 4K {\n\n   ram  a at 0 size 1K\n\tram b at 0x400 size 1K\n\n}\n\n\n');
	});

	test('a closing brace formats the region it closes, nothing before or after it', () => {
		const board = 'ram   x size 1\ncontainer s size 4K {\n  io d at 0 size 1K {valid 1..4}\n  }|\nram   y size 1\n';
		assert.equal(
			typeAt(board, '}'),
			'ram   x size 1\ncontainer s size 4K {\n\tio d at 0 size 1K {\n\t\tvalid 1..4\n\t}\n}\nram   y size 1\n',
		);
	});

	test('a brace that closes a nested block formats that block only; at the end of the file no line break is added', () => {
		const nested = 'container s size 4K {\n  ram a at 0 size 1K\n  io d at 0x400 size 1K {valid 1..4}|\n}\n';
		assert.equal(typeAt(nested, '}'), 'container s size 4K {\n  ram a at 0 size 1K\n\tio  d at 0x400 size 1K {\n\t\tvalid 1..4\n\t}\n}\n');
		assert.equal(typeAt('container s size 4K {\n\n  ram a at 0 size 1K\n}|', '}'), 'container s size 4K {\n\tram a at 0 size 1K\n}');
	});

	test('a brace with more after it on its line formats only the lines before that line', () => {
		// Found by the property: formatting up to the brace moved the `///` after it onto a
		// line of its own, without the blank line after it, so it documented 'a'.
		const shared = 'container t { container u priority // note\n0 { }|\t/// Documented.\ncontainer a { } }\n';
		assert.equal(typeAt(shared, '}'), shared.replace('|', ''));
		const below = 'container s size 4K {\n  ram   a at 0 size 1K\n  io d at 0x400 size 1K {\n  valid 1..4 }|  ram b at 0x800 size 1K\n}\n';
		assert.equal(typeAt(below, '}'), below.replace('|', '').replace('  io d at 0x400 size 1K {\n', '\tio  d at 0x400 size 1K {\n'));
	});

	test('edits that would change what a `///` documents are all left out', () => {
		// The `///` moves to a line of its own, but the blank line the formatter puts after it
		// is part of an edit that runs past the brace; without it, the comment would document 'a'.
		const text = 'container t { container u at // note\n1K /// Documented.\ncontainer a };\n';
		assert.equal(typeAt(text.replace('a }', 'a }|'), '}'), text);
	});

	test('CRLF text keeps its line ends', () => {
		const board = 'container s size 4K {\r\n\tram  a at 0 size 1K\r\n|\r\n}\r\n';
		assert.equal(typeAt(board, '\n'), 'container s size 4K {\r\n\tram a at 0 size 1K\r\n\r\n}\r\n');
	});

	test('nothing to do: another character, a brace that closes no block, the first line; syntax errors: undefined', () => {
		assert.deepEqual(formatOnType('ram  a size 1;', 14, ';'), []);
		assert.deepEqual(formatOnType('// }\nram  a size 1\n', 4, '}'), []);
		assert.deepEqual(formatOnType('ram  a size 1', 0, '\n'), []);
		assert.equal(formatOnType('container s size 4K {\nram  a size 1\n', 22, '\n'), undefined);
	});
});
