/**
 * Which `info mtree -f` block shows an analysed address space. QEMU lets address-space
 * names repeat (QEMU's `mps2-an505` has six `tz-ppc-port[1]` and four
 * `tz-mpc-blocked-io`, each rooted at another region), so a name alone may point at the
 * wrong block: the root's name and size narrow it, and among blocks that still tie, the
 * one closest to what the space renders is taken.
 */
import type { SpaceView } from '../model/analyze';
import type { RegionTree } from '../model/types';
import type { FlatBlock } from './mtreeModel';

/**
 * The block for `space`: one listing an AS of its name and root name (else of its name)
 * whose ranges all lie inside the root, with the highest `score` (the first on ties).
 * Undefined when no block names it.
 */
export function blockOfSpace(tree: RegionTree, blocks: readonly FlatBlock[], space: SpaceView, score: (block: FlatBlock) => number): FlatBlock | undefined {
	const name = space.space.name;
	const root = tree.regions[space.space.root];
	const named = blocks.filter((block) => block.spaces.some((line) => line.name === name));
	const rooted = named.filter((block) => block.spaces.some((line) => line.name === name && line.root === root?.name));
	// A space renders nothing past its root's end (R4.2: the root's extent is the first clip).
	const fitting = rooted.filter((block) => root === undefined || block.ranges.every((range) => range.end < root.size));
	const candidates = fitting.length > 0 ? fitting : rooted.length > 0 ? rooted : named;
	let best = candidates[0];
	if (candidates.length > 1) {
		let bestScore = Number.NEGATIVE_INFINITY;
		for (const block of candidates) {
			const value = score(block);
			if (value > bestScore) {
				best = block;
				bestScore = value;
			}
		}
	}
	return best;
}

/** A score: minus the number of range keys that only one of the two sides has. */
export function sharedRanges(expected: readonly string[], rendered: ReadonlySet<string>): number {
	let shared = 0;
	for (const key of expected) {
		if (rendered.has(key)) {
			shared++;
		}
	}
	return 2 * shared - expected.length - rendered.size;
}
