/** Region lookups and address arithmetic behind the quick fixes. */
import { fittingStarts, freeGaps } from '../../../core/src/index';
import type { Analysis, Diagnostic, Region } from '../../../core/src/index';
import { regionById } from '../model';

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

/**
 * The lowest address at or after the region's current one, aligned to its size, where it
 * overlaps no sibling and still fits in its container; undefined when there is none.
 */
export function nextFreeAddress(analysis: Analysis, region: Region): bigint | undefined {
	const parent = regionById(analysis, region.parent);
	if (!parent || region.size === 0n) {
		return undefined;
	}
	return fittingStarts(freeGaps(analysis.tree, parent, region.id), region.size, 1, region.addr)[0]?.start;
}
