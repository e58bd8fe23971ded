/** Region lookups and address arithmetic behind the quick fixes. */
import { twoTo64 } from '../../../core/src/index';
import type { Analysis, Diagnostic, Region } from '../../../core/src/index';

/** The region a diagnostic is about: the innermost one whose statement holds its start. */
export function regionAtDiagnostic(analysis: Analysis, d: Diagnostic): Region | undefined {
	let best: Region | undefined;
	let bestLength = Infinity;
	for (const region of analysis.tree.regions) {
		for (const loc of [region.nameLocation, region.placement, region.definition]) {
			if (loc && loc.uri === d.uri && loc.offset <= d.offset && d.offset < loc.offset + Math.max(1, loc.length)) {
				if (loc.length < bestLength) {
					best = region;
					bestLength = loc.length;
				}
			}
		}
	}
	return best;
}

/** The natural alignment of a size: the smallest power of two at or above it (max 2^63). */
export function alignmentOf(size: bigint): bigint {
	let align = 1n;
	while (align < size && align < 1n << 63n) {
		align <<= 1n;
	}
	return align;
}

function alignUp(value: bigint, align: bigint): bigint {
	return ((value + align - 1n) / align) * align;
}

/**
 * The lowest address at or after the region's current one, aligned to its size, where it
 * overlaps no sibling and still fits in its container; undefined when there is none.
 */
export function nextFreeAddress(analysis: Analysis, region: Region): bigint | undefined {
	const parent = region.parent === undefined ? undefined : analysis.tree.regions[region.parent];
	if (!parent || region.size === 0n) {
		return undefined;
	}
	const siblings = parent.children
		.map((id) => analysis.tree.regions[id])
		.filter((r): r is Region => r !== undefined && r.id !== region.id && r.size > 0n)
		.sort((a, b) => (a.addr < b.addr ? -1 : a.addr > b.addr ? 1 : 0));
	const align = alignmentOf(region.size);
	const limit = parent.size < twoTo64 ? parent.size : twoTo64;
	let candidate = alignUp(region.addr, align);
	for (const sibling of siblings) {
		const end = sibling.addr + sibling.size;
		if (end <= candidate) {
			continue;
		}
		if (sibling.addr >= candidate + region.size) {
			break;
		}
		candidate = alignUp(end, align);
	}
	return candidate + region.size <= limit ? candidate : undefined;
}
