/**
 * The flattener's work limit (`renderBudget`): aliases can multiply a tree without bound
 * (chains, and containers holding two aliases of the level below), and QEMU would build
 * every range. The render stops at the limit, marks its view `truncated`, and the check
 * `space.truncated` says so; real boards never come near it.
 */
import * as assert from 'node:assert';
import { analyzeText, explainOwner } from '../../../../core/src/index';
import { renderBudget } from '../../../../core/src/model/flatten';
import { generateBoard } from '../../../../bench/generate';

/** Level k shows level k-1 twice through two aliases: 2^levels copies of `cell`. */
function doublingBoard(levels: number, extra = ''): string {
	const lines = ['space mirror = top', 'ram cell size 4K'];
	for (let k = 1; k <= levels; k++) {
		const half = 4096n << BigInt(k - 1);
		const below = k === 1 ? 'cell' : `level${k - 1}`;
		lines.push(
			`container level${k} size 0x${(2n * half).toString(16)} {`,
			`  alias level${k}.low at 0 size 0x${half.toString(16)} of ${below}`,
			`  alias level${k}.high at 0x${half.toString(16)} size 0x${half.toString(16)} of ${below}`,
			'}',
		);
	}
	lines.push(`container top size 16E {`, `  map level${levels} at 0 priority 1`, extra, '}');
	return lines.join('\n');
}

/** `count` aliases, each of the next; the last one of a RAM region. */
function aliasChain(count: number): string {
	const lines = ['container s size 16E {'];
	for (let i = 0; i < count; i++) {
		lines.push(`  alias a${i} at ${i * 16} size 16 of ${i + 1 < count ? `a${i + 1}` : 'r'}`);
	}
	lines.push('}', 'ram r size 16');
	return lines.join('\n');
}

suite('flatten: work limit', () => {
	test('a doubling tree stops at the limit, with sorted disjoint ranges and one space.truncated', () => {
		const analysis = analyzeText(doublingBoard(40));
		const view = analysis.views[0]?.view;
		assert.ok(view?.truncated, 'the view is marked truncated');
		const budget = renderBudget(analysis.tree.regions.length);
		assert.ok(view.ranges.length > 0 && view.ranges.length <= budget.pieces, `${view.ranges.length} ranges`);
		for (let i = 1; i < view.ranges.length; i++) {
			const previous = view.ranges[i - 1];
			const range = view.ranges[i];
			assert.ok(previous && range && previous.start + previous.size <= range.start, `ranges ${i - 1} and ${i} overlap`);
		}
		const truncated = analysis.diagnostics.filter((d) => d.code === 'space.truncated');
		assert.strictEqual(truncated.length, 1);
		assert.strictEqual(truncated[0]?.severity, 'error');
		assert.match(truncated[0]?.message ?? '', /space 'mirror'.*incomplete/);
	});

	test('regions the render never reached are not reported as shadowed', () => {
		const text = doublingBoard(40, '  ram after at 0x100_0000_0000_0000 size 4K');
		const codes = analyzeText(text).diagnostics.map((d) => d.code);
		assert.deepStrictEqual(codes, ['space.truncated']);
	});

	test('a chain of thousands of aliases stops at the limit instead of running for minutes', () => {
		const analysis = analyzeText(aliasChain(5000));
		assert.ok(analysis.views[0]?.view.truncated);
		assert.deepStrictEqual(analysis.diagnostics.map((d) => d.code), ['space.truncated']);
	});

	test('an owner query answers rendered ranges and says unknown past the limit, never "hole"', () => {
		const analysis = analyzeText(doublingBoard(40));
		const view = analysis.views[0]?.view;
		const first = view?.ranges[0];
		assert.ok(view && first);
		const owned = explainOwner(analysis.tree, view, first.start);
		assert.strictEqual(analysis.tree.regions[owned.range?.region ?? -1]?.name, 'cell');
		const unknown = explainOwner(analysis.tree, view, 0n);
		assert.strictEqual(unknown.range, undefined);
		assert.match(unknown.lines[0] ?? '', /owner is unknown/);
		assert.ok(!unknown.lines.some((line) => /is a hole/.test(line)));
	});

	test('a short chain and a 10k-region board render completely', () => {
		const chain = analyzeText(aliasChain(50));
		assert.strictEqual(chain.views[0]?.view.truncated, undefined);
		assert.strictEqual(chain.views[0]?.view.ranges.length, 50);
		assert.deepStrictEqual(chain.diagnostics, []);
		const board = analyzeText(generateBoard(10_000));
		assert.ok(board.views.every(({ view }) => view.truncated === undefined));
		assert.ok(!board.diagnostics.some((d) => d.code === 'space.truncated'));
	});
});
