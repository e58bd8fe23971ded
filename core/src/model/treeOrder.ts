/**
 * The region tree in the order `info mtree` prints it (R8.6), with absolute addresses:
 * what `memmap tree`, the QEMU printer and `memmap export` list.
 */
import type { Region, RegionId, RegionTree } from './types';

/**
 * R8.6: subregions stable-sorted by address ascending, then priority descending; ties
 * keep list order (newest first among equal priorities).
 */
export function printOrder(tree: RegionTree, region: Region): RegionId[] {
	const entries = region.children.map((id, index) => ({ id, index, child: tree.regions[id] }));
	entries.sort((a, b) => {
		const addrA = a.child?.addr ?? 0n;
		const addrB = b.child?.addr ?? 0n;
		if (addrA !== addrB) {
			return addrA < addrB ? -1 : 1;
		}
		const prioDiff = (b.child?.priority ?? 0) - (a.child?.priority ?? 0);
		return prioDiff !== 0 ? prioDiff : a.index - b.index;
	});
	return entries.map((entry) => entry.id);
}

/** One region of a listing: its depth below the listed root and where its offset 0 lands. */
export interface ListedRegion {
	readonly region: Region;
	/** `start` of the root plus every `addr` on the way down; may reach 2^64 and beyond. */
	readonly base: bigint;
	readonly depth: number;
}

/**
 * `root` and everything placed under it through containers (nested or `map`ped), depth
 * first in print order; alias targets are not followed. Containment cycles (reported as
 * errors by the build) are cut where they repeat. An explicit stack: nesting depth is
 * the user's, not ours to bound.
 */
export function listRegions(tree: RegionTree, root: RegionId, start = 0n): ListedRegion[] {
	const listed: ListedRegion[] = [];
	const onPath = new Set<RegionId>();
	const stack: { id: RegionId; base: bigint; depth: number; leave: boolean }[] = [
		{ id: root, base: start, depth: 0, leave: false },
	];
	for (let step = stack.pop(); step !== undefined; step = stack.pop()) {
		const region = tree.regions[step.id];
		if (step.leave) {
			onPath.delete(step.id);
		} else if (region !== undefined && !onPath.has(step.id)) {
			onPath.add(step.id);
			listed.push({ region, base: step.base, depth: step.depth });
			stack.push({ ...step, leave: true });
			const children = printOrder(tree, region);
			for (let i = children.length - 1; i >= 0; i--) {
				const child = tree.regions[children[i] as RegionId];
				if (child !== undefined) {
					stack.push({ id: child.id, base: step.base + child.addr, depth: step.depth + 1, leave: false });
				}
			}
		}
	}
	return listed;
}
