/**
 * The worked examples E0-E12 of qemu-memory-semantics.md §10, built with the tree builder
 * and compared with the spec's `info mtree -f` lines exactly.
 */
import * as assert from 'node:assert';
import { flatten } from '../../../../core/src/index';
import { mtreeFlat } from '../../../util/mtreeFlat';
import type { RegionSpec } from '../../../util/treeBuilder';
import { alias, buildTree, container, io, ram, rom } from '../../../util/treeBuilder';

const full = 1n << 64n;

/** Flattens the space rooted at `root` and compares its `-f` lines. */
function check(tops: RegionSpec[], root: string, expected: string[]): void {
	const tree = buildTree(tops, { memory: root });
	const space = tree.spaces[0];
	assert.ok(space);
	assert.deepStrictEqual(mtreeFlat(tree, flatten(tree, space.root)), expected);
}

suite('worked examples (spec §10)', () => {
	const e0 = (terminalB: boolean): RegionSpec =>
		container('A', 0x8000n, {}, [
			(terminalB ? io : container)('B', 0x4000n, { at: 0x2000n, priority: 2 }, [
				io('D', 0x1000n, { at: 0n }),
				io('E', 0x1000n, { at: 0x2000n }),
			]),
			io('C', 0x6000n, { at: 0n, priority: 1 }),
		]);

	test('E0 docs example: priority is local, holes pass through', () => {
		check([e0(false)], 'A', [
			'  0000000000000000-0000000000001fff (prio 1, i/o): C',
			'  0000000000002000-0000000000002fff (prio 0, i/o): D',
			'  0000000000003000-0000000000003fff (prio 1, i/o): C @0000000000003000',
			'  0000000000004000-0000000000004fff (prio 0, i/o): E',
			'  0000000000005000-0000000000005fff (prio 1, i/o): C @0000000000005000',
		]);
	});

	test('E0 with a terminal B: B fills its own holes', () => {
		check([e0(true)], 'A', [
			'  0000000000000000-0000000000001fff (prio 1, i/o): C',
			'  0000000000002000-0000000000002fff (prio 0, i/o): D',
			'  0000000000003000-0000000000003fff (prio 2, i/o): B @0000000000001000',
			'  0000000000004000-0000000000004fff (prio 0, i/o): E',
			'  0000000000005000-0000000000005fff (prio 2, i/o): B @0000000000003000',
		]);
	});

	test('E1 foreground, normal, background', () => {
		check(
			[
				container('sys', 0x10000n, {}, [
					ram('ram', 0x8000n, { at: 0n }),
					io('dev', 0x1000n, { at: 0x7800n, priority: 1 }),
					io('bg', 0x10000n, { at: 0n, priority: -1 }),
				]),
			],
			'sys',
			[
				'  0000000000000000-00000000000077ff (prio 0, ram): ram',
				'  0000000000007800-00000000000087ff (prio 1, i/o): dev',
				'  0000000000008800-000000000000ffff (prio -1, i/o): bg @0000000000008800',
			],
		);
	});

	test('E2 equal-priority tie: the later addition wins', () => {
		check(
			[container('sys', 0x10000n, {}, [io('a', 0x2000n, { at: 0x1000n }), io('b', 0x2000n, { at: 0x2000n })])],
			'sys',
			['  0000000000001000-0000000000001fff (prio 0, i/o): a', '  0000000000002000-0000000000003fff (prio 0, i/o): b'],
		);
	});

	test('E2 after set_address(a, 0x1800): a is re-added last and wins', () => {
		check(
			[container('sys', 0x10000n, {}, [io('b', 0x2000n, { at: 0x2000n }), io('a', 0x2000n, { at: 0x1800n })])],
			'sys',
			[
				'  0000000000001800-00000000000037ff (prio 0, i/o): a',
				'  0000000000003800-0000000000003fff (prio 0, i/o): b @0000000000001800',
			],
		);
	});

	test('E3 alias into the middle of a RAM region', () => {
		check(
			[
				container('sys', 0x100000000n, {}, [
					ram('dram', 0x100000n, { at: 0n }),
					alias('win', 0x10000n, 'dram', { at: 0xa0000n, offset: 0x40000n, priority: 1 }),
				]),
			],
			'sys',
			[
				'  0000000000000000-000000000009ffff (prio 0, ram): dram',
				'  00000000000a0000-00000000000affff (prio 0, ram): dram @0000000000040000',
				'  00000000000b0000-00000000000fffff (prio 0, ram): dram @00000000000b0000',
			],
		);
	});

	test('E3b two aliases whose pieces merge', () => {
		check(
			[
				ram('r', 0x10000n),
				container('sys', 0x100000000n, {}, [
					alias('lo', 0x8000n, 'r', { at: 0x100000n }),
					alias('hi', 0x8000n, 'r', { at: 0x108000n, offset: 0x8000n }),
				]),
			],
			'sys',
			['  0000000000100000-000000000010ffff (prio 0, ram): r'],
		);
	});

	test('E4 nested containers with clipping', () => {
		check(
			[
				container('sys', full, {}, [
					container('bus', 0x1000n, { at: 0x10000n }, [
						io('dev', 0x2000n, { at: 0x800n }),
						container('sub', 0x100n, { at: 0x700n }, [ram('r', 0x1000n, { at: 0x80n })]),
					]),
				]),
			],
			'sys',
			['  0000000000010780-00000000000107ff (prio 0, ram): r', '  0000000000010800-0000000000010fff (prio 0, i/o): dev'],
		);
	});

	const e5 = (shadowDisabled: boolean): RegionSpec =>
		container('sys', 0x10000n, {}, [
			ram('ram', 0x10000n, { at: 0n }),
			rom('shadow', 0x1000n, { at: 0x4000n, priority: 1, disabled: shadowDisabled }),
			container('grp', 0x2000n, { at: 0x8000n, priority: 2, disabled: true }, [io('g1', 0x1000n, { at: 0n })]),
		]);

	test('E5 enabled shadow ROM', () => {
		check([e5(false)], 'sys', [
			'  0000000000000000-0000000000003fff (prio 0, ram): ram',
			'  0000000000004000-0000000000004fff (prio 1, rom): shadow',
			'  0000000000005000-000000000000ffff (prio 0, ram): ram @0000000000005000',
		]);
	});

	test('E5 disabled regions obscure nothing', () => {
		check([e5(true)], 'sys', ['  0000000000000000-000000000000ffff (prio 0, ram): ram']);
	});

	test('E6 alias of an alias: offsets compose, windows intersect', () => {
		check(
			[
				ram('mem', 0x10000n),
				alias('a1', 0x8000n, 'mem', { offset: 0x4000n }),
				container('sys', 0x100000000n, {}, [alias('a2', 0x8000n, 'a1', { at: 0x100000n, offset: 0x6000n })]),
			],
			'sys',
			['  0000000000100000-0000000000101fff (prio 0, ram): mem @000000000000a000'],
		);
	});

	test('E7 region larger than its container', () => {
		check(
			[
				container('sys', full, {}, [
					container('c', 0x10000n, { at: 0x200000n }, [ram('big', 0x100000n, { at: 0x8000n })]),
				]),
			],
			'sys',
			['  0000000000208000-000000000020ffff (prio 0, ram): big'],
		);
	});

	test('E8 RAM with a subregion (terminating parent)', () => {
		check(
			[
				container('sys', 0x10000n, {}, [
					ram('ram', 0x4000n, { at: 0n, priority: 1 }, [io('mmio', 0x1000n, { at: 0x1000n, priority: -5 })]),
					io('low', 0x8000n, { at: 0n, priority: 0 }),
				]),
			],
			'sys',
			[
				'  0000000000000000-0000000000000fff (prio 1, ram): ram',
				'  0000000000001000-0000000000001fff (prio -5, i/o): mmio',
				'  0000000000002000-0000000000003fff (prio 1, ram): ram @0000000000002000',
				'  0000000000004000-0000000000007fff (prio 0, i/o): low @0000000000004000',
			],
		);
	});

	test('E9 negative alias base', () => {
		check(
			[ram('vram', 0x100000n), container('sys', full, {}, [alias('w', 0x8000n, 'vram', { at: 0xa0000n, offset: 0xc0000n })])],
			'sys',
			['  00000000000a0000-00000000000a7fff (prio 0, ram): vram @00000000000c0000'],
		);
	});

	test('E10 alias window overrunning its target', () => {
		check(
			[ram('r', 0x1000n), container('sys', full, {}, [alias('w', 0x2000n, 'r', { at: 0x5000n, offset: 0x800n })])],
			'sys',
			['  0000000000005000-00000000000057ff (prio 0, ram): r @0000000000000800'],
		);
	});

	const e11 = (disabled: boolean): RegionSpec =>
		container('sys', 0x10000n, {}, [
			ram('r', 0x1000n, { at: 0n, disabled }),
			alias('w', 0x1000n, 'r', { at: 0x1000n, readonly: true }),
		]);

	test('E11 readonly alias: a separate rom range', () => {
		check([e11(false)], 'sys', [
			'  0000000000000000-0000000000000fff (prio 0, ram): r',
			'  0000000000001000-0000000000001fff (prio 0, rom): r',
		]);
	});

	test('E11 with the target disabled: both ranges disappear', () => {
		check([e11(true)], 'sys', []);
	});

	const e12 = (topSize: bigint): RegionSpec =>
		container('sys', full, {}, [
			io('everything', full, { at: 0n, priority: -1 }),
			io('top', topSize, { at: 0xfffffffffffff000n }),
		]);

	test('E12 full 64-bit space', () => {
		const expected = [
			'  0000000000000000-ffffffffffffefff (prio -1, i/o): everything',
			'  fffffffffffff000-ffffffffffffffff (prio 0, i/o): top',
		];
		check([e12(0x1000n)], 'sys', expected);
		check([e12(0x2000n)], 'sys', expected);
	});
});
