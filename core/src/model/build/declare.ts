/**
 * Declaration pass: one region draft per named region node (pre-order, includes inline),
 * its properties and settings checked against its kind, nested regions placed in their
 * enclosing region (QEMU `memory_region_add_subregion[_overlap]`), and `map` statements
 * collected for the placement pass.
 */
import type {
	ItemNode,
	MemberNode,
	PropName,
	PropNode,
	RegionNode,
	Span,
} from '../../syntax/ast';
import type { RegionId } from '../types';
import { addressSpaceSize } from '../types';
import { RegionRecord } from './regionRecord';
import { applySetting, type AppliedSettings } from './settings';
import { propertyBit, propertyFits } from './locations';
import { at, kindPhrase, noChildren, q, related, report, type BuildState, type RegionDraft } from './state';
import { addressValue, priorityValue, sizeValue } from './values';

/** One item of the loaded files, in textual order with includes expanded in place. */
export interface LoadedItem {
	readonly uri: string;
	readonly item: ItemNode;
}

interface Walk {
	readonly state: BuildState;
	seq: number;
	/** Name -> the last long sibling list (numbered by `lists`) it was seen in. */
	readonly lastList: Map<string, number>;
	lists: number;
}

/** Declares every region of `items`, collecting maps and spaces into `state`. */
export function declareAll(state: BuildState, items: readonly LoadedItem[]): void {
	const walk: Walk = { state, seq: 0, lastList: new Map(), lists: 0 };
	const topNames = occurrences(walk, items.map((entry) => entry.item));
	items.forEach((entry, index) => {
		const item = entry.item;
		if (item.kind === 'space') {
			state.spaces.push({ uri: entry.uri, node: item });
		} else if (item.kind === 'region' && item.name) {
			const id = declareRegion(walk, entry.uri, item, undefined, topNames?.[index]);
			state.topLevel.push(id);
		}
	});
}

/**
 * The path segment suffix of each region node that shares its name with another at the
 * same level: `#N`, so the path is itself an unambiguous reference. Indexed like `nodes`;
 * undefined when no name repeats (the common case, which allocates nothing).
 */
function occurrences(walk: Walk, nodes: readonly (ItemNode | MemberNode)[]): (string | undefined)[] | undefined {
	let regions = 0;
	for (const node of nodes) {
		regions += node.kind === 'region' ? 1 : 0;
	}
	if (regions < 2 || !repeatsName(walk, nodes)) {
		return undefined;
	}
	const counts = new Map<string, number>();
	for (const node of nodes) {
		if (node.kind === 'region' && node.name) {
			counts.set(node.name.text, (counts.get(node.name.text) ?? 0) + 1);
		}
	}
	if (counts.size === regions) {
		return undefined;
	}
	const seen = new Map<string, number>();
	return nodes.map((node) => {
		const name = node.kind === 'region' ? node.name?.text : undefined;
		if (name === undefined || (counts.get(name) ?? 0) < 2) {
			return undefined;
		}
		const n = (seen.get(name) ?? 0) + 1;
		seen.set(name, n);
		return `#${n}`;
	});
}

/** Up to this many nodes, names are compared pairwise: cheaper than hashing them. */
const pairwiseLimit = 24;

/** Whether two regions of `nodes` share a name. */
function repeatsName(walk: Walk, nodes: readonly (ItemNode | MemberNode)[]): boolean {
	if (nodes.length <= pairwiseLimit) {
		for (let i = 1; i < nodes.length; i++) {
			const text = nameOf(nodes[i]);
			for (let j = 0; text !== undefined && j < i; j++) {
				if (nameOf(nodes[j]) === text) {
					return true;
				}
			}
		}
		return false;
	}
	const list = ++walk.lists;
	for (const node of nodes) {
		if (node.kind === 'region' && node.name) {
			const text = node.name.text;
			if (walk.lastList.get(text) === list) {
				return true;
			}
			walk.lastList.set(text, list);
		}
	}
	return false;
}

function nameOf(node: ItemNode | MemberNode | undefined): string | undefined {
	return node?.kind === 'region' ? node.name?.text : undefined;
}

function declareRegion(
	walk: Walk,
	uri: string,
	node: RegionNode,
	parent: RegionRecord | undefined,
	suffix: string | undefined,
): RegionId {
	const { state } = walk;
	const id = state.regions.length;
	const draft = new RegionRecord(id, uri, node, parent?.id, parent, suffix, noChildren);
	const ofValue = findProp(node, 'of')?.value;
	const ofRef = ofValue?.kind === 'ref' ? ofValue : undefined;
	state.regions.push(draft);
	state.sources.push({ uri, node, declaredIn: parent?.id, declared: noChildren, of: ofRef, seq: walk.seq++ });
	const written = applyProps(state, draft, uri, node);
	checkRequired(state, draft, uri, node, written);
	if (node.body) {
		declareMembers(walk, uri, draft, node.body.members);
	}
	return id;
}

function declareMembers(
	walk: Walk,
	uri: string,
	owner: RegionRecord,
	members: readonly MemberNode[],
): void {
	const suffixes = occurrences(walk, members);
	let settings: AppliedSettings | undefined;
	members.forEach((member, index) => {
		if (member.kind === 'region') {
			if (member.name) {
				const child = declareRegion(walk, uri, member, owner, suffixes?.[index]);
				const source = walk.state.sources[owner.id];
				if (source) {
					(source.declared === noChildren ? (source.declared = []) : source.declared).push(child);
				}
			}
		} else if (member.kind === 'map') {
			walk.state.maps.push({ uri, node: member, container: owner.id, seq: walk.seq++ });
		} else {
			applySetting(walk.state, owner, uri, member, (settings ??= {}));
		}
	});
}

function findProp(node: RegionNode, name: PropName): PropNode | undefined {
	for (const prop of node.props) {
		if (prop.name === name) {
			return prop;
		}
	}
	return undefined;
}

/**
 * Checks and applies the header properties; a repeated one is `prop.duplicate`. Returns
 * the `propertyBit`s of the properties applied.
 */
function applyProps(state: BuildState, draft: RegionDraft, uri: string, node: RegionNode): number {
	const nested = draft.parent !== undefined;
	let seen = 0;
	// The first of each repeated property, found once (a header may repeat one 100k times).
	let firsts: Map<PropName, PropNode> | undefined;
	for (const prop of node.props) {
		const bit = propertyBit(prop.name);
		if ((seen & bit) !== 0) {
			firsts ??= new Map();
			const first = firsts.get(prop.name) ?? findProp(node, prop.name) ?? prop;
			firsts.set(prop.name, first);
			report(state, 'prop.duplicate', 'error', at(uri, prop), `${q(prop.name)} is written twice on ${q(draft.name)}; the first one counts.`, {
				related: [related(at(uri, first), `first ${q(prop.name)} of ${q(draft.name)}`)],
			});
			continue;
		}
		const misfit = propertyFits(prop.name, draft.kind, nested);
		if (misfit === 'nested-only') {
			report(state, 'prop.wrong-kind', 'error', at(uri, prop), `${q(prop.name)} places a nested region, but ${q(draft.name)} is top-level: top-level regions are defined, not mapped; place it with 'map ${draft.name} at ...' inside a container.`);
			continue;
		}
		if (misfit === 'alias-only') {
			report(state, 'prop.wrong-kind', 'error', at(uri, prop), `${q(prop.name)} applies to aliases only, and ${q(draft.name)} is ${kindPhrase(draft.kind)}.`);
			continue;
		}
		seen |= bit;
		applyProp(state, draft, uri, prop);
	}
	return seen;
}

function applyProp(state: BuildState, draft: RegionDraft, uri: string, prop: PropNode): void {
	const number = prop.value?.kind === 'number' ? prop.value : undefined;
	switch (prop.name) {
		case 'at':
			draft.addr = addressValue(state, uri, number, "'at'") ?? 0n;
			break;
		case 'size':
			draft.size = sizeValue(state, uri, number, "'size'") ?? 0n;
			break;
		case 'priority':
			draft.priority = priorityValue(state, uri, number) ?? 0;
			draft.mayOverlap = true;
			break;
		case 'overlap':
			draft.mayOverlap = true;
			break;
		case 'offset':
			draft.alias = { target: undefined, offset: addressValue(state, uri, number, "'offset'") ?? 0n };
			break;
		case 'readonly':
			draft.readonly = true;
			break;
		case 'disabled':
			draft.enabled = false;
			break;
		case 'nonvolatile':
			draft.nonvolatile = true;
			break;
		case 'of':
			break;
	}
}

/**
 * `at` inside a block, `size` always, `of` on aliases; and `at + size` within 2^64.
 * `applied` is what `applyProps` returned: each of these is applied exactly when written
 * where it is required, so the mask answers "is it written" without another search.
 */
function checkRequired(state: BuildState, draft: RegionDraft, uri: string, node: RegionNode, applied: number): void {
	const has = (name: PropName): boolean => (applied & propertyBit(name)) !== 0;
	if (draft.parent !== undefined && !has('at')) {
		report(state, 'prop.missing-at', 'error', draft.nameLocation, `${q(draft.name)} is nested, so it needs 'at' (its offset in the enclosing region); 0 is assumed.`);
	}
	if (!has('size')) {
		report(state, 'region.missing-size', 'error', draft.nameLocation, `${q(draft.name)} has no 'size'${draft.kind === 'alias' ? " (an alias's size is its window)" : ''}; 0 is assumed.`);
	}
	if (draft.kind === 'alias') {
		draft.alias ??= { target: undefined, offset: 0n };
		if (!has('of')) {
			report(state, 'alias.missing-target', 'error', draft.nameLocation, `Alias ${q(draft.name)} has no target: write 'of REGION'.`);
		}
	}
	checkOverflow(state, draft, uri, node);
}

/**
 * `address.overflow`: a placement whose end passes 2^64 (QEMU prints DETECTED OVERFLOW),
 * reported on the region's `at`, else on `fallback` in `uri`.
 */
export function checkOverflow(state: BuildState, draft: RegionDraft, uri: string, fallback: Span): void {
	if (draft.parent !== undefined && draft.addr + draft.size > addressSpaceSize) {
		report(state, 'address.overflow', 'error', draft.locations.at ?? at(uri, fallback), `${q(draft.name)} at 0x${draft.addr.toString(16)} with size 0x${draft.size.toString(16)} ends past 2^64.`);
	}
}
