/**
 * Ownership queries over a flat view: which range answers an address (binary search),
 * which ranges a region owns, and a full explanation of why (the render path, alias
 * window arithmetic, and every region that also covers the address but loses).
 */
import { toHex } from './address';
import { describeAccess, hiddenClaims } from './ownerReasons';
import type { PointVisit } from './pointWalk';
import { walkPoint } from './pointWalk';
import { firstRangeEndingAfter, rangeAt, rangeRegions, rangeStart } from './packedView';
import type { FlatRange, FlatView, RegionId, RegionTree } from './types';

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
	/** Regions from the flat-view root down to the owner: containers, aliases, owner. */
	readonly chain: readonly RegionId[];
	/** Other regions whose extent covers the address but lose to the owner. */
	readonly hidden: readonly HiddenClaim[];
	/** Human-readable lines of the whole explanation (used by CLI and hover). */
	readonly lines: readonly string[];
}

/**
 * Explains who owns `address` in `view` and why. `spaceName`, when given, is named in
 * the first line. Never throws; on huge trees the search for losing regions is bounded.
 */
export function explainOwner(tree: RegionTree, view: FlatView, address: bigint, spaceName?: string): OwnerExplanation {
	const range = findRange(view, address);
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
	} else if (range === undefined) {
		lines.push(`${where} is a hole: no region renders there (unassigned)`);
	} else {
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
	return { address, range, chain, hidden: hidden.map(({ region, reason }) => ({ region, reason })), lines };
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
