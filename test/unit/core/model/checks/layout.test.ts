/** Layout checks: overlaps (W1, W2), clipping (W4, W5), zero size (W8), alias windows (W3, W6, W7). */
import * as assert from 'node:assert';
import { alias, buildTree, container, io, ram, testUri } from '../../../../util/treeBuilder';
import { runChecks, withCode } from './checkHelper';

const full = 1n << 64n;

suite('checks: overlaps', () => {
	test('plain siblings that intersect: region.overlap on the later one, the other related', () => {
		const tree = buildTree([container('sys', 0x10000n, {}, [io('a', 0x2000n, { at: 0x1000n }), io('b', 0x2000n, { at: 0x2000n })])]);
		const diagnostics = runChecks(tree).filter((d) => d.code === 'region.overlap');
		assert.strictEqual(diagnostics.length, 1);
		const [d] = diagnostics;
		assert.strictEqual(
			d?.message,
			"'b' [0x2000, 0x4000) overlaps its sibling 'a' [0x1000, 0x3000) in 'sys' at [0x2000, 0x3000); neither is placed with 'overlap' or 'priority', so 'b' wins because it is declared later (W1). Give one of them a priority to say which should win.",
		);
		assert.strictEqual(d?.severity, 'warning');
		assert.deepStrictEqual([d?.uri, d?.offset], [testUri, tree.regions[2]?.nameLocation.offset]);
		assert.deepStrictEqual(d?.related?.map((r) => r.offset), [tree.regions[1]?.nameLocation.offset]);
	});

	test('adjacent, disabled, zero-size or prioritised siblings are not an overlap', () => {
		const tree = buildTree([
			container('sys', 0x10000n, {}, [
				io('a', 0x1000n, { at: 0n }),
				io('b', 0x1000n, { at: 0x1000n }),
				io('off', 0x1000n, { at: 0x1800n, disabled: true }),
				io('empty', 0n, { at: 0x1800n }),
				io('top', 0x1000n, { at: 0x1800n, priority: 1 }),
				io('bg', 0x10000n, { at: 0n, priority: -1 }),
			]),
		]);
		assert.deepStrictEqual(withCode(tree, 'region.overlap'), []);
		assert.deepStrictEqual(withCode(tree, 'region.overlap-tie'), []);
	});

	test('equal priorities with overlap: region.overlap-tie names the winner', () => {
		const tree = buildTree([
			container('sys', 0x10000n, {}, [io('x', 0x2000n, { at: 0n, priority: 2 }), io('y', 0x1000n, { at: 0x1000n, priority: 2 })]),
		]);
		assert.deepStrictEqual(withCode(tree, 'region.overlap-tie'), [
			"warning region.overlap-tie: 'y' [0x1000, 0x2000) overlaps its sibling 'x' [0x0, 0x2000) in 'sys' at [0x1000, 0x2000) with equal priority 2; 'y' wins because it is declared later, 'x' is hidden there (W2).",
		]);
	});

	test('siblings at the same address: one diagnostic, naming the later-declared as the winner', () => {
		const tree = buildTree([container('sys', 0x10000n, {}, [io('first', 0x100n, { at: 0x100n }), io('second', 0x100n, { at: 0x100n })])]);
		assert.deepStrictEqual(withCode(tree, 'region.overlap'), [
			"warning region.overlap: 'first' [0x100, 0x200) overlaps its sibling 'second' [0x100, 0x200) in 'sys' at [0x100, 0x200); neither is placed with 'overlap' or 'priority', so 'second' wins because it is declared later (W1). Give one of them a priority to say which should win.",
		]);
	});

	test('many overlapping siblings are reported once each, not per pair', () => {
		const children = Array.from({ length: 50 }, (_, i) => io(`d${i}`, 0x100n, { at: BigInt(i) }));
		const tree = buildTree([container('sys', 0x10000n, {}, children)]);
		assert.strictEqual(withCode(tree, 'region.overlap').length, 49);
	});
});

suite('checks: clipping and sizes', () => {
	test('region.clipped for a subregion past its container end (W4)', () => {
		const tree = buildTree([container('bus', 0x1000n, {}, [io('dev', 0x2000n, { at: 0x800n })])]);
		assert.deepStrictEqual(withCode(tree, 'region.clipped'), [
			"warning region.clipped: 'dev' [0x800, 0x2800) extends past the end of its container 'bus' (size 0x1000): its last 0x1800 bytes [0x1000, 0x2800) are clipped (W4).",
		]);
	});

	test('region.outside-parent for a subregion entirely outside (W5), and nothing for one that fits', () => {
		const tree = buildTree([container('bus', 0x1000n, {}, [io('far', 0x10n, { at: 0x1000n }), io('fits', 0x1000n, { at: 0n })])]);
		assert.deepStrictEqual(withCode(tree, 'region.outside-parent'), [
			"warning region.outside-parent: 'far' at 0x1000 lies entirely outside its container 'bus' (size 0x1000): it is never visible (W5).",
		]);
		assert.deepStrictEqual(withCode(tree, 'region.clipped'), []);
	});

	test('region.zero-size (W8), but not for a missing size (reported by the analyzer)', () => {
		const tree = buildTree([container('sys', full, {}, [io('z', 0n), io('missing', 0n, { missingSize: true })])]);
		assert.deepStrictEqual(withCode(tree, 'region.zero-size'), [
			"warning region.zero-size: 'z' has size 0: it renders nothing and hides nothing (W8).",
		]);
	});
});

suite('checks: aliases', () => {
	test('alias.window-overrun (W6) and alias.offset-past-target as an error (W7)', () => {
		const tree = buildTree([
			ram('r', 0x1000n),
			container('sys', full, {}, [
				alias('over', 0x2000n, 'r', { at: 0x5000n, offset: 0x800n }),
				alias('past', 0x100n, 'r', { at: 0x9000n, offset: 0x1000n }),
				alias('ok', 0x1000n, 'r', { at: 0xa000n }),
			]),
		]);
		assert.deepStrictEqual(withCode(tree, 'alias.window-overrun'), [
			"warning alias.window-overrun: alias 'over' window [0x800, 0x2800) runs past the end of its target 'r' (size 0x1000): its last 0x1800 bytes are a hole (W6).",
		]);
		assert.deepStrictEqual(withCode(tree, 'alias.offset-past-target'), [
			"error alias.offset-past-target: alias 'past' window [0x1000, 0x1100) starts at or past the end of its target 'r' (size 0x1000): the alias shows nothing (W7).",
		]);
	});

	test('alias.subregions (W3) on each child of an alias', () => {
		const tree = buildTree([ram('r', 0x1000n), container('sys', full, {}, [alias('w', 0x1000n, 'r', { at: 0n }, [io('kid', 0x10n, { at: 0n })])])]);
		assert.deepStrictEqual(withCode(tree, 'alias.subregions'), [
			"warning alias.subregions: 'kid' is a subregion of alias 'w': QEMU ignores subregions of an alias when rendering (W3).",
		]);
	});
});
