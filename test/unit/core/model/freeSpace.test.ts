/**
 * Free space in a container: the gaps between its subregions, and where a region of a
 * given size fits (address completion after `at`, the next-free-address quick fix).
 */
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { alignmentOf, analyzeText, fittingStarts, freeGaps } from '../../../../core/src/index';
import type { Region } from '../../../../core/src/index';

const hex = (value: bigint): string => `0x${value.toString(16)}`;

function container(text: string, name: string): { tree: ReturnType<typeof analyzeText>['tree']; region: Region } {
	const tree = analyzeText(text).tree;
	const region = tree.regions.find((r) => r.name === name);
	assert.ok(region, name);
	return { tree, region };
}

suite('free space in a container', () => {
	test('the gaps between subregions, overlapping and disabled ones included, to the end of the container', () => {
		const { tree, region } = container(
			'container soc size 64K {\n\tram a at 0x1000 size 4K\n\tram b at 0x1800 size 4K overlap\n\tram off at 0x4000 size 1K disabled\n\tram z at 0x8000 size 0\n}\n',
			'soc',
		);
		assert.deepEqual(
			freeGaps(tree, region).map((g) => [hex(g.start), hex(g.end)]),
			[['0x0', '0x1000'], ['0x2800', '0x4000'], ['0x4400', '0x10000']],
		);
		const b = tree.regions.find((r) => r.name === 'b');
		assert.deepEqual(
			freeGaps(tree, region, b?.id).map((g) => [hex(g.start), hex(g.end)]),
			[['0x0', '0x1000'], ['0x2000', '0x4000'], ['0x4400', '0x10000']],
			'the region being placed does not count',
		);
	});

	test('a subregion past the end is clipped; a full container has no gap; a 2^64 container ends at 2^64', () => {
		const { tree, region } = container('container c size 4K {\n\tram a at 0x800 size 4K\n\tram b at 0x2000 size 1K\n}\n', 'c');
		assert.deepEqual(freeGaps(tree, region).map((g) => [hex(g.start), hex(g.end)]), [['0x0', '0x800']]);
		const full = container('container c size 4K {\n\tram a at 0 size 4K\n}\n', 'c');
		assert.deepEqual(freeGaps(full.tree, full.region), []);
		const top = container('container c size 16E {\n\tram a at 0 size 4K\n}\n', 'c');
		assert.deepEqual(freeGaps(top.tree, top.region).map((g) => [hex(g.start), hex(g.end)]), [['0x1000', '0x10000000000000000']]);
	});

	test('fitting starts: aligned to the size (rounded up to a power of two), one per gap, at most max', () => {
		const gaps = [
			{ start: 0x100n, end: 0x1000n },
			{ start: 0x1900n, end: 0x4000n },
			{ start: 0x6000n, end: 0x10000n },
		];
		assert.deepEqual(fittingStarts(gaps, 0x1000n, 8).map((f) => hex(f.start)), ['0x2000', '0x6000']);
		assert.deepEqual(fittingStarts(gaps, 0x300n, 8).map((f) => hex(f.start)), ['0x400', '0x1c00', '0x6000']);
		assert.deepEqual(fittingStarts(gaps, 0x300n, 1).map((f) => hex(f.start)), ['0x400']);
		assert.deepEqual(fittingStarts(gaps, 0x10000n, 8), []);
		// From an address on (the next-free-address quick fix): inside a gap, or past one.
		assert.deepEqual(fittingStarts(gaps, 0x1000n, 8, 0x2001n).map((f) => hex(f.start)), ['0x3000', '0x6000']);
		assert.deepEqual(fittingStarts(gaps, 0x1000n, 8, 0x3001n).map((f) => hex(f.start)), ['0x6000']);
	});

	test('every fitting start is aligned, inside its gap, and clear of every other subregion (property)', () => {
		const child = fc.record({ at: fc.bigInt({ min: 0n, max: 0xffffn }), size: fc.bigInt({ min: 0n, max: 0x4000n }) });
		fc.assert(
			fc.property(fc.array(child, { maxLength: 12 }), fc.bigInt({ min: 1n, max: 0x8000n }), fc.bigInt({ min: 0n, max: 0xffffn }), (children, size, from) => {
				const lines = children.map((c, i) => `\tram r${i} at ${hex(c.at)} size ${hex(c.size)} overlap`);
				const { tree, region } = container(`container soc size 64K {\n${lines.join('\n')}\n}\n`, 'soc');
				const gaps = freeGaps(tree, region);
				const covered = (address: bigint): boolean => children.some((c) => c.at <= address && address < c.at + c.size);
				for (let i = 0; i < gaps.length; i++) {
					const gap = gaps[i];
					assert.ok(gap && gap.start < gap.end && gap.end <= 0x10000n);
					assert.ok(i === 0 || (gaps[i - 1]?.end ?? 0n) < gap.start, 'sorted and apart');
					assert.ok(!covered(gap.start) && !covered(gap.end - 1n));
					assert.ok(gap.start === 0n || covered(gap.start - 1n), 'a gap starts where a subregion ends');
					assert.ok(gap.end === 0x10000n || covered(gap.end), 'and ends where one starts');
				}
				for (const { start, gap } of fittingStarts(gaps, size, 100, from)) {
					assert.equal(start % alignmentOf(size), 0n);
					assert.ok(gap.start <= start && start + size <= gap.end && start >= from);
				}
				// The first is the lowest such start: no aligned start below it is free for `size` bytes.
				const first = fittingStarts(gaps, size, 1, from)[0]?.start ?? 0x10000n;
				const align = alignmentOf(size);
				for (let c = ((from + align - 1n) / align) * align; c < first && c + size <= 0x10000n; c += align) {
					assert.ok(children.some((ch) => ch.size > 0n && ch.at < c + size && c < ch.at + ch.size), `${hex(c)} is taken`);
				}
			}),
			{ numRuns: 200 },
		);
	});
});
