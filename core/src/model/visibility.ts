/**
 * Where a region is visible and what shadows the rest: for each address space, the
 * region's placements (its clipped extents on enabled render paths, via any alias), the
 * flat ranges it owns, and the regions that own the other bytes of its placements.
 */
import type { SpaceView } from './analyze';
import { flatViewRoot, isTerminal } from './flatViewRoot';
import { firstRangeEndingAfter, rangeAt, rangeStart } from './packedView';
import type { FlatRange, FlatView, RegionId, RegionTree } from './types';

/** A half-open absolute span `[start, end)`. */
export interface AddressSpan {
	readonly start: bigint;
	readonly end: bigint;
}

/** One region's visibility in one address space. */
export interface SpaceVisibility {
	readonly space: string;
	/** Where the region is placed: its clipped extents `[start, end)` on enabled paths. */
	readonly placements: readonly AddressSpan[];
	/**
	 * The flat ranges it owns (terminal regions); for containers and aliases, the ranges
	 * inside its placements whose recorded path (first byte) passes through it.
	 */
	readonly ranges: readonly FlatRange[];
	readonly visibleBytes: bigint;
	/** Who owns the placed bytes it does not show, with the byte count per owner. */
	readonly shadowedBy: readonly { readonly region: RegionId; readonly bytes: bigint }[];
}

/** A region's visibility in every space, for hover ("how much is shadowed, by whom"). */
export interface RegionVisibility {
	readonly region: RegionId;
	readonly size: bigint;
	readonly spaces: readonly SpaceVisibility[];
}

/** Per space: placements, visible ranges and shadowing owners of `region`. Never throws. */
export function visibility(tree: RegionTree, views: readonly SpaceView[], region: RegionId): RegionVisibility {
	const closure = renderAncestors(tree, [region]);
	const spaces = views.map(({ space, view }) => spaceVisibility(tree, view, region, space.name, closure, space.root));
	return { region, size: tree.regions[region]?.size ?? 0n, spaces };
}

function spaceVisibility(
	tree: RegionTree,
	view: FlatView,
	region: RegionId,
	space: string,
	closure: ReadonlySet<RegionId>,
	spaceRoot: RegionId,
): SpaceVisibility {
	const root = view.root ?? flatViewRoot(tree, spaceRoot);
	const placements = root === undefined ? [] : placementsOf(tree, root, region, closure);
	const terminal = tree.regions[region] !== undefined && isTerminal(tree.regions[region]);
	const ranges: FlatRange[] = [];
	const shadow = new Map<RegionId, bigint>();
	for (const placed of placements) {
		for (const range of rangesIn(view, placed)) {
			const mine = terminal ? range.region === region : range.path.includes(region);
			const bytes = overlap(range, placed);
			if (mine) {
				ranges.push(range);
			} else if (terminal) {
				shadow.set(range.region, (shadow.get(range.region) ?? 0n) + bytes);
			}
		}
	}
	const unique = [...new Set(ranges)].sort((a, b) => (a.start < b.start ? -1 : 1));
	const visibleBytes = unique.reduce((sum, range) => sum + range.size, 0n);
	const shadowedBy = [...shadow].map(([id, bytes]) => ({ region: id, bytes }));
	return { space, placements, ranges: unique, visibleBytes, shadowedBy };
}

function overlap(range: FlatRange, span: AddressSpan): bigint {
	const start = range.start > span.start ? range.start : span.start;
	const end = range.start + range.size < span.end ? range.start + range.size : span.end;
	return end > start ? end - start : 0n;
}

/**
 * The ranges of `view` that intersect `span` (at most `cap` of them), by binary search
 * for the first; only those are built (see `PackedFlatView.rangeAt`).
 */
export function rangesIn(view: FlatView, span: AddressSpan, cap = Number.POSITIVE_INFINITY): FlatRange[] {
	const found: FlatRange[] = [];
	for (let i = firstRangeEndingAfter(view, span.start); found.length < cap; i++) {
		const start = rangeStart(view, i);
		if (start === undefined || start >= span.end) {
			break;
		}
		found.push(rangeAt(view, i) as FlatRange);
	}
	return found;
}

/**
 * The regions through which any of `regions` can be rendered: themselves, their
 * ancestors, the aliases of any of those, and so on.
 */
export function renderAncestors(tree: RegionTree, regions: readonly RegionId[]): Set<RegionId> {
	const aliasesOf = new Map<RegionId, RegionId[]>();
	for (const r of tree.regions) {
		const target = r.alias?.target;
		if (target !== undefined) {
			const list = aliasesOf.get(target);
			if (list === undefined) {
				aliasesOf.set(target, [r.id]);
			} else {
				list.push(r.id);
			}
		}
	}
	const found = new Set<RegionId>(regions);
	const queue = [...regions];
	const visit = (next: RegionId): void => {
		if (!found.has(next)) {
			found.add(next);
			queue.push(next);
		}
	};
	for (let id = queue.pop(); id !== undefined; id = queue.pop()) {
		const parent = tree.regions[id]?.parent;
		if (parent !== undefined) {
			visit(parent);
		}
		aliasesOf.get(id)?.forEach(visit);
	}
	return found;
}

/** The clipped extents of `region` on enabled render paths from `root` (R4.2, R4.5). */
function placementsOf(tree: RegionTree, root: RegionId, region: RegionId, closure: ReadonlySet<RegionId>): AddressSpan[] {
	const found: AddressSpan[] = [];
	// The render path, as region and base: a self-alias renders its container again
	// elsewhere, but the same region at the same base would repeat forever.
	const path: { id: RegionId; base: bigint }[] = [];
	const visit = (id: RegionId, parentBase: bigint, clipStart: bigint, clipEnd: bigint): void => {
		const r = tree.regions[id];
		if (r === undefined || !r.enabled || !closure.has(id) || path.length > 2_000) {
			return;
		}
		const base = parentBase + r.addr;
		if (path.some((on) => on.id === id && on.base === base)) {
			return;
		}
		const start = base > clipStart ? base : clipStart;
		const end = base + r.size < clipEnd ? base + r.size : clipEnd;
		if (start >= end) {
			return;
		}
		if (id === region) {
			found.push({ start, end });
			return;
		}
		path.push({ id, base });
		const target = r.alias?.target;
		if (r.kind === 'alias' && target !== undefined) {
			visit(target, base - (tree.regions[target]?.addr ?? 0n) - (r.alias?.offset ?? 0n), start, end);
		} else if (r.kind !== 'alias') {
			r.children.forEach((child) => visit(child, base, start, end));
		}
		path.pop();
	};
	visit(root, 0n, 0n, 1n << 64n);
	return found;
}
