/**
 * The build carried over an edit that added one region to a block or removed one from it
 * (`findRegionEdit`: a line pasted or deleted). The added region is declared on its own
 * and slotted in at its place in declaration order; every later region id moves up by
 * one (down, for a removal), and the block's region is given its children again in QEMU
 * order. The flat views and checks are then redone as after any change of numbers.
 *
 * Only what cannot change anything else qualifies: a region that is not an alias, whose
 * block holds settings only, in a block without `map`s (so that sibling order is
 * declaration order), whose name no reference mentions and no sibling shares (so that no
 * reference resolves differently and no `#N` suffix moves: a reference that resolved to a
 * removed region, an alias's `of` or a space's root, mentions its name), in a build
 * without reference errors (whose suggestions list names). Anything else builds afresh. A property test compares the result
 * with a fresh analysis.
 */
import type { Diagnostic } from '../diagnostics';
import type { MemberNode, RegionNode } from '../syntax/ast';
import type { RegionEdit } from '../syntax/regionEdit';
import type { ResolvedReference } from './analyze';
import { declareLeaf } from './build/declare';
import { RegionRecord } from './build/regionRecord';
import { createState } from './build/state';
import type { AddressSpace, RegionId, RegionTree } from './types';

/** What the edit needs to see of the previous build, already moved to the new text. */
export interface RegionEditInput {
	readonly tree: RegionTree;
	readonly spaces: readonly AddressSpace[];
	readonly references: readonly ResolvedReference[];
	readonly build: readonly Diagnostic[];
	/** The document that holds the edited block. */
	readonly uri: string;
	/** The new text of each document. */
	readonly textOf: (uri: string) => string | undefined;
}

/** The tree and references with the region added or removed. */
export interface RenumberedBuild {
	readonly tree: RegionTree;
	readonly references: readonly ResolvedReference[];
}

/**
 * Applies `edit` to the previous build, or returns undefined (having changed nothing)
 * when it does not qualify. Updates the region records in place.
 */
export function applyRegionEdit(input: RegionEditInput, edit: RegionEdit): RenumberedBuild | undefined {
	const records = recordsOf(input.tree);
	const parent = records?.find((record) => record.node === edit.parent.before);
	const name = edit.region.name?.text;
	if (records === undefined || parent === undefined || name === undefined || !qualifies(input, edit, name)) {
		return undefined;
	}
	const index = preorderIndex(edit.kind === 'added' ? edit.parent.after : edit.parent.before, edit.region);
	if (index < 1) {
		return undefined;
	}
	const id = parent.id + index;
	const siblings = parent.children.filter((child) => records[child]?.name === name);
	if (edit.kind === 'added') {
		const scratch = createState();
		const record = declareLeaf(scratch, input.uri, edit.region, parent, id);
		if (record === undefined || scratch.diagnostics.length > 0 || siblings.length > 0) {
			return undefined;
		}
		const shift = (other: RegionId): RegionId => (other >= id ? other + 1 : other);
		records.forEach((other) => other.renumber(shift));
		records.splice(id, 0, record);
		parent.children = inQemuOrder([...parent.children, id], records);
		return renumbered(input, records, shift);
	}
	const removed = records[id];
	// The node test only guards the numbering; the name tests keep every reference and
	// `#N` suffix as it was (a nested region is placed by its block, never by a `map`).
	if (removed === undefined || removed.node !== edit.region || siblings.length !== 1) {
		return undefined;
	}
	const shift = (other: RegionId): RegionId => (other > id ? other - 1 : other);
	parent.children = parent.children.filter((child) => child !== id);
	records.splice(id, 1);
	records.forEach((other) => other.renumber(shift));
	return renumbered(input, records, shift);
}

/** Every region of `tree` as a record of the declaration pass, or undefined. */
function recordsOf(tree: RegionTree): RegionRecord[] | undefined {
	const regions = tree.regions as RegionRecord[];
	return regions.every((region) => region instanceof RegionRecord) ? regions : undefined;
}

/** The conditions on the edited region, its block and the build (see the file comment). */
function qualifies(input: RegionEditInput, edit: RegionEdit, name: string): boolean {
	return (
		edit.region.regionKind !== 'alias' &&
		!(edit.region.body?.members ?? []).some(holdsRegions) &&
		// The edit changed nothing else, so the block holds the same maps before and after.
		!edit.parent.after.body?.members.some(isMap) &&
		!input.build.some((d) => d.code === 'ref.unknown' || d.code === 'ref.ambiguous') &&
		!mentioned(input, name)
	);
}

function holdsRegions(member: MemberNode): boolean {
	return member.kind === 'region' || member.kind === 'map';
}

function isMap(member: MemberNode): boolean {
	return member.kind === 'map';
}

/**
 * Whether a written reference may name `name`: its text contains it. That is a superset
 * of the references that do (a quoted name's escapes aside, so a name with a quote or a
 * backslash counts as mentioned).
 */
function mentioned(input: RegionEditInput, name: string): boolean {
	if (name.includes('"') || name.includes('\\')) {
		return true;
	}
	return input.references.some((reference) => {
		const text = input.textOf(reference.uri);
		return text === undefined || text.slice(reference.offset, reference.offset + reference.length).includes(name);
	});
}

/**
 * The position of `region` among the named regions of `root`'s block, counted in
 * declaration order (pre-order) from 1: its id less the id of `root`.
 */
function preorderIndex(root: RegionNode, region: RegionNode): number {
	let count = 0;
	const pending: MemberNode[] = [...(root.body?.members ?? [])].reverse();
	for (let member = pending.pop(); member !== undefined; member = pending.pop()) {
		if (member.kind !== 'region' || member.name === undefined) {
			continue;
		}
		count++;
		if (member === region) {
			return count;
		}
		for (let i = (member.body?.members.length ?? 0) - 1; i >= 0; i--) {
			pending.push(member.body?.members[i] as MemberNode);
		}
	}
	return -1;
}

/** QEMU list order (R3.2): priority descending, and the later-declared (higher id) first. */
function inQemuOrder(children: RegionId[], records: readonly RegionRecord[]): RegionId[] {
	const priority = (id: RegionId): number => records[id]?.priority ?? 0;
	return children.sort((a, b) => priority(b) - priority(a) || b - a);
}

/** The tree's lists, spaces and references with their ids moved by `shift`. */
function renumbered(input: RegionEditInput, records: RegionRecord[], shift: (id: RegionId) => RegionId): RenumberedBuild {
	const spaces = input.spaces.map((space) => (shift(space.root) === space.root ? space : { ...space, root: shift(space.root) }));
	const moves = (id: RegionId | undefined): boolean => id !== undefined && shift(id) !== id;
	const references = input.references.map((reference) => {
		if (!moves(reference.target) && !reference.segments.some((segment) => moves(segment.region))) {
			return reference;
		}
		const target = reference.target === undefined ? undefined : shift(reference.target);
		const segments = reference.segments.map((segment) => (moves(segment.region) ? { ...segment, region: shift(segment.region as RegionId) } : segment));
		return { ...reference, target, segments };
	});
	return { tree: { regions: records, topLevel: input.tree.topLevel.map(shift), spaces }, references };
}
