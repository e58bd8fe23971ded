import * as assert from 'node:assert';
import * as fc from 'fast-check';
import { insertedInOrder, sortInPlace } from '../../../../core/src/model/sortInPlace';

suite('sortInPlace (property)', () => {
	test('orders like Array.prototype.sort, stably, in place, short and long lists', () => {
		// Few distinct keys, so that ties (and so stability) are common.
		const entries = fc.array(fc.record({ key: fc.integer({ min: -3, max: 3 }), tag: fc.nat() }), { maxLength: 80 });
		fc.assert(
			fc.property(entries, (items) => {
				const compare = (a: { key: number }, b: { key: number }): number => a.key - b.key;
				const expected = [...items].sort(compare);
				const input = [...items];
				const result = sortInPlace(input, compare);
				assert.strictEqual(result, input);
				assert.deepStrictEqual(result, expected);
			}),
			{ numRuns: 500 },
		);
	});

	test('insertedInOrder puts an element where a stable sort of the list with it last would', () => {
		const entry = fc.record({ key: fc.integer({ min: -3, max: 3 }), tag: fc.nat() });
		fc.assert(
			fc.property(fc.array(entry, { maxLength: 40 }), entry, (items, item) => {
				const compare = (a: { key: number }, b: { key: number }): number => a.key - b.key;
				const sorted = [...items].sort(compare);
				const copy = [...sorted];
				assert.deepStrictEqual(insertedInOrder(sorted, item, compare), [...sorted, item].sort(compare));
				assert.deepStrictEqual(sorted, copy, 'the list itself is left alone');
			}),
			{ numRuns: 500 },
		);
	});
});
