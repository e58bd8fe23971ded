// CONTRACT STUB: replaced by the core-flatten helper.
import type { FlatRange, FlatView, RegionId, RegionTree } from './types';

/** The range of `view` that contains `address`, by binary search; undefined in a hole. */
export function findRange(view: FlatView, address: bigint): FlatRange | undefined {
	void view;
	void address;
	throw new Error('not implemented');
}

/** A region that claims an address but does not own it, and why. */
export interface HiddenClaim {
	readonly region: RegionId;
	/** A sentence: `hidden by 'apic-msi' (priority 4096 > 0)`, `its child 'rtc-index' renders first`. */
	readonly reason: string;
}

/** Why an address belongs to whom: the answer behind hover and `memmap owner`. */
export interface OwnerExplanation {
	readonly address: bigint;
	/** The owning range, or undefined for a hole. */
	readonly range: FlatRange | undefined;
	/** Regions from the flat-view root down to the owner: containers, aliases, owner. */
	readonly chain: readonly RegionId[];
	/** Other regions whose extent covers the address but lose to the owner. */
	readonly hidden: readonly HiddenClaim[];
	/** Human-readable lines of the whole explanation (used by CLI and hover). */
	readonly lines: readonly string[];
}

export function explainOwner(tree: RegionTree, view: FlatView, address: bigint): OwnerExplanation {
	void tree;
	void view;
	void address;
	throw new Error('not implemented');
}

/** Every flat range of `view` owned by `region` (its visible pieces, via any alias). */
export function rangesOf(view: FlatView, region: RegionId): readonly FlatRange[] {
	void view;
	void region;
	throw new Error('not implemented');
}
