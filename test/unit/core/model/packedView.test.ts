/**
 * The packed flat view (`packedView.ts`): its ranges are built from columns, so these
 * tests pin what the columns must carry: an end of 2^64, merged pieces, flags, shared
 * render paths, and that the analysis reads owners without building the ranges.
 */
import * as assert from 'node:assert';
import { flatten } from '../../../../core/src/index';
import { mappedBytes, PackedFlatView, rangeCount, rangeRegions } from '../../../../core/src/model/packedView';
import { alias, buildTree, container, ram, rom } from '../../../util/treeBuilder';

const full = 1n << 64n;

suite('packed flat view', () => {
	test('a range that ends at 2^64 keeps its size', () => {
		// 'mid' (priority 1) cuts 'top' in two; the second piece ends at 2^64.
		const tree = buildTree(
			[container('sys', full, {}, [ram('top', full, { at: 0n }), ram('mid', 0x1000n, { at: 0x5000n, priority: 1 })])],
			{ memory: 'sys' },
		);
		const view = flatten(tree, tree.spaces[0]?.root ?? -1);
		assert.ok(view instanceof PackedFlatView);
		const shown = view.ranges.map((r) => [r.start, r.size, tree.regions[r.region]?.name, r.offsetInRegion]);
		assert.deepStrictEqual(shown, [
			[0n, 0x5000n, 'top', 0n],
			[0x5000n, 0x1000n, 'mid', 0n],
			[0x6000n, full - 0x6000n, 'top', 0x6000n],
		]);
		// The lens counts read the columns; a literal view with the same ranges agrees.
		const literal = { root: view.root, ranges: [...view.ranges] };
		assert.deepStrictEqual([rangeCount(view), mappedBytes(view)], [3, full]);
		assert.deepStrictEqual([rangeCount(literal), mappedBytes(literal)], [3, full]);
	});

	test('adjacent pieces of one region at contiguous offsets merge into one range (R4.7)', () => {
		const tree = buildTree(
			[
				container('sys', full, {}, [
					alias('lo', 0x1000n, 'r', { at: 0x8000n }),
					alias('hi', 0x1000n, 'r', { at: 0x9000n, offset: 0x1000n }),
					alias('gap', 0x1000n, 'r', { at: 0xb000n, offset: 0x1000n }),
				]),
				ram('r', 0x2000n),
			],
			{ memory: 'sys' },
		);
		const view = flatten(tree, tree.spaces[0]?.root ?? -1);
		const shown = view.ranges.map((r) => [r.start, r.size, r.offsetInRegion]);
		assert.deepStrictEqual(shown, [
			[0x8000n, 0x2000n, 0n],
			[0xb000n, 0x1000n, 0x1000n],
		]);
	});

	test('flags and render paths come back; ranges of one render share their path', () => {
		const tree = buildTree(
			[
				container('sys', full, {}, [
					rom('boot', 0x1000n, { at: 0n }),
					ram('hi', 0x2000n, { at: 0x10000n, nonvolatile: true }),
					ram('over', 0x100n, { at: 0x10800n, priority: 1 }),
					alias('win', 0x1000n, 'hi', { at: 0x20000n, readonly: true }),
				]),
			],
			{ memory: 'sys' },
		);
		const view = flatten(tree, tree.spaces[0]?.root ?? -1);
		const names = (ids: readonly number[]): string[] => ids.map((id) => tree.regions[id]?.name ?? '?');
		const shown = view.ranges.map((r) => [tree.regions[r.region]?.name, r.readonly, r.nonvolatile, names(r.path)]);
		assert.deepStrictEqual(shown, [
			['boot', true, false, ['sys', 'boot']],
			['hi', false, true, ['sys', 'hi']],
			['over', false, false, ['sys', 'over']],
			['hi', false, true, ['sys', 'hi']],
			['hi', true, true, ['sys', 'win', 'hi']],
		]);
		const [, first, , second] = view.ranges;
		assert.strictEqual(first?.path, second?.path, "both pieces of 'hi' come from one render of it");
		assert.strictEqual(view.ranges, view.ranges, 'built once');
	});

	test('rangeRegions reads the owners of a packed view and of a literal one alike', () => {
		const tree = buildTree([container('sys', full, {}, [ram('a', 0x10n, { at: 0n }), ram('b', 0x10n, { at: 0x10n })])], {
			memory: 'sys',
		});
		const view = flatten(tree, tree.spaces[0]?.root ?? -1);
		const owners = Array.from(rangeRegions(view));
		assert.deepStrictEqual(owners, view.ranges.map((r) => r.region));
		assert.deepStrictEqual(Array.from(rangeRegions({ root: view.root, ranges: [...view.ranges] })), owners);
		assert.deepStrictEqual(names(tree, owners), ['a', 'b']);
	});
});

function names(tree: ReturnType<typeof buildTree>, ids: readonly number[]): string[] {
	return ids.map((id) => tree.regions[id]?.name ?? '?');
}
