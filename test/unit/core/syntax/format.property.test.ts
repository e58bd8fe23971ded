import * as assert from 'node:assert';
import * as fc from 'fast-check';
import { format } from '../../../../core/src/syntax/format';
import { parse } from '../../../../core/src/syntax/parser';
import { astShape } from './astShape';
import { validFile } from './memmapArbitrary';

suite('format (property)', () => {
	test('generated files are valid, so the other properties test something', () => {
		fc.assert(
			fc.property(validFile, (text) => {
				assert.deepStrictEqual(parse(text).diagnostics, []);
			}),
			{ numRuns: 200 },
		);
	});

	test('parse(format(x)) equals parse(x) up to positions, and format is idempotent', () => {
		fc.assert(
			fc.property(validFile, (text) => {
				const once = format(text);
				assert.ok(once !== undefined);
				assert.deepStrictEqual(parse(once).diagnostics, []);
				assert.deepStrictEqual(astShape(parse(once).file), astShape(parse(text).file));
				assert.strictEqual(format(once), once);
			}),
			{ numRuns: 200 },
		);
	});
});
