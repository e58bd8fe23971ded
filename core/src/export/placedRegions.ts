/**
 * The regions of one address space that have an address of their own: the space's root
 * and everything placed in it through containers (nested or `map`ped), with the absolute
 * address of each, and a unique identifier for each. Alias targets that nothing places
 * (`pc.ram`) have no address of their own, only through their aliases, which are listed.
 */
import type { Region, RegionId, RegionTree } from '../model/types';
import { addressSpaceSize } from '../model/types';
import { identifierOf, UniqueNames } from './identifiers';

export interface PlacedRegion {
	readonly region: Region;
	/** Absolute address of the region's offset 0 in the space; may reach 2^64 and beyond. */
	readonly base: bigint;
	/** Depth below the space's root (the root is 0). */
	readonly depth: number;
	/** A C identifier, unique among the space's placed regions (`PC_ROM`, `B1_RAM`). */
	readonly identifier: string;
}

/**
 * The placed regions of the space rooted at `root`, depth first, children as
 * `info mtree` lists them (address ascending, then priority descending). Containment
 * cycles (already reported as errors) are cut where they repeat.
 */
export function placedRegions(tree: RegionTree, root: RegionId): PlacedRegion[] {
	const found: { region: Region; base: bigint; depth: number }[] = [];
	const onPath = new Set<RegionId>();
	// An explicit stack: nesting depth is the user's, not ours to bound.
	const stack: { id: RegionId; base: bigint; depth: number; leave: boolean }[] = [
		{ id: root, base: 0n, depth: 0, leave: false },
	];
	while (stack.length > 0) {
		const step = stack.pop() as (typeof stack)[number];
		if (step.leave) {
			onPath.delete(step.id);
			continue;
		}
		const region = tree.regions[step.id];
		if (region === undefined || onPath.has(step.id)) {
			continue;
		}
		onPath.add(step.id);
		found.push({ region, base: step.base, depth: step.depth });
		stack.push({ ...step, leave: true });
		const children = printOrder(tree, region);
		for (let i = children.length - 1; i >= 0; i--) {
			const child = children[i];
			if (child !== undefined) {
				stack.push({ id: child.id, base: step.base + child.addr, depth: step.depth + 1, leave: false });
			}
		}
	}
	const identifiers = identify(tree, found.map((f) => f.region));
	return found.map((f, i) => ({ ...f, identifier: identifiers[i] as string }));
}

/** True when the region starts inside the 64-bit space (else it has no address to export). */
export function isAddressable(placed: PlacedRegion): boolean {
	return placed.base < addressSpaceSize;
}

function printOrder(tree: RegionTree, region: Region): Region[] {
	const children = region.children.map((id) => tree.regions[id]).filter((r): r is Region => r !== undefined);
	return children.sort((a, b) => (a.addr !== b.addr ? (a.addr < b.addr ? -1 : 1) : b.priority - a.priority));
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
