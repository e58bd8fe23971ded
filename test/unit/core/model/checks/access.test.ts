/** The access-constraint catalogue (W9-W18) and coalesced ranges. */
import * as assert from 'node:assert';
import type { AccessConstraints } from '../../../../../core/src/index';
import { alias, buildTree, container, io, ram } from '../../../../util/treeBuilder';
import { withCode } from './checkHelper';

const sizes = (min: number, max: number, unaligned = false): { min: number; max: number; unaligned: boolean } => ({ min, max, unaligned });

/** The access-related diagnostics of one io region with `access` (and `size`). */
function accessOf(access: AccessConstraints, size = 0x1000n, extra: { readonly?: boolean } = {}): string[] {
	const tree = buildTree([container('sys', 1n << 64n, {}, [io('dev', size, { at: 0n, access, ...extra })])]);
	const codes = [
		'access.min-above-max',
		'access.valid-min-ignored',
		'access.impl-min-above-valid-max',
		'access.impl-wider-than-valid',
		'access.impl-unaligned',
		'access.narrow-write-widened',
		'access.size-not-multiple',
		'readonly.not-enforced',
		'coalesce.outside-region',
	] as const;
	return codes.flatMap((code) => withCode(tree, code));
}

suite('checks: access', () => {
	test('consistent settings and no settings give nothing', () => {
		assert.deepStrictEqual(accessOf({}), []);
		assert.deepStrictEqual(accessOf({ valid: sizes(4, 4), impl: sizes(4, 4) }), []);
		assert.deepStrictEqual(accessOf({ valid: sizes(1, 8, true), impl: sizes(1, 8, true) }), []);
	});

	test('valid min above max (W9) and impl min above max (W11)', () => {
		assert.deepStrictEqual(accessOf({ valid: sizes(8, 4) }), [
			"warning access.min-above-max: 'dev': valid 8..4 has min above max, so no access is ever valid (W9).",
		]);
		assert.deepStrictEqual(accessOf({ impl: sizes(4, 2) }), [
			"warning access.min-above-max: 'dev': impl 4..2 has min above max, so impl max is ignored and every call uses 4 bytes (W11).",
			"warning access.narrow-write-widened: 'dev': impl min 4 is above the narrowest valid access (1): narrower writes reach the device as 4-byte writes with the other bytes zero (W15).",
		]);
	});

	test('valid min ignored without valid max (W10)', () => {
		assert.deepStrictEqual(accessOf({ valid: sizes(2, 0) }), [
			"warning access.valid-min-ignored: 'dev': valid min 2 is ignored because valid max is 0 (unset): every size is accepted (W10).",
		]);
	});

	test('impl min above valid max (W13) and impl wider than valid (W14)', () => {
		assert.deepStrictEqual(accessOf({ valid: sizes(1, 2), impl: sizes(4, 4) }), [
			"warning access.impl-min-above-valid-max: 'dev': impl min 4 is above valid max 2: every guest access is widened (W13).",
			"warning access.narrow-write-widened: 'dev': impl min 4 is above the narrowest valid access (1): narrower writes reach the device as 4-byte writes with the other bytes zero (W15).",
		]);
		assert.deepStrictEqual(accessOf({ valid: sizes(1, 4), impl: sizes(1, 8) }), [
			"warning access.impl-wider-than-valid: 'dev': impl max 8 is above valid max 4: the device never sees accesses that wide (W14).",
		]);
	});

	test('unaligned impl without unaligned valid (W17)', () => {
		assert.deepStrictEqual(accessOf({ valid: sizes(1, 4), impl: sizes(1, 4, true) }), [
			"warning access.impl-unaligned: 'dev': impl allows unaligned accesses but valid does not, so they are rejected first (W17; QEMU 8+ asserts).",
		]);
	});

	test('narrow writes widened (W15) only when a narrower access is valid and the region is writable', () => {
		assert.strictEqual(accessOf({ valid: sizes(1, 4), impl: sizes(4, 4) }).filter((m) => m.includes('narrow-write')).length, 1);
		assert.deepStrictEqual(accessOf({ valid: sizes(4, 4), impl: sizes(4, 4) }), []);
		const readonly = accessOf({ valid: sizes(1, 4), impl: sizes(4, 4) }, 0x1000n, { readonly: true });
		assert.ok(!readonly.some((m) => m.includes('narrow-write')));
	});

	test('a size that is not a multiple of the minimum access', () => {
		assert.deepStrictEqual(accessOf({ valid: sizes(4, 4), impl: sizes(4, 4) }, 0x1002n), [
			"warning access.size-not-multiple: 'dev': size 0x1002 is not a multiple of its minimum access size 4: the last 2 bytes cannot be accessed whole.",
		]);
	});

	test('coalesced range outside the region', () => {
		assert.deepStrictEqual(accessOf({ coalesce: { start: 0xf00n, size: 0x200n } }), [
			"warning coalesce.outside-region: 'dev': coalesced range [0xf00, 0x1100) is not inside the region [0x0, 0x1000).",
		]);
		assert.deepStrictEqual(accessOf({ coalesce: { start: 0n, size: 0x1000n } }), []);
		assert.deepStrictEqual(accessOf({ coalesce: { start: 0n, size: undefined } }), []);
	});

	test('readonly on io is a warning, on an alias an info (W18); on ram nothing', () => {
		assert.deepStrictEqual(accessOf({}, 0x1000n, { readonly: true }), [
			"warning readonly.not-enforced: 'dev' is io and marked readonly: writes still reach the device's ops; the flag only makes the flat view print 'rom' (W18).",
		]);
		const tree = buildTree([ram('r', 0x1000n), container('sys', 1n << 64n, {}, [alias('w', 0x1000n, 'r', { readonly: true }), ram('m', 0x10n, { at: 0x2000n, readonly: true })])]);
		assert.deepStrictEqual(withCode(tree, 'readonly.not-enforced'), [
			"info readonly.not-enforced: readonly on alias 'w' is honoured by CPU stores (TCG, KVM) but not by DMA or buffer writes, which still reach the target (W18).",
		]);
	});
});
