/**
 * Placement pass: `map REF at N [priority P | overlap]` is QEMU's
 * `memory_region_add_subregion[_overlap]`. A region has one parent (D1): a second
 * placement is `region.mapped-twice`. A map that makes a region its own ancestor (D7)
 * is `region.cycle` and is dropped, so nothing downstream recurses forever. Finally every
 * children list is put in QEMU list order (R3.2).
 */
import type { MapNode } from '../../syntax/ast';
import type { ResolvedReference } from '../analyze';
import { sortInPlace } from '../sortInPlace';
import type { RegionId } from '../types';
import { checkOverflow } from './declare';
import type { NameIndex } from './resolve';
import { resolveRef } from './resolve';
import { at, noChildren, q, related, report, type BuildState, type MapDraft, type RegionDraft } from './state';
import { addressValue, priorityValue } from './values';

/** Resolves and applies every `map` in source order. */
export function placeMaps(state: BuildState, index: NameIndex, references: ResolvedReference[]): void {
	for (const map of state.maps) {
		if (!map.node.target) {
			continue;
		}
		const ref = resolveRef(state, index, map.uri, map.node.target, 'map');
		references.push(ref);
		if (ref.target !== undefined) {
			map.target = ref.target;
			place(state, map, ref.target);
		}
	}
}

function place(state: BuildState, map: MapDraft, id: RegionId): void {
	const region = state.regions[id];
	const source = state.sources[id];
	if (!region || !source) {
		return;
	}
	const where = at(map.uri, map.node);
	if (source.declaredIn !== undefined || source.mappedBy) {
		const parent = source.declaredIn ?? source.mappedBy?.container ?? 0;
		const first = source.mappedBy ? at(source.mappedBy.uri, source.mappedBy.node) : region.placement;
		report(state, 'region.mapped-twice', 'error', where, `${q(region.path)} is already placed in ${q(state.regions[parent]?.path ?? '')}: a region has one parent (QEMU asserts); map an alias to show it twice.`, {
			related: first ? [related(first, `${q(region.path)} is placed here`)] : [],
		});
		return;
	}
	source.mappedBy = map;
	source.seq = map.seq;
	region.parent = map.container;
	// Only where it was written: the draft's ids and order would go stale when a later edit
	// renumbers the regions (`reuseRegionEdit.ts`).
	region.map = { uri: map.uri, node: map.node };
	applyMapNumbers(state, region, map.uri, map.node);
}

/**
 * Places `region` where `node`, the map in `uri` that places it, says: its `at`, and its
 * `priority` or `overlap`. Also for an edit that changed only those numbers (`reuse.ts`).
 */
export function applyMapNumbers(state: BuildState, region: RegionDraft, uri: string, node: MapNode): void {
	region.addr = addressValue(state, uri, node.at, "'at'") ?? 0n;
	region.priority = priorityValue(state, uri, node.priority) ?? 0;
	region.mayOverlap = node.priority !== undefined || node.overlap !== undefined;
	checkOverflow(state, region, uri, node);
}

/**
 * Finds cycles in the parent relation and breaks each at its latest `map` (declaration
 * nesting alone is a tree, so every cycle holds at least one map). Linear: each region
 * is walked once.
 */
export function breakContainmentCycles(state: BuildState): void {
	const walkOf = new Int32Array(state.regions.length).fill(-1);
	for (let start = 0; start < state.regions.length; start++) {
		let id: RegionId | undefined = start;
		while (id !== undefined && walkOf[id] === -1) {
			walkOf[id] = start;
			id = state.regions[id]?.parent;
		}
		if (id !== undefined && walkOf[id] === start) {
			breakCycle(state, cycleFrom(state, id));
		}
	}
}

function cycleFrom(state: BuildState, first: RegionId): RegionId[] {
	const cycle = [first];
	for (let id = state.regions[first]?.parent; id !== undefined && id !== first; id = state.regions[id]?.parent) {
		cycle.push(id);
	}
	return cycle;
}

function breakCycle(state: BuildState, cycle: readonly RegionId[]): void {
	let cut: RegionId | undefined;
	for (const id of cycle) {
		const seq = state.sources[id]?.mappedBy?.seq ?? -1;
		if (seq >= 0 && (cut === undefined || seq > (state.sources[cut]?.mappedBy?.seq ?? -1))) {
			cut = id;
		}
	}
	const region = cut === undefined ? undefined : state.regions[cut];
	const map = cut === undefined ? undefined : state.sources[cut]?.mappedBy;
	if (!region || !map || cut === undefined) {
		return;
	}
	const start = cycle.indexOf(cut);
	const order = [...cycle.slice(start), ...cycle.slice(0, start), cut];
	const chain = order.map((id) => q(state.regions[id]?.path ?? '')).join(' in ');
	report(state, 'region.cycle', 'error', at(map.uri, map.node), `Mapping ${q(region.path)} into ${q(state.regions[map.container]?.path ?? '')} makes it contain itself (${chain}); QEMU would recurse forever. The map is ignored.`, {
		related: order.slice(1, -1).map((id) => related(state.regions[id]?.placement ?? region.definition, `${q(state.regions[id]?.path ?? '')} is placed here`)),
	});
	region.parent = undefined;
	region.addr = 0n;
	region.priority = 0;
	region.mayOverlap = false;
	region.map = undefined;
}

/**
 * Fills every children list in QEMU list order: priority descending, later first. The
 * children are grouped by parent in one array first, so that each list is allocated at
 * its exact size, and the sort reads priorities and sequence numbers from typed arrays.
 */
export function orderChildren(state: BuildState): void {
	const regions = state.regions;
	const count = regions.length;
	// start[p]..start[p + 1] is where the children of p go in `grouped`.
	const start = new Int32Array(count + 1);
	const priority = new Int32Array(count);
	const seq = new Float64Array(count);
	for (let id = 0; id < count; id++) {
		const region = regions[id] as RegionDraft;
		priority[id] = region.priority;
		seq[id] = state.sources[id]?.seq ?? 0;
		if (region.parent !== undefined && region.parent >= 0 && region.parent < count) {
			start[region.parent + 1] = (start[region.parent + 1] ?? 0) + 1;
		}
	}
	for (let id = 0; id < count; id++) {
		start[id + 1] = (start[id + 1] ?? 0) + (start[id] ?? 0);
	}
	// Filled by push, not `new Array(n)`, so that it and its slices stay packed arrays.
	const grouped: RegionId[] = [];
	for (let i = start[count] ?? 0; i > 0; i--) {
		grouped.push(0);
	}
	const fill = start.slice(0, count);
	for (let id = 0; id < count; id++) {
		const parent = (regions[id] as RegionDraft).parent;
		if (parent !== undefined && parent >= 0 && parent < count) {
			const slot = fill[parent] ?? 0;
			grouped[slot] = id;
			fill[parent] = slot + 1;
		}
	}
	const order = (a: RegionId, b: RegionId): number => (priority[b] ?? 0) - (priority[a] ?? 0) || (seq[b] ?? 0) - (seq[a] ?? 0);
	for (let id = 0; id < count; id++) {
		const from = start[id] ?? 0;
		const to = start[id + 1] ?? 0;
		const region = regions[id] as RegionDraft;
		if (from === to) {
			region.children = noChildren;
		} else {
			region.children = grouped.slice(from, to);
			if (to - from > 1) {
				sortInPlace(region.children, order);
			}
		}
	}
}
