// CONTRACT STUB: replaced by the core-flatten helper.
import type { FlatView, RegionId, RegionTree } from './types';

/**
 * QEMU's `generate_memory_topology` for the address space rooted at `root`: finds the
 * flat-view root (R4.8), renders (R4.2) and merges (R4.7). Exact, 64-bit; O(n log n).
 */
export function flatten(tree: RegionTree, root: RegionId): FlatView {
	void tree;
	void root;
	throw new Error('not implemented');
}
