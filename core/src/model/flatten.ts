/**
 * The flattener: QEMU's `generate_memory_topology` (R4). It finds the flat-view root
 * (R4.8), renders the tree depth-first in list order with signed bigint arithmetic
 * (R4.2, R4.3, R4.5, R5.3), then merges adjacent ranges (R4.7).
 *
 * Speed: the render is an explicit-stack walk (no recursion limit) over a chunked
 * coverage set, so claiming is O(log n) and a whole view is O(n log n); the coverage set
 * also yields the pieces in address order, so nothing is sorted. A subtree whose clipped
 * window is already fully claimed is skipped: it could not add a byte. Pieces and the
 * finished view are columns of typed arrays (`packedView.ts`), not objects.
 */
import { CoverageSet } from './coverage';
import { flatViewRoot, isOwnReadonly, isTerminal } from './flatViewRoot';
import { mergePieces, PathColumns, PieceColumns, rangeFlags } from './packedView';
import type { FlatView, Region, RegionId, RegionTree } from './types';
import { addressSpaceSize } from './types';

/**
 * Deeper render paths than this are cut off. The analyzer cuts every alias cycle but
 * the ones QEMU renders (an alias of its own ancestor whose window moves on each pass,
 * see `build/aliases.ts`), whose recursion the clip ends.
 */
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
	const view = renderer.render(viewRoot);
	if (renderer.recursion !== undefined) {
		(view as { recursion?: RegionId }).recursion = renderer.recursion;
	}
	return view;
}

/** The depth-first render of one flat-view root into disjoint pieces in address order. */
class Renderer {
	readonly #regions: readonly Region[];
	readonly #coverage = new CoverageSet();
	readonly #frames: Frame[] = [];
	/** `#ids[d]` is the region of frame `d`: render paths are slices of it. */
	readonly #ids: RegionId[] = [];
	#depth = 0;
	/** How many frames of the current path render each region (more than one: a self-alias). */
	readonly #onPath: Uint32Array;
	readonly #pieces = new PieceColumns();
	readonly #paths = new PathColumns();
	#leaving: Frame | undefined;
	/** The number of the leaving frame's render path, once a piece needed it. */
	#leavingPath = -1;
	readonly #budget: ReturnType<typeof renderBudget>;
	#visits = 0;
	/** Set when the render stopped at its budget: the ranges are only a prefix of the work. */
	truncated = false;
	/** The first alias met again where the path already renders it (see `#repeats`). */
	recursion: RegionId | undefined;

	constructor(tree: RegionTree) {
		this.#regions = tree.regions;
		this.#onPath = new Uint32Array(tree.regions.length);
		this.#budget = renderBudget(tree.regions.length);
	}

	/** Renders `root` and returns its view: the merged ranges in address order. */
	render(root: RegionId): FlatView {
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
		return mergePieces(root, this.#pieces, this.#coverage.order(), this.#paths, this.truncated);
	}

	/** R4.2 steps 1-4: skip disabled, out-of-clip and already-covered regions, else push. */
	#enter(id: RegionId, parentBase: bigint, parentStart: bigint, parentEnd: bigint, readonly: boolean, nonvolatile: boolean): void {
		const region = this.#regions[id];
		if (region === undefined || !region.enabled || this.#depth >= maxDepth) {
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
		if (this.#onPath[id] !== 0 && this.#repeats(id, base)) {
			// Self-aliases whose passes cancel out come back to where they started: QEMU
			// would recurse forever. This pass renders nothing; the view names the alias.
			// A region met again is entered from the alias that leads back to it.
			this.recursion ??= region.kind === 'alias' ? id : this.#ids[this.#depth - 1];
			return;
		}
		if (++this.#visits > this.#budget.visits) {
			this.truncated = true;
			return;
		}
		this.#onPath[id] = (this.#onPath[id] ?? 0) + 1;
		this.#ids[this.#depth] = id;
		const frame = this.#frames[this.#depth];
		const ro = readonly || isOwnReadonly(region);
		const nv = nonvolatile || region.nonvolatile;
		if (frame === undefined) {
			this.#frames.push({ id, region, base, clipStart, clipEnd, readonly: ro, nonvolatile: nv, next: 0 });
		} else {
			frame.id = id;
			frame.region = region;
			frame.base = base;
			frame.clipStart = clipStart;
			frame.clipEnd = clipEnd;
			frame.readonly = ro;
			frame.nonvolatile = nv;
			frame.next = 0;
		}
		this.#depth++;
	}

	/** Whether the path already renders region `id` at `base`: the same clip would follow. */
	#repeats(id: RegionId, base: bigint): boolean {
		for (let depth = 0; depth < this.#depth; depth++) {
			const frame = this.#frames[depth] as Frame;
			if (frame.id === id && frame.base === base) {
				return true;
			}
		}
		return false;
	}

	/** R4.2 steps 7-8: a terminal region fills what is still uncovered in its clip. */
	#leave(frame: Frame): void {
		this.#depth--;
		this.#onPath[frame.id] = (this.#onPath[frame.id] ?? 1) - 1;
		if (!isTerminal(frame.region)) {
			return;
		}
		if (this.#pieces.count >= this.#budget.pieces) {
			// Checked before a fill, never inside one: the coverage set numbers every gap.
			this.truncated = true;
			return;
		}
		this.#leaving = frame;
		this.#leavingPath = -1;
		this.#coverage.fill(frame.clipStart, frame.clipEnd, this.#addPiece);
	}

	/** The coverage set's sink while a terminal is left: one piece per unclaimed gap. */
	readonly #addPiece = (start: bigint, end: bigint): void => {
		const frame = this.#leaving as Frame;
		if (this.#leavingPath < 0) {
			this.#leavingPath = this.#paths.add(this.#ids, this.#depth + 1);
		}
		// The common case, a region's own start, needs no subtraction.
		const offset = start === frame.base ? 0n : start - frame.base;
		const flags = rangeFlags(frame.readonly, frame.nonvolatile, frame.region.romdMode);
		this.#pieces.push(start, end, offset, frame.id, flags, this.#leavingPath);
	};
}
