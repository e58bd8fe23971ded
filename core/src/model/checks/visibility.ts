/**
 * Visibility checks: terminal regions that are placed in a rendered space but never own
 * a byte (fully shadowed), and regions mapped under a tree that no address space renders
 * and no alias reaches (W20).
 */
import type { Diagnostic } from '../../diagnostics';
import type { SpaceView } from '../analyze';
import { isTerminal } from '../flatViewRoot';
import { rangeRegions } from '../packedView';
import type { AddressSpan } from '../visibility';
import { rangesIn, renderAncestors } from '../visibility';
import type { FlatView, RegionId, RegionTree } from '../types';
import { addressSpaceSize } from '../types';
import { placedAt, report, span } from './report';

/** Every visibility diagnostic of the tree. */
export function checkVisibility(tree: RegionTree, views: readonly SpaceView[]): Diagnostic[] {
	return [...checkShadowed(tree, views), ...checkInvisible(tree)];
}

/** Where a terminal region is first placed: the view and its clipped extent there. */
interface Placement {
	readonly view: SpaceView;
	readonly span: AddressSpan;
}

/** Region visits per view at most: aliases can multiply a walk; this keeps checks bounded. */
const walkBudget = 2_000_000;

/** A terminal region placed in some rendered view that owns no byte in any view. */
function checkShadowed(tree: RegionTree, views: readonly SpaceView[]): Diagnostic[] {
	if (views.some(({ view }) => view.truncated)) {
		// A region missing from an incomplete view may be visible past where it stopped.
		return [];
	}
	// One flag per region: a Set of every owner costs more than the whole check.
	const visible = new Uint8Array(tree.regions.length);
	for (const { view } of views) {
		const owners = rangeRegions(view);
		for (let i = 0; i < owners.length; i++) {
			visible[owners[i] as RegionId] = 1;
		}
	}
	const candidates: RegionId[] = [];
	for (const r of tree.regions) {
		if (visible[r.id] !== 1 && isTerminal(r) && r.enabled && r.size > 0n) {
			candidates.push(r.id);
		}
	}
	if (candidates.length === 0) {
		return [];
	}
	// Only walk through regions that can lead to a candidate.
	const closure = renderAncestors(tree, candidates);
	const placed = new Map<RegionId, Placement>();
	for (const spaceView of views) {
		if (spaceView.view.root !== undefined) {
			recordPlacements(tree, spaceView, spaceView.view.root, closure, placed);
		}
	}
	const out: Diagnostic[] = [];
	for (const [id, placement] of placed) {
		const region = tree.regions[id];
		if (region === undefined || visible[id] === 1 || !isTerminal(region)) {
			continue;
		}
		const owners = ownersIn(placement.view.view, placement.span, id);
		const names = owners.slice(0, 3).map((owner) => `'${tree.regions[owner]?.name ?? '?'}'`);
		const more = owners.length > 3 ? ` and ${owners.length - 3} more` : '';
		const message =
			`'${region.name}' is placed at ${span(placement.span.start, placement.span.end)} in space '${placement.view.space.name}' ` +
			`but is never visible: it is fully hidden by ${names.join(', ') || 'other regions'}${more}.`;
		const related = owners.slice(0, 3).flatMap((owner) => {
			const r = tree.regions[owner];
			return r === undefined ? [] : [{ at: r.nameLocation, message: `'${r.name}' owns these addresses` }];
		});
		out.push(report('region.shadowed', 'warning', message, region.nameLocation, related, true));
	}
	return out;
}

/** The regions owning the bytes of `where` other than `self`, in address order. */
function ownersIn(view: FlatView, where: AddressSpan, self: RegionId): RegionId[] {
	const owners: RegionId[] = [];
	for (const range of rangesIn(view, where)) {
		if (range.region !== self && !owners.includes(range.region)) {
			owners.push(range.region);
		}
	}
	return owners;
}

/**
 * Walks the render tree like the flattener (clips, alias rebasing, disabled subtrees
 * skipped), recording each region's first placement. Order does not matter here.
 */
function recordPlacements(
	tree: RegionTree,
	spaceView: SpaceView,
	root: RegionId,
	closure: ReadonlySet<RegionId>,
	placed: Map<RegionId, Placement>,
): void {
	let budget = walkBudget;
	const stack: { id: RegionId; base: bigint; start: bigint; end: bigint }[] = [{ id: root, base: 0n, start: 0n, end: addressSpaceSize }];
	for (let item = stack.pop(); item !== undefined && budget-- > 0; item = stack.pop()) {
		const region = tree.regions[item.id];
		if (region === undefined || !region.enabled || !closure.has(item.id)) {
			continue;
		}
		const base = item.base + region.addr;
		const start = base > item.start ? base : item.start;
		const end = base + region.size < item.end ? base + region.size : item.end;
		if (start >= end) {
			continue;
		}
		if (!placed.has(item.id)) {
			placed.set(item.id, { view: spaceView, span: { start, end } });
		}
		const target = region.alias?.target;
		if (region.kind === 'alias' && target !== undefined) {
			const shifted = base - (tree.regions[target]?.addr ?? 0n) - (region.alias?.offset ?? 0n);
			stack.push({ id: target, base: shifted, start, end });
		} else if (region.kind !== 'alias') {
			for (const child of region.children) {
				stack.push({ id: child, base, start, end });
			}
		}
	}
}

/**
 * W20: a region mapped (it has a parent) under a tree that no space renders and no alias
 * reaches. Regions inside an alias target's subtree are fine. Only the topmost such
 * region of each tree is reported.
 */
function checkInvisible(tree: RegionTree): Diagnostic[] {
	const reachable = reach(tree, tree.spaces.map((space) => space.root), true);
	const targets: RegionId[] = [];
	for (const r of tree.regions) {
		if (r.alias?.target !== undefined) {
			targets.push(r.alias.target);
		}
	}
	const aliased = reach(tree, targets, false);
	const invisible = (id: RegionId | undefined): boolean =>
		id !== undefined && tree.regions[id]?.parent !== undefined && reachable[id] !== 1 && aliased[id] !== 1;
	const out: Diagnostic[] = [];
	for (const region of tree.regions) {
		if (!invisible(region.id) || invisible(region.parent)) {
			continue;
		}
		const top = topOf(tree, region.id);
		const topRegion = tree.regions[top];
		const message = `'${region.name}' is mapped under '${topRegion?.name ?? '?'}', which no address space renders and no alias reaches: it is never visible (W20).`;
		const related = topRegion === undefined ? [] : [{ at: topRegion.nameLocation, message: `'${topRegion.name}' is not rendered` }];
		out.push(report('region.invisible', 'warning', message, placedAt(region), related));
	}
	return out;
}

/**
 * Regions reachable from `starts` through children (and alias targets if `viaAliases`),
 * as one flag per region id (ids outside the tree are ignored).
 */
function reach(tree: RegionTree, starts: readonly RegionId[], viaAliases: boolean): Uint8Array {
	const found = new Uint8Array(tree.regions.length);
	const queue: RegionId[] = [];
	const enqueue = (id: RegionId): void => {
		if (id >= 0 && id < found.length && found[id] !== 1) {
			found[id] = 1;
			queue.push(id);
		}
	};
	starts.forEach(enqueue);
	for (let id = queue.pop(); id !== undefined; id = queue.pop()) {
		const region = tree.regions[id];
		if (region === undefined) {
			continue;
		}
		for (const child of region.children) {
			enqueue(child);
		}
		const target = viaAliases ? region.alias?.target : undefined;
		if (target !== undefined) {
			enqueue(target);
		}
	}
	return found;
}

function topOf(tree: RegionTree, id: RegionId): RegionId {
	const seen = new Set<RegionId>();
	let current = id;
	for (let parent = tree.regions[current]?.parent; parent !== undefined && !seen.has(parent); parent = tree.regions[current]?.parent) {
		seen.add(parent);
		current = parent;
	}
	return current;
}
