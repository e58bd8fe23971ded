/**
 * Ownership queries over a flat view: which range answers an address (binary search),
 * which ranges a region owns, and a full explanation of why (the render path, alias
 * window arithmetic, and every region that also covers the address but loses).
 */
import { toHex } from './address';
import { describeAccess, hiddenClaims } from './ownerReasons';
import type { PointVisit } from './pointWalk';
import { walkPoint } from './pointWalk';
import { firstRangeEndingAfter, rangeAt, rangeEnd, rangeRegions, rangeStart } from './packedView';
import { addressSpaceSize, type FlatRange, type FlatView, type RegionId, type RegionTree } from './types';
import type { AddressSpan } from './visibility';
import { humanSize } from './flatPieces';

export { rangesIn, visibility, type AddressSpan, type RegionVisibility, type SpaceVisibility } from './visibility';

/**
 * The range of `view` that contains `address`, by binary search; undefined in a hole.
 * Builds no range object but the one found (see `PackedFlatView.rangeAt`).
 */
export function findRange(view: FlatView, address: bigint): FlatRange | undefined {
	const index = firstRangeEndingAfter(view, address);
	const start = rangeStart(view, index);
	return start !== undefined && start <= address ? rangeAt(view, index) : undefined;
}

/**
 * The hole of `view` that holds `address`: from the end of the range before it (or 0) to
 * the start of the one after it (or 2^64); undefined when a range holds `address`. With
 * the space's `extent` (its root's size), the hole stops there, or, for an address past
 * it, starts there: nothing can be mapped beyond the root.
 */
export function holeAround(view: FlatView, address: bigint, extent = addressSpaceSize): AddressSpan | undefined {
	const index = firstRangeEndingAfter(view, address);
	const next = rangeStart(view, index);
	if (next !== undefined && next <= address) {
		return undefined;
	}
	const start = index === 0 ? 0n : (rangeEnd(view, index - 1) ?? 0n);
	const end = next ?? addressSpaceSize;
	if (address < extent) {
		return { start, end: end < extent ? end : extent };
	}
	return { start: start > extent ? start : extent, end };
}

/** A hole of a flat view and the ranges on each side of it. */
export interface HoleSpan extends AddressSpan {
	/** The range that ends where the hole starts, if any. */
	readonly before: FlatRange | undefined;
	/** The range that starts where the hole ends, if any. */
	readonly after: FlatRange | undefined;
}

/** `holeAround`, with the ranges on each side. */
function holeWithNeighbours(view: FlatView, address: bigint, extent: bigint): HoleSpan | undefined {
	const hole = holeAround(view, address, extent);
	if (hole === undefined) {
		return undefined;
	}
	const before = hole.start > 0n ? findRange(view, hole.start - 1n) : undefined;
	const after = hole.end < addressSpaceSize ? findRange(view, hole.end) : undefined;
	return { ...hole, before, after };
}

/** A region that claims an address but does not own it, and why. */
export interface HiddenClaim {
	readonly region: RegionId;
	/** A sentence: `hidden by 'apic-msi' (priority 4096 > 0)`, `its child 'rtc-index' renders first`. */
	readonly reason: string;
}

/** Why an address belongs to whom: the answer behind hover and `memmap owner`. */
export interface OwnerExplanation {
	readonly address: bigint;
	/** The owning range, or undefined for a hole. */
	readonly range: FlatRange | undefined;
	/** The hole that holds the address, when no range does (and the view is complete). */
	readonly hole: HoleSpan | undefined;
	/** Regions from the flat-view root down to the owner: containers, aliases, owner. */
	readonly chain: readonly RegionId[];
	/** Other regions whose extent covers the address but lose to the owner. */
	readonly hidden: readonly HiddenClaim[];
	/** Human-readable lines of the whole explanation (used by CLI and hover). */
	readonly lines: readonly string[];
}

/**
 * Explains who owns `address` in `view` and why. `spaceName`, when given, is named in
 * the first line; `extent`, the size of the space's root, bounds the hole an address
 * falls in (see `holeAround`). Never throws; on huge trees the search for losing regions
 * is bounded.
 */
export function explainOwner(
	tree: RegionTree,
	view: FlatView,
	address: bigint,
	spaceName?: string,
	extent = addressSpaceSize,
): OwnerExplanation {
	const range = findRange(view, address);
	const hole = range === undefined && !view.truncated ? holeWithNeighbours(view, address, extent) : undefined;
	const visits = view.root === undefined ? [] : walkPoint(tree, view.root, address);
	const owner = firstClaim(visits, range?.region);
	const chain = owner?.path ?? range?.path ?? [];
	const hidden = hiddenClaims(tree, visits, chain);
	const name = (id: RegionId): string => tree.regions[id]?.name ?? '?';
	const where = `${toHex(address)}${spaceName === undefined ? '' : ` in space '${spaceName}'`}`;
	const lines: string[] = [];
	if (range === undefined && view.truncated) {
		// Rendered ranges are final (first come, first served), but a gap may be work the
		// render never reached.
		lines.push(`${where} is not in the rendered part of the space: its flat view stopped at the work limit (space.truncated), so the owner is unknown`);
	} else if (hole !== undefined) {
		lines.push(`${where} is a hole: no region renders there (unassigned); ${holeWords(tree, hole, address < extent)}`);
	} else if (range !== undefined) {
		const region = tree.regions[range.region];
		const offset = range.offsetInRegion + (address - range.start);
		lines.push(`${where} is owned by '${name(range.region)}' (${region?.kind ?? '?'}, ${region?.path ?? '?'}) at offset ${toHex(offset)}`);
		lines.push(`path: ${chain.map(name).join(' > ')}`);
		lines.push(...aliasLines(tree, visits, chain, address));
		const flags = [range.readonly ? 'readonly' : '', range.nonvolatile ? 'nonvolatile' : ''].filter(Boolean);
		if (flags.length > 0) {
			lines.push(`attributes: ${flags.join(', ')}`);
		}
	}
	for (const claim of hidden) {
		lines.push(`${/^(hidden|its subregion)/.test(claim.reason) ? 'hides' : 'ignored'}: ${claim.line}`);
	}
	const access = range === undefined ? undefined : describeAccess(tree.regions[range.region]);
	if (access !== undefined) {
		lines.push(`access: ${access}`);
	}
	return { address, range, hole, chain, hidden: hidden.map(({ region, reason }) => ({ region, reason })), lines };
}

function holeWords(tree: RegionTree, hole: HoleSpan, inside: boolean): string {
	const span = `[${toHex(hole.start)}, ${toHex(hole.end)})`;
	if (!inside) {
		return `it is past the end of the space's root, ${span}`;
	}
	const name = (range: FlatRange): string => `'${tree.regions[range.region]?.name ?? '?'}'`;
	const sides = [hole.before ? `after ${name(hole.before)}` : '', hole.after ? `before ${name(hole.after)}` : ''].filter(Boolean);
	return `the hole is ${span}, ${humanSize(hole.end - hole.start)}${sides.length > 0 ? `, ${sides.join(' and ')}` : ''}`;
}

/** The first region to claim the address, preferring agreement with the flat view. */
function firstClaim(visits: readonly PointVisit[], owner: RegionId | undefined): PointVisit | undefined {
	let best: PointVisit | undefined;
	for (const visit of visits) {
		if (visit.claim >= 0 && (best === undefined || visit.claim < best.claim)) {
			best = visit;
		}
	}
	return best !== undefined && best.id === owner ? best : undefined;
}

/** R4.5 arithmetic for every alias on the chain: window, target origin, target offset. */
function aliasLines(tree: RegionTree, visits: readonly PointVisit[], chain: readonly RegionId[], address: bigint): string[] {
	const lines: string[] = [];
	for (let depth = 0; depth < chain.length; depth++) {
		const id = chain[depth] ?? -1;
		const region = tree.regions[id];
		const target = region?.alias?.target;
		const visit = visits.find((v) => v.path.length === depth + 1 && v.id === id);
		if (region === undefined || target === undefined || visit === undefined) {
			continue;
		}
		const offset = region.alias?.offset ?? 0n;
		const targetName = tree.regions[target]?.name ?? '?';
		lines.push(
			`alias '${region.name}' maps [${toHex(visit.base)}, ${toHex(visit.base + region.size)}) to '${targetName}' ` +
				`[${toHex(offset)}, ${toHex(offset + region.size)}): ${toHex(address)} -> '${targetName}' + ${toHex(address - visit.base + offset)}`,
		);
	}
	return lines;
}

/** Per view: the indexes of the ranges each region owns, in address order. */
const rangeIndex = new WeakMap<FlatView, Map<RegionId, number[]>>();

/** Every flat range of `view` owned by `region` (its visible pieces, via any alias). */
export function rangesOf(view: FlatView, region: RegionId): readonly FlatRange[] {
	let index = rangeIndex.get(view);
	if (index === undefined) {
		// From the regions column: the ranges themselves are built only for the regions asked about.
		index = new Map();
		const regions = rangeRegions(view);
		for (let i = 0; i < regions.length; i++) {
			const owner = regions[i] as RegionId;
			const list = index.get(owner);
			if (list === undefined) {
				index.set(owner, [i]);
			} else {
				list.push(i);
			}
		}
		rangeIndex.set(view, index);
	}
	return (index.get(region) ?? []).map((i) => rangeAt(view, i) as FlatRange);
}
