/**
 * Layout checks: sibling overlaps (W1, W2), clipping (W4, W5), zero sizes (W8) and
 * alias windows (W3, W6, W7). Each works on one region or one container's children;
 * overlaps are found by a sort and sweep, O(n log n) per container.
 */
import type { Diagnostic } from '../../diagnostics';
import { toHex } from '../address';
import { sortInPlace } from '../sortInPlace';
import type { Region, RegionTree } from '../types';
import { addressSpaceSize } from '../types';
import { hasSize, partOrName, placedAt, report, span } from './report';

/** Every layout diagnostic of the tree. */
export function checkLayout(tree: RegionTree): Diagnostic[] {
	const out: Diagnostic[] = [];
	for (const region of tree.regions) {
		checkOverlaps(tree, region, out);
		checkZeroSize(region, out);
		checkAlias(tree, region, out);
		const parent = region.parent === undefined ? undefined : tree.regions[region.parent];
		if (parent !== undefined) {
			checkInsideParent(parent, region, out);
		}
	}
	return out;
}

const end = (region: Region): bigint => region.addr + region.size;

/**
 * W1/W2: enabled, non-empty siblings whose extents intersect. Sweeping in address order,
 * each region is compared with the earlier one that reaches furthest (among plain
 * siblings for `region.overlap`, among its priority group for `region.overlap-tie`), so
 * every overlapping region is reported once.
 */
export function checkOverlaps(tree: RegionTree, parent: Region, out: Diagnostic[]): void {
	if (parent.kind === 'alias' || parent.children.length < 2) {
		return;
	}
	const siblings = byAddress(tree, parent.children);
	let plainReach: Region | undefined;
	let plainEnd = 0n;
	const groups = new Map<number, { reach: Region; end: bigint }>();
	// Each sibling's position in the children list, built at the first overlap.
	let positions: Map<number, number> | undefined;
	for (const region of siblings) {
		const group = groups.get(region.priority);
		if (!region.mayOverlap && plainReach !== undefined && region.addr < plainEnd) {
			out.push(overlap('region.overlap', parent, region, plainReach, (positions ??= listPositions(parent))));
		} else if (group !== undefined && region.addr < group.end && (region.mayOverlap || group.reach.mayOverlap)) {
			out.push(overlap('region.overlap-tie', parent, region, group.reach, (positions ??= listPositions(parent))));
		}
		const regionEnd = end(region);
		if (!region.mayOverlap && (plainReach === undefined || regionEnd > plainEnd)) {
			plainReach = region;
			plainEnd = regionEnd;
		}
		if (group === undefined) {
			groups.set(region.priority, { reach: region, end: regionEnd });
		} else if (regionEnd > group.end) {
			group.reach = region;
			group.end = regionEnd;
		}
	}
}

/** Each child's position in `parent`'s children list (QEMU list order). */
function listPositions(parent: Region): Map<number, number> {
	return new Map(parent.children.map((id, index) => [id, index]));
}

/** The enabled, non-empty regions of `ids` sorted by `addr` (stable: list order on ties). */
function byAddress(tree: RegionTree, ids: readonly number[]): Region[] {
	const regions: Region[] = [];
	let sorted = true;
	for (const id of ids) {
		const region = tree.regions[id];
		if (region !== undefined && region.enabled && region.size > 0n) {
			const previous = regions[regions.length - 1];
			sorted &&= previous === undefined || previous.addr <= region.addr;
			regions.push(region);
		}
	}
	return sorted ? regions : sortInPlace(regions, (a, b) => (a.addr < b.addr ? -1 : a.addr > b.addr ? 1 : 0));
}

function overlap(
	code: 'region.overlap' | 'region.overlap-tie',
	parent: Region,
	region: Region,
	other: Region,
	positions: ReadonlyMap<number, number>,
): Diagnostic {
	const both = span(region.addr, end(region) < end(other) ? end(region) : end(other));
	// R3.2: equal priorities keep the later-declared sibling first in list order; it wins.
	const regionFirst = (positions.get(region.id) ?? 0) < (positions.get(other.id) ?? 0);
	const [winner, loser] = regionFirst ? [region, other] : [other, region];
	const head =
		`'${region.name}' ${span(region.addr, end(region))} overlaps its sibling '${other.name}' ` +
		`${span(other.addr, end(other))} in '${parent.name}' at ${both}`;
	const message =
		code === 'region.overlap'
			? `${head}; neither is placed with 'overlap' or 'priority', so '${winner.name}' wins because it is declared later (W1). Give one of them a priority to say which should win.`
			: `${head} with equal priority ${region.priority}; '${winner.name}' wins because it is declared later, '${loser.name}' is hidden there (W2).`;
	return report(code, 'warning', message, placedAt(region), [
		{ at: placedAt(other), message: `'${other.name}' ${span(other.addr, end(other))} is placed here` },
	]);
}

/** W4/W5: a subregion that runs past its container's end, or lies entirely outside. */
function checkInsideParent(parent: Region, region: Region, out: Diagnostic[]): void {
	if (parent.kind === 'alias' || region.size === 0n || end(region) > addressSpaceSize) {
		return;
	}
	// Locations are derived on read: test the addresses first, for every region.
	if ((region.addr < parent.size && end(region) <= parent.size) || !hasSize(parent)) {
		return;
	}
	const related = [{ at: parent.nameLocation, message: `container '${parent.name}' has size ${toHex(parent.size)}` }];
	if (region.addr >= parent.size) {
		const message = `'${region.name}' at ${toHex(region.addr)} lies entirely outside its container '${parent.name}' (size ${toHex(parent.size)}): it is never visible (W5).`;
		out.push(report('region.outside-parent', 'warning', message, partOrName(region, 'at'), related));
	} else {
		const clipped = end(region) - parent.size;
		const message =
			`'${region.name}' ${span(region.addr, end(region))} extends past the end of its container '${parent.name}' ` +
			`(size ${toHex(parent.size)}): its last ${toHex(clipped)} bytes ${span(parent.size, end(region))} are clipped (W4).`;
		out.push(report('region.clipped', 'warning', message, partOrName(region, 'size', 'at'), related));
	}
}

/** W8: a region written with size 0 renders nothing. */
function checkZeroSize(region: Region, out: Diagnostic[]): void {
	if (region.size === 0n && hasSize(region)) {
		const message = `'${region.name}' has size 0: it renders nothing and hides nothing (W8).`;
		out.push(report('region.zero-size', 'warning', message, partOrName(region, 'size')));
	}
}

/** W3, W6, W7: subregions of an alias, and windows past the target's end. */
function checkAlias(tree: RegionTree, region: Region, out: Diagnostic[]): void {
	if (region.kind !== 'alias') {
		return;
	}
	for (const childId of region.children) {
		const child = tree.regions[childId];
		if (child !== undefined) {
			const message = `'${child.name}' is a subregion of alias '${region.name}': QEMU ignores subregions of an alias when rendering (W3).`;
			out.push(report('alias.subregions', 'warning', message, placedAt(child), [{ at: region.nameLocation, message: `alias '${region.name}'` }]));
		}
	}
	const target = region.alias?.target === undefined ? undefined : tree.regions[region.alias.target];
	if (target === undefined || region.size === 0n) {
		return;
	}
	const offset = region.alias?.offset ?? 0n;
	if (offset + region.size <= target.size || !hasSize(target)) {
		return;
	}
	const related = [{ at: target.nameLocation, message: `target '${target.name}' has size ${toHex(target.size)}` }];
	const window = span(offset, offset + region.size);
	if (offset >= target.size) {
		const message = `alias '${region.name}' window ${window} starts at or past the end of its target '${target.name}' (size ${toHex(target.size)}): the alias shows nothing (W7).`;
		out.push(report('alias.offset-past-target', 'error', message, partOrName(region, 'offset', 'of'), related));
	} else {
		const hole = offset + region.size - target.size;
		const message = `alias '${region.name}' window ${window} runs past the end of its target '${target.name}' (size ${toHex(target.size)}): its last ${toHex(hole)} bytes are a hole (W6).`;
		out.push(report('alias.window-overrun', 'warning', message, partOrName(region, 'size', 'offset'), related));
	}
}
