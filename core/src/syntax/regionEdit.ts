/**
 * The other edit the analysis can build on (besides those `compareShapes` accepts): one
 * region added to a block or to the top level, removed from it or changed, and nothing
 * else (a line pasted, deleted or being typed). `findRegionEdit` finds it in the nodes an incremental parse replaced, and
 * pairs every other old node with its new twin.
 */
import type { ItemNode, MapNode, MemberNode, RegionNode } from './ast';
import { compareShapes, sameRegionHeader } from './sameShape';

type Node = ItemNode | MemberNode;

/** Old nodes with the new nodes parsed in their place (same shape, in order). */
export interface NodePairs {
	readonly regions: Map<RegionNode, RegionNode>;
	readonly maps: Map<MapNode, MapNode>;
}

/** One region added to, removed from or replaced in the block of `parent`, or at the top level. */
export interface RegionEdit {
	readonly kind: 'added' | 'removed' | 'replaced';
	/** The region added or put in (a node of the new tree), or removed (of the old one). */
	readonly region: RegionNode;
	/** For `replaced`: the region of the old tree that `region` took the place of. */
	readonly replaced?: RegionNode;
	/** The region whose block holds it, before and after the edit; undefined at the top level. */
	readonly parent: { readonly before: RegionNode; readonly after: RegionNode } | undefined;
	/** Every other region and map node of `before`, with its twin in `after`. */
	readonly pairs: NodePairs;
}

interface Search {
	readonly pairs: NodePairs;
	found: Omit<RegionEdit, 'pairs'> | undefined;
}

/**
 * The single region that `after` adds to, drops from or changes in a block of `before`,
 * or among its top-level items (a region line pasted, deleted or being typed), if that is
 * the only difference but for positions and documentation; undefined otherwise.
 */
export function findRegionEdit(before: readonly Node[], after: readonly Node[]): RegionEdit | undefined {
	const search: Search = { pairs: { regions: new Map(), maps: new Map() }, found: undefined };
	if (!matchList(before, after, undefined, search) || search.found === undefined) {
		return undefined;
	}
	return { ...search.found, pairs: search.pairs };
}

function matchList(
	before: readonly Node[],
	after: readonly Node[],
	parent: RegionEdit['parent'],
	search: Search,
): boolean {
	if (before.length === after.length) {
		return before.every((node, i) => matchNode(node, after[i] as Node, parent, search));
	}
	if (search.found !== undefined || Math.abs(before.length - after.length) !== 1) {
		return false;
	}
	const added = after.length > before.length;
	const [longer, shorter] = added ? [after, before] : [before, after];
	let i = 0;
	while (i < shorter.length && compareShapes([shorter[i] as Node], [longer[i] as Node]) === 'same') {
		i++;
	}
	const region = longer[i];
	if (region?.kind !== 'region' || compareShapes(shorter.slice(i), longer.slice(i + 1)) !== 'same') {
		return false;
	}
	search.found = { kind: added ? 'added' : 'removed', region, parent };
	const rest = (list: readonly Node[], skip: boolean): Node[] => [...list.slice(0, i), ...list.slice(skip ? i + 1 : i)];
	pairNodes(rest(before, !added), rest(after, added), search.pairs);
	return true;
}

/**
 * Regions whose headers agree are matched member by member; anything else must be the
 * same, but for one region (of `parent`'s block, or at the top level) that may differ in
 * any way.
 */
function matchNode(before: Node, after: Node, parent: RegionEdit['parent'], search: Search): boolean {
	if (before.kind === 'region' && after.kind === 'region' && sameRegionHeader(before, after)) {
		search.pairs.regions.set(before, after);
		return matchList(before.body?.members ?? [], after.body?.members ?? [], { before, after }, search);
	}
	if (compareShapes([before], [after]) === 'same') {
		pairNodes([before], [after], search.pairs);
		return true;
	}
	if (before.kind !== 'region' || after.kind !== 'region' || search.found !== undefined) {
		return false;
	}
	search.found = { kind: 'replaced', region: after, replaced: before, parent };
	return true;
}

/** Pairs the region and map nodes of two lists of the same shape, in order. */
export function pairNodes(before: readonly Node[], after: readonly Node[], pairs: NodePairs): void {
	for (let i = 0; i < before.length; i++) {
		const old = before[i];
		const fresh = after[i];
		if (old?.kind === 'region' && fresh?.kind === 'region') {
			pairs.regions.set(old, fresh);
			pairNodes(old.body?.members ?? [], fresh.body?.members ?? [], pairs);
		} else if (old?.kind === 'map' && fresh?.kind === 'map') {
			pairs.maps.set(old, fresh);
		}
	}
}
