import * as assert from 'node:assert';
import * as fc from 'fast-check';
import { parseNumber } from '../../../../core/src/model/address';
import { numberValue, signedNumberValue } from '../../../../core/src/syntax/fastNumber';

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

	test('signedNumberValue negates a leading - and gives the same answer when asked again', () => {
		const literal = fc.tuple(
			fc.constantFrom('', '-'),
			fc.constantFrom('', '0x', '0b'),
			fc.bigInt({ min: 0n, max: 1n << 66n }),
			fc.constantFrom('', 'K', 'KiB', 'E', 'Q', '_'),
		).map(([sign, prefix, v, unit]) => sign + prefix + v.toString(prefix === '0b' ? 2 : prefix === '' ? 10 : 16) + unit);
		fc.assert(
			fc.property(literal, (text) => {
				const negative = text.startsWith('-');
				const magnitude = parseNumber(negative ? text.slice(1) : text);
				const expected = magnitude === undefined ? undefined : negative ? -magnitude : magnitude;
				assert.strictEqual(signedNumberValue(text), expected, text);
				assert.strictEqual(signedNumberValue(text), expected, `${text} (asked again)`);
			}),
			{ numRuns: 1000 },
		);
	});
});
