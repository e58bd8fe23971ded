import * as assert from 'node:assert/strict';
import { qemuRangeLine, toQemuFlatText } from '../../../webview/src/mtree';
import { pcLikeSpace, range } from './fixtures';

suite('webview info mtree -f text', () => {
	test('range lines follow QEMU 7.2', () => {
		assert.equal(
			qemuRangeLine(range(0xe0000n, 0x100000n, 'rom', 'pc.bios', { offsetInRegion: '0x20000', readonly: true })),
			'  00000000000e0000-00000000000fffff (prio 0, rom): pc.bios @0000000000020000',
		);
		assert.equal(
			qemuRangeLine(range(0xfee00000n, 0xfef00000n, 'io', 'system/apic-msi', { priority: 4096 })),
			'  00000000fee00000-00000000feefffff (prio 4096, i/o): apic-msi',
		);
		assert.equal(
			qemuRangeLine(range(0n, 1n << 64n, 'ram', 'big', { nonvolatile: true })),
			'  0000000000000000-ffffffffffffffff (prio 0, nv-ram): big',
		);
	});

	test('spaces sharing a flat-view root share one FlatView; empty roots print no ranges', () => {
		const memory = pcLikeSpace();
		const text = toQemuFlatText({
			uri: 'file:///pc.memmap',
			version: 1,
			spaces: [
				memory,
				{ ...memory, name: 'cpu-memory-0' },
				{ name: 'bus', root: 'pci/bus master container', flatRoot: null, ranges: [range(0n, 1n << 64n, 'hole')] },
			],
		});
		assert.equal(
			text,
			[
				'FlatView #0',
				' AS "memory", root: system',
				' AS "cpu-memory-0", root: system',
				' Root memory region: system',
				'  0000000000000000-000000007fffffff (prio 0, ram): pc.ram',
				'  00000000fec00000-00000000fec00fff (prio 0, i/o): ioapic',
				'  00000000fffc0000-00000000ffffffff (prio 0, rom): pc.bios',
				'',
				'FlatView #1',
				' AS "bus", root: bus master container',
				' Root memory region: (none)',
				'  No rendered FlatView',
				'',
				'',
			].join('\n'),
		);
	});
});
