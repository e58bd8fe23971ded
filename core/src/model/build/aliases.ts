/**
 * Alias targets and the render graph. Rendering goes from a region to its children and
 * from an alias to its target (an alias's own children are never rendered, R4.2 step 5);
 * a cycle in that graph through an alias (D6: an alias chain reaching itself, D8: an alias
 * of its own ancestor) makes QEMU recurse forever. Each such cycle is reported once as
 * `alias.cycle` and broken by dropping one alias's target.
 */
import type { ResolvedReference } from '../analyze';
import type { RegionId } from '../types';
import type { NameIndex } from './resolve';
import { resolveRef } from './resolve';
import { q, report, type BuildState } from './state';

/** Resolves every alias's `of` reference and stores the target. */
export function resolveAliases(state: BuildState, index: NameIndex, references: ResolvedReference[]): void {
	state.regions.forEach((region, id) => {
		const source = state.sources[id];
		if (region.kind !== 'alias' || !source?.of) {
			return;
		}
		const ref = resolveRef(state, index, source.uri, source.of, 'of');
		references.push(ref);
		if (ref.target !== undefined) {
			source.ofTarget = ref.target;
		}
		if (region.alias) {
			region.alias.target = ref.target;
		}
	});
}

const white = 0;
const gray = 1;
const black = 2;

/**
 * Depth-first search with an explicit stack (trees can be deep). On a back edge it cuts
 * the cycle at its last alias, turns the nodes on the stack back to white and restarts
 * from the same root; finished (black) nodes stay finished, as no cycle runs through them.
 */
export function breakAliasCycles(state: BuildState): void {
	const color = new Uint8Array(state.regions.length);
	for (let root = 0; root < state.regions.length; root++) {
		while (color[root] === white && searchFrom(state, root, color)) {
			// A cycle was cut; search again from the same root.
		}
	}
}

/** The `i`-th render edge of `id`, or undefined past the last (no array per alias). */
function edgeOf(state: BuildState, id: RegionId, i: number): RegionId | undefined {
	const region = state.regions[id];
	if (!region) {
		return undefined;
	}
	if (region.kind === 'alias') {
		return i === 0 ? region.alias?.target : undefined;
	}
	return region.children[i];
}

/** Returns true when it cut a cycle (the caller restarts). */
function searchFrom(state: BuildState, root: RegionId, color: Uint8Array): boolean {
	const stack: RegionId[] = [root];
	const next: number[] = [0];
	color[root] = gray;
	while (stack.length > 0) {
		const top = stack.length - 1;
		const id = stack[top] ?? 0;
		const i = next[top] ?? 0;
		const to = edgeOf(state, id, i);
		if (to === undefined) {
			color[id] = black;
			stack.pop();
			next.pop();
			continue;
		}
		next[top] = i + 1;
		if (color[to] === gray) {
			cutCycle(state, stack.slice(stack.indexOf(to)));
			for (const onStack of stack) {
				color[onStack] = white;
			}
			return true;
		}
		if (color[to] === white) {
			color[to] = gray;
			stack.push(to);
			next.push(0);
		}
	}
	return false;
}

/** `cycle` is the render path from the re-entered region to the one that re-enters it. */
function cutCycle(state: BuildState, cycle: readonly RegionId[]): void {
	let cutAt = cycle.length - 1;
	while (cutAt > 0 && state.regions[cycle[cutAt] ?? 0]?.kind !== 'alias') {
		cutAt--;
	}
	const alias = state.regions[cycle[cutAt] ?? 0];
	if (!alias?.alias) {
		return;
	}
	const names = [...cycle.slice(cutAt), ...cycle.slice(0, cutAt + 1)].map((id) => q(state.regions[id]?.path ?? ''));
	const target = state.regions[alias.alias.target ?? 0];
	const ancestor = isAncestor(state, alias.alias.target, alias.id);
	const why = ancestor
		? `its target ${q(target?.path ?? '')} contains the alias itself`
		: `rendering goes ${names.join(' → ')}`;
	report(state, 'alias.cycle', 'error', alias.locations.of ?? alias.nameLocation, `Alias ${q(alias.path)} reaches itself: ${why}; QEMU would recurse forever. The alias is treated as having no target.`);
	alias.alias.target = undefined;
}

function isAncestor(state: BuildState, ancestor: RegionId | undefined, id: RegionId): boolean {
	for (let up = state.regions[id]?.parent; up !== undefined; up = state.regions[up]?.parent) {
		if (up === ancestor) {
			return true;
		}
	}
	return false;
}
