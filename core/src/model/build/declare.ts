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
}

/**
 * Declares every region of `items`, collecting maps and spaces into `state`. The `#N`
 * suffixes of repeated sibling names are given later, by `numberRepeatedNames`, from
 * the name index (which hashes every name anyway).
 */
export function declareAll(state: BuildState, items: readonly LoadedItem[]): void {
	const walk: Walk = { state, seq: 0 };
	for (const entry of items) {
		const item = entry.item;
		if (item.kind === 'space') {
			state.spaces.push({ uri: entry.uri, node: item });
		} else if (item.kind === 'region' && item.name) {
			const id = declareRegion(walk, entry.uri, item, undefined);
			state.topLevel.push(id);
		}
	}
}

function declareRegion(
	walk: Walk,
	uri: string,
	node: RegionNode,
	parent: RegionRecord | undefined,
): RegionId {
	const { state } = walk;
	const id = state.regions.length;
	const draft = new RegionRecord(id, uri, node, parent?.id, parent, noChildren);
	const ofValue = findProp(node, 'of')?.value;
	const ofRef = ofValue?.kind === 'ref' ? ofValue : undefined;
	state.regions.push(draft);
	state.sources.push({ uri, node, declaredIn: parent?.id, declared: noChildren, of: ofRef, seq: walk.seq++ });
	const nested = parent !== undefined;
	checkRequired(state, draft, uri, node, nested, applyProps(state, draft, uri, node, nested));
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
	let settings: AppliedSettings | undefined;
	for (const member of members) {
		if (member.kind === 'region') {
			if (member.name) {
				const child = declareRegion(walk, uri, member, owner);
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
	}
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
function applyProps(state: BuildState, draft: RegionDraft, uri: string, node: RegionNode, nested: boolean): number {
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
	switch (prop.name) {
		case 'at':
			draft.addr = addressValue(state, uri, prop, "'at'") ?? 0n;
			break;
		case 'size':
			draft.size = sizeValue(state, uri, prop, "'size'") ?? 0n;
			break;
		case 'priority':
			draft.priority = priorityValue(state, uri, prop) ?? 0;
			draft.mayOverlap = true;
			break;
		case 'overlap':
			draft.mayOverlap = true;
			break;
		case 'offset':
			draft.alias = { target: undefined, offset: addressValue(state, uri, prop, "'offset'") ?? 0n };
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
 * Declares `node`, a region of `parent`'s block (undefined: a top-level region) with no
 * regions or maps in its own, as region `id`, for an edit that added just that region
 * (see `reuse.ts`); diagnostics go to `state`. Undefined when its block holds more than
 * settings.
 */
export function declareLeaf(state: BuildState, uri: string, node: RegionNode, parent: RegionRecord | undefined, id: RegionId): RegionRecord | undefined {
	const draft = new RegionRecord(id, uri, node, parent?.id, parent, noChildren);
	const nested = parent !== undefined;
	checkRequired(state, draft, uri, node, nested, applyProps(state, draft, uri, node, nested));
	let settings: AppliedSettings | undefined;
	for (const member of node.body?.members ?? []) {
		if (member.kind === 'region' || member.kind === 'map') {
			return undefined;
		}
		applySetting(state, draft, uri, member, (settings ??= {}));
	}
	return draft;
}

/**
 * Reads a region's header properties again into its record, for an edit that changed
 * only their numbers (see `reuse.ts`); diagnostics go to `state`. The alias target,
 * which a later pass resolved, is kept. `nested`: declared in a block (a region placed
 * by a `map` is not, though it has a parent).
 */
export function redeclareProps(state: BuildState, draft: RegionDraft, uri: string, node: RegionNode, nested: boolean): void {
	const target = draft.alias?.target;
	checkRequired(state, draft, uri, node, nested, applyProps(state, draft, uri, node, nested));
	if (draft.alias !== undefined) {
		draft.alias.target = target;
	}
}

/**
 * `at` inside a block, `size` always, `of` on aliases; and `at + size` within 2^64.
 * `applied` is what `applyProps` returned: each of these is applied exactly when written
 * where it is required, so the mask answers "is it written" without another search.
 */
function checkRequired(state: BuildState, draft: RegionDraft, uri: string, node: RegionNode, nested: boolean, applied: number): void {
	// Bit tests rather than a closure over `applied`: this runs once per region.
	if (nested && (applied & propertyBit('at')) === 0) {
		report(state, 'prop.missing-at', 'error', draft.nameLocation, `${q(draft.name)} is nested, so it needs 'at' (its offset in the enclosing region); 0 is assumed.`);
	}
	if ((applied & propertyBit('size')) === 0) {
		report(state, 'region.missing-size', 'error', draft.nameLocation, `${q(draft.name)} has no 'size'${draft.kind === 'alias' ? " (an alias's size is its window)" : ''}; 0 is assumed.`);
	}
	if (draft.kind === 'alias') {
		draft.alias ??= { target: undefined, offset: 0n };
		if ((applied & propertyBit('of')) === 0) {
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
