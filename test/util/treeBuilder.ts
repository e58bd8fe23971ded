/**
 * A tiny programmatic builder of `RegionTree` values for tests, so that model code can be
 * tested without the parser or the analyzer. Regions are described by name; children are
 * given in declaration order and put into QEMU list order (R3.2) here. Alias targets and
 * space roots are referred to by name (or by slash path when names repeat).
 */
import type {
	AccessConstraints,
	AddressSpace,
	LocatedPart,
	Region,
	RegionId,
	RegionKind,
	RegionTree,
	SourceLocation,
} from '../../core/src/index';

/** Everything a test may say about a region; omitted fields take QEMU's defaults. */
export interface RegionSpec {
	readonly kind: RegionKind;
	readonly name: string;
	readonly size: bigint;
	/** `at`: offset in the parent (required inside a parent in the language; default 0 here). */
	readonly at?: bigint;
	/** An explicit priority (implies `overlap`). */
	readonly priority?: number;
	/** Placed with `overlap` (priority 0 unless given). */
	readonly overlap?: boolean;
	readonly disabled?: boolean;
	readonly readonly?: boolean;
	readonly nonvolatile?: boolean;
	/** Alias target name or path, and window start. */
	readonly of?: string;
	readonly offset?: bigint;
	readonly access?: AccessConstraints;
	readonly romdMode?: boolean;
	/** Written without a size (the analyzer gives size 0 and reports it). */
	readonly missingSize?: boolean;
	readonly children?: readonly RegionSpec[];
}

type Props = Omit<RegionSpec, 'kind' | 'name' | 'size' | 'children'>;

/** The URI every built location points to. */
export const testUri = 'test:tree.memmap';

function spec(kind: RegionKind, name: string, size: bigint, props: Props, children: RegionSpec[]): RegionSpec {
	return { ...props, kind, name, size, children };
}

export const container = (name: string, size: bigint, props: Props = {}, children: RegionSpec[] = []): RegionSpec =>
	spec('container', name, size, props, children);
export const ram = (name: string, size: bigint, props: Props = {}, children: RegionSpec[] = []): RegionSpec =>
	spec('ram', name, size, props, children);
export const rom = (name: string, size: bigint, props: Props = {}, children: RegionSpec[] = []): RegionSpec =>
	spec('rom', name, size, props, children);
export const romd = (name: string, size: bigint, props: Props = {}, children: RegionSpec[] = []): RegionSpec =>
	spec('romd', name, size, props, children);
export const io = (name: string, size: bigint, props: Props = {}, children: RegionSpec[] = []): RegionSpec =>
	spec('io', name, size, props, children);
export const alias = (
	name: string,
	size: bigint,
	of: string,
	props: Props = {},
	children: RegionSpec[] = [],
): RegionSpec => spec('alias', name, size, { ...props, of }, children);

interface Draft {
	id: RegionId;
	spec: RegionSpec;
	parent: RegionId | undefined;
	path: string;
	children: RegionId[];
}

/**
 * Builds a tree from top-level specs. `spaces` maps space names to root names; when
 * omitted, every top-level region that nothing aliases becomes an implicit space.
 */
export function buildTree(tops: readonly RegionSpec[], spaces?: Readonly<Record<string, string>>): RegionTree {
	const drafts: Draft[] = [];
	const topLevel = tops.map((top) => addDraft(drafts, top, undefined, ''));
	const lookup = (ref: string): RegionId => resolve(drafts, ref);
	const regions = drafts.map((draft) => toRegion(draft, lookup));
	const targets = new Set(regions.flatMap((r) => (r.alias?.target === undefined ? [] : [r.alias.target])));
	const spaceList: AddressSpace[] = spaces
		? Object.entries(spaces).map(([name, root]) => ({ name, root: lookup(root), implicit: false, definition: undefined }))
		: topLevel
				.filter((id) => !targets.has(id))
				.map((id) => ({ name: drafts[id]?.spec.name ?? '', root: id, implicit: true, definition: undefined }));
	return { regions, topLevel, spaces: spaceList };
}

function addDraft(drafts: Draft[], region: RegionSpec, parent: RegionId | undefined, prefix: string): RegionId {
	const id = drafts.length;
	const path = prefix === '' ? region.name : `${prefix}/${region.name}`;
	const draft: Draft = { id, spec: region, parent, path, children: [] };
	drafts.push(draft);
	for (const child of region.children ?? []) {
		insertInListOrder(drafts, draft, addDraft(drafts, child, id, path));
	}
	return id;
}

/** R3.2: insert before the first sibling whose priority is <= the new one's. */
function insertInListOrder(drafts: Draft[], parent: Draft, child: RegionId): void {
	const priority = drafts[child]?.spec.priority ?? 0;
	const index = parent.children.findIndex((sibling) => (drafts[sibling]?.spec.priority ?? 0) <= priority);
	parent.children.splice(index < 0 ? parent.children.length : index, 0, child);
}

function resolve(drafts: readonly Draft[], ref: string): RegionId {
	const byPath = drafts.find((draft) => draft.path === ref);
	const byName = drafts.filter((draft) => draft.spec.name === ref);
	const found = byPath ?? (byName.length === 1 ? byName[0] : undefined);
	if (found === undefined) {
		throw new Error(`treeBuilder: '${ref}' does not name exactly one region`);
	}
	return found.id;
}

/** Fake but distinct source locations: each region gets a 100-character slot. */
function location(id: RegionId, slot: number, length: number): SourceLocation {
	return { uri: testUri, offset: id * 100 + slot, length };
}

const partSlots: Readonly<Record<LocatedPart, number>> = {
	at: 40,
	size: 44,
	priority: 48,
	overlap: 52,
	of: 56,
	offset: 60,
	readonly: 64,
	disabled: 68,
	nonvolatile: 72,
	valid: 76,
	impl: 80,
	endian: 84,
	coalesce: 88,
};

function toRegion(draft: Draft, lookup: (ref: string) => RegionId): Region {
	const s = draft.spec;
	const locations: Partial<Record<LocatedPart, SourceLocation>> = {};
	const present: Record<LocatedPart, boolean> = {
		at: s.at !== undefined,
		size: !s.missingSize,
		priority: s.priority !== undefined,
		overlap: s.overlap === true,
		of: s.of !== undefined,
		offset: s.offset !== undefined,
		readonly: s.readonly === true,
		disabled: s.disabled === true,
		nonvolatile: s.nonvolatile === true,
		valid: s.access?.valid !== undefined,
		impl: s.access?.impl !== undefined,
		endian: s.access?.endian !== undefined,
		coalesce: s.access?.coalesce !== undefined,
	};
	for (const part of Object.keys(partSlots) as LocatedPart[]) {
		if (present[part]) {
			locations[part] = location(draft.id, partSlots[part], 3);
		}
	}
	return {
		id: draft.id,
		name: s.name,
		kind: s.kind,
		size: s.missingSize ? 0n : s.size,
		addr: s.at ?? 0n,
		priority: s.priority ?? 0,
		mayOverlap: s.overlap === true || s.priority !== undefined,
		parent: draft.parent,
		children: draft.children,
		enabled: s.disabled !== true,
		readonly: s.readonly === true,
		nonvolatile: s.nonvolatile === true,
		...(s.kind === 'alias' ? { alias: { target: s.of === undefined ? undefined : lookup(s.of), offset: s.offset ?? 0n } } : {}),
		...(s.access ? { access: s.access } : {}),
		romdMode: s.romdMode ?? true,
		definition: location(draft.id, 0, 90),
		nameLocation: location(draft.id, 10, s.name.length),
		...(draft.parent === undefined ? {} : { placement: location(draft.id, 0, 30) }),
		path: draft.path,
		locations,
	};
}
