/**
 * Alias targets and the render graph. Rendering goes from a region to its children and
 * from an alias to its target (an alias's own children are never rendered, R4.2 step 5);
 * a cycle in that graph through an alias (D6: an alias chain reaching itself, D8: an alias
 * of its own ancestor) makes QEMU recurse. Each such cycle is reported once as
 * `alias.cycle` and broken by dropping one alias's target, except the one kind of cycle
 * that QEMU renders and real machines use: an alias of its own ancestor whose window
 * moves on each pass (see `selfAliasDepth`).
 */
import type { ResolvedReference } from '../analyze';
import { formatAddress, formatSize } from '../address';
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

/** The region arrays of builds that kept a self-alias (see `selfAliasDepth`). */
const selfAliased = new WeakSet<readonly object[]>();

/**
 * Whether the build of `regions` kept an alias of its own ancestor. Whether such a cycle
 * is kept depends on the `addr`s and `offset` along it, so an edit of numbers or of one
 * region cannot reuse that build (see `reuse.ts`).
 */
export function keptSelfAliases(regions: readonly object[]): boolean {
	return selfAliased.has(regions);
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
			const cycle = stack.slice(stack.indexOf(to));
			if (selfAliasDepth(state, cycle) <= maxSelfAliasDepth) {
				// QEMU renders it, and so does the flattener: the clip ends the recursion.
				selfAliased.add(state.regions);
				continue;
			}
			cutCycle(state, cycle);
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

/** Deeper self-alias recursion than this is reported: no real machine relies on it. */
const maxSelfAliasDepth = 64;

/**
 * How deep QEMU recurses through a D8 cycle: a render path from region T down through
 * containers to an alias A whose target is T. QEMU renders A's window of T at A's place,
 * clipped to that window (R4.2); inside it, A is met again `shift` further on, where
 * `shift` = the sum of the `addr`s from T down to A, minus A's `offset`; and so on while
 * the moved window still meets the clip. So the recursion stops after
 * ceil(size / |shift|) - 1 passes (Arm's SSE-200 boards, `mps2-an505` and its kin, alias
 * their own container at shift = size: no second pass), and never when shift = 0.
 * Infinity for that, and for every other cycle (an alias chain, D6).
 */
function selfAliasDepth(state: BuildState, found: readonly RegionId[]): number {
	const aliases = found.flatMap((id, i) => (state.regions[id]?.kind === 'alias' ? [i] : []));
	const at = aliases[0] ?? 0;
	// The search may enter the cycle anywhere: start it at the alias's target.
	const cycle = [...found.slice(at + 1), ...found.slice(0, at + 1)];
	const alias = state.regions[cycle[cycle.length - 1] ?? 0];
	if (cycle.length < 2 || aliases.length !== 1 || alias?.alias === undefined) {
		return Infinity;
	}
	const shift = selfAliasShift(state, cycle);
	const distance = shift < 0n ? -shift : shift;
	if (distance === 0n) {
		return Infinity;
	}
	const passes = (alias.size + distance - 1n) / distance - 1n;
	return passes > BigInt(maxSelfAliasDepth) ? Infinity : Number(passes);
}

/** How far each pass of a D8 cycle (from the alias's target to the alias) moves the alias. */
function selfAliasShift(state: BuildState, cycle: readonly RegionId[]): bigint {
	let shift = 0n;
	for (const id of cycle.slice(1)) {
		shift += state.regions[id]?.addr ?? 0n;
	}
	return shift - (state.regions[cycle[cycle.length - 1] ?? 0]?.alias?.offset ?? 0n);
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
	const single = cycle.filter((id) => state.regions[id]?.kind === 'alias').length === 1;
	const why = !ancestor
		? `rendering goes ${names.join(' → ')}; QEMU would recurse forever`
		: `its target ${q(target?.path ?? '')} contains the alias itself${single ? passes(state, cycle, cutAt) : '; QEMU would recurse forever'}`;
	report(state, 'alias.cycle', 'error', alias.locations.of ?? alias.nameLocation, `Alias ${q(alias.path)} reaches itself: ${why}. The alias is treated as having no target.`);
	alias.alias.target = undefined;
}

/** Why a D8 cycle recurses too deep: its window does not move, or moves too little. */
function passes(state: BuildState, cycle: readonly RegionId[], cutAt: number): string {
	const path = [...cycle.slice(cutAt + 1), ...cycle.slice(0, cutAt + 1)];
	const shift = selfAliasShift(state, path);
	if (shift === 0n) {
		return ' at the same address, so QEMU would recurse forever';
	}
	const size = state.regions[path[path.length - 1] ?? 0]?.size ?? 0n;
	const distance = shift < 0n ? -shift : shift;
	return `, and each pass moves its ${formatSize(size)} window by only ${formatAddress(distance)}, so QEMU would recurse more than ${maxSelfAliasDepth} levels deep`;
}

function isAncestor(state: BuildState, ancestor: RegionId | undefined, id: RegionId): boolean {
	for (let up = state.regions[id]?.parent; up !== undefined; up = state.regions[up]?.parent) {
		if (up === ancestor) {
			return true;
		}
	}
	return false;
}
