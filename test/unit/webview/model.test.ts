import * as assert from 'node:assert/strict';
import { blockDetail, blockTitle, detailLines } from '../../../webview/src/labels';
import { readToWebview } from '../../../webview/src/messages';
import { findRangeIndex, matchesFilter, matchesPath, rangeKey, sameGeometry, SpaceModel } from '../../../webview/src/model';
import { pcLikeSpace, range } from './fixtures';

suite('webview model', () => {
	const space = new SpaceModel(pcLikeSpace());
	const ranges = space.dtos;

	test('finds the owner of an address, at both ends of ranges and of the space', () => {
		assert.equal(findRangeIndex(ranges, 0n), 0);
		assert.equal(findRangeIndex(ranges, (2n << 30n) - 1n), 0);
		assert.equal(findRangeIndex(ranges, 2n << 30n), 1);
		assert.equal(findRangeIndex(ranges, 0xfec00fffn), 2);
		assert.equal(findRangeIndex(ranges, 0xfec01000n), 3);
		assert.equal(findRangeIndex(ranges, (1n << 64n) - 1n), 5);
		assert.equal(findRangeIndex(ranges, 1n << 64n), -1);
		assert.equal(findRangeIndex([], 0n), -1);
	});

	test('cursor paths match owners, descendants and aliases, never holes', () => {
		const [ram, hole, ioapic] = ranges;
		assert.ok(ram && hole && ioapic);
		assert.ok(matchesPath(ram, 'system/ram-below-4g'));
		assert.ok(matchesPath(ram, 'pc.ram'));
		assert.ok(matchesPath(ioapic, 'system'));
		assert.ok(!matchesPath(ioapic, 'sys'));
		assert.ok(!matchesPath(hole, ''));
	});

	test('the filter matches names, paths, kinds and aliases case-insensitively', () => {
		const ioapic = ranges[2];
		const ram = ranges[0];
		assert.ok(ioapic && ram);
		assert.ok(matchesFilter(ioapic, 'IOAPIC'));
		assert.ok(matchesFilter(ioapic, 'io'));
		assert.ok(matchesFilter(ram, 'below-4g'));
		assert.ok(!matchesFilter(ioapic, 'bios'));
	});

	test('range models are built on demand with exact bounds', () => {
		const top = space.at(5);
		assert.equal(top?.start, 1n << 32n);
		assert.equal(top?.end, 1n << 64n);
		assert.equal(top?.size, (1n << 64n) - (1n << 32n));
		assert.equal(space.at(5), top, 'built once');
		assert.equal(space.at(6), undefined);
	});

	test('geometry is the same when only names or locations change', () => {
		const renamed = ranges.map((r) => ({ ...r, region: r.region + 'x', priority: 9 }));
		assert.ok(sameGeometry(ranges, renamed));
		assert.ok(!sameGeometry(ranges, ranges.slice(1)));
		assert.ok(!sameGeometry(ranges, ranges.map((r, i) => (i === 2 ? { ...r, size: '0x2000' } : r))));
	});

	test('the visual key ignores source locations', () => {
		const location = { uri: 'file:///a.memmap', range: { start: { line: 1, character: 0 }, end: { line: 2, character: 0 } } };
		const a = range(0n, 16n, 'io', 'x');
		assert.equal(rangeKey(a), rangeKey({ ...a, location }));
		assert.notEqual(rangeKey(a), rangeKey({ ...a, priority: 1 }));
		assert.notEqual(rangeKey(a), rangeKey({ ...a, qemu: "QEMU (pc.flat.txt, line 9): 'hpet' (prio 0, i/o)" }));
	});

	test('labels say the alias, its target and the offset', () => {
		const bios = new SpaceModel({
			name: 's',
			root: 'r',
			flatRoot: 'r',
			ranges: [
				range(0xe0000n, 0x100000n, 'rom', 'pc.bios', {
					offsetInRegion: '0x20000',
					aliases: [{ alias: 'isa-bios', aliasPath: 'system/pci/isa-bios', target: 'pc.bios', offset: '0x20000' }],
				}),
			],
		}).at(0);
		assert.ok(bios);
		assert.equal(blockTitle(bios), 'isa-bios → pc.bios +0x2_0000');
		assert.equal(blockDetail(bios), '128 KiB  [0xe_0000, 0x10_0000)');
		assert.ok(detailLines(bios).includes('through alias system/pci/isa-bios → pc.bios at offset 0x20000'));
	});

	test('details of a range through a long alias chain say how many aliases are left out', () => {
		const step = (n: number) => ({ alias: `a${n}`, aliasPath: `s/a${n}`, target: `s/a${n + 1}`, offset: '0x0' });
		const deep = new SpaceModel({
			name: 's',
			root: 's',
			flatRoot: 's',
			ranges: [range(0n, 16n, 'ram', 'r', { aliases: [0, 1, 8, 9].map(step), aliasesElided: 6 })],
		}).at(0);
		assert.ok(deep);
		const lines = detailLines(deep).filter((line) => line.startsWith('through'));
		assert.deepEqual(lines, [
			'through alias s/a0 → s/a1 at offset 0x0',
			'through alias s/a1 → s/a2 at offset 0x0',
			'through 6 more aliases',
			'through alias s/a8 → s/a9 at offset 0x0',
			'through alias s/a9 → s/a10 at offset 0x0',
		]);
	});

	test('messages from the extension are narrowed', () => {
		assert.equal(readToWebview({ type: 'update', view: { uri: 1, spaces: [] }, title: 't' }), undefined);
		assert.equal(readToWebview({ type: 'highlight', path: 3 }), undefined);
		assert.equal(readToWebview('update'), undefined);
		assert.deepEqual(readToWebview({ type: 'highlight', path: null }), { type: 'highlight', path: null });
		assert.deepEqual(readToWebview({ type: 'empty', reason: 'r' }), { type: 'empty', reason: 'r' });
	});
});
