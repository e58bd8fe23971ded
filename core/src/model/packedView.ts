/**
 * A flat view stored as columns of typed arrays, one entry per range: QEMU's FlatView is
 * one C array of FlatRange structs, and this is its JavaScript counterpart.
 *
 * Why: a flat range as an object is a literal, three bigints and a path array. On the
 * 10k-region benchmark board that was 13k ranges and about 2.5 MB that lived until the
 * analysis ended, and every scavenge during the analysis copied them. Columns live
 * outside the JavaScript heap. The analysis itself (the checks) reads the columns;
 * lookups (hover, `memmap owner`) build only the ranges they return; `ranges`, which the
 * CLI's listings and the webview read, builds them all on first read and keeps them.
 */
import type { FlatRange, FlatView, RegionId } from './types';
import { addressSpaceSize } from './types';

const readonlyFlag = 1;
const nonvolatileFlag = 2;
const romdModeFlag = 4;

/** The flags column's value for a range with these attributes. */
export function rangeFlags(readonly: boolean, nonvolatile: boolean, romdMode: boolean): number {
	return (readonly ? readonlyFlag : 0) | (nonvolatile ? nonvolatileFlag : 0) | (romdMode ? romdModeFlag : 0);
}

/**
 * Growable columns of pieces, in the order the renderer hands them out. An end is kept
 * modulo 2^64 (a `BigUint64Array` wraps on store), so 0 stands for 2^64: pieces are never
 * empty, so an end is never 0 otherwise.
 */
export class PieceColumns {
	count = 0;
	starts = new BigUint64Array(64);
	ends = new BigUint64Array(64);
	offsets = new BigUint64Array(64);
	regions = new Int32Array(64);
	flags = new Uint8Array(64);
	paths = new Int32Array(64);

	push(start: bigint, end: bigint, offset: bigint, region: RegionId, flags: number, path: number): void {
		if (this.count === this.regions.length) {
			this.#grow();
		}
		const i = this.count++;
		this.starts[i] = start;
		this.ends[i] = end;
		this.offsets[i] = offset;
		this.regions[i] = region;
		this.flags[i] = flags;
		this.paths[i] = path;
	}

	#grow(): void {
		const size = this.regions.length * 2;
		this.starts = grown(this.starts, new BigUint64Array(size));
		this.ends = grown(this.ends, new BigUint64Array(size));
		this.offsets = grown(this.offsets, new BigUint64Array(size));
		this.regions = grown(this.regions, new Int32Array(size));
		this.flags = grown(this.flags, new Uint8Array(size));
		this.paths = grown(this.paths, new Int32Array(size));
	}
}

function grown<T extends { set(from: T): void }>(from: T, to: T): T {
	to.set(from);
	return to;
}

/** Render paths, each a run of region ids in one growing column. */
export class PathColumns {
	count = 0;
	#ids = new Int32Array(256);
	#used = 0;
	#starts: number[] = [0];

	/** Adds `ids[0..length)` as a new path and returns its number. */
	add(ids: readonly RegionId[], length: number): number {
		if (this.#used + length > this.#ids.length) {
			this.#ids = grown(this.#ids, new Int32Array(Math.max(this.#ids.length * 2, this.#used + length)));
		}
		for (let i = 0; i < length; i++) {
			this.#ids[this.#used + i] = ids[i] as RegionId;
		}
		this.#used += length;
		this.#starts.push(this.#used);
		return this.count++;
	}

	/** The ids, trimmed to what is used, and where each path starts (one more entry than paths). */
	finish(): { ids: Int32Array; starts: Int32Array } {
		return { ids: this.#ids.slice(0, this.#used), starts: Int32Array.from(this.#starts) };
	}
}

/**
 * R4.7 `flatview_simplify` over packed pieces: takes them in address `order` and merges
 * each into the previous kept one when they are adjacent, belong to the same region at
 * contiguous offsets and carry the same flags. Returns the view's columns.
 */
export function mergePieces(
	root: RegionId,
	pieces: PieceColumns,
	order: readonly number[],
	paths: PathColumns,
	truncated: boolean,
): PackedFlatView {
	// First pass: which piece starts each range, and which piece ends it.
	const firsts = new Int32Array(order.length);
	const lasts = new Int32Array(order.length);
	let count = 0;
	for (const p of order) {
		if (count > 0 && canMerge(pieces, firsts[count - 1] as number, lasts[count - 1] as number, p)) {
			lasts[count - 1] = p;
		} else {
			firsts[count] = p;
			lasts[count] = p;
			count++;
		}
	}
	const { regions, flags, starts, ends, offsets } = pieces;
	const columns = {
		starts: new BigUint64Array(count),
		ends: new BigUint64Array(count),
		offsets: new BigUint64Array(count),
		regions: new Int32Array(count),
		flags: new Uint8Array(count),
		paths: new Int32Array(count),
	};
	for (let i = 0; i < count; i++) {
		const first = firsts[i] as number;
		columns.starts[i] = starts[first] as bigint;
		columns.ends[i] = ends[lasts[i] as number] as bigint;
		columns.offsets[i] = offsets[first] as bigint;
		columns.regions[i] = regions[first] as number;
		columns.flags[i] = flags[first] as number;
		columns.paths[i] = pieces.paths[first] as number;
	}
	const { ids, starts: pathStarts } = paths.finish();
	return new PackedFlatView(root, columns, ids, pathStarts, truncated);
}

/**
 * True when piece `next` continues the range whose first piece is `first` and whose
 * last is `previous`. The cheap tests come first: most neighbours differ in region.
 */
function canMerge(pieces: PieceColumns, first: number, previous: number, next: number): boolean {
	const { regions, flags, starts, ends, offsets } = pieces;
	if (regions[first] !== regions[next] || flags[first] !== flags[next] || ends[previous] !== starts[next]) {
		return false;
	}
	// The range's offset plus its size so far, against the next piece's offset.
	const size = end(ends[previous] as bigint) - (starts[first] as bigint);
	return (offsets[first] as bigint) + size === offsets[next];
}

/** An end read back from a column: 0 stands for 2^64. */
function end(stored: bigint): bigint {
	return stored === 0n ? addressSpaceSize : stored;
}

/** The columns of a packed view, one entry per range in address order. */
export interface RangeColumns {
	readonly starts: BigUint64Array;
	/** Ends modulo 2^64: 0 stands for 2^64. */
	readonly ends: BigUint64Array;
	readonly offsets: BigUint64Array;
	readonly regions: Int32Array;
	/** `rangeFlags` of each range. */
	readonly flags: Uint8Array;
	/** The number of each range's render path. */
	readonly paths: Int32Array;
}

/**
 * A flat view whose ranges are columns. `ranges` builds every range object on first read;
 * `rangeAt` builds one, so that a lookup (a hover, the first query after each edit) does
 * not pay for all of them. Either way each range is built once: the same index always
 * gives the same object, so readers may compare ranges by identity.
 */
export class PackedFlatView implements FlatView {
	/** Set (as an own property, like a literal view's) only when the render was cut short. */
	declare readonly truncated?: true;
	#ranges: FlatRange[] | undefined;
	/** Ranges built one at a time by `rangeAt`, before `ranges` was read. */
	readonly #built = new Map<number, FlatRange>();
	/** One array per render path, shared by the ranges built from it. */
	#paths: (RegionId[] | undefined)[] | undefined;

	constructor(
		readonly root: RegionId,
		readonly columns: RangeColumns,
		/** Path `n` is `pathIds[pathStarts[n] .. pathStarts[n + 1])`. */
		readonly pathIds: Int32Array,
		readonly pathStarts: Int32Array,
		truncated: boolean,
	) {
		if (truncated) {
			(this as { truncated?: true }).truncated = true;
		}
	}

	get count(): number {
		return this.columns.regions.length;
	}

	get ranges(): readonly FlatRange[] {
		if (this.#ranges === undefined) {
			const ranges: FlatRange[] = [];
			for (let i = 0; i < this.count; i++) {
				ranges.push(this.#built.get(i) ?? this.#make(i));
			}
			this.#ranges = ranges;
			this.#built.clear();
		}
		return this.#ranges;
	}

	/** The range at index `index` (0 <= index < count), built on first request. */
	rangeAt(index: number): FlatRange {
		const known = this.#ranges?.[index] ?? this.#built.get(index);
		if (known !== undefined) {
			return known;
		}
		const range = this.#make(index);
		this.#built.set(index, range);
		return range;
	}

	#make(i: number): FlatRange {
		const { starts, ends, offsets, regions, flags } = this.columns;
		const start = starts[i] as bigint;
		const bits = flags[i] as number;
		return {
			start,
			size: end(ends[i] as bigint) - start,
			region: regions[i] as number,
			offsetInRegion: offsets[i] as bigint,
			readonly: (bits & readonlyFlag) !== 0,
			nonvolatile: (bits & nonvolatileFlag) !== 0,
			romdMode: (bits & romdModeFlag) !== 0,
			path: this.#path(this.columns.paths[i] as number),
		};
	}

	#path(pathNumber: number): RegionId[] {
		const shared = (this.#paths ??= new Array<RegionId[] | undefined>(this.pathStarts.length - 1));
		let path = shared[pathNumber];
		if (path === undefined) {
			path = Array.from(this.pathIds.subarray(this.pathStarts[pathNumber], this.pathStarts[pathNumber + 1]));
			shared[pathNumber] = path;
		}
		return path;
	}
}

/** The range at `index` of `view` (0 <= index < `rangeCount(view)`), building only that one. */
export function rangeAt(view: FlatView, index: number): FlatRange | undefined {
	if (view instanceof PackedFlatView) {
		return index >= 0 && index < view.count ? view.rangeAt(index) : undefined;
	}
	return view.ranges[index];
}

/**
 * The index of the first range of `view` that ends above `address` (`rangeCount(view)`
 * when none does), by binary search over the columns: the range that holds `address`
 * if any, else the first one after it.
 */
export function firstRangeEndingAfter(view: FlatView, address: bigint): number {
	let low = 0;
	let high = rangeCount(view);
	if (view instanceof PackedFlatView) {
		const ends = view.columns.ends;
		while (low < high) {
			const mid = (low + high) >>> 1;
			if (end(ends[mid] as bigint) <= address) {
				low = mid + 1;
			} else {
				high = mid;
			}
		}
		return low;
	}
	const ranges = view.ranges;
	while (low < high) {
		const mid = (low + high) >>> 1;
		const range = ranges[mid] as FlatRange;
		if (range.start + range.size <= address) {
			low = mid + 1;
		} else {
			high = mid;
		}
	}
	return low;
}

/** Where the range at `index` of `view` starts, without building it. */
export function rangeStart(view: FlatView, index: number): bigint | undefined {
	if (view instanceof PackedFlatView) {
		return index >= 0 && index < view.count ? view.columns.starts[index] : undefined;
	}
	return view.ranges[index]?.start;
}

/** Where the range at `index` of `view` ends (exclusive, up to 2^64), without building it. */
export function rangeEnd(view: FlatView, index: number): bigint | undefined {
	if (view instanceof PackedFlatView) {
		return index >= 0 && index < view.count ? end(view.columns.ends[index] as bigint) : undefined;
	}
	const range = view.ranges[index];
	return range === undefined ? undefined : range.start + range.size;
}

/** The owning region of each range of `view`, in address order, without building ranges. */
export function rangeRegions(view: FlatView): ArrayLike<RegionId> {
	return view instanceof PackedFlatView ? view.columns.regions : view.ranges.map((range) => range.region);
}

/** How many bytes the ranges of `view` cover, without building ranges. */
export function mappedBytes(view: FlatView): bigint {
	let total = 0n;
	if (view instanceof PackedFlatView) {
		const { starts, ends } = view.columns;
		for (let i = 0; i < starts.length; i++) {
			total += end(ends[i] as bigint) - (starts[i] as bigint);
		}
		return total;
	}
	for (const range of view.ranges) {
		total += range.size;
	}
	return total;
}

/** How many ranges `view` has, without building them. */
export function rangeCount(view: FlatView): number {
	return view instanceof PackedFlatView ? view.count : view.ranges.length;
}
