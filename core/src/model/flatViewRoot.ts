/**
 * R4.8: the region an address space actually renders. QEMU walks down from the space's
 * root through wrappers that cannot change the picture (a full-size alias at offset 0,
 * a pure container whose only enabled child sits at 0 and fits), so that spaces built
 * from such wrappers share one flat view. The skipped wrappers' `addr`, `readonly` and
 * `nonvolatile` are dropped (W25); we reproduce that quirk on purpose.
 */
import type { Region, RegionId, RegionTree } from './types';

/** True for the kinds whose own bytes appear in a flat view (QEMU `terminates`). */
export function isTerminal(region: Region): boolean {
	return region.kind !== 'container' && region.kind !== 'alias';
}

/**
 * The flat-view root of the space rooted at `root`, or undefined when the view is empty
 * ("No rendered FlatView": a disabled root, or a pure container with no enabled child).
 * Never loops: a wrapper cycle stops at the first repeated region.
 */
export function flatViewRoot(tree: RegionTree, root: RegionId): RegionId | undefined {
	const seen = new Set<RegionId>();
	let id = root;
	for (;;) {
		const region = tree.regions[id];
		if (region === undefined || !region.enabled) {
			return undefined;
		}
		if (seen.has(id)) {
			return id;
		}
		seen.add(id);
		const next = region.kind === 'alias' ? wholeAliasTarget(tree, region) : soleChild(tree, region);
		if (next === null) {
			return undefined;
		}
		if (next === undefined) {
			return id;
		}
		id = next;
	}
}

/** The target of an alias that shows all of it from offset 0; undefined otherwise. */
function wholeAliasTarget(tree: RegionTree, alias: Region): RegionId | undefined {
	const target = alias.alias?.target;
	const targetRegion = target === undefined ? undefined : tree.regions[target];
	if (targetRegion === undefined || alias.alias?.offset !== 0n) {
		return undefined;
	}
	return alias.size >= targetRegion.size ? target : undefined;
}

/**
 * For a pure container: null when it has no enabled child (empty view), the only enabled
 * child when that child sits at 0 and fits, else undefined (render the container).
 */
function soleChild(tree: RegionTree, container: Region): RegionId | null | undefined {
	if (isTerminal(container)) {
		return undefined;
	}
	let found = 0;
	let next: RegionId | undefined;
	for (const childId of container.children) {
		const child = tree.regions[childId];
		if (child === undefined || !child.enabled) {
			continue;
		}
		if (++found > 1) {
			return undefined;
		}
		if (child.addr === 0n && container.size >= child.size) {
			next = childId;
		}
	}
	return found === 0 ? null : next;
}

/** QEMU's `readonly` field: set explicitly, or implied by ROM (`init_rom`, R2.3). */
export function isOwnReadonly(region: Region): boolean {
	return region.readonly || region.kind === 'rom';
}
