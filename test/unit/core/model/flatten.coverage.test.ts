/**
 * The coverage set behind the flattener, against a naive model: random fills (enough of
 * them to split and empty chunks) report exactly the unclaimed parts, `covers` answers
 * like the model, and `order()` lists the pieces by address.
 */
import * as assert from 'node:assert';
import * as fc from 'fast-check';
import { CoverageSet } from '../../../../core/src/model/coverage';

interface Piece {
	readonly start: bigint;
	readonly end: bigint;
}

/** The obvious model: one flag per address; a gap is a run of unclaimed addresses. */
function naiveFill(claimed: Uint8Array, start: bigint, end: bigint): Piece[] {
	const gaps: Piece[] = [];
	for (let a = Number(start); a < Number(end); a++) {
		if (claimed[a] === 0) {
			const last = gaps[gaps.length - 1];
			if (last !== undefined && last.end === BigInt(a)) {
				gaps[gaps.length - 1] = { start: last.start, end: BigInt(a + 1) };
			} else {
				gaps.push({ start: BigInt(a), end: BigInt(a + 1) });
			}
			claimed[a] = 1;
		}
	}
	return gaps;
}

function runFills(fills: readonly [bigint, bigint][]): void {
	const set = new CoverageSet();
	const model = new Uint8Array(200_000);
	const pieces: Piece[] = [];
	for (const [start, length] of fills) {
		const end = start + length;
		const covered = model.subarray(Number(start), Number(end)).every((flag) => flag === 1);
		if (length > 0n) {
			assert.strictEqual(set.covers(start, end), covered);
		}
		const expected = naiveFill(model, start, end);
		const got: Piece[] = [];
		set.fill(start, end, (s, e) => got.push({ start: s, end: e }));
		assert.deepStrictEqual(got, expected);
		pieces.push(...got);
	}
	const order = set.order().map((index) => pieces[index]);
	assert.deepStrictEqual(order, [...pieces].sort((a, b) => (a.start < b.start ? -1 : 1)));
}

suite('flatten coverage set', () => {
	test('small random fills agree with the naive model', () => {
		const fill = fc.tuple(fc.bigInt(0n, 200n), fc.bigInt(0n, 40n));
		fc.assert(fc.property(fc.array(fill, { maxLength: 60 }), (fills) => runFills(fills)), { numRuns: 200 });
	});

	test('thousands of fills across chunk splits agree with the naive model', () => {
		const fill = fc.tuple(fc.bigInt(0n, 100_000n), fc.bigInt(1n, 30n));
		fc.assert(fc.property(fc.array(fill, { minLength: 1100, maxLength: 1400 }), (fills) => runFills(fills)), { numRuns: 3 });
	});

	test('an ascending run then one fill over everything empties many chunks', () => {
		const fills: [bigint, bigint][] = [];
		for (let i = 0n; i < 3000n; i++) {
			fills.push([i * 10n, 5n]);
		}
		fills.push([0n, 40_000n], [100n, 5n]);
		runFills(fills);
	});

	test('a descending run inserts before everything claimed so far', () => {
		const fills: [bigint, bigint][] = [];
		for (let i = 2000n; i > 0n; i--) {
			fills.push([i * 4n, 2n]);
		}
		runFills(fills);
	});
});
