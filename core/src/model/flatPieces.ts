/**
 * A space's flat view as a reader wants it: every flat range and the holes between them,
 * over the whole extent of the space's root, with addresses and sizes written for people.
 * Shared by `memmap flat`, `memmap tree` and the Markdown export.
 */
import { formatSize } from './address';
import type { SpaceView } from './analyze';
import type { FlatRange, RegionTree } from './types';

/** A piece of a space: a flat range, or a hole (`range` undefined). */
export interface FlatPiece {
	readonly start: bigint;
	readonly size: bigint;
	readonly range: FlatRange | undefined;
}

/** An address as 16 hex digits (more if needed) in groups of four: `0x0000_0000_fee0_0000`. */
export function paddedAddress(value: bigint): string {
	const hex = value.toString(16);
	const width = Math.max(16, Math.ceil(hex.length / 4) * 4);
	return '0x' + hex.padStart(width, '0').replace(/(.{4})(?=.)/g, '$1_');
}

const binaryUnits = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB', 'EiB'];

/**
 * A size in binary units: exact when that reads well (`128 MiB`, `3948 MiB`, `112 B`),
 * else rounded with a `~` (`~16 EiB` for a hole of 2^64 - 4 GiB).
 */
export function humanSize(size: bigint): string {
	const exact = formatSize(size);
	if ((exact.split(' ')[0] ?? '').length <= 5) {
		return exact;
	}
	let unit = 0;
	while (unit < binaryUnits.length - 1 && size >> BigInt(10 * (unit + 1)) > 0n) {
		unit++;
	}
	const scaled = Number(size >> BigInt(10 * unit - 10 > 0 ? 10 * unit - 10 : 0)) / (unit > 0 ? 1024 : 1);
	return `~${scaled.toFixed(1).replace(/\.0$/, '')} ${binaryUnits[unit]}`;
}

/** The size of a space's declared root: its addresses are `[0, extent)`. */
export function spaceExtent(tree: RegionTree, view: SpaceView): bigint {
	return tree.regions[view.space.root]?.size ?? 0n;
}

/**
 * The ranges of a view with the holes between them, covering the declared root's
 * extent `[0, size)` (nothing outside the root can ever be mapped).
 */
export function flatPieces(tree: RegionTree, view: SpaceView): FlatPiece[] {
	const extent = spaceExtent(tree, view);
	const pieces: FlatPiece[] = [];
	let cursor = 0n;
	for (const range of view.view.ranges) {
		if (range.start > cursor) {
			pieces.push({ start: cursor, size: range.start - cursor, range: undefined });
		}
		pieces.push({ start: range.start, size: range.size, range });
		const end = range.start + range.size;
		cursor = end > cursor ? end : cursor;
	}
	if (cursor < extent) {
		pieces.push({ start: cursor, size: extent - cursor, range: undefined });
	}
	return pieces;
}
