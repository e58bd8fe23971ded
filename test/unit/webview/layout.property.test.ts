import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { layoutMap } from '../../../webview/src/layout';

const sizeArb = fc.bigInt({ min: 1n, max: 1n << 64n });
const inputArb = fc.array(fc.record({ size: sizeArb, isHole: fc.boolean() }), { maxLength: 60 });

suite('webview layout properties', () => {
	test('blocks never overlap and every block is at least minHeight', () => {
		fc.assert(
			fc.property(inputArb, (inputs) => {
				const layout = layoutMap(inputs);
				for (let i = 1; i < inputs.length; i++) {
					assert.equal(layout.tops[i], (layout.tops[i - 1] ?? 0) + (layout.heights[i - 1] ?? 0));
				}
				assert.ok(Array.from(layout.heights).every((h) => h >= 24));
			}),
			{ numRuns: 150 },
		);
	});

	test('heights are monotone in size among blocks of the same sort', () => {
		fc.assert(
			fc.property(inputArb, (inputs) => {
				const layout = layoutMap(inputs);
				for (let i = 0; i < inputs.length; i++) {
					for (let j = 0; j < inputs.length; j++) {
						const a = inputs[i];
						const b = inputs[j];
						if (a && b && a.isHole === b.isHole && a.size <= b.size) {
							assert.ok((layout.heights[i] ?? 0) <= (layout.heights[j] ?? 0));
						}
					}
				}
			}),
			{ numRuns: 150 },
		);
	});
});
