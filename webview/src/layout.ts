/**
 * Pure geometry of the flat map: one block per flat range, stacked top to bottom in
 * address order. Heights grow linearly with size up to `linearCap`, then only
 * logarithmically: such blocks are "compressed" and get a break marker, so a 4 KiB MMIO
 * window and a 2 GiB RAM bank are both visible and clickable. No DOM here; addresses stay
 * bigint (only pixel ratios are floats).
 */
import type { FlatRangeDto } from '../../core/src/protocol';
import { log2Big, log2Hex } from './address';

export interface LayoutOptions {
	/** Height of the smallest non-hole range; every block is at least this tall. */
	readonly minHeight: number;
	/** Largest height drawn to scale; taller blocks are compressed. */
	readonly linearCap: number;
	/** Pixels per doubling of size beyond `linearCap`. */
	readonly logStep: number;
	readonly maxHeight: number;
	/** Holes are less interesting: they are capped lower. */
	readonly holeMaxHeight: number;
	/** Minimum distance between two address labels on the ruler. */
	readonly tickSpacing: number;
}

export const defaultLayoutOptions: LayoutOptions = {
	minHeight: 24,
	linearCap: 64,
	logStep: 8,
	maxHeight: 200,
	holeMaxHeight: 48,
	tickSpacing: 16,
};

/** What the layout needs of a range. */
export interface LayoutInput {
	readonly size: bigint;
	readonly isHole: boolean;
}

/** Block geometry in typed arrays (100k ranges stay cheap). Index = range index. */
export interface MapLayout {
	readonly tops: Float64Array;
	readonly heights: Float64Array;
	/** 1 when the block is not to scale (drawn with a break). */
	readonly compressed: Uint8Array;
	/** 1 when the block's start address is labelled on the ruler. */
	readonly ticks: Uint8Array;
	readonly totalHeight: number;
	/** log2 of the size drawn `minHeight` tall (the smallest non-hole range). */
	readonly unitLog2: number;
}

export interface BlockHeight {
	readonly height: number;
	readonly compressed: boolean;
}

/** Height of a block `doublings` times larger than the unit (0 or more). */
export function heightFor(
	doublings: number,
	isHole: boolean,
	options: LayoutOptions = defaultLayoutOptions,
): BlockHeight {
	const cap = isHole ? Math.min(options.linearCap, options.holeMaxHeight) : options.linearCap;
	const max = isHole ? options.holeMaxHeight : options.maxHeight;
	const linear = options.minHeight * 2 ** Math.max(0, doublings);
	if (linear <= cap + 1e-9) {
		return { height: Math.max(options.minHeight, Math.round(linear)), compressed: false };
	}
	const extra = options.logStep * Math.log2(linear / cap);
	return { height: Math.min(max, Math.round(cap + extra)), compressed: true };
}

/** Height of one block of `size` bytes when `unit` bytes are `minHeight` pixels. */
export function blockHeight(
	size: bigint,
	unit: bigint,
	isHole: boolean,
	options: LayoutOptions = defaultLayoutOptions,
): BlockHeight {
	return heightFor(log2Big(size) - log2Big(unit), isHole, options);
}

/** The smallest size among non-hole ranges (or among all, when all are holes); at least 1. */
export function layoutUnit(ranges: readonly LayoutInput[]): bigint {
	let unit: bigint | undefined;
	let holeUnit: bigint | undefined;
	for (const range of ranges) {
		if (range.size <= 0n) {
			continue;
		}
		if (range.isHole) {
			holeUnit = holeUnit === undefined || range.size < holeUnit ? range.size : holeUnit;
		} else {
			unit = unit === undefined || range.size < unit ? range.size : unit;
		}
	}
	return unit ?? holeUnit ?? 1n;
}

/** Sizes as log2 floats plus hole flags: the layout's input in its fast form. */
export interface LayoutSizes {
	readonly log2: Float64Array;
	readonly isHole: Uint8Array;
}

/** The unit's log2: the smallest non-hole size, else the smallest hole, else 0 (1 byte). */
function unitOf(sizes: LayoutSizes): number {
	let unit = Infinity;
	let holeUnit = Infinity;
	for (let i = 0; i < sizes.log2.length; i++) {
		const value = sizes.log2[i] as number;
		if (sizes.isHole[i] === 1) {
			holeUnit = Math.min(holeUnit, value);
		} else {
			unit = Math.min(unit, value);
		}
	}
	return Number.isFinite(unit) ? unit : Number.isFinite(holeUnit) ? holeUnit : 0;
}

/** Lays out every range; blocks touch, never overlap, and heights are monotone in size. */
export function layoutSizes(sizes: LayoutSizes, options: LayoutOptions = defaultLayoutOptions): MapLayout {
	const count = sizes.log2.length;
	const tops = new Float64Array(count);
	const heights = new Float64Array(count);
	const compressed = new Uint8Array(count);
	const ticks = new Uint8Array(count);
	const unitLog2 = unitOf(sizes);
	let y = 0;
	let lastTick = -Infinity;
	for (let i = 0; i < count; i++) {
		const block = heightFor((sizes.log2[i] as number) - unitLog2, sizes.isHole[i] === 1, options);
		tops[i] = y;
		heights[i] = block.height;
		compressed[i] = block.compressed ? 1 : 0;
		if (y - lastTick >= options.tickSpacing) {
			ticks[i] = 1;
			lastTick = y;
		}
		y += block.height;
	}
	return { tops, heights, compressed, ticks, totalHeight: y, unitLog2 };
}

/** The layout input of DTO ranges, read straight from their hex sizes. */
export function sizesOf(ranges: readonly FlatRangeDto[]): LayoutSizes {
	const log2 = new Float64Array(ranges.length);
	const isHole = new Uint8Array(ranges.length);
	for (let i = 0; i < ranges.length; i++) {
		const range = ranges[i] as FlatRangeDto;
		log2[i] = log2Hex(range.size);
		isHole[i] = range.kind === 'hole' ? 1 : 0;
	}
	return { log2, isHole };
}

/** `layoutSizes` for bigint sizes (tests and small inputs). */
export function layoutMap(ranges: readonly LayoutInput[], options: LayoutOptions = defaultLayoutOptions): MapLayout {
	const log2 = new Float64Array(ranges.length);
	const isHole = new Uint8Array(ranges.length);
	ranges.forEach((range, i) => {
		log2[i] = log2Big(range.size);
		isHole[i] = range.isHole ? 1 : 0;
	});
	return layoutSizes({ log2, isHole }, options);
}

/** Index of the block covering pixel `y` (clamped to the first/last block); -1 when empty. */
export function blockAt(layout: MapLayout, y: number): number {
	const count = layout.tops.length;
	if (count === 0) {
		return -1;
	}
	let low = 0;
	let high = count - 1;
	while (low < high) {
		const mid = (low + high + 1) >> 1;
		if ((layout.tops[mid] ?? 0) <= y) {
			low = mid;
		} else {
			high = mid - 1;
		}
	}
	return low;
}

/** The half-open index window `[first, last)` of blocks visible in a viewport, plus overscan. */
export function visibleBlocks(
	layout: MapLayout,
	scrollTop: number,
	viewportHeight: number,
	overscan = 4,
): { readonly first: number; readonly last: number } {
	const count = layout.tops.length;
	if (count === 0) {
		return { first: 0, last: 0 };
	}
	const first = Math.max(0, blockAt(layout, scrollTop) - overscan);
	const last = Math.min(count, blockAt(layout, scrollTop + viewportHeight) + 1 + overscan);
	return { first, last };
}

/** How many text lines fit inside a block: 2 (name, then size/range), 1, or 0. */
export function labelLines(height: number): 0 | 1 | 2 {
	return height >= 38 ? 2 : height >= 16 ? 1 : 0;
}

/** The scroll offset that centres block `index` in a viewport (clamped at 0). */
export function scrollToCentre(layout: MapLayout, index: number, viewportHeight: number): number {
	const top = layout.tops[index] ?? 0;
	const height = layout.heights[index] ?? 0;
	return Math.max(0, Math.round(top + height / 2 - viewportHeight / 2));
}
