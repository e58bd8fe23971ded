/**
 * Address spaces (QEMU `address_space_init`): the explicit `space NAME = REF` items in
 * declaration order, or, when no loaded file has a `space`, one implicit space per
 * top-level region that nothing maps or aliases. With explicit spaces, a top-level region
 * that nothing maps, aliases or roots is reported as `region.unused`.
 */
import type { ResolvedReference } from '../analyze';
import type { AddressSpace, RegionId } from '../types';
import type { NameIndex } from './resolve';
import { resolveRef } from './resolve';
import { at, q, related, report, type BuildState, type RegionDraft } from './state';

/** Builds the address spaces and reports duplicates and unused top-level regions. */
export function buildSpaces(
	state: BuildState,
	index: NameIndex,
	references: ResolvedReference[],
): AddressSpace[] {
	const spaces: AddressSpace[] = [];
	const first = new Map<string, AddressSpace>();
	for (const { uri, node } of state.spaces) {
		const ref = node.root ? resolveRef(state, index, uri, node.root, 'space') : undefined;
		if (ref) {
			references.push(ref);
		}
		if (!node.name) {
			continue;
		}
		const name = node.name.text;
		const earlier = first.get(name);
		if (earlier?.definition) {
			report(state, 'space.duplicate', 'warning', at(uri, node.name), `Address space ${q(name)} is declared twice; QEMU allows it, but tools that pick a space by name see only the first.`, {
				related: [related(earlier.definition, `first space ${q(name)}`)],
			});
		}
		if (ref?.target !== undefined) {
			const space: AddressSpace = { name, root: ref.target, implicit: false, definition: at(uri, node) };
			spaces.push(space);
			if (!earlier) {
				first.set(name, space);
			}
		}
	}
	const used = usedTopLevel(state);
	if (state.spaces.length === 0) {
		return implicitSpaces(state, used);
	}
	reportAllUnused(state, used, spaces);
	return spaces;
}

function topOf(state: BuildState, id: RegionId): RegionId {
	let top = id;
	for (let up = state.sources[top]?.declaredIn; up !== undefined; up = state.sources[up]?.declaredIn) {
		top = up;
	}
	return top;
}

/**
 * Top-level regions that a `map` or `of` written outside them uses (the region itself or
 * one declared inside it). A reference from inside does not count: an alias in `soc` of
 * `soc/sram` does not make `soc` used.
 */
function usedTopLevel(state: BuildState): Set<RegionId> {
	const used = new Set<RegionId>();
	const note = (from: RegionId, target: RegionId): void => {
		const top = topOf(state, target);
		if (topOf(state, from) !== top) {
			used.add(top);
		}
	};
	for (const map of state.maps) {
		if (map.target !== undefined) {
			note(map.container, map.target);
		}
	}
	state.sources.forEach((source, id) => {
		if (source.ofTarget !== undefined) {
			note(id, source.ofTarget);
		}
	});
	return used;
}

function implicitSpaces(state: BuildState, used: ReadonlySet<RegionId>): AddressSpace[] {
	return state.topLevel
		.filter((id) => !used.has(id))
		.map((id) => ({ name: state.regions[id]?.name ?? '', root: id, implicit: true, definition: undefined }));
}

function reportAllUnused(state: BuildState, used: ReadonlySet<RegionId>, spaces: readonly AddressSpace[]): void {
	const roots = new Set(spaces.map((space) => space.root));
	for (const id of state.topLevel) {
		const region = state.regions[id];
		if (region && !used.has(id) && !roots.has(id)) {
			reportUnused(state, region);
		}
	}
}

/** `region.unused` for a top-level region that nothing maps, aliases or roots. */
export function reportUnused(state: BuildState, region: RegionDraft): void {
	report(state, 'region.unused', 'info', region.nameLocation, `${q(region.name)} is never mapped, aliased or used as an address space root, so no address space shows it.`, {
		unnecessary: true,
	});
}
