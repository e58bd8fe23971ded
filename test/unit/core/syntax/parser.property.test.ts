import * as assert from 'node:assert';
import * as fc from 'fast-check';
import { parse, parseWithoutRecycling } from '../../../../core/src/syntax/parser';
import { tokenize } from '../../../../core/src/syntax/scanner';
import { printAst } from '../../../util/astPrinter';
import { validFile } from './memmapArbitrary';
import { memmapFilesDeep } from './syntaxFixtures';

/** Checks the parser's totality promises on one text. */
function checkTotal(text: string): void {
	const { file, diagnostics } = parse(text, 'p.memmap');
	assert.strictEqual(file.length, text.length);
	let previous = -1;
	for (const d of diagnostics) {
		assert.ok(d.offset >= 0 && d.length >= 0 && d.offset + d.length <= text.length, `diagnostic outside the text: ${d.offset}+${d.length}`);
		assert.ok(d.offset > previous, 'diagnostics are sorted with at most one per offset');
		assert.strictEqual(d.uri, 'p.memmap');
		previous = d.offset;
	}
}

/**
 * Checks that recycling token objects changes nothing: the parser must copy out of a
 * token whatever it keeps, and hold none across a member boundary. A tree printed with
 * every span and a list of diagnostics, each compared with a parse that never reuses one.
 */
function checkRecycling(text: string): void {
	const recycled = parse(text, 'r.memmap');
	const fresh = parseWithoutRecycling(text, 'r.memmap');
	assert.strictEqual(printAst(recycled.file), printAst(fresh.file));
	assert.deepStrictEqual(recycled.diagnostics, fresh.diagnostics);
}

/** Checks that tokens are in order, inside the text, and do not overlap. */
function checkTokens(text: string): void {
	let end = 0;
	for (const token of tokenize(text).tokens) {
		assert.ok(token.offset >= end && token.offset + token.length <= text.length);
		assert.strictEqual(token.text, text.slice(token.offset, token.offset + token.length));
		end = token.offset + token.length;
	}
}

/** Any UTF-16 text, lone surrogates included (fast to generate, unlike unit: 'binary'). */
const anyText: fc.Arbitrary<string> = fc
	.array(fc.oneof(fc.integer({ min: 0, max: 0x7f }), fc.integer({ min: 0, max: 0xffff })), { maxLength: 200 })
	.map((codes) => String.fromCharCode(...codes));

const edit: fc.Arbitrary<{ at: number; remove: number; insert: string }> = fc.record({
	at: fc.nat(),
	remove: fc.nat({ max: 8 }),
	insert: fc.oneof(
		fc.string({ maxLength: 4 }),
		fc.constantFrom('{', '}', ';', '"', '/*', '//', '\n', '#', '/', '..', '-', 'ram', 'at', 'size', 'map', '0x', '1_'),
	),
});

function applyEdits(text: string, edits: readonly { at: number; remove: number; insert: string }[]): string {
	let result = text;
	for (const { at, remove, insert } of edits) {
		const position = result.length === 0 ? 0 : at % (result.length + 1);
		result = result.slice(0, position) + insert + result.slice(position + remove);
	}
	return result;
}

suite('parser (property)', () => {
	test('never throws on arbitrary strings; diagnostics lie inside the text', () => {
		fc.assert(
			fc.property(anyText, (text) => {
				checkTotal(text);
				checkTokens(text);
			}),
			{ numRuns: 200 },
		);
	});

	test('never throws on strings made of the language’s own pieces', () => {
		const piece = fc.constantFrom('ram', 'container', 'a', '"q"', '{', '}', ';', '=', '/', '#2', '..', '0x10', '4K', '-1', 'at', 'of', 'map', 'valid', 'endian', 'space', 'include', ' ', '\n', '//', '/*', '*/', '///', '@');
		fc.assert(
			fc.property(fc.array(piece, { maxLength: 60 }), (pieces) => {
				checkTotal(pieces.join(''));
				checkTotal(pieces.join(' '));
				checkRecycling(pieces.join(' '));
			}),
			{ numRuns: 200 },
		);
	});

	test('never throws on mutated valid files', () => {
		fc.assert(
			fc.property(validFile, fc.array(edit, { minLength: 1, maxLength: 4 }), (text, edits) => {
				const mutated = applyEdits(text, edits);
				checkTotal(mutated);
				checkTokens(mutated);
				checkRecycling(mutated);
			}),
			{ numRuns: 200 },
		);
	});

	test('recycled token objects give the same tree and diagnostics, on every sample and fixture', () => {
		const files = [...memmapFilesDeep('samples'), ...memmapFilesDeep('test/fixtures')];
		assert.ok(files.length > 20, `found only ${files.length} files`);
		for (const file of files) {
			checkRecycling(file.text);
		}
	});
});
