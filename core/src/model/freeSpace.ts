/**
 * Free address space inside a container: the gaps between its subregions, and the
 * aligned starts where a region of a given size fits. Behind address completion after
 * `at` and the "move to the next free address" quick fix.
 */
import { twoTo64 } from './address';
import type { Region, RegionId, RegionTree } from './types';
import type { AddressSpan } from './visibility';

/** The natural alignment of a size: the smallest power of two at or above it (max 2^63). */
export function alignmentOf(size: bigint): bigint {
	let align = 1n;
	while (align < size && align < 1n << 63n) {
		align <<= 1n;
	}
	return align;
}

/** `value` rounded up to a multiple of `align`. */
function alignUp(value: bigint, align: bigint): bigint {
	return ((value + align - 1n) / align) * align;
}

/** The subregions of `container` with a size, but `except`, by address. */
function placedChildren(tree: RegionTree, container: Region, except?: RegionId): Region[] {
	return container.children
		.map((id) => tree.regions[id])
		.filter((r): r is Region => r !== undefined && r.id !== except && r.size > 0n)
		.sort((a, b) => (a.addr < b.addr ? -1 : a.addr > b.addr ? 1 : 0));
}

/**
 * The stretches of `[0, container.size)` that no subregion (but `except`) covers, in
 * address order. Every subregion counts, enabled or not, overlapping or not: a new region
 * is meant for space nothing is declared in.
 */
export function freeGaps(tree: RegionTree, container: Region, except?: RegionId): AddressSpan[] {
	const limit = container.size < twoTo64 ? container.size : twoTo64;
	const gaps: AddressSpan[] = [];
	let cursor = 0n;
	for (const child of placedChildren(tree, container, except)) {
		if (child.addr > cursor) {
			gaps.push({ start: cursor, end: child.addr < limit ? child.addr : limit });
		}
		const end = child.addr + child.size;
		cursor = end > cursor ? end : cursor;
		if (cursor >= limit) {
			return gaps;
		}
	}
	if (cursor < limit) {
		gaps.push({ start: cursor, end: limit });
	}
	return gaps;
}

/**
 * In each gap where `size` bytes fit at a `size`-aligned start at or after `from`, the
 * lowest such start, with its gap; at most `max` of them, in address order.
 */
export function fittingStarts(gaps: readonly AddressSpan[], size: bigint, max: number, from = 0n): { start: bigint; gap: AddressSpan }[] {
	const align = alignmentOf(size);
	const found: { start: bigint; gap: AddressSpan }[] = [];
	for (const gap of gaps) {
		const start = alignUp(gap.start > from ? gap.start : from, align);
		if (start + size <= gap.end) {
			found.push({ start, gap });
			if (found.length >= max) {
				break;
			}
		}
	}
	return found;
}
