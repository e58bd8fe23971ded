/**
 * The reasons behind `explainOwner`: why each region that covers an address loses to
 * the owner (R3.2 order and priority, R2.9 children first, R3.4 disabled, R4.3 clipping,
 * R4.5 alias windows), and the access summary of an MMIO owner (R6).
 */
import { toHex } from './address';
import { isTerminal } from './flatViewRoot';
import type { HiddenClaim } from './owner';
import type { PointVisit } from './pointWalk';
import type { Region, RegionId, RegionTree } from './types';

/** A losing claim and its one-line rendering (`hides: 'pci' (priority -1 < 4096)`). */
export interface ReasonedClaim extends HiddenClaim {
	readonly line: string;
}

/** Every visit off the owner's chain (and every terminal ancestor on it), with a reason. */
export function hiddenClaims(tree: RegionTree, visits: readonly PointVisit[], chain: readonly RegionId[]): ReasonedClaim[] {
	const name = (id: RegionId | undefined): string => (id === undefined ? '?' : (tree.regions[id]?.name ?? '?'));
	const claims: ReasonedClaim[] = [];
	const seen = new Set<string>();
	for (const visit of visits) {
		const claim = reasonFor(tree, visit, chain, name);
		const key = `${visit.id}:${claim?.reason ?? ''}`;
		if (claim !== undefined && !seen.has(key)) {
			seen.add(key);
			claims.push(claim);
		}
	}
	return claims;
}

function reasonFor(
	tree: RegionTree,
	visit: PointVisit,
	chain: readonly RegionId[],
	name: (id: RegionId | undefined) => string,
): ReasonedClaim | undefined {
	const region = tree.regions[visit.id];
	const make = (reason: string, line: string): ReasonedClaim => ({ region: visit.id, reason, line: `'${name(visit.id)}' (${line})` });
	if (region === undefined) {
		return undefined;
	}
	const blocked = visit.blocked;
	// A container or alias cut off here would show nothing anyway; what it holds is listed.
	// A terminal is worth naming only when its own parent (container or alias window)
	// cuts it off: further up, whole subtrees merely sit elsewhere.
	const parentOnPath = visit.path[visit.path.length - 2];
	if (blocked !== undefined && (!isTerminal(region) || (blocked.kind !== 'disabled' && blocked.by !== parentOnPath))) {
		return undefined;
	}
	if (blocked !== undefined) {
		const text =
			blocked.kind === 'disabled'
				? blocked.by === visit.id
					? 'disabled'
					: `inside disabled '${name(blocked.by)}'`
				: `outside ${blocked.kind === 'window' ? 'the window of alias' : 'its container'} '${name(blocked.by)}' [${toHex(blocked.start)}, ${toHex(blocked.end)})`;
		return make(text, text);
	}
	if (!isPrefix(visit.path, chain) && chain.includes(visit.id)) {
		// The same region reached on another path: the chain already explains it.
		return undefined;
	}
	if (isPrefix(visit.path, chain)) {
		const child = chain[visit.path.length];
		if (child === undefined || !isTerminal(region)) {
			return undefined;
		}
		const text = `its subregion '${name(child)}' renders first`;
		return make(text, text);
	}
	return orderReason(tree, visit, chain, name, make);
}

/** Siblings in list order: the earlier one (higher priority, or later-declared) wins. */
function orderReason(
	tree: RegionTree,
	visit: PointVisit,
	chain: readonly RegionId[],
	name: (id: RegionId | undefined) => string,
	make: (reason: string, line: string) => ReasonedClaim,
): ReasonedClaim | undefined {
	let i = 0;
	while (i < visit.path.length && visit.path[i] === chain[i]) {
		i++;
	}
	const winner = chain[i];
	const loser = visit.path[i];
	const parent = tree.regions[visit.path[i - 1] ?? -1];
	const nothing = 'nothing of it is mapped at this address';
	const transparent = winner === undefined || loser === undefined || parent === undefined || parent.children.indexOf(loser) < parent.children.indexOf(winner);
	if (transparent || winner === undefined || loser === undefined) {
		// Only an alias is worth naming here: its window covers the address but shows a hole.
		return tree.regions[visit.id]?.kind === 'alias' ? make(nothing, nothing) : undefined;
	}
	const w = tree.regions[winner]?.priority ?? 0;
	const l = tree.regions[loser]?.priority ?? 0;
	const via = winner === chain[chain.length - 1] ? '' : ` of '${name(winner)}'`;
	const why = w > l ? `priority ${l} < ${w}${via}` : `equal priority ${l}: '${name(winner)}' is declared later and wins`;
	const who = loser === visit.id ? '' : `, through '${name(loser)}'`;
	return make(`hidden by '${name(winner)}' (${why})${who}`, `${why}${who}`);
}

function isPrefix(path: readonly RegionId[], chain: readonly RegionId[]): boolean {
	return path.length <= chain.length && path.every((id, i) => chain[i] === id);
}

/** `valid 1..4, impl 4..4, little endian` for io and romd regions; undefined otherwise. */
export function describeAccess(region: Region | undefined): string | undefined {
	if (region === undefined || (region.kind !== 'io' && region.kind !== 'romd')) {
		return undefined;
	}
	const access = region.access;
	const valid = access?.valid;
	const impl = access?.impl;
	const validText =
		valid === undefined || valid.max === 0
			? 'valid any size'
			: `valid ${valid.min === 0 ? 1 : valid.min}..${valid.max}${valid.unaligned ? ' unaligned' : ''}`;
	const implText =
		impl === undefined
			? 'impl 1..4 (default)'
			: `impl ${impl.min === 0 ? 1 : impl.min}..${impl.max === 0 ? 4 : impl.max}${impl.unaligned ? ' unaligned' : ''}`;
	return `${validText}, ${implText}, ${access?.endian ?? 'native'} endian`;
}
