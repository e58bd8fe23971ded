/**
 * The bridge to the deliberately simple reference renderer of the core's property tests
 * (`core/src/model/reference.ts`), which the benchmark races `flatten` against.
 */
import type { FlatView, RegionId, RegionTree } from '../core/src/index';

/** A renderer with `flatten`'s signature. */
export type Renderer = (tree: RegionTree, root: RegionId) => FlatView | readonly unknown[];

/** The reference renderer, or undefined while the core does not provide one. */
export function referenceRenderer(): Renderer | undefined {
	return undefined;
}
