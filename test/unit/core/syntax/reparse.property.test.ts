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
import { findEdit, reparse } from '../../../../core/src/syntax/reparse';
import type { ItemNode, MemberNode } from '../../../../core/src/syntax/ast';
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
	const oldNodes = nodesOf(previous.file.items);
	const incremental = reparse({ text: before, ...previous }, after, 'r.memmap');
	const whole = parse(after, 'r.memmap');
	assert.strictEqual(printAst(incremental.file), printAst(whole.file), `tree differs after editing to:\n${after}`);
	assert.deepStrictEqual(incremental.diagnostics, whole.diagnostics);
	assert.strictEqual(incremental.file.length, after.length);
	const change = incremental.change;
	if (change !== undefined) {
		// The change says exactly which nodes left the tree and which came in: the rest of
		// the old nodes are all still there (the analysis relies on it to reuse its work).
		const removed = nodesOf(change.removed);
		const expected = new Set([...oldNodes].filter((node) => !removed.has(node)));
		for (const node of nodesOf(change.added)) {
			expected.add(node);
		}
		const actual = nodesOf(incremental.file.items);
		assert.strictEqual(actual.size, expected.size, 'the change does not account for every node');
		assert.ok([...actual].every((node) => expected.has(node)), 'a node of the new tree is neither kept nor added');
	}
	return change !== undefined;
}

/** Every item and member node under `list`, by identity. */
function nodesOf(list: readonly (ItemNode | MemberNode)[]): Set<ItemNode | MemberNode> {
	const nodes = new Set<ItemNode | MemberNode>();
	const pending = [...list];
	for (let node = pending.pop(); node !== undefined; node = pending.pop()) {
		nodes.add(node);
		if (node.kind === 'region' && node.body !== undefined) {
			pending.push(...node.body.members);
		}
	}
	return nodes;
}

/** Files of many top-level items (so that most edits fall between or on items). */
const topLevelFile: fc.Arbitrary<string> = fc
	.array(
		fc.constantFrom(
			'/// the RAM\nram r size 4K\n',
			'container c size 1M {\n  ram x at 0 size 4K\n}\n',
			'space s = c\n',
			'// a note\n',
			'rom q size 64K;\n',
			'alias a size 4K of r\n',
			'io dev size 4K { valid 1..4 }\n',
			'include "other.memmap"\n',
			'\n',
		),
		{ minLength: 2, maxLength: 14 },
	)
	.map((parts) => parts.join(''));

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

	test('equals a whole parse after edits between and on top-level items, and reuses the items around them', () => {
		let reused = 0;
		let runs = 0;
		fc.assert(
			fc.property(topLevelFile, fc.array(edit, { minLength: 1, maxLength: 3 }), (text, edits) => {
				let current = text;
				for (const e of edits) {
					const next = applyEdit(current, e);
					reused += checkReparse(current, next) ? 1 : 0;
					runs++;
					current = next;
				}
			}),
			{ numRuns: 400 },
		);
		assert.ok(reused > runs / 2, `the old tree was reused in only ${reused} of ${runs} edits`);
	});

	test('a top-level edit re-parses only the items it touches, and takes the new documentation of the next one', () => {
		const before = 'space s = a\n\nram a size 4K\n/// old\nram b size 4K\nram c size 4K\n';
		const previous = { text: before, ...parse(before) };
		const [, , b, c] = previous.file.items;
		const after = before.replace('/// old', '// plain\n/// new');
		const result = reparse(previous, after, '');
		assert.deepStrictEqual(result.change?.removed.map((node) => node.offset), [before.indexOf('ram a')]);
		assert.strictEqual(result.file.items[2], b, 'the item after the edit is kept');
		assert.strictEqual(result.file.items[3], c);
		assert.strictEqual(b?.kind === 'region' ? b.doc : undefined, 'new');
		assert.strictEqual(c?.offset, after.indexOf('ram c'));
	});

	test('an item whose first word is edited is parsed again with the one before it, which that word ends', () => {
		// `rom` becoming `readonly` (a property) extends the region above: that region must
		// be parsed again, not only the edited item.
		const before = 'ram a size 4K\nrom b size 4K\nram c size 4K\n';
		const after = before.replace('rom b', 'readonly b');
		const result = reparse({ text: before, ...parse(before) }, after, '');
		assert.strictEqual(printAst(result.file), printAst(parse(after).file));
		assert.deepStrictEqual(result.diagnostics, parse(after).diagnostics);
		assert.deepStrictEqual(result.change?.removed.map((node) => node.offset), [0, before.indexOf('rom b')]);
	});

	test('the edit found between two texts is their longest common prefix and then suffix', () => {
		const text = fc.string({ unit: fc.constantFrom('a', 'b', '\n'), maxLength: 200_000 });
		fc.assert(
			fc.property(fc.string({ maxLength: 5 }), text, fc.string({ maxLength: 30 }), fc.string({ maxLength: 30 }), text, (seed, head, left, right, tail) => {
				const before = seed + head + left + tail;
				const after = seed + head + right + tail;
				let start = 0;
				while (start < Math.min(before.length, after.length) && before[start] === after[start]) {
					start++;
				}
				let suffix = 0;
				const shorter = Math.min(before.length, after.length);
				while (suffix < shorter - start && before[before.length - 1 - suffix] === after[after.length - 1 - suffix]) {
					suffix++;
				}
				assert.deepStrictEqual(findEdit(before, after), { start, oldEnd: before.length - suffix, newEnd: after.length - suffix });
			}),
			{ numRuns: 60 },
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
