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
/** Deeper paths are cut off (recursion): the walk goes through self-aliases like the render. */
const maxDepth = 2_000;
/** How many levels below a region that misses the address are still searched. */
const maxOutside = 2;

/**
 * Every region whose own extent covers `address`, in render order.
 *
 * Speed: the walk only enters the children that can lead to a visit. Which ones can is
 * answered by a reach index of the tree (see `PointIndex`), built lazily per container
 * and cached per tree, so an explanation costs O(depth x log(children)) plus the visits
 * instead of a pass over every child of every container on the way.
 */
export function walkPoint(tree: RegionTree, root: RegionId, address: bigint): PointVisit[] {
	const index = pointIndex(tree);
	const visits: PointVisit[] = [];
	const path: RegionId[] = [];
	/** Where each region of `path` renders: one met again at the same base repeats forever. */
	const bases: bigint[] = [];
	let budget = visitBudget;
	let claims = 0;
	const visit = (id: RegionId, parentBase: bigint, blocked: Block | undefined, outside: number): void => {
		const region = tree.regions[id];
		if (region === undefined || path.length >= maxDepth || budget-- <= 0) {
			return;
		}
		const base = parentBase + region.addr;
		if (path.some((on, i) => on === id && bases[i] === base)) {
			return;
		}
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
		bases.push(base);
		const record: PointVisit | undefined = contains ? { id, path: [...path], base, blocked: own, claim: -1 } : undefined;
		if (record) {
			visits.push(record);
		}
		const below: Block | undefined =
			own ?? (contains ? undefined : { kind: region.kind === 'alias' ? 'window' : 'clipped', by: id, start: base, end });
		// A child visited with `depthOutside` levels already outside can reach this far down.
		const reach = maxOutside - depthOutside;
		if (region.kind === 'alias') {
			const target = region.alias?.target;
			const targetRegion = target === undefined ? undefined : tree.regions[target];
			const targetStart = base - (region.alias?.offset ?? 0n);
			if (target !== undefined && targetRegion !== undefined && index.reaches(target, reach, address - targetStart)) {
				visit(target, targetStart - targetRegion.addr, below, depthOutside);
			}
		} else {
			for (const child of index.candidates(id, reach, address - base)) {
				visit(child, base, below, depthOutside);
			}
			if (record && own === undefined && isTerminal(region)) {
				record.claim = claims++;
			}
		}
		path.pop();
		bases.pop();
	};
	visit(root, 0n, undefined, 0);
	return visits;
}

const indexes = new WeakMap<RegionTree, PointIndex>();

/** The reach index of `tree`, built on first use and kept as long as the tree lives. */
function pointIndex(tree: RegionTree): PointIndex {
	let index = indexes.get(tree);
	if (index === undefined) {
		index = new PointIndex(tree);
		indexes.set(tree, index);
	}
	return index;
}

/** A half-open span relative to a region's own start (may reach below 0 via aliases). */
interface Hull {
	readonly low: bigint;
	readonly high: bigint;
}

/**
 * Where a walk entering a region can still record a visit. `hull(id, k)` bounds the
 * extents of the region and of its render descendants up to `k` levels down (children,
 * or an alias's target), relative to the region's start: a walk that may go `k` levels
 * below the region without covering the address records nothing outside it. Per
 * container and level, the children's hulls (in the container's coordinates) sit in an
 * interval tree over their sorted starts, so the children around an address are found
 * in O(log n + found). Everything is built on demand and memoised.
 */
class PointIndex {
	readonly #regions: RegionTree['regions'];
	/** `#hulls[k][id]`: the memoised `hull(id, k)`. */
	readonly #hulls: (Hull | undefined)[][] = [[], [], []];
	readonly #stabs: Map<number, ChildStab>[] = [new Map(), new Map(), new Map()];

	constructor(tree: RegionTree) {
		this.#regions = tree.regions;
	}

	/** True when a walk entering `id` at `offset` (from its start) may record a visit. */
	reaches(id: RegionId, levels: number, offset: bigint): boolean {
		const hull = this.#hull(id, levels);
		return hull.low <= offset && offset < hull.high;
	}

	/** The children of `id` (list order) whose reach within `levels` covers `offset`. */
	candidates(id: RegionId, levels: number, offset: bigint): readonly RegionId[] {
		const children = this.#regions[id]?.children ?? [];
		if (children.length === 0) {
			return children;
		}
		const byLevel = this.#stabs[levels] as Map<number, ChildStab>;
		let stab = byLevel.get(id);
		if (stab === undefined) {
			stab = new ChildStab(children.map((child) => this.#placedHull(child, levels)));
			byLevel.set(id, stab);
		}
		return stab.stab(offset).map((position) => children[position] as RegionId);
	}

	/** `hull(child, levels)` moved into its parent's coordinates (by its `addr`). */
	#placedHull(child: RegionId, levels: number): Hull {
		const region = this.#regions[child];
		if (region === undefined) {
			return { low: 0n, high: 0n };
		}
		const hull = this.#hull(child, levels);
		return { low: region.addr + hull.low, high: region.addr + hull.high };
	}

	#hull(id: RegionId, levels: number): Hull {
		const region = this.#regions[id];
		if (region === undefined) {
			return { low: 0n, high: 0n };
		}
		// A leaf reaches nothing beyond itself, whatever the level: share its one hull.
		const leaf = region.kind === 'alias' ? region.alias?.target === undefined : region.children.length === 0;
		const level = leaf ? 0 : levels;
		const memo = this.#hulls[level] as (Hull | undefined)[];
		const known = memo[id];
		if (known !== undefined) {
			return known;
		}
		if (level <= 0) {
			return (memo[id] = { low: 0n, high: region.size });
		}
		let low = 0n;
		let high = region.size;
		const widen = (part: Hull): void => {
			low = part.low < low ? part.low : low;
			high = part.high > high ? part.high : high;
		};
		if (region.kind === 'alias') {
			const target = region.alias?.target;
			if (target !== undefined && this.#regions[target] !== undefined) {
				const inner = this.#hull(target, levels - 1);
				const offset = region.alias?.offset ?? 0n;
				widen({ low: inner.low - offset, high: inner.high - offset });
			}
		} else {
			for (const child of region.children) {
				const childRegion = this.#regions[child];
				if (childRegion !== undefined) {
					// `#placedHull` inlined without its object: this loop is the index's whole cost.
					const inner = this.#hull(child, levels - 1);
					const childLow = inner.low === 0n ? childRegion.addr : childRegion.addr + inner.low;
					if (childLow < low) {
						low = childLow;
					}
					const childHigh = childRegion.addr + inner.high;
					if (childHigh > high) {
						high = childHigh;
					}
				}
			}
		}
		return (memo[id] = { low, high });
	}
}

/**
 * A static interval tree over the spans of one container's children: sorted by start,
 * with the largest end of each implicit subtree, so a stabbing query visits only the
 * subtrees that can hold a span covering the point.
 */
class ChildStab {
	readonly #starts: bigint[];
	readonly #ends: bigint[];
	/** The largest end in the implicit subtree rooted at each sorted position. */
	readonly #maxEnds: bigint[];
	/** The list position (in `children`) of each sorted span. */
	readonly #positions: number[];

	constructor(spans: readonly Hull[]) {
		const order = spans.map((_, position) => position);
		order.sort((a, b) => {
			const x = (spans[a] as Hull).low;
			const y = (spans[b] as Hull).low;
			return x < y ? -1 : x > y ? 1 : a - b;
		});
		this.#positions = order;
		this.#starts = order.map((position) => (spans[position] as Hull).low);
		this.#ends = order.map((position) => (spans[position] as Hull).high);
		this.#maxEnds = [...this.#ends];
		this.#fillMaxEnds(0, order.length);
	}

	/** List positions of the spans holding `point`, in increasing list order. */
	stab(point: bigint): number[] {
		const found: number[] = [];
		this.#collect(0, this.#starts.length, point, found);
		return found.sort((a, b) => a - b);
	}

	#fillMaxEnds(low: number, high: number): bigint {
		if (low >= high) {
			return -1n;
		}
		const mid = (low + high) >>> 1;
		const left = this.#fillMaxEnds(low, mid);
		const right = this.#fillMaxEnds(mid + 1, high);
		let max = this.#ends[mid] as bigint;
		max = left > max ? left : max;
		max = right > max ? right : max;
		this.#maxEnds[mid] = max;
		return max;
	}

	#collect(low: number, high: number, point: bigint, found: number[]): void {
		while (low < high) {
			const mid = (low + high) >>> 1;
			if ((this.#maxEnds[mid] as bigint) <= point) {
				return;
			}
			this.#collect(low, mid, point, found);
			if ((this.#starts[mid] as bigint) > point) {
				return;
			}
			if ((this.#ends[mid] as bigint) > point) {
				found.push(this.#positions[mid] as number);
			}
			low = mid + 1;
		}
	}
}
