/**
 * How addresses and sizes are written for people (`core/src/model/address.ts`): hover,
 * the CLI, the outline and the exports all show them this way.
 */
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { formatAddress, formatSize } from '../../../../core/src/model/address';

suite('core/address', () => {
	test('formatAddress groups hex digits by four from the right', () => {
		const shown = [0n, 0xfn, 0xffffn, 0x1_0000n, 0xfee0_0000n, 0x1_0000_0000n, (1n << 64n) - 1n, 1n << 64n].map(formatAddress);
		assert.deepEqual(shown, [
			'0x0',
			'0xf',
			'0xffff',
			'0x1_0000',
			'0xfee0_0000',
			'0x1_0000_0000',
			'0xffff_ffff_ffff_ffff',
			'0x1_0000_0000_0000_0000',
		]);
	});

	test('formatAddress reads back as the same value, with groups of four but the first', () => {
		fc.assert(
			fc.property(fc.bigInt({ min: 0n, max: 1n << 64n }), (value) => {
				const text = formatAddress(value);
				assert.equal(BigInt(text.replace(/_/g, '')), value);
				const groups = text.slice(2).split('_');
				assert.ok(groups.slice(1).every((group) => group.length === 4));
				assert.ok((groups[0]?.length ?? 0) >= 1 && (groups[0]?.length ?? 0) <= 4);
			}),
			{ numRuns: 500 },
		);
	});

	test('formatSize uses the largest binary unit that divides the size', () => {
		assert.deepEqual([0n, 1024n, 0x1234n, 128n << 20n, 1n << 64n].map(formatSize), ['0 B', '1 KiB', '4660 B', '128 MiB', '16 EiB']);
	});
});
