/**
 * The regions of one address space that have an address of their own: the space's root
 * and everything placed in it through containers (nested or `map`ped), with the absolute
 * address of each, and a unique identifier for each. Alias targets that nothing places
 * (`pc.ram`) have no address of their own, only through their aliases, which are listed.
 */
import type { Region, RegionId, RegionTree } from '../model/types';
import { addressSpaceSize } from '../model/types';
import { listRegions, type ListedRegion } from '../model/treeOrder';
import { identifierOf, UniqueNames } from './identifiers';

export interface PlacedRegion extends ListedRegion {
	/** A C identifier, unique among the space's placed regions (`PC_ROM`, `B1_RAM`). */
	readonly identifier: string;
}

/**
 * The placed regions of the space rooted at `root`, as `info mtree` lists them (see
 * `listRegions`), each with its identifier.
 */
export function placedRegions(tree: RegionTree, root: RegionId): PlacedRegion[] {
	const listed = listRegions(tree, root);
	const identifiers = identify(tree, listed.map((entry) => entry.region));
	return listed.map((entry, i) => ({ ...entry, identifier: identifiers[i] as string }));
}

/** True when the region starts inside the 64-bit space (else it has no address to export). */
export function isAddressable(placed: PlacedRegion): boolean {
	return placed.base < addressSpaceSize;
}

/**
 * One identifier per region. A name whose identifier regions in other containers share
 * is qualified with its container's name (`APB_REGS`, `AHB_REGS`); what still collides,
 * such as same-named siblings (QEMU's PAM windows), is numbered in listing order
 * (`PAM_PCI`, `PAM_PCI_2`).
 */
function identify(tree: RegionTree, regions: readonly Region[]): string[] {
	const plain = regions.map((r) => identifierOf(r.name));
	const parents = new Map<string, Set<RegionId | undefined>>();
	plain.forEach((id, i) => {
		const set = parents.get(id) ?? new Set();
		set.add(regions[i]?.parent);
		parents.set(id, set);
	});
	const preferred = regions.map((region, i) => {
		const own = plain[i] as string;
		const parent = region.parent === undefined ? undefined : tree.regions[region.parent];
		const qualify = parent !== undefined && (parents.get(own)?.size ?? 0) > 1;
		return qualify ? `${identifierOf(parent.name)}_${own}` : own;
	});
	const names = new UniqueNames();
	// Unqualified names first, so that a region keeps its plain name when only a qualified
	// one happens to spell it (`b0` + `ram` against a region named `b0.ram`).
	const result: string[] = new Array<string>(regions.length);
	const order = regions.map((_, i) => i).sort((a, b) => Number(preferred[a] !== plain[a]) - Number(preferred[b] !== plain[b]));
	for (const i of order) {
		result[i] = names.take(preferred[i] as string);
	}
	return result;
}
