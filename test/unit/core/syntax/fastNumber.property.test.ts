import * as assert from 'node:assert';
import * as fc from 'fast-check';
import { parseNumber } from '../../../../core/src/model/address';
import { numberValue } from '../../../../core/src/syntax/fastNumber';

suite('numberValue (property)', () => {
	test('agrees with parseNumber on number-like text', () => {
		const piece = fc.constantFrom('0', '1', '7', '9', 'a', 'E', 'f', 'x', 'X', 'b', 'B', '_', 'K', 'M', 'G', 'T', 'P', 'i', 'iB', 'Q');
		const literal = fc.oneof(
			fc.array(piece, { minLength: 1, maxLength: 20 }).map((p) => p.join('')),
			fc.tuple(fc.constantFrom('', '0x', '0X', '0b'), fc.bigInt({ min: 0n, max: 1n << 70n }), fc.constantFrom('', 'K', 'MiB', 'E', 'EiB')).map(
				([prefix, v, unit]) => prefix + v.toString(prefix === '0b' ? 2 : prefix === '' ? 10 : 16) + unit,
			),
		);
		fc.assert(
			fc.property(literal, (text) => {
				assert.strictEqual(numberValue(text), parseNumber(text), text);
			}),
			{ numRuns: 1000 },
		);
	});
});
