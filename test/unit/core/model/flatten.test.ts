/**
 * Unit tests of the flattener beyond the spec's worked examples: the flat-view root
 * shortcut (R4.8) and its quirks, recorded render paths, flags, and defensive behaviour
 * on trees the analyzer should never produce (cycles, dangling ids).
 */
import * as assert from 'node:assert';
import type { Region, RegionTree } from '../../../../core/src/index';
import { flatten } from '../../../../core/src/index';
import { flatViewRoot } from '../../../../core/src/model/flatViewRoot';
import { referenceFlatten } from '../../../../core/src/model/reference';
import { mtreeFlat } from '../../../util/mtreeFlat';
import type { RegionSpec } from '../../../util/treeBuilder';
import { alias, buildTree, container, io, ram, romd } from '../../../util/treeBuilder';
import { plainView } from '../../../util/plainView';

const full = 1n << 64n;

function build(tops: RegionSpec[], root: string): { tree: RegionTree; root: number } {
	const tree = buildTree(tops, { memory: root });
	return { tree, root: tree.spaces[0]?.root ?? -1 };
}

function idOf(tree: RegionTree, name: string): number {
	return tree.regions.findIndex((r) => r.name === name);
}

suite('flatten: flat-view root (R4.8)', () => {
	test('a disabled root gives no view', () => {
		const { tree, root } = build([container('sys', full, { disabled: true }, [ram('r', 0x1000n)])], 'sys');
		assert.deepStrictEqual(flatten(tree, root), { root: undefined, ranges: [] });
	});

	test('a container with only disabled children gives no view', () => {
		const { tree, root } = build([container('sys', full, {}, [ram('r', 0x1000n, { disabled: true })])], 'sys');
		assert.strictEqual(flatten(tree, root).root, undefined);
	});

	test('a sole child at 0 that fits is skipped to; a sole child elsewhere is not', () => {
		const atZero = build([container('sys', full, {}, [container('bus', 0x10000n, { at: 0n }, [ram('r', 0x1000n)])])], 'sys');
		assert.strictEqual(flatViewRoot(atZero.tree, atZero.root), idOf(atZero.tree, 'r'));
		const moved = build([container('sys', full, {}, [container('bus', 0x10000n, { at: 0x100n }, [ram('r', 0x1000n)])])], 'sys');
		assert.strictEqual(flatViewRoot(moved.tree, moved.root), moved.root);
	});

	test('a child bigger than its container is not skipped to (it would escape the clip)', () => {
		const { tree, root } = build([container('sys', 0x100n, {}, [ram('r', 0x1000n, { at: 0n })])], 'sys');
		assert.strictEqual(flatViewRoot(tree, root), root);
		assert.deepStrictEqual(mtreeFlat(tree, flatten(tree, root)), ['  0000000000000000-00000000000000ff (prio 0, ram): r']);
	});

	test('a whole alias at offset 0 is skipped to its target, whose own addr then shifts the view (W24)', () => {
		const { tree, root } = build(
			[
				container('outer', full, {}, [ram('r', 0x1000n, { at: 0x5000n })]),
				alias('whole', 0x1000n, 'r'),
			],
			'whole',
		);
		assert.strictEqual(flatViewRoot(tree, root), idOf(tree, 'r'));
		assert.deepStrictEqual(mtreeFlat(tree, flatten(tree, root)), ['  0000000000005000-0000000000005fff (prio 0, ram): r']);
	});

	test('skipped wrappers drop their readonly flag (W25), a partial alias keeps it', () => {
		const whole = build([ram('r', 0x1000n), alias('ro', 0x1000n, 'r', { readonly: true })], 'ro');
		assert.strictEqual(flatten(whole.tree, whole.root).ranges[0]?.readonly, false);
		const partial = build([ram('r', 0x1000n), alias('ro', 0x800n, 'r', { readonly: true })], 'ro');
		assert.strictEqual(flatten(partial.tree, partial.root).ranges[0]?.readonly, true);
	});
});

suite('flatten: ranges', () => {
	test('each range records the render path of its first byte, through aliases', () => {
		const { tree, root } = build(
			[
				ram('r', 0x1000n),
				container('sys', full, {}, [
					container('bus', 0x10000n, { at: 0x10000n }, [alias('w', 0x1000n, 'r', { at: 0x100n })]),
					io('other', 0x10n),
				]),
			],
			'sys',
		);
		const ranges = flatten(tree, root).ranges;
		const names = (path: readonly number[]): string[] => path.map((id) => tree.regions[id]?.name ?? '?');
		assert.deepStrictEqual(ranges.map((r) => names(r.path)), [['sys', 'other'], ['sys', 'bus', 'w', 'r']]);
	});

	test('readonly and nonvolatile are inherited down the path; romd mode splits ranges', () => {
		const { tree, root } = build(
			[
				container('sys', full, {}, [
					container('nv', 0x2000n, { at: 0n, nonvolatile: true, readonly: true }, [ram('a', 0x1000n, { at: 0n })]),
					romd('f0', 0x1000n, { at: 0x2000n, romdMode: false }),
					romd('f1', 0x1000n, { at: 0x3000n }),
				]),
			],
			'sys',
		);
		assert.deepStrictEqual(mtreeFlat(tree, flatten(tree, root)), [
			'  0000000000000000-0000000000000fff (prio 0, nv-rom): a',
			'  0000000000002000-0000000000002fff (prio 0, i/o): f0',
			'  0000000000003000-0000000000003fff (prio 0, romd): f1',
		]);
	});

	test('a region at the very top of the space is clipped at 2^64', () => {
		const { tree, root } = build([container('sys', full, {}, [ram('top', 0x2000n, { at: full - 0x1000n })])], 'sys');
		assert.deepStrictEqual(mtreeFlat(tree, flatten(tree, root)), ['  fffffffffffff000-ffffffffffffffff (prio 0, ram): top']);
	});

	test('subregions of an alias are ignored (W3)', () => {
		const { tree, root } = build(
			[ram('r', 0x1000n), container('sys', full, {}, [alias('w', 0x1000n, 'r', { at: 0x1000n }, [io('ignored', 0x10n)]), io('x', 1n)])],
			'sys',
		);
		assert.ok(flatten(tree, root).ranges.every((r) => tree.regions[r.region]?.name !== 'ignored'));
	});
});

suite('flatten: defensive', () => {
	/** Makes `child` a child of `parent` in a copy of the tree, without any checks. */
	function withEdge(tree: RegionTree, parent: number, child: number): RegionTree {
		const regions = tree.regions.map((r): Region => (r.id === parent ? { ...r, children: [...r.children, child] } : r));
		return { ...tree, regions };
	}

	test('a containment cycle repeats while its clip lets it, like the reference', () => {
		// `loop` (64K at 0x1000) holds `sys` again: each pass moves 0x1000 further, and the
		// first `loop`'s clip lets 16 passes through.
		const base = build([container('sys', full, {}, [container('loop', 0x10000n, { at: 0x1000n }, [io('d', 0x10n)])])], 'sys');
		const cyclic = withEdge(base.tree, idOf(base.tree, 'loop'), idOf(base.tree, 'sys'));
		assert.deepStrictEqual(plainView(flatten(cyclic, base.root)), referenceFlatten(cyclic, base.root));
		assert.strictEqual(flatten(cyclic, base.root).ranges.length, 16);
	});

	test('a region met again at the same base renders nothing more, and the view says where', () => {
		const base = build([container('sys', full, {}, [container('loop', 0x10000n, { at: 0n }, [io('d', 0x10n)])])], 'sys');
		const cyclic = withEdge(base.tree, idOf(base.tree, 'loop'), idOf(base.tree, 'sys'));
		assert.deepStrictEqual(plainView(flatten(cyclic, base.root)), referenceFlatten(cyclic, base.root));
		assert.deepStrictEqual(mtreeFlat(cyclic, flatten(cyclic, base.root)), ['  0000000000000000-000000000000000f (prio 0, i/o): d']);
		// The view's root is `loop` (R4.8: `sys`'s sole child at 0); `sys` leads back to it.
		assert.strictEqual(flatten(cyclic, base.root).recursion, idOf(cyclic, 'sys'));
	});

	test('an alias of its own ancestor (D8) renders its window once more, clipped where it re-enters (as QEMU)', () => {
		const { tree, root } = build([container('sys', full, {}, [io('d', 0x10n, { at: 0n }), alias('self', 0x100n, 'sys', { at: 0x1000n })])], 'sys');
		assert.deepStrictEqual(mtreeFlat(tree, flatten(tree, root)), ['  0000000000000000-000000000000000f (prio 0, i/o): d', '  0000000000001000-000000000000100f (prio 0, i/o): d']);
		assert.deepStrictEqual(plainView(flatten(tree, root)), referenceFlatten(tree, root));
		assert.strictEqual(flatten(tree, root).recursion, undefined);
	});

	test('dangling child and alias ids render nothing', () => {
		const base = build([container('sys', full, {}, [io('d', 0x10n)])], 'sys');
		const dangling = withEdge(base.tree, base.root, 99);
		assert.strictEqual(flatten(dangling, base.root).ranges.length, 1);
		assert.deepStrictEqual(flatten(base.tree, 42), { root: undefined, ranges: [] });
	});
});
