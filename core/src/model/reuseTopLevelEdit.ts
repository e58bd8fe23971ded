/**
 * The build carried over an edit that added one region at the top level of a document,
 * removed one or changed one (`findRegionEdit` with no parent block): a top-level line
 * pasted, deleted or being typed. As in a block (`reuseRegionEdit.ts`), the region is
 * declared on its own at its place in declaration order and the later ids move. Its name
 * is one that no reference spells, so nothing maps, aliases or roots it: with written
 * `space`s it is reported as `region.unused`, as a fresh build reports it; without, it is
 * an address space of its own, in the top-level order the implicit spaces keep.
 *
 * Only a region that is not an alias and holds no regions qualifies, whose name no other
 * top-level region shares (its path would take a `#N`), under the conditions a block's
 * region meets (`qualifies`). Anything else builds afresh.
 */
import type { RegionNode } from '../syntax/ast';
import type { RegionEdit } from '../syntax/regionEdit';
import { declareLeaf, type LoadedItem } from './build/declare';
import type { RegionRecord } from './build/regionRecord';
import { reportUnused } from './build/spaces';
import { createState } from './build/state';
import { insertedInOrder } from './sortInPlace';
import { named, namedBefore, qualifies, recordsOf, shiftReferences, shiftSpaces, swapRecords, type RegionEditInput, type RenumberedBuild } from './reuseRegionEdit';
import type { RegionId } from './types';

/**
 * Applies `edit`, a top-level one, to the previous build, or returns undefined (having
 * changed nothing) when it does not qualify. `items` are the loaded items of the new
 * parse, includes in place. Updates the region records in place.
 */
export function applyTopLevelEdit(input: RegionEditInput, edit: RegionEdit, items: readonly LoadedItem[]): RenumberedBuild | undefined {
	const records = recordsOf(input.tree);
	const out = named(edit.kind === 'removed' ? edit.region : edit.replaced);
	const into = named(edit.kind === 'removed' ? undefined : edit.region);
	if (records === undefined || ![out, into].every((node) => node === undefined || (node.regionKind !== 'alias' && qualifies(input, node)))) {
		return undefined;
	}
	const outId = out === undefined ? undefined : records.findIndex((record) => record.node === out);
	const inId = into === undefined ? undefined : declarationIndex(items, into);
	const sharing = (node: RegionNode | undefined): boolean =>
		input.tree.topLevel.some((id) => id !== outId && records[id]?.name === node?.name?.text);
	if (outId === -1 || inId === -1 || (outId !== undefined && inId !== undefined && outId !== inId) || (out !== undefined && sharing(out)) || (into !== undefined && sharing(into))) {
		return undefined;
	}
	const scratch = createState();
	const record = into === undefined || inId === undefined ? undefined : declareLeaf(scratch, input.uri, into, undefined, inId);
	if (into !== undefined && record === undefined) {
		return undefined;
	}
	const implicit = !items.some((entry) => entry.item.kind === 'space');
	if (record !== undefined && !implicit) {
		reportUnused(scratch, record);
	}
	return renumberTopLevel(input, records, outId, record, implicit, scratch.diagnostics);
}

/**
 * Takes region `outId` out and puts `record` in (either may be missing; when both are
 * there they have one id), moving the other ids, the top-level list, the spaces (an
 * implicit space per unused top-level region) and the references.
 */
function renumberTopLevel(
	input: RegionEditInput,
	records: RegionRecord[],
	outId: RegionId | undefined,
	record: RegionRecord | undefined,
	implicit: boolean,
	diagnostics: RenumberedBuild['diagnostics'],
): RenumberedBuild {
	let topLevel = input.tree.topLevel.filter((id) => id !== outId || record !== undefined);
	let spaces = input.spaces.filter((space) => !(implicit && space.root === outId && record === undefined));
	if (outId !== undefined && record !== undefined) {
		spaces = spaces.map((space) => (implicit && space.root === outId ? { ...space, name: record.name } : space));
	}
	const shift = swapRecords(records, outId, record);
	topLevel = topLevel.map(shift);
	spaces = shiftSpaces(spaces, shift);
	if (record !== undefined && outId === undefined) {
		topLevel = insertedInOrder(topLevel, record.id, (a, b) => a - b);
		if (implicit) {
			// Implicit spaces keep the top-level order.
			spaces = insertedInOrder(spaces, { name: record.name, root: record.id, implicit: true, definition: undefined }, (a, b) => a.root - b.root);
		}
	}
	return { tree: { regions: records, topLevel, spaces }, references: shiftReferences(input.references, shift), diagnostics };
}

/** The id a fresh build gives `node`: the named regions declared before it (includes in place). */
function declarationIndex(items: readonly LoadedItem[], node: RegionNode): RegionId {
	return namedBefore(items.map((entry) => entry.item), node);
}
