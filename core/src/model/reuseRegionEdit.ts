/**
 * The build carried over an edit that added one region to a block, removed one from it or
 * changed one (`findRegionEdit`: a line pasted, deleted or being typed). The new region
 * is declared on its own and slotted in at its place in declaration order; every later
 * region id moves up by one (down, for a removal; not at all for a change), and the
 * block's region is given its children again in QEMU order. The flat views and checks
 * are then redone as after any change of numbers. The new region's own diagnostics (a
 * half-typed region lacks `at` or `size`) join the build's; an old one's go with it. A
 * region without a name is not declared, so adding or removing it changes no record.
 *
 * Only what cannot change anything else qualifies: a region whose block holds settings
 * only, whose name no reference names and no sibling shares (so that no reference
 * resolves differently and no `#N` suffix moves; a reference that resolved to a removed
 * region, an alias's `of` or a space's root, names it), in a build without reference
 * errors (whose suggestions list names); an alias also as `reuseAlias.ts` says. Siblings
 * tie on their places in the block, where they are declared or mapped, as the build's
 * sequence numbers do. Anything else builds afresh. A property test compares the result
 * with a fresh analysis.
 */
import type { Diagnostic } from '../diagnostics';
import type { ItemNode, MemberNode, RegionNode } from '../syntax/ast';
import { DiagnosticSink } from '../syntax/diagnosticSink';
import type { RegionEdit } from '../syntax/regionEdit';
import { Scanner } from '../syntax/scanner';
import type { ResolvedReference } from './analyze';
import { declareLeaf } from './build/declare';
import { RegionRecord } from './build/regionRecord';
import { createState } from './build/state';
import { aliasTarget, reportUnknownTarget, withReference } from './reuseAlias';
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

/** The region whose block an edit changed, before and after. */
export type BlockEdit = NonNullable<RegionEdit['parent']>;

/** The tree and references with the region added, removed or replaced. */
export interface RenumberedBuild {
	readonly tree: RegionTree;
	readonly references: readonly ResolvedReference[];
	/** What declaring the added region reported (a half-typed one lacks `at` or `size`). */
	readonly diagnostics: readonly Diagnostic[];
}

/**
 * Applies `edit` to the previous build, or returns undefined (having changed nothing)
 * when it does not qualify. Updates the region records in place.
 */
export function applyRegionEdit(input: RegionEditInput, edit: RegionEdit, block: BlockEdit): RenumberedBuild | undefined {
	const records = recordsOf(input.tree);
	const parent = records?.find((record) => record.node === block.before);
	// A region without a name (`ram` typed so far) is not declared: it changes no record.
	const out = named(edit.kind === 'removed' ? edit.region : edit.replaced);
	const into = named(edit.kind === 'removed' ? undefined : edit.region);
	if (records === undefined || parent === undefined || ![out, into].every((node) => node === undefined || qualifies(input, node))) {
		return undefined;
	}
	const outId = out === undefined ? undefined : parent.id + preorderIndex(block.before, out);
	const inId = into === undefined ? undefined : parent.id + preorderIndex(block.after, into);
	const sharing = (node: RegionNode | undefined): boolean =>
		parent.children.some((child) => child !== outId && records[child]?.name === node?.name?.text);
	// The node test only guards the numbering; the name tests keep every reference and
	// `#N` suffix as it was (a nested region is placed by its block, never by a `map`).
	if ((inId !== undefined && inId <= parent.id) || (outId !== undefined && records[outId]?.node !== out) || (out !== undefined && sharing(out)) || (into !== undefined && sharing(into))) {
		return undefined;
	}
	const alias = aliasTarget({ records, spaces: input.spaces, build: input.build, uri: input.uri }, parent, outId, into);
	const place = placesInBlock(edit, block, parent);
	const scratch = createState();
	const record = into === undefined || inId === undefined ? undefined : declareLeaf(scratch, input.uri, into, parent, inId);
	if (
		alias === undefined ||
		(into !== undefined && (record === undefined || (outId !== undefined && inId !== outId))) ||
		parent.children.some((child) => child !== outId && place(records[child]) < 0)
	) {
		return undefined;
	}
	const shift = renumber(records, parent, outId, record, place);
	if (record?.alias !== undefined && alias.target !== undefined) {
		record.alias.target = shift(alias.target);
	}
	if (alias.unknown !== undefined) {
		reportUnknownTarget(scratch, records, input.uri, alias.unknown);
	}
	const build = renumbered(input, records, shift, scratch.diagnostics);
	return alias.reference === undefined ? build : { ...build, references: withReference(build.references, moveIds(alias.reference, shift)) };
}

/** `reference` with its region ids moved by `shift`. */
export function moveIds(reference: ResolvedReference, shift: (id: RegionId) => RegionId): ResolvedReference {
	const target = reference.target === undefined ? undefined : shift(reference.target);
	const segments = reference.segments.map((segment) => ({ ...segment, region: segment.region === undefined ? undefined : shift(segment.region) }));
	return { ...reference, target, segments };
}

export function named(node: RegionNode | undefined): RegionNode | undefined {
	return node?.name === undefined ? undefined : node;
}

/**
 * Takes region `outId` out of the tree and puts `record` in (either may be missing; when
 * both are there they have one id), moving the other ids, and gives `parent` its children
 * in QEMU order; returns how the ids moved.
 */
function renumber(
	records: RegionRecord[],
	parent: RegionRecord,
	outId: RegionId | undefined,
	record: RegionRecord | undefined,
	place: (record: RegionRecord | undefined) => number,
): (id: RegionId) => RegionId {
	if (outId !== undefined && record === undefined) {
		// Before the ids move: `outId` then belongs to the next region.
		parent.children = parent.children.filter((child) => child !== outId);
	}
	const shift = swapRecords(records, outId, record);
	if (record !== undefined) {
		const children = outId === undefined ? [...parent.children, record.id] : parent.children;
		parent.children = inQemuOrder(children, records, place);
	}
	return shift;
}

/**
 * The records with region `outId` taken out and `record` put in at its id (either may be
 * missing; when both are there they have one id), every other record's ids moved; returns
 * how they moved. The lists that hold ids outside the records are the caller's.
 */
export function swapRecords(records: RegionRecord[], outId: RegionId | undefined, record: RegionRecord | undefined): (id: RegionId) => RegionId {
	if (outId !== undefined && record !== undefined) {
		records[outId] = record;
		return (id) => id;
	}
	if (outId !== undefined) {
		const shift = (id: RegionId): RegionId => (id > outId ? id - 1 : id);
		records.splice(outId, 1);
		records.forEach((other) => other.renumber(shift));
		return shift;
	}
	if (record !== undefined) {
		const inId = record.id;
		const shift = (id: RegionId): RegionId => (id >= inId ? id + 1 : id);
		records.forEach((other) => other.renumber(shift));
		records.splice(inId, 0, record);
		return shift;
	}
	return (id) => id;
}

/** Every region of `tree` as a record of the declaration pass, or undefined. */
export function recordsOf(tree: RegionTree): RegionRecord[] | undefined {
	const regions = tree.regions as RegionRecord[];
	return regions.every((region) => region instanceof RegionRecord) ? regions : undefined;
}

/** The conditions on a region added or removed, its block and the build (see the file comment). */
export function qualifies(input: RegionEditInput, region: RegionNode): boolean {
	return (
		!(region.body?.members ?? []).some(holdsRegions) &&
		!input.build.some((d) => d.code === 'ref.unknown' || d.code === 'ref.ambiguous') &&
		!mentioned(input, region.name?.text ?? '')
	);
}

function holdsRegions(member: MemberNode): boolean {
	return member.kind === 'region' || member.kind === 'map';
}

/**
 * Whether a written reference names `name` in one of its segments. A segment that could
 * (it starts with the name, or with a quote) is read back with the scanner, a quoted name
 * with its escapes resolved, so a reference that only contains the name (`b0.ram` holds
 * `b`, a name being typed) does not count.
 */
function mentioned(input: RegionEditInput, name: string): boolean {
	const sink = new DiagnosticSink('', 0);
	return input.references.some((reference) => {
		const text = input.textOf(reference.uri);
		return (
			text === undefined ||
			reference.segments.some(
				({ offset }) => (text.startsWith(name, offset) || text.charCodeAt(offset) === quote) && segmentName(text, offset, sink) === name,
			)
		);
	});
}

const quote = 34;

/** The name that starts at `offset` of `text` (a reference segment), unquoted. */
function segmentName(text: string, offset: number, sink: DiagnosticSink): string | undefined {
	const token = new Scanner(text, sink, offset).next();
	return token.kind === 'word' ? token.text : token.kind === 'string' ? token.value : undefined;
}

/**
 * The position of `region` among the named regions of `root`'s block, counted in
 * declaration order (pre-order) from 1: its id less the id of `root`; -1 if absent.
 */
function preorderIndex(root: RegionNode, region: RegionNode): number {
	const before = namedBefore(root.body?.members ?? [], region);
	return before < 0 ? -1 : before + 1;
}

/**
 * How many named regions `nodes` declare before `region`, in declaration order (each
 * region, then its block: pre-order), or -1 when they do not hold it. The build skips
 * a region without a name, and all it holds.
 */
export function namedBefore(nodes: readonly (ItemNode | MemberNode)[], region: RegionNode): number {
	let count = 0;
	const pending = [...nodes].reverse();
	for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
		if (next.kind !== 'region' || next.name === undefined) {
			continue;
		}
		if (next === region) {
			return count;
		}
		count++;
		for (let i = (next.body?.members.length ?? 0) - 1; i >= 0; i--) {
			pending.push(next.body?.members[i] as MemberNode);
		}
	}
	return -1;
}

/**
 * Where each child of `parent` is in the block after the edit: the place of its
 * declaration, or of the `map` that placed it; -1 for none. Records still hold the old
 * nodes, whose twins `edit.pairs` knows.
 */
function placesInBlock(edit: RegionEdit, block: BlockEdit, parent: RegionRecord): (record: RegionRecord | undefined) => number {
	const places = new Map<MemberNode, number>();
	(block.after.body?.members ?? []).forEach((member, i) => places.set(member, i));
	return (record) => {
		const node =
			record === undefined
				? undefined
				: record.declaredIn === parent
					? (edit.pairs.regions.get(record.node) ?? record.node)
					: record.map === undefined
						? undefined
						: (edit.pairs.maps.get(record.map.node) ?? record.map.node);
		return node === undefined ? -1 : (places.get(node) ?? -1);
	};
}

/** QEMU list order (R3.2): priority descending, and the later in the block first. */
function inQemuOrder(children: RegionId[], records: readonly RegionRecord[], place: (record: RegionRecord | undefined) => number): RegionId[] {
	const priority = (id: RegionId): number => records[id]?.priority ?? 0;
	return children.sort((a, b) => priority(b) - priority(a) || place(records[b]) - place(records[a]));
}

/** The tree's lists, spaces and references with their ids moved by `shift`. */
function renumbered(
	input: RegionEditInput,
	records: RegionRecord[],
	shift: (id: RegionId) => RegionId,
	diagnostics: readonly Diagnostic[],
): RenumberedBuild {
	const spaces = shiftSpaces(input.spaces, shift);
	return { tree: { regions: records, topLevel: input.tree.topLevel.map(shift), spaces }, references: shiftReferences(input.references, shift), diagnostics };
}

/** `spaces` with their roots moved by `shift`. */
export function shiftSpaces(spaces: readonly AddressSpace[], shift: (id: RegionId) => RegionId): AddressSpace[] {
	return spaces.map((space) => (shift(space.root) === space.root ? space : { ...space, root: shift(space.root) }));
}

/** `references` with their region ids moved by `shift` (the same objects where none moves). */
export function shiftReferences(references: readonly ResolvedReference[], shift: (id: RegionId) => RegionId): ResolvedReference[] {
	const moves = (id: RegionId | undefined): boolean => id !== undefined && shift(id) !== id;
	return references.map((reference) =>
		moves(reference.target) || reference.segments.some((segment) => moves(segment.region)) ? moveIds(reference, shift) : reference,
	);
}
