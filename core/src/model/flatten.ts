/**
 * The flattener: QEMU's `generate_memory_topology` (R4). It finds the flat-view root
 * (R4.8), renders the tree depth-first in list order with signed bigint arithmetic
 * (R4.2, R4.3, R4.5, R5.3), then merges adjacent ranges (R4.7).
 *
 * Speed: the render is an explicit-stack walk (no recursion limit) over a chunked
 * coverage set, so claiming is O(log n) and a whole view is O(n log n); the coverage set
 * also yields the pieces in address order, so nothing is sorted. A subtree whose clipped
 * window is already fully claimed is skipped: it could not add a byte.
 */
import { CoverageSet } from './coverage';
import { flatViewRoot, isOwnReadonly, isTerminal } from './flatViewRoot';
import type { FlatRange, FlatView, Region, RegionId, RegionTree } from './types';
import { addressSpaceSize } from './types';

/** Deeper render paths than this are cut off: only a cycle the analyzer missed gets here. */
const maxDepth = 100_000;

/**
 * The work one render may do, far above what any real board needs (the 100k-region
 * benchmark board visits about 1.3 regions and makes 1.3 pieces per region). Aliases
 * multiply a tree: a chain of aliases renders its tail once per link, and containers
 * holding two aliases of the one below, thirty levels deep, render 2^30 ranges (QEMU
 * too would build them all). A render past either limit stops, and its view is marked
 * `truncated` (reported as `space.truncated`), so such a board costs seconds, not the
 * server.
 */
export function renderBudget(regionCount: number): { readonly visits: number; readonly pieces: number } {
	return { visits: 1_000_000 + 16 * regionCount, pieces: 500_000 + 4 * regionCount };
}

/** A flat range while it is still ours: merging grows `size` in place. */
type Piece = { -readonly [K in keyof FlatRange]: FlatRange[K] };

/**
 * One region being rendered, with everything `render_memory_region` carries down.
 * Frames are reused by depth, so the walk allocates no frame per region.
 */
interface Frame {
	id: RegionId;
	region: Region;
	/** The absolute address of the region's offset 0 (may be negative through aliases). */
	base: bigint;
	/** The clip `[clipStart, clipEnd)`, already intersected with the region's own extent. */
	clipStart: bigint;
	clipEnd: bigint;
	/** `base + size`: the region's own end (unclipped). */
	end: bigint;
	readonly: boolean;
	nonvolatile: boolean;
	/** The next child to render (for an alias: 0 before its target, 1 after). */
	next: number;
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
	const renderer = new Renderer(tree);
	const ranges = renderer.render(viewRoot);
	return renderer.truncated ? { root: viewRoot, ranges, truncated: true } : { root: viewRoot, ranges };
}

/** The depth-first render of one flat-view root into disjoint pieces in address order. */
class Renderer {
	readonly #regions: readonly Region[];
	readonly #coverage = new CoverageSet();
	readonly #frames: Frame[] = [];
	/** `#ids[d]` is the region of frame `d`: render paths are slices of it. */
	readonly #ids: RegionId[] = [];
	#depth = 0;
	readonly #onPath: Uint8Array;
	readonly #pieces: Piece[] = [];
	/** `#ends[p]` is the end of piece `p` (kept so that merging needs no addition). */
	readonly #ends: bigint[] = [];
	#leaving: Frame | undefined;
	#leavingPath: RegionId[] | undefined;
	readonly #budget: ReturnType<typeof renderBudget>;
	#visits = 0;
	/** Set when the render stopped at its budget: the ranges are only a prefix of the work. */
	truncated = false;

	constructor(tree: RegionTree) {
		this.#regions = tree.regions;
		this.#onPath = new Uint8Array(tree.regions.length);
		this.#budget = renderBudget(tree.regions.length);
	}

	/** Renders `root` and returns its merged ranges in address order. */
	render(root: RegionId): FlatRange[] {
		this.#enter(root, 0n, 0n, addressSpaceSize, false, false);
		while (this.#depth > 0 && !this.truncated) {
			const frame = this.#frames[this.#depth - 1] as Frame;
			const region = frame.region;
			if (region.kind === 'alias') {
				const target = region.alias?.target;
				const targetRegion = target === undefined ? undefined : this.#regions[target];
				if (frame.next++ > 0 || target === undefined || targetRegion === undefined) {
					this.#leave(frame);
					continue;
				}
				// R4.5: the target's origin lands at base - target.addr - offset; its render
				// adds target.addr back, so the target's byte x appears at base - offset + x.
				const base = frame.base - targetRegion.addr - (region.alias?.offset ?? 0n);
				this.#enter(target, base, frame.clipStart, frame.clipEnd, frame.readonly, frame.nonvolatile);
				continue;
			}
			const child = region.children[frame.next++];
			if (child === undefined) {
				this.#leave(frame);
			} else {
				this.#enter(child, frame.base, frame.clipStart, frame.clipEnd, frame.readonly, frame.nonvolatile);
			}
		}
		return mergeRanges(this.#coverage.order(), this.#pieces, this.#ends);
	}

	/** R4.2 steps 1-4: skip disabled, out-of-clip and already-covered regions, else push. */
	#enter(id: RegionId, parentBase: bigint, parentStart: bigint, parentEnd: bigint, readonly: boolean, nonvolatile: boolean): void {
		const region = this.#regions[id];
		if (region === undefined || !region.enabled || this.#onPath[id] === 1 || this.#depth >= maxDepth) {
			return;
		}
		// bigint arithmetic allocates: skip the additions that cannot change anything.
		const base = region.addr === 0n ? parentBase : parentBase + region.addr;
		const end = base + region.size;
		const clipStart = base > parentStart ? base : parentStart;
		const clipEnd = end < parentEnd ? end : parentEnd;
		if (clipStart >= clipEnd || this.#coverage.covers(clipStart, clipEnd)) {
			return;
		}
		if (++this.#visits > this.#budget.visits) {
			this.truncated = true;
			return;
		}
		this.#onPath[id] = 1;
		this.#ids[this.#depth] = id;
		const frame = this.#frames[this.#depth];
		const ro = readonly || isOwnReadonly(region);
		const nv = nonvolatile || region.nonvolatile;
		if (frame === undefined) {
			this.#frames.push({ id, region, base, clipStart, clipEnd, end, readonly: ro, nonvolatile: nv, next: 0 });
		} else {
			frame.id = id;
			frame.region = region;
			frame.base = base;
			frame.clipStart = clipStart;
			frame.clipEnd = clipEnd;
			frame.end = end;
			frame.readonly = ro;
			frame.nonvolatile = nv;
			frame.next = 0;
		}
		this.#depth++;
	}

	/** R4.2 steps 7-8: a terminal region fills what is still uncovered in its clip. */
	#leave(frame: Frame): void {
		this.#depth--;
		this.#onPath[frame.id] = 0;
		if (!isTerminal(frame.region)) {
			return;
		}
		if (this.#pieces.length >= this.#budget.pieces) {
			// Checked before a fill, never inside one: the coverage set numbers every gap.
			this.truncated = true;
			return;
		}
		this.#leaving = frame;
		this.#leavingPath = undefined;
		this.#coverage.fill(frame.clipStart, frame.clipEnd, this.#addPiece);
	}

	/** The coverage set's sink while a terminal is left: one piece per unclaimed gap. */
	readonly #addPiece = (start: bigint, end: bigint): void => {
		const frame = this.#leaving as Frame;
		const region = frame.region;
		const path = (this.#leavingPath ??= this.#path());
		// The common case, a whole region that nothing hides, needs no subtraction.
		const atBase = start === frame.base;
		const whole = atBase && end === frame.end;
		this.#pieces.push({
			start,
			size: whole ? region.size : end - start,
			region: frame.id,
			offsetInRegion: atBase ? 0n : start - frame.base,
			readonly: frame.readonly,
			nonvolatile: frame.nonvolatile,
			romdMode: region.romdMode,
			path,
		});
		this.#ends.push(end);
	};

	/**
	 * The ids of the frames from the root down to the one being left (inclusive). A slice
	 * is sized exactly; an array grown by `push` would hold room for 17 ids, and a big
	 * board keeps one path per flat range.
	 */
	#path(): RegionId[] {
		return this.#ids.slice(0, this.#depth + 1);
	}
}

/**
 * R4.7 `flatview_simplify`: takes the pieces in address `order` and merges each into the
 * previous one when they are adjacent, belong to the same region at contiguous offsets
 * and carry the same flags. The cheap tests come first: most neighbours differ in region.
 */
function mergeRanges(order: readonly number[], pieces: readonly Piece[], ends: readonly bigint[]): FlatRange[] {
	const merged: Piece[] = [];
	let last: Piece | undefined;
	let lastEnd = 0n;
	for (const index of order) {
		const range = pieces[index] as Piece;
		const end = ends[index] as bigint;
		if (last !== undefined && canMerge(last, lastEnd, range)) {
			last.size += range.size;
		} else {
			merged.push(range);
			last = range;
		}
		lastEnd = end;
	}
	return merged;
}

function canMerge(a: Piece, aEnd: bigint, b: Piece): boolean {
	return (
		a.region === b.region &&
		a.readonly === b.readonly &&
		a.nonvolatile === b.nonvolatile &&
		a.romdMode === b.romdMode &&
		aEnd === b.start &&
		a.offsetInRegion + a.size === b.offsetInRegion
	);
}
