/**
 * A render walk for one address: visits the render tree of a flat-view root in the same
 * depth-first list order as the flattener (R4.2), but without clipping, so it also sees
 * the regions that would cover the address and are cut off (disabled, outside their
 * container, outside an alias window). It is the evidence behind `explainOwner`.
 */
import { isTerminal } from './flatViewRoot';
import type { RegionId, RegionTree } from './types';

/** Why a region covering the address cannot render there. */
export interface Block {
	readonly kind: 'disabled' | 'clipped' | 'window';
	/** The region that blocks: the disabled one, the container, or the alias. */
	readonly by: RegionId;
	/** The blocking region's absolute extent `[start, end)` (for clipped and window). */
	readonly start: bigint;
	readonly end: bigint;
}

/** A region whose own extent covers the address, as met by the walk. */
export interface PointVisit {
	readonly id: RegionId;
	/** Render path from the flat-view root to this region (inclusive). */
	readonly path: readonly RegionId[];
	/** Absolute address of the region's offset 0. */
	readonly base: bigint;
	readonly blocked: Block | undefined;
	/** Position in claim order for terminal regions that render the address; else -1. */
	claim: number;
}

/** Regions visited at most per walk: an explanation stays cheap on huge trees. */
const visitBudget = 200_000;
/** Deeper paths are cut off (recursion): only a cycle the analyzer missed gets here. */
const maxDepth = 2_000;
/** How many levels below a region that misses the address are still searched. */
const maxOutside = 2;

/** Every region whose own extent covers `address`, in render order. */
export function walkPoint(tree: RegionTree, root: RegionId, address: bigint): PointVisit[] {
	const visits: PointVisit[] = [];
	const path: RegionId[] = [];
	const onPath = new Set<RegionId>();
	let budget = visitBudget;
	let claims = 0;
	const visit = (id: RegionId, parentBase: bigint, blocked: Block | undefined, outside: number): void => {
		const region = tree.regions[id];
		if (region === undefined || onPath.has(id) || path.length >= maxDepth || budget-- <= 0) {
			return;
		}
		const base = parentBase + region.addr;
		const end = base + region.size;
		const contains = base <= address && address < end;
		// Below a region that misses the address, only overrunning descendants a level or
		// two down can still cover it; deeper searches would visit the whole tree.
		const depthOutside = contains ? 0 : outside + 1;
		if (depthOutside > maxOutside) {
			return;
		}
		const own = blocked ?? (region.enabled ? undefined : { kind: 'disabled', by: id, start: base, end });
		path.push(id);
		onPath.add(id);
		const record: PointVisit | undefined = contains ? { id, path: [...path], base, blocked: own, claim: -1 } : undefined;
		if (record) {
			visits.push(record);
		}
		const below: Block | undefined =
			own ?? (contains ? undefined : { kind: region.kind === 'alias' ? 'window' : 'clipped', by: id, start: base, end });
		if (region.kind === 'alias') {
			const target = region.alias?.target;
			const targetRegion = target === undefined ? undefined : tree.regions[target];
			if (target !== undefined && targetRegion !== undefined) {
				visit(target, base - targetRegion.addr - (region.alias?.offset ?? 0n), below, depthOutside);
			}
		} else {
			for (const child of region.children) {
				visit(child, base, below, depthOutside);
			}
			if (record && own === undefined && isTerminal(region)) {
				record.claim = claims++;
			}
		}
		path.pop();
		onPath.delete(id);
	};
	visit(root, 0n, undefined, 0);
	return visits;
}
