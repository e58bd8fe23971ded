/**
 * Comparison of two sets of flat views, address by address: a board against the
 * `info mtree -f` text of the QEMU machine it describes, or two versions of a board.
 * Both sides are reduced to what QEMU prints for each range (owner name, type, priority,
 * offset inside the owner), so a board and QEMU's text compare on equal terms, and two
 * views that split the same ownership into ranges differently compare equal.
 */
import type { Analysis, SpaceView } from '../model/analyze';
import type { FlatRange, RegionTree } from '../model/types';
import { findMoves, type FlatMove } from './flatMoves';
import { parseFlat } from './parseFlat';
import type { FlatBlock, MtreeError } from './mtreeModel';
import { pairSpaces } from './spacePairs';
import { hex16, regionType } from './regionType';

/** What owns one stretch of addresses, as `info mtree -f` prints it. */
export interface FlatOwner {
	readonly name: string;
	/** `ram`, `rom` (also readonly RAM), `romd`, `ramd` or `i/o`. */
	readonly type: string;
	readonly nonvolatile: boolean;
	readonly priority: number;
	/** Offset inside the owner of the stretch's first address. */
	readonly offset: bigint;
}

/** One range `[start, end)` of a flat view (end exclusive: up to 2^64). */
export interface OwnedRange {
	readonly start: bigint;
	readonly end: bigint;
	readonly owner: FlatOwner;
	/** The 1-based line of `info mtree -f` text it was read from. */
	readonly line?: number;
}

/** One address space's flat view: disjoint ranges in increasing address order. */
export interface FlatSpace {
	readonly name: string;
	/** The name of its root region (`AS "name", root: ROOT`), which tells repeated names apart. */
	readonly root?: string;
	/** A board space's root size, where known: everything it renders lies below it. */
	readonly size?: bigint;
	readonly ranges: readonly OwnedRange[];
}

/** A stretch `[start, end)` owned differently by the two sides; undefined is a hole. */
export interface FlatDifference {
	readonly start: bigint;
	readonly end: bigint;
	readonly before: FlatOwner | undefined;
	readonly after: FlatOwner | undefined;
}

export type SpaceStatus = 'same' | 'different' | 'only-before' | 'only-after';

export interface SpaceDiff {
	readonly name: string;
	readonly status: SpaceStatus;
	/** Empty unless `status` is `different`. */
	readonly differences: readonly FlatDifference[];
	/** The regions among `differences` that only moved (see `findMoves`). */
	readonly moves: readonly FlatMove[];
	/** The number of ranges of the side that has the space (both: the before side). */
	readonly rangeCount: number;
}

/** The flat view of every address space of an analysed board, as `info mtree -f` shows it. */
export function flatSpacesOfAnalysis(analysis: Analysis): FlatSpace[] {
	return analysis.views.map((view) => flatSpaceOf(analysis.tree, view));
}

/** One address space's flat view, as `info mtree -f` shows it. */
export function flatSpaceOf(tree: RegionTree, { space, view }: SpaceView): FlatSpace {
	return {
		name: space.name,
		root: tree.regions[space.root]?.name,
		size: tree.regions[space.root]?.size,
		ranges: view.ranges.map((range) => ({
			start: range.start,
			end: range.start + range.size,
			owner: flatOwner(tree, range),
		})),
	};
}

/** The owner fields `info mtree -f` prints for `range`: the printer and the diff share them. */
export function flatOwner(tree: RegionTree, range: FlatRange): FlatOwner {
	const region = tree.regions[range.region];
	return {
		name: region?.name ?? '',
		type: range.readonly ? 'rom' : region ? regionType(tree, region) : 'i/o',
		nonvolatile: range.nonvolatile,
		priority: region?.priority ?? 0,
		offset: range.offsetInRegion,
	};
}

/** The owner as the tail of an `info mtree -f` range line: `(prio 0, rom): pc.bios @0000000000020000`. */
export function flatOwnerText(owner: FlatOwner): string {
	const offset = owner.offset === 0n ? '' : ` @${hex16(owner.offset)}`;
	return `(prio ${owner.priority}, ${owner.nonvolatile ? 'nv-' : ''}${owner.type}): ${owner.name}${offset}`;
}

/**
 * The flat view of every address space named in `info mtree -f` text (each `AS` line of
 * a block gets the block's ranges). Ranges out of address order or overlapping, which
 * QEMU never prints, are located errors.
 */
export function flatSpacesOfText(text: string): { spaces: FlatSpace[]; errors: MtreeError[] } {
	const parsed = parseFlat(text);
	const errors = [...parsed.errors];
	return { spaces: flatSpacesOfBlocks(parsed.blocks, errors).spaces, errors };
}

/**
 * `flatSpacesOfText` for parsed blocks; `blocks[i]` is the block of `spaces[i]`. Ranges
 * out of order go to `errors`.
 */
export function flatSpacesOfBlocks(parsed: readonly FlatBlock[], errors: MtreeError[] = []): { spaces: FlatSpace[]; blocks: FlatBlock[] } {
	const spaces: FlatSpace[] = [];
	const blocks: FlatBlock[] = [];
	for (const block of parsed) {
		const ranges: OwnedRange[] = [];
		for (const line of block.ranges) {
			const previous = ranges[ranges.length - 1];
			if (previous !== undefined && line.start < previous.end) {
				errors.push({ line: line.line, column: 3, message: 'expected ranges in increasing address order without overlap, as QEMU prints them' });
				continue;
			}
			const { name, type, nonvolatile, priority, offset } = line;
			ranges.push({ start: line.start, end: line.end + 1n, owner: { name, type, nonvolatile, priority, offset }, line: line.line });
		}
		for (const space of block.spaces) {
			spaces.push({ name: space.name, root: space.root, ranges });
			blocks.push(block);
		}
	}
	return { spaces, blocks };
}

/**
 * The `info mtree -f` block of each space view, paired as `memmap diff` pairs spaces
 * (`pairSpaces`: by name, then root, fit and content where names repeat).
 */
export function blocksOfViews(tree: RegionTree, views: readonly SpaceView[], parsed: readonly FlatBlock[]): (FlatBlock | undefined)[] {
	const qemu = flatSpacesOfBlocks(parsed);
	const board = views.map((view) => flatSpaceOf(tree, view));
	const pairs = pairSpaces(board, qemu.spaces, (a, b) => diffRanges(a.ranges, b.ranges));
	return pairs.map((index) => (index === undefined ? undefined : qemu.blocks[index]));
}

/**
 * Compares two sets of flat views space by space (matched by name, and where names
 * repeat by root and content, see `pairSpaces`): every space of `before` in its order,
 * then the spaces only `after` has.
 */
export function diffFlatSpaces(before: readonly FlatSpace[], after: readonly FlatSpace[]): SpaceDiff[] {
	const pairs = pairSpaces(before, after, (a, b) => diffRanges(a.ranges, b.ranges));
	const paired = new Set(pairs);
	const result: SpaceDiff[] = [];
	before.forEach((space, i) => {
		const other = after[pairs[i] ?? -1];
		if (other === undefined) {
			result.push({ name: space.name, status: 'only-before', differences: [], moves: [], rangeCount: space.ranges.length });
			return;
		}
		const differences = diffRanges(space.ranges, other.ranges);
		const status = differences.length === 0 ? 'same' : 'different';
		result.push({ name: space.name, status, differences, moves: findMoves(differences), rangeCount: space.ranges.length });
	});
	after.forEach((space, index) => {
		if (!paired.has(index)) {
			result.push({ name: space.name, status: 'only-after', differences: [], moves: [], rangeCount: space.ranges.length });
		}
	});
	return result;
}

/**
 * The stretches where two flat views disagree, maximal: one sweep over the boundaries of
 * both (each list is sorted and disjoint, so their boundaries merge in linear time).
 */
export function diffRanges(before: readonly OwnedRange[], after: readonly OwnedRange[]): FlatDifference[] {
	const bounds = mergeBounds(boundsOf(before), boundsOf(after));
	const out: FlatDifference[] = [];
	let i = 0;
	let j = 0;
	for (let k = 0; k + 1 < bounds.length; k++) {
		const start = bounds[k] as bigint;
		const end = bounds[k + 1] as bigint;
		while (i < before.length && (before[i] as OwnedRange).end <= start) {
			i++;
		}
		while (j < after.length && (after[j] as OwnedRange).end <= start) {
			j++;
		}
		const a = ownerAt(before[i], start);
		const b = ownerAt(after[j], start);
		if (sameOwner(a, b)) {
			continue;
		}
		const last = out[out.length - 1];
		if (last !== undefined && last.end === start && continues(last.before, a, start - last.start) && continues(last.after, b, start - last.start)) {
			out[out.length - 1] = { ...last, end };
		} else {
			out.push({ start, end, before: a, after: b });
		}
	}
	return out;
}

/** Every start and end of `ranges`, in order (a shared boundary appears twice). */
function boundsOf(ranges: readonly OwnedRange[]): bigint[] {
	const out: bigint[] = [];
	for (const range of ranges) {
		out.push(range.start, range.end);
	}
	return out;
}

/** The sorted union of two sorted lists, without repeats. */
function mergeBounds(a: readonly bigint[], b: readonly bigint[]): bigint[] {
	const out: bigint[] = [];
	let i = 0;
	let j = 0;
	while (i < a.length || j < b.length) {
		const x = a[i];
		const y = b[j];
		const next = y === undefined || (x !== undefined && x <= y) ? (x as bigint) : y;
		if (x === next) {
			i++;
		}
		if (y === next) {
			j++;
		}
		if (out[out.length - 1] !== next) {
			out.push(next);
		}
	}
	return out;
}

/** The owner of `address` if `range` covers it, with the offset of that address. */
function ownerAt(range: OwnedRange | undefined, address: bigint): FlatOwner | undefined {
	if (range === undefined || range.start > address) {
		return undefined;
	}
	const offset = range.owner.offset + (address - range.start);
	return offset === range.owner.offset ? range.owner : { ...range.owner, offset };
}

function sameOwner(a: FlatOwner | undefined, b: FlatOwner | undefined): boolean {
	if (a === undefined || b === undefined) {
		return a === b;
	}
	return a.offset === b.offset && sameRegion(a, b);
}

function sameRegion(a: FlatOwner, b: FlatOwner): boolean {
	return a.name === b.name && a.type === b.type && a.priority === b.priority && a.nonvolatile === b.nonvolatile;
}

/** Whether `next`, `distance` bytes after `first`, is the same owner read further on. */
function continues(first: FlatOwner | undefined, next: FlatOwner | undefined, distance: bigint): boolean {
	if (first === undefined || next === undefined) {
		return first === next;
	}
	return sameRegion(first, next) && next.offset === first.offset + distance;
}
