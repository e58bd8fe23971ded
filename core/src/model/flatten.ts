/**
 * The flattener: QEMU's `generate_memory_topology` (R4). It finds the flat-view root
 * (R4.8), renders the tree depth-first in list order with signed bigint arithmetic
 * (R4.2, R4.3, R4.5, R5.3), then merges adjacent ranges (R4.7).
 *
 * Speed: the render is an explicit-stack walk (no recursion limit) over a chunked
 * coverage set, so claiming is O(log n) and a whole view is O(n log n). A subtree whose
 * clipped window is already fully claimed is skipped: it could not add a byte.
 */
import { CoverageSet } from './coverage';
import { flatViewRoot, isOwnReadonly, isTerminal } from './flatViewRoot';
import type { FlatRange, FlatView, Region, RegionId, RegionTree } from './types';
import { addressSpaceSize } from './types';

/** Deeper render paths than this are cut off: only a cycle the analyzer missed gets here. */
const maxDepth = 100_000;

/** One region being rendered, with everything `render_memory_region` carries down. */
interface Frame {
	readonly id: RegionId;
	readonly region: Region;
	/** The absolute address of the region's offset 0 (may be negative through aliases). */
	readonly base: bigint;
	/** The clip `[clipStart, clipEnd)`, already intersected with the region's own extent. */
	readonly clipStart: bigint;
	readonly clipEnd: bigint;
	readonly readonly: boolean;
	readonly nonvolatile: boolean;
	/** The next child to render (for an alias: 0 before its target, 1 after). */
	next: number;
}

/** Inherited state passed to a region about to be entered. */
interface Inherited {
	readonly base: bigint;
	readonly clipStart: bigint;
	readonly clipEnd: bigint;
	readonly readonly: boolean;
	readonly nonvolatile: boolean;
}

/**
 * QEMU's `generate_memory_topology` for the address space rooted at `root`: finds the
 * flat-view root (R4.8), renders (R4.2) and merges (R4.7). Exact, 64-bit; O(n log n).
 * Never throws: unknown ids render nothing, cycles are cut where they repeat.
 */
export function flatten(tree: RegionTree, root: RegionId): FlatView {
	const viewRoot = flatViewRoot(tree, root);
	if (viewRoot === undefined) {
		return { root: undefined, ranges: [] };
	}
	const pieces = new Renderer(tree).render(viewRoot);
	return { root: viewRoot, ranges: mergeRanges(sortByStart(pieces)) };
}

/** The depth-first render of one flat-view root into unmerged, disjoint pieces. */
class Renderer {
	readonly #tree: RegionTree;
	readonly #coverage = new CoverageSet();
	readonly #stack: Frame[] = [];
	readonly #onPath: Uint8Array;
	readonly #pieces: FlatRange[] = [];

	constructor(tree: RegionTree) {
		this.#tree = tree;
		this.#onPath = new Uint8Array(tree.regions.length);
	}

	render(root: RegionId): FlatRange[] {
		const top = { base: 0n, clipStart: 0n, clipEnd: addressSpaceSize, readonly: false, nonvolatile: false };
		this.#enter(root, top);
		const stack = this.#stack;
		for (let frame = stack[stack.length - 1]; frame !== undefined; frame = stack[stack.length - 1]) {
			const child = this.#nextChild(frame);
			if (child === undefined) {
				this.#leave(frame);
			} else {
				this.#enter(child.id, child.inherited);
			}
		}
		return this.#pieces;
	}

	/** R4.2 steps 1-4: skip disabled, out-of-clip and already-covered regions, else push. */
	#enter(id: RegionId, from: Inherited): void {
		const region = this.#tree.regions[id];
		if (region === undefined || !region.enabled || this.#onPath[id] === 1) {
			return;
		}
		if (this.#stack.length >= maxDepth) {
			return;
		}
		const base = from.base + region.addr;
		const end = base + region.size;
		const clipStart = base > from.clipStart ? base : from.clipStart;
		const clipEnd = end < from.clipEnd ? end : from.clipEnd;
		if (clipStart >= clipEnd || this.#coverage.covers(clipStart, clipEnd)) {
			return;
		}
		this.#onPath[id] = 1;
		this.#stack.push({
			id,
			region,
			base,
			clipStart,
			clipEnd,
			readonly: from.readonly || isOwnReadonly(region),
			nonvolatile: from.nonvolatile || region.nonvolatile,
			next: 0,
		});
	}

	/** The next region to render under `frame` (R4.2 steps 5-6), or undefined when done. */
	#nextChild(frame: Frame): { id: RegionId; inherited: Inherited } | undefined {
		const region = frame.region;
		if (region.kind === 'alias') {
			const target = region.alias?.target;
			const targetRegion = target === undefined ? undefined : this.#tree.regions[target];
			if (frame.next++ > 0 || target === undefined || targetRegion === undefined) {
				return undefined;
			}
			// R4.5: the target's origin lands at base - target.addr - offset; render adds
			// target.addr back, so the target's byte x appears at base - offset + x.
			const base = frame.base - targetRegion.addr - (region.alias?.offset ?? 0n);
			return { id: target, inherited: { ...frame, base } };
		}
		const child = region.children[frame.next++];
		return child === undefined ? undefined : { id: child, inherited: frame };
	}

	/** R4.2 steps 7-8: a terminal region fills what is still uncovered in its clip. */
	#leave(frame: Frame): void {
		this.#stack.pop();
		this.#onPath[frame.id] = 0;
		if (!isTerminal(frame.region)) {
			return;
		}
		const gaps = this.#coverage.fill(frame.clipStart, frame.clipEnd);
		if (gaps.length === 0) {
			return;
		}
		const path = this.#stack.map((entry) => entry.id);
		path.push(frame.id);
		for (const gap of gaps) {
			this.#pieces.push({
				start: gap.start,
				size: gap.end - gap.start,
				region: frame.id,
				offsetInRegion: gap.start - frame.base,
				readonly: frame.readonly,
				nonvolatile: frame.nonvolatile,
				romdMode: frame.region.romdMode,
				path,
			});
		}
	}
}

/** Sorts disjoint pieces by start; most renders produce them in order already. */
function sortByStart(pieces: FlatRange[]): FlatRange[] {
	for (let i = 1; i < pieces.length; i++) {
		if ((pieces[i]?.start ?? 0n) < (pieces[i - 1]?.start ?? 0n)) {
			return pieces.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
		}
	}
	return pieces;
}

/**
 * R4.7 `flatview_simplify`: merges each range into the previous one when they are
 * adjacent, belong to the same region at contiguous offsets and carry the same flags.
 */
export function mergeRanges(sorted: readonly FlatRange[]): FlatRange[] {
	const merged: FlatRange[] = [];
	for (const range of sorted) {
		const last = merged[merged.length - 1];
		if (last !== undefined && canMerge(last, range)) {
			merged[merged.length - 1] = { ...last, size: last.size + range.size };
		} else {
			merged.push(range);
		}
	}
	return merged;
}

function canMerge(a: FlatRange, b: FlatRange): boolean {
	return (
		a.start + a.size === b.start &&
		a.region === b.region &&
		a.offsetInRegion + a.size === b.offsetInRegion &&
		a.readonly === b.readonly &&
		a.nonvolatile === b.nonvolatile &&
		a.romdMode === b.romdMode
	);
}
