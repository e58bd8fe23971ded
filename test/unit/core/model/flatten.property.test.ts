/**
 * Property tests: on random trees (overlaps, negative and equal priorities, aliases of
 * aliases, negative alias bases, windows past their target, disabled regions, terminal
 * regions with children, clipping, 2^64 sizes, addresses near 2^64) the fast flattener
 * equals the reference renderer exactly, its ranges are well formed and maximally merged,
 * and owner lookups agree with the reference.
 */
import * as assert from 'node:assert';
import * as fc from 'fast-check';
import type { FlatRange, FlatView, RegionTree } from '../../../../core/src/index';
import { explainOwner, findRange, flatten, rangesIn, rangesOf } from '../../../../core/src/index';
import { referenceFlatten } from '../../../../core/src/model/reference';
import { randomTree } from './flatten.arbitrary';
import { plainView } from '../../../util/plainView';

const full = 1n << 64n;
const runs = { numRuns: 200 };

function spaceRoot(tree: RegionTree): number {
	return tree.spaces[0]?.root ?? 0;
}

function mergeable(a: FlatRange, b: FlatRange): boolean {
	return (
		a.start + a.size === b.start &&
		a.region === b.region &&
		a.offsetInRegion + a.size === b.offsetInRegion &&
		a.readonly === b.readonly &&
		a.nonvolatile === b.nonvolatile &&
		a.romdMode === b.romdMode
	);
}

/** Addresses worth asking about: every range boundary, its neighbours, and the ends. */
function sampleAddresses(view: FlatView): bigint[] {
	const points = new Set<bigint>([0n, full - 1n]);
	for (const range of view.ranges) {
		for (const p of [range.start - 1n, range.start, range.start + range.size - 1n, range.start + range.size]) {
			if (p >= 0n && p < full) {
				points.add(p);
			}
		}
	}
	return [...points];
}

function linearOwner(view: FlatView, address: bigint): FlatRange | undefined {
	return view.ranges.find((r) => r.start <= address && address < r.start + r.size);
}

suite('flatten (property)', () => {
	test('equals the reference renderer exactly', () => {
		fc.assert(
			fc.property(randomTree(), (tree) => {
				assert.deepStrictEqual(plainView(flatten(tree, spaceRoot(tree))), referenceFlatten(tree, spaceRoot(tree)));
			}),
			runs,
		);
	});

	test('ranges are sorted, disjoint, non-empty, inside [0, 2^64) and maximally merged', () => {
		fc.assert(
			fc.property(randomTree(), (tree) => {
				const ranges = flatten(tree, spaceRoot(tree)).ranges;
				ranges.forEach((range, i) => {
					assert.ok(range.size > 0n && range.start >= 0n && range.start + range.size <= full);
					assert.ok(range.offsetInRegion >= 0n);
					const next = ranges[i + 1];
					if (next !== undefined) {
						assert.ok(range.start + range.size <= next.start, 'sorted and disjoint');
						assert.ok(!mergeable(range, next), 'maximally merged');
					}
				});
			}),
			runs,
		);
	});

	test('owner lookup agrees with the reference, and explanations follow the render path', () => {
		fc.assert(
			fc.property(randomTree(), (tree) => {
				const view = flatten(tree, spaceRoot(tree));
				const reference = referenceFlatten(tree, spaceRoot(tree));
				for (const address of sampleAddresses(view)) {
					assert.strictEqual(findRange(view, address)?.region, linearOwner(reference, address)?.region);
				}
				for (const range of view.ranges) {
					const explanation = explainOwner(tree, view, range.start);
					assert.deepStrictEqual(explanation.chain, range.path);
				}
			}),
			runs,
		);
	});

	test('lookups on a view whose ranges are not built yet build the same ranges, once each', () => {
		fc.assert(
			fc.property(randomTree(), (tree) => {
				const reference = referenceFlatten(tree, spaceRoot(tree));
				const view = flatten(tree, spaceRoot(tree));
				const found: [FlatRange | undefined, FlatRange | undefined][] = [];
				const addresses = sampleAddresses(reference).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
				for (const [i, address] of addresses.entries()) {
					const range = findRange(view, address);
					assert.deepStrictEqual(range, linearOwner(reference, address));
					found.push([range, findRange(view, address)]);
					// Spans between boundaries, so that ranges start and end exactly at their ends.
					const span = { start: address, end: addresses[i + 2] ?? full };
					const inSpan = reference.ranges.filter((r) => r.start < span.end && span.start < r.start + r.size);
					assert.deepStrictEqual(rangesIn(view, span), inSpan);
				}
				const owners = new Set(reference.ranges.map((r) => r.region));
				for (const region of owners) {
					assert.deepStrictEqual(rangesOf(view, region), reference.ranges.filter((r) => r.region === region));
				}
				// Built one at a time or all at once, a range is one object.
				for (const [first, again] of found) {
					assert.strictEqual(first, again);
					assert.ok(first === undefined || view.ranges.includes(first));
				}
			}),
			runs,
		);
	});
});
