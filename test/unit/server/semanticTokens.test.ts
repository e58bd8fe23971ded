/**
 * Semantic tokens of every sample and of the server fixtures, decoded to one line per
 * token (`line:character length type modifiers 'text'`) and compared with goldens, for
 * the whole document and for a range in its middle (the editor asks for the visible range
 * first). A ten-thousand-region board checks that the encoding stays exact at scale.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeText } from '../../../core/src/index';
import * as fc from 'fast-check';
import { semanticTokens, semanticTokensLegend, tokensEdit } from '../../../server/src/features/semanticTokens';
import { generateBoard } from '../../../bench/generate';
import { assertGolden, repoRoot } from '../../util/golden';

interface Decoded {
	readonly line: number;
	readonly character: number;
	readonly length: number;
	readonly type: number;
	readonly modifiers: number;
}

function decode(data: readonly number[]): Decoded[] {
	const tokens: Decoded[] = [];
	let line = 0;
	let character = 0;
	for (let i = 0; i + 4 < data.length; i += 5) {
		const deltaLine = data[i] ?? 0;
		line += deltaLine;
		character = deltaLine === 0 ? character + (data[i + 1] ?? 0) : (data[i + 1] ?? 0);
		tokens.push({ line, character, length: data[i + 2] ?? 0, type: data[i + 3] ?? 0, modifiers: data[i + 4] ?? 0 });
	}
	return tokens;
}

function describe(document: TextDocument, tokens: readonly Decoded[]): string {
	const { tokenTypes, tokenModifiers } = semanticTokensLegend;
	return tokens
		.map((t) => {
			const offset = document.offsetAt({ line: t.line, character: t.character });
			const text = document.getText().slice(offset, offset + t.length);
			const modifiers = tokenModifiers.filter((_, bit) => (t.modifiers & (1 << bit)) !== 0);
			return `${t.line}:${t.character} ${t.length} ${tokenTypes[t.type]} [${modifiers.join(' ')}] '${text}'`;
		})
		.join('\n');
}

const inputs = [
	...fs
		.readdirSync(path.join(repoRoot, 'samples'))
		.filter((name) => name.endsWith('.memmap'))
		.map((name) => path.join('samples', name)),
	...['board.memmap', 'overlap.memmap'].map((name) => path.join('test', 'fixtures', 'server', name)),
];

suite('server/semanticTokens', () => {
	for (const input of inputs) {
		test(`${input}: the whole document and a range in its middle`, () => {
			const text = fs.readFileSync(path.join(repoRoot, input), 'utf8');
			const uri = `file:///${input}`;
			const document = TextDocument.create(uri, 'memmap', 1, text);
			const analysis = analyzeText(text, uri);
			const whole = decode(semanticTokens(analysis, document).data);
			const from = Math.floor(text.length / 3);
			const to = Math.floor((2 * text.length) / 3);
			const ranged = decode(semanticTokens(analysis, document, from, to).data);
			// A range answer is the whole answer's tokens that touch the range.
			const touching = whole.filter((t) => {
				const start = document.offsetAt({ line: t.line, character: t.character });
				return start + t.length >= from && start <= to;
			});
			assert.deepEqual(ranged, touching);
			const name = path.basename(input, '.memmap');
			assertGolden('semantic', name, describe(document, whole));
		});
	}

	test('a map whose priority is written before its address: tokens still in text order', () => {
		const text = 'space m = s\ncontainer s size 4K {\n\tmap r priority 2 at 0\n}\nram r size 4K\n';
		const uri = 'file:///order.memmap';
		const document = TextDocument.create(uri, 'memmap', 1, text);
		const shown = describe(document, decode(semanticTokens(analyzeText(text, uri), document).data));
		assert.equal(
			shown
				.split('\n')
				.filter((line) => line.startsWith('2:'))
				.join('\n'),
			["2:5 1 variable [ram] 'r'", "2:16 1 number [] '2'", "2:21 1 number [] '0'"].join('\n'),
		);
	});

	test('tokensEdit: applying the edit to the old data gives the new data, changing only what differs', () => {
		const data = fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 30 });
		fc.assert(
			fc.property(data, data, data, (prefix, middle, suffix) => {
				const before = [...prefix, ...middle, ...suffix];
				const after = [...prefix, ...suffix];
				for (const [from, to] of [
					[before, after],
					[after, before],
					[before, before],
				] as const) {
					const edits = tokensEdit(Uint32Array.from(from), to);
					const applied = [...from];
					for (const edit of edits) {
						applied.splice(edit.start, edit.deleteCount, ...(edit.data ?? []));
					}
					assert.deepEqual(applied, to);
					const changed = edits.reduce((sum, edit) => sum + edit.deleteCount + (edit.data?.length ?? 0), 0);
					assert.ok(changed <= Math.abs(from.length - to.length) + 2 * middle.length, 'no more than the middle changes');
				}
				assert.deepEqual(tokensEdit(Uint32Array.from(before), before), []);
			}),
			{ numRuns: 300 },
		);
	});

	test('a 10k-region board: every token on its own text, in order, none overlapping', () => {
		const text = generateBoard(10_000);
		const uri = 'file:///bench/board.memmap';
		const document = TextDocument.create(uri, 'memmap', 1, text);
		const tokens = decode(semanticTokens(analyzeText(text, uri), document).data);
		let lastEnd = -1;
		let names = 0;
		for (const t of tokens) {
			const start = document.offsetAt({ line: t.line, character: t.character });
			assert.ok(start >= lastEnd, `token at ${t.line}:${t.character} overlaps the one before`);
			const word = text.slice(start, start + t.length);
			assert.ok(/^[\w.#-]+$/.test(word), `token '${word}' at ${t.line}:${t.character}`);
			lastEnd = start + t.length;
			names += t.type === 0 && (t.modifiers & 1) !== 0 ? 1 : 0;
		}
		assert.equal(names, 10_000, 'one declaration token per region');
	});
});
