import * as assert from 'node:assert';
import { tokenize } from '../../../../core/src/syntax/scanner';

/** `kind:text` of every token but the final `eof`. */
function kinds(text: string): string[] {
	return tokenize(text)
		.tokens.filter((t) => t.kind !== 'eof')
		.map((t) => `${t.kind}:${t.text}`);
}

suite('scanner', () => {
	test('splits words, numbers, strings and punctuation', () => {
		assert.deepStrictEqual(kinds('alias a-b.c of "x y"/z#2 { valid 1..4; } = -1 0x1000_0000 128MiB'), [
			'word:alias',
			'word:a-b.c',
			'word:of',
			'string:"x y"',
			'slash:/',
			'word:z',
			'hash:#',
			'number:2',
			'lbrace:{',
			'word:valid',
			'number:1',
			'range:..',
			'number:4',
			'semicolon:;',
			'rbrace:}',
			'equals:=',
			'number:-1',
			'number:0x1000_0000',
			'number:128MiB',
		]);
	});

	test('keeps a malformed number in one token so that it is reported once', () => {
		assert.deepStrictEqual(kinds('1.5M 12Q 0x'), ['number:1.5M', 'number:12Q', 'number:0x']);
	});

	test('resolves string escapes and reports an unterminated string', () => {
		const result = tokenize('"a\\"b\\\\c" "open\nram');
		assert.strictEqual(result.tokens[0]?.value, 'a"b\\c');
		assert.strictEqual(result.tokens[1]?.value, 'open');
		assert.deepStrictEqual(
			result.diagnostics.map((d) => [d.code, d.offset, d.length]),
			[['syntax.unterminated-string', 10, 5]],
		);
	});

	test('collects comments and attaches /// lines to the next token only when directly above', () => {
		const text = '/// a\n/// b\nram x // tail\n/* c */ /// not doc\nrom y\n///  spaced\n\nio z';
		const result = tokenize(text);
		const ram = result.tokens.find((t) => t.text === 'ram');
		const rom = result.tokens.find((t) => t.text === 'rom');
		const io = result.tokens.find((t) => t.text === 'io');
		assert.strictEqual(ram?.doc, 'a\nb');
		assert.strictEqual(rom?.doc, undefined);
		assert.strictEqual(io?.doc, undefined);
		assert.deepStrictEqual(
			result.comments.map((c) => [c.text, c.doc, c.block]),
			[
				['/// a', true, false],
				['/// b', true, false],
				['// tail', false, false],
				['/* c */', false, true],
				['/// not doc', true, false],
				['///  spaced', true, false],
			],
		);
	});

	test('marks tokens that start a line, with any line ending', () => {
		const tokens = tokenize('ram a\r\nrom b\rio c /* x\n */ d').tokens;
		assert.deepStrictEqual(
			tokens.filter((t) => t.newlineBefore).map((t) => t.text),
			['rom', 'io', 'd'],
		);
	});

	test('reports a run of invalid characters once and an unterminated block comment', () => {
		const result = tokenize('ram @$% a /* open');
		assert.deepStrictEqual(
			result.diagnostics.map((d) => [d.code, d.offset, d.length]),
			[
				['syntax.invalid-character', 4, 3],
				['syntax.unterminated-comment', 10, 2],
			],
		);
		assert.strictEqual(result.comments[0]?.text, '/* open');
	});
});
