import * as assert from 'node:assert/strict';
import { blockAt, blockHeight, defaultLayoutOptions, labelLines, layoutMap, layoutSizes, layoutUnit, sizesOf, visibleBlocks } from '../../../webview/src/layout';
import { SpaceModel } from '../../../webview/src/model';
import { pcLikeSpace } from './fixtures';

const o = defaultLayoutOptions;

function pcLayout() {
	const space = new SpaceModel(pcLikeSpace());
	return { space, layout: layoutSizes(sizesOf(space.dtos)) };
}

suite('webview layout', () => {
	test('a 4 KiB window and a 2 GiB bank are both visible and clickable', () => {
		const { layout } = pcLayout();
		assert.equal(layout.unitLog2, 12);
		assert.equal(layout.heights[2], o.minHeight);
		assert.equal(layout.compressed[2], 0);
		assert.ok((layout.heights[0] ?? 0) > o.linearCap && (layout.heights[0] ?? 0) <= o.maxHeight);
		assert.equal(layout.compressed[0], 1);
	});

	test('holes are compressed and capped lower than ranges', () => {
		const { layout } = pcLayout();
		assert.equal(layout.heights[5], o.holeMaxHeight);
		assert.equal(layout.compressed[5], 1);
		assert.equal(layout.compressed[3], 1);
	});

	test('blocks touch and never overlap; the total is the sum of heights', () => {
		const { layout } = pcLayout();
		let y = 0;
		for (let i = 0; i < layout.tops.length; i++) {
			assert.equal(layout.tops[i], y);
			y += layout.heights[i] ?? 0;
		}
		assert.equal(layout.totalHeight, y);
	});

	test('heights are linear up to the cap, then grow by log steps', () => {
		assert.deepEqual(blockHeight(4096n, 4096n, false), { height: 24, compressed: false });
		assert.deepEqual(blockHeight(8192n, 4096n, false), { height: 48, compressed: false });
		assert.deepEqual(blockHeight(10240n, 4096n, false), { height: 60, compressed: false });
		assert.deepEqual(blockHeight(16384n, 4096n, false), { height: 69, compressed: true });
		assert.deepEqual(blockHeight(32768n, 4096n, false), { height: 77, compressed: true });
		assert.deepEqual(blockHeight(1n << 64n, 1n, false), { height: o.maxHeight, compressed: true });
	});

	test('the full 2^64 space as one hole lays out as one capped block', () => {
		const layout = layoutMap([{ size: 1n << 64n, isHole: true }]);
		assert.equal(layout.unitLog2, 64);
		assert.equal(layout.heights[0], o.minHeight);
		assert.equal(layout.totalHeight, o.minHeight);
	});

	test('the unit ignores holes unless everything is a hole', () => {
		assert.equal(layoutUnit([{ size: 16n, isHole: true }, { size: 4096n, isHole: false }]), 4096n);
		assert.equal(layoutUnit([{ size: 16n, isHole: true }]), 16n);
		assert.equal(layoutUnit([]), 1n);
	});

	test('ruler ticks keep their spacing', () => {
		const layout = layoutMap(Array.from({ length: 50 }, () => ({ size: 1n, isHole: false })));
		let last = -Infinity;
		for (let i = 0; i < 50; i++) {
			if (layout.ticks[i] === 1) {
				assert.ok((layout.tops[i] ?? 0) - last >= o.tickSpacing);
				last = layout.tops[i] ?? 0;
			}
		}
		assert.equal(layout.ticks[0], 1);
	});

	test('finds blocks by pixel and the visible window', () => {
		const { layout } = pcLayout();
		assert.equal(blockAt(layout, 0), 0);
		assert.equal(blockAt(layout, (layout.tops[2] ?? 0) + 1), 2);
		assert.equal(blockAt(layout, 1e9), 5);
		assert.deepEqual(visibleBlocks(layout, 0, 10, 0), { first: 0, last: 1 });
		assert.deepEqual(visibleBlocks(layoutMap([]), 0, 100), { first: 0, last: 0 });
	});

	test('label lines follow block height', () => {
		assert.equal(labelLines(10), 0);
		assert.equal(labelLines(24), 1);
		assert.equal(labelLines(48), 2);
	});
});
