/**
 * The incremental parse against the whole parse: for random edits of real boards, the
 * generated benchmark board and random valid files, `reparse` must give exactly the tree
 * (every span) and the diagnostics that `parse` gives for the new text, and it must
 * actually reuse the old tree for edits inside a block (else the test would pass with a
 * `reparse` that always parses afresh).
 */
import * as assert from 'node:assert';
import * as fc from 'fast-check';
import { generateBoard } from '../../../../bench/generate';
import { analyze, type Analysis, type WorkspaceHost } from '../../../../core/src/index';
import { parse } from '../../../../core/src/syntax/parser';
import { reparse } from '../../../../core/src/syntax/reparse';
import { printAst } from '../../../util/astPrinter';
import { validFile } from './memmapArbitrary';
import { memmapFilesDeep } from './syntaxFixtures';

interface Edit {
	readonly at: number;
	readonly remove: number;
	readonly insert: string;
}

const edit: fc.Arbitrary<Edit> = fc.record({
	at: fc.nat(),
	remove: fc.nat({ max: 12 }),
	insert: fc.oneof(
		fc.constantFrom('', ' ', '\n', '1', 'K', '0x', 'ram', ' at ', 'size', 'priority 2', 'overlap', '{', '}', ';', '"', '/*', '*/', '//', '///', '#', '/', '..', '-', 'x'),
		fc.constantFrom('\n  ram extra at 0x100 size 4K\n', '\n  /// doc\n', ' // note\n', 'io r at 0 size 1 { valid 1..4 }', 'map a at 0'),
		fc.string({ maxLength: 6 }),
	),
});

function applyEdit(text: string, { at, remove, insert }: Edit): string {
	const position = text.length === 0 ? 0 : at % (text.length + 1);
	return text.slice(0, position) + insert + text.slice(position + remove);
}

/** Asserts that `reparse` equals `parse` on `after`; returns whether it reused the old tree. */
function checkReparse(before: string, after: string): boolean {
	const previous = parse(before, 'r.memmap');
	const items = previous.file.items;
	const incremental = reparse({ text: before, ...previous }, after, 'r.memmap');
	const whole = parse(after, 'r.memmap');
	assert.strictEqual(printAst(incremental.file), printAst(whole.file), `tree differs after editing to:\n${after}`);
	assert.deepStrictEqual(incremental.diagnostics, whole.diagnostics);
	assert.strictEqual(incremental.file.length, after.length);
	return incremental.file.items === items;
}

suite('reparse (property)', () => {
	test('equals a whole parse after random edits of every sample and fixture', () => {
		const files = [...memmapFilesDeep('samples'), ...memmapFilesDeep('test/fixtures')].map((f) => f.text);
		let reused = 0;
		let runs = 0;
		fc.assert(
			fc.property(fc.nat({ max: files.length - 1 }), fc.array(edit, { minLength: 1, maxLength: 3 }), (which, edits) => {
				let text = files[which] as string;
				for (const e of edits) {
					const next = applyEdit(text, e);
					reused += checkReparse(text, next) ? 1 : 0;
					runs++;
					text = next;
				}
			}),
			{ numRuns: 400 },
		);
		assert.ok(reused > runs / 4, `the old tree was reused in only ${reused} of ${runs} edits`);
	});

	test('equals a whole parse after edits of the benchmark board, and reuses it for edits in blocks', () => {
		const board = generateBoard(1_000);
		let reused = 0;
		let runs = 0;
		fc.assert(
			fc.property(edit, (e) => {
				reused += checkReparse(board, applyEdit(board, e)) ? 1 : 0;
				runs++;
			}),
			{ numRuns: 150 },
		);
		assert.ok(reused > runs / 2, `the old tree was reused in only ${reused} of ${runs} edits`);
	});

	test('equals a whole parse after edits of random valid files', () => {
		fc.assert(
			fc.property(validFile, fc.array(edit, { minLength: 1, maxLength: 3 }), (text, edits) => {
				let current = text;
				for (const e of edits) {
					const next = applyEdit(current, e);
					checkReparse(current, next);
					current = next;
				}
			}),
			{ numRuns: 300 },
		);
	});

	test('a consumed tree is parsed afresh, not reused twice', () => {
		const before = 'container c size 1M {\n  ram r at 0 size 4K\n}\n';
		const previous = { text: before, ...parse(before) };
		const first = reparse(previous, before.replace('4K', '8K'), '');
		assert.strictEqual(first.file.items, previous.file.items);
		const again = before.replace('4K', '16K');
		const second = reparse(previous, again, '');
		assert.notStrictEqual(second.file.items, previous.file.items);
		assert.strictEqual(printAst(second.file), printAst(parse(again).file));
	});

	test('the edited region keeps the documentation above it, and later nodes move', () => {
		const before = '/// the bus\ncontainer bus size 1M {\n  ram a at 0 size 4K\n}\nram b size 4K\n';
		const previous = { text: before, ...parse(before) };
		const after = before.replace('size 4K\n}', 'size 64K\n}');
		const result = reparse(previous, after, '');
		assert.strictEqual(result.file.items, previous.file.items, 'the tree was reused');
		const [bus, b] = result.file.items;
		assert.strictEqual(bus?.kind === 'region' ? bus.doc : undefined, 'the bus');
		assert.strictEqual(b?.offset, after.indexOf('ram b'));
	});

	test('an analysis that reuses the previous one equals a fresh analysis, across a chain of edits with an include', () => {
		const board = generateBoard(1_000).replace('space memory = system', 'include "extra.memmap"\nspace memory = system');
		const extra = 'ram extra size 4K\n';
		fc.assert(
			fc.property(fc.array(edit, { minLength: 1, maxLength: 6 }), (edits) => {
				let text = board;
				let previous: Analysis | undefined;
				for (const e of edits) {
					text = applyEdit(text, e);
					const host = hostOf(text, extra);
					const reused = analyze('file:///b.memmap', host, previous);
					const fresh = analyze('file:///b.memmap', host);
					assert.deepStrictEqual(summary(reused), summary(fresh));
					previous = reused;
				}
			}),
			{ numRuns: 25 },
		);
	});
});

function hostOf(text: string, extra: string): WorkspaceHost {
	return {
		readText: (uri) => (uri === 'file:///b.memmap' ? text : uri === 'file:///extra.memmap' ? extra : undefined),
		resolveInclude: (_from, path) => `file:///${path}`,
	};
}

/** What an analysis says: every diagnostic, every flat range, every reference's target. */
function summary(analysis: Analysis): unknown {
	return {
		diagnostics: analysis.diagnostics.map((d) => `${d.uri} ${d.offset}+${d.length} ${d.code} ${d.message}`),
		views: analysis.views.map((v) => v.view.ranges.map((r) => `${r.start} ${r.size} ${r.region}`)),
		references: analysis.references.map((r) => `${r.offset}+${r.length} ${r.target}`),
		trees: [...analysis.documents.values()].map((d) => printAst(d.file)),
	};
}
