/**
 * The bridge to the deliberately simple reference renderer of the core's property tests
 * (`core/src/model/reference.ts`), which the benchmark races `flatten` against.
 */
import type { FlatView, RegionId, RegionTree } from '../core/src/index';
import { referenceFlatten } from '../core/src/model/reference';

/** A renderer with `flatten`'s signature. */
export type Renderer = (tree: RegionTree, root: RegionId) => FlatView;

/** The reference renderer (quadratic; written straight from the spec). */
export function referenceRenderer(): Renderer | undefined {
	return referenceFlatten;
}
