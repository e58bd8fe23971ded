/**
 * Ownership queries: binary-search lookup, the ranges of a region, the explanation
 * behind hover and `memmap owner` (render path, alias arithmetic, who loses and why),
 * and per-space visibility of a region.
 */
import * as assert from 'node:assert';
import type { RegionTree, SpaceView } from '../../../../core/src/index';
import { explainOwner, findRange, flatten, holeAround, rangesOf, visibility } from '../../../../core/src/index';
import { alias, buildTree, container, io, ram, rom } from '../../../util/treeBuilder';

const full = 1n << 64n;

/** The PC-like example, plus a PAM-style window that routes 0xe0000 to pci. */
function pc(): RegionTree {
	return buildTree(
		[
			container('system', full, {}, [
				alias('ram-below-4g', 128n << 20n, 'pc.ram', { at: 0n }),
				container('pci', full, { at: 0n, priority: -1 }, [
					rom('pc.rom', 128n << 10n, { at: 0xc0000n, priority: 1 }),
					alias('isa-bios', 128n << 10n, 'pc.bios', { at: 0xe0000n, offset: 0x20000n, priority: 1 }),
					rom('pc.bios', 256n << 10n, { at: 0xfffc0000n }),
				]),
				alias('pam', 0x20000n, 'pci', { at: 0xe0000n, offset: 0xe0000n, priority: 1 }),
				io('ioapic', 0x1000n, {
					at: 0xfec00000n,
					access: { valid: { min: 1, max: 4, unaligned: false }, impl: { min: 4, max: 4, unaligned: false }, endian: 'little' },
				}),
				io('apic-msi', 1n << 20n, { at: 0xfee00000n, priority: 4096 }),
				io('off', 0x1000n, { at: 0xfee00000n, priority: 5000, disabled: true }),
			]),
			ram('pc.ram', 128n << 20n),
		],
		{ memory: 'system' },
	);
}

function views(tree: RegionTree): SpaceView[] {
	return tree.spaces.map((space) => ({ space, view: flatten(tree, space.root) }));
}

const id = (tree: RegionTree, name: string): number => tree.regions.findIndex((r) => r.name === name);

suite('owner: lookup', () => {
	test('findRange finds the range holding an address and nothing in a hole', () => {
		const tree = pc();
		const view = flatten(tree, tree.spaces[0]?.root ?? -1);
		assert.strictEqual(findRange(view, 0xfee00000n)?.region, id(tree, 'apic-msi'));
		assert.strictEqual(findRange(view, 0xfeefffffn)?.region, id(tree, 'apic-msi'));
		assert.strictEqual(findRange(view, 0xfef00000n), undefined);
		assert.strictEqual(findRange(view, 0n)?.region, id(tree, 'pc.ram'));
		assert.strictEqual(findRange(view, 0xffffffffn)?.region, id(tree, 'pc.bios'));
		assert.strictEqual(findRange(view, full - 1n), undefined);
		assert.strictEqual(findRange({ root: undefined, ranges: [] }, 0n), undefined);
	});

	test('rangesOf lists every visible piece of a region, through any alias', () => {
		const tree = pc();
		const view = flatten(tree, tree.spaces[0]?.root ?? -1);
		const pieces = rangesOf(view, id(tree, 'pc.bios')).map((r) => [r.start, r.size, r.offsetInRegion]);
		assert.deepStrictEqual(pieces, [
			[0xe0000n, 0x20000n, 0x20000n],
			[0xfffc0000n, 0x40000n, 0n],
		]);
		assert.deepStrictEqual(rangesOf(view, id(tree, 'off')), []);
	});
});

suite('owner: explanation', () => {
	test('a high-priority device hides the low-priority container below it', () => {
		const tree = pc();
		const view = flatten(tree, tree.spaces[0]?.root ?? -1);
		const explanation = explainOwner(tree, view, 0xfee00000n, 'memory');
		assert.deepStrictEqual(explanation.lines, [
			"0xfee00000 in space 'memory' is owned by 'apic-msi' (io, system/apic-msi) at offset 0x0",
			'path: system > apic-msi',
			"ignored: 'off' (disabled)",
			"hides: 'pci' (priority -1 < 4096)",
			'access: valid any size, impl 1..4 (default), native endian',
		]);
		assert.deepStrictEqual(explanation.chain, [id(tree, 'system'), id(tree, 'apic-msi')]);
	});

	test('alias windows are explained with their arithmetic, and lower siblings are hidden', () => {
		const tree = pc();
		const view = flatten(tree, tree.spaces[0]?.root ?? -1);
		assert.deepStrictEqual(explainOwner(tree, view, 0xe1234n).lines, [
			"0xe1234 is owned by 'pc.bios' (rom, system/pci/pc.bios) at offset 0x21234",
			'path: system > pam > pci > isa-bios > pc.bios',
			"alias 'pam' maps [0xe0000, 0x100000) to 'pci' [0xe0000, 0x100000): 0xe1234 -> 'pci' + 0xe1234",
			"alias 'isa-bios' maps [0xe0000, 0x100000) to 'pc.bios' [0x20000, 0x40000): 0xe1234 -> 'pc.bios' + 0x21234",
			'attributes: readonly',
			"hides: 'ram-below-4g' (priority 0 < 1 of 'pam')",
			"hides: 'pc.ram' (priority 0 < 1 of 'pam', through 'ram-below-4g')",
		]);
	});

	test('access settings of an MMIO owner are summarised', () => {
		const tree = pc();
		const view = flatten(tree, tree.spaces[0]?.root ?? -1);
		const lines = explainOwner(tree, view, 0xfec00010n).lines;
		assert.strictEqual(lines[lines.length - 1], 'access: valid 1..4, impl 4..4, little endian');
	});

	test('a hole says so and still lists what is cut off there', () => {
		const tree = buildTree(
			[container('sys', full, {}, [container('bus', 0x1000n, { at: 0x1000n }, [io('long', 0x2000n, { at: 0x800n })])])],
			{ memory: 'sys' },
		);
		const explanation = explainOwner(tree, flatten(tree, 0), 0x2100n);
		assert.strictEqual(explanation.range, undefined);
		assert.deepStrictEqual(explanation.lines, [
			"0x2100 is a hole: no region renders there (unassigned); the hole is [0x2000, 0x10000000000000000), ~16 EiB, after 'long'",
			"ignored: 'long' (outside its container 'bus' [0x1000, 0x2000))",
		]);
	});

	test('a hole reaches from the range before it to the one after it, within the root', () => {
		const tree = buildTree(
			[container('sys', 0x10000n, {}, [ram('a', 0x1000n, { at: 0x1000n }), ram('b', 0x1000n, { at: 0x4000n })])],
			{ memory: 'sys' },
		);
		const view = flatten(tree, 0);
		const hole = (address: bigint, extent?: bigint): [bigint, bigint] | undefined => {
			const span = holeAround(view, address, extent);
			return span === undefined ? undefined : [span.start, span.end];
		};
		assert.deepStrictEqual(hole(0n), [0n, 0x1000n], 'before the first range');
		assert.deepStrictEqual(hole(0xfffn), [0n, 0x1000n]);
		assert.strictEqual(hole(0x1000n), undefined, 'a range holds it');
		assert.strictEqual(hole(0x1fffn), undefined);
		assert.deepStrictEqual(hole(0x2000n), [0x2000n, 0x4000n], 'between two ranges, from the end of one');
		assert.deepStrictEqual(hole(0x3fffn), [0x2000n, 0x4000n]);
		assert.deepStrictEqual(hole(0x5000n), [0x5000n, full], 'after the last, with no extent: to 2^64');
		assert.deepStrictEqual(hole(0x5000n, 0x10000n), [0x5000n, 0x10000n], 'to the end of the root');
		assert.deepStrictEqual(hole(0x10000n, 0x10000n), [0x10000n, full], 'past the root: from its end');
		assert.deepStrictEqual(hole(0xffff_ffff_ffff_ffffn, 0x10000n), [0x10000n, full]);
		const empty = buildTree([container('none', 0x100n)], { memory: 'none' });
		assert.deepStrictEqual(holeAround(flatten(empty, 0), 0x80n, 0x100n), { start: 0n, end: 0x100n }, 'an empty view');
		assert.deepStrictEqual(explainOwner(tree, view, 0x2800n, 'memory', 0x10000n).lines, [
			"0x2800 in space 'memory' is a hole: no region renders there (unassigned); the hole is [0x2000, 0x4000), 8 KiB, after 'a' and before 'b'",
		]);
		assert.deepStrictEqual(explainOwner(tree, view, 0x20000n, undefined, 0x10000n).lines, [
			"0x20000 is a hole: no region renders there (unassigned); it is past the end of the space's root, [0x10000, 0x10000000000000000)",
		]);
	});

	test('equal priorities: the later-declared sibling wins; a terminating parent loses to its child', () => {
		const tree = buildTree(
			[
				container('sys', 0x10000n, {}, [
					io('a', 0x2000n, { at: 0x1000n }),
					ram('b', 0x2000n, { at: 0x2000n }, [io('inner', 0x10n, { at: 0x800n })]),
				]),
			],
			{ memory: 'sys' },
		);
		const view = flatten(tree, 0);
		assert.deepStrictEqual(explainOwner(tree, view, 0x2800n).lines.slice(1), [
			'path: sys > b > inner',
			"hides: 'b' (its subregion 'inner' renders first)",
			"hides: 'a' (equal priority 0: 'b' is declared later and wins)",
			'access: valid any size, impl 1..4 (default), native endian',
		]);
	});

	test('an alias window that ends before the address is reported', () => {
		const tree = buildTree([ram('r', 0x4000n), container('sys', full, {}, [alias('w', 0x1000n, 'r', { at: 0x10000n })])], { memory: 'sys' });
		const lines = explainOwner(tree, flatten(tree, 1), 0x11000n).lines;
		assert.deepStrictEqual(lines, [
			"0x11000 is a hole: no region renders there (unassigned); the hole is [0x11000, 0x10000000000000000), ~16 EiB, after 'r'",
			"ignored: 'r' (outside the window of alias 'w' [0x10000, 0x11000))",
		]);
		const inside = buildTree([ram('r', 0x4000n), container('sys', full, {}, [alias('w', 0x8000n, 'r', { at: 0x10000n, offset: 0x2000n })])], {
			memory: 'sys',
		});
		assert.deepStrictEqual(explainOwner(inside, flatten(inside, 1), 0x12800n).lines, [
			"0x12800 is a hole: no region renders there (unassigned); the hole is [0x12000, 0x10000000000000000), ~16 EiB, after 'r'",
			"ignored: 'w' (nothing of it is mapped at this address)",
		]);
	});
});

suite('owner: visibility', () => {
	test('reports visible ranges, bytes and who shadows the rest, per space', () => {
		const tree = pc();
		const result = visibility(tree, views(tree), id(tree, 'pc.ram'));
		const memory = result.spaces[0];
		assert.ok(memory);
		assert.strictEqual(result.size, 128n << 20n);
		assert.deepStrictEqual(memory.placements, [{ start: 0n, end: 128n << 20n }]);
		assert.strictEqual(memory.visibleBytes, (128n << 20n) - 0x20000n);
		const shadow = memory.shadowedBy.map((s) => [tree.regions[s.region]?.name, s.bytes]);
		assert.deepStrictEqual(shadow, [['pc.bios', 0x20000n]]);
	});

	test('a region that is never placed has no placements', () => {
		const tree = pc();
		const result = visibility(tree, views(tree), id(tree, 'off'));
		assert.deepStrictEqual(result.spaces[0]?.placements, []);
		assert.strictEqual(result.spaces[0]?.visibleBytes, 0n);
	});
});
