import * as assert from 'node:assert';
import * as fc from 'fast-check';
import { sortInPlace } from '../../../../core/src/model/sortInPlace';

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
});
