/**
 * Reference resolution. A REF is a name or a path `a/b/c`; a segment may carry `#N`, the
 * N-th same-named region at that level in declaration order.
 *
 * - A single bare name (no `#N`) resolves against every region with that name, anywhere.
 * - Otherwise the first segment names a top-level region (`foo#2` is the second top-level
 *   `foo`); a path whose first name matches no top-level region falls back to regions of
 *   that name anywhere, so `pci/pc.rom` works when `pci` is nested but unique.
 * - Later segments name regions declared in the previous one's block.
 * Every segment must pick exactly one region, else `ref.unknown` or `ref.ambiguous`.
 */
import type { RefNode, RefSegment } from '../../syntax/ast';
import type { ResolvedReference } from '../analyze';
import type { RegionId, SourceLocation } from '../types';
import { analysisBudget, suggest, type SuggestBudget } from './suggest';
import { at, q, related, report, type BuildState } from './state';

/**
 * Regions by name. Most names are unique, so a single id is stored as a number and only
 * repeated names get an array: a big board allocates no array per region.
 */
type NameTable = Map<string, RegionId | RegionId[]>;

/** Name lookups over the declared regions, built once per analysis. */
export interface NameIndex {
	readonly anywhere: NameTable;
	readonly topLevel: NameTable;
	/** Declared children by name, built on first use per region. */
	readonly children: Map<RegionId, NameTable>;
	/** What is left of this analysis's "did you mean" work. */
	readonly suggestions: SuggestBudget;
}

export function buildIndex(state: BuildState): NameIndex {
	const anywhere: NameTable = new Map();
	for (const region of state.regions) {
		add(anywhere, region.name, region.id);
	}
	numberRepeatedNames(state, anywhere);
	const topLevel: NameTable = new Map();
	for (const id of state.topLevel) {
		add(topLevel, state.regions[id]?.name ?? '', id);
	}
	return { anywhere, topLevel, children: new Map(), suggestions: analysisBudget() };
}

/**
 * Gives each region that shares its name with a sibling (or, at top level, with another
 * top-level region) its `#N` path suffix, N counting in declaration order. Only names
 * that repeat anywhere are looked at, so a board of unique names costs nothing here.
 */
function numberRepeatedNames(state: BuildState, anywhere: NameTable): void {
	for (const ids of anywhere.values()) {
		if (typeof ids === 'number') {
			continue;
		}
		// Ids grow in declaration order, so counting in list order numbers siblings in it.
		const count = new Map<RegionId | undefined, number>();
		for (const id of ids) {
			const container = state.sources[id]?.declaredIn;
			count.set(container, (count.get(container) ?? 0) + 1);
		}
		const seen = new Map<RegionId | undefined, number>();
		for (const id of ids) {
			const container = state.sources[id]?.declaredIn;
			if ((count.get(container) ?? 0) > 1) {
				const n = (seen.get(container) ?? 0) + 1;
				seen.set(container, n);
				state.regions[id]?.numberAmongSiblings(n);
			}
		}
	}
}

function add(table: NameTable, key: string, id: RegionId): void {
	const found = table.get(key);
	if (found === undefined) {
		table.set(key, id);
	} else if (typeof found === 'number') {
		table.set(key, [found, id]);
	} else {
		found.push(id);
	}
}

/**
 * The regions a segment may mean, as a name table stores them: one id, several, or none
 * (undefined). Most lookups find one id, and this way they allocate no array.
 */
type Candidates = RegionId | readonly RegionId[] | undefined;

function countOf(candidates: Candidates): number {
	return candidates === undefined ? 0 : typeof candidates === 'number' ? 1 : candidates.length;
}

function nthOf(candidates: Candidates, i: number): RegionId | undefined {
	return candidates === undefined ? undefined : typeof candidates === 'number' ? (i === 0 ? candidates : undefined) : candidates[i];
}

function listOf(candidates: Candidates): readonly RegionId[] {
	return candidates === undefined ? [] : typeof candidates === 'number' ? [candidates] : candidates;
}

function childrenNamed(state: BuildState, index: NameIndex, parent: RegionId, name: string): Candidates {
	let byName: NameTable | undefined = index.children.get(parent);
	if (!byName) {
		byName = new Map();
		for (const child of state.sources[parent]?.declared ?? []) {
			add(byName, state.regions[child]?.name ?? '', child);
		}
		index.children.set(parent, byName);
	}
	return byName.get(name);
}

/** Resolves `ref` written in `uri`, reporting failures; never throws. */
export function resolveRef(
	state: BuildState,
	index: NameIndex,
	uri: string,
	ref: RefNode,
	context: ResolvedReference['context'],
): ResolvedReference {
	const count = ref.segments.length;
	const segments: { offset: number; length: number; region: RegionId | undefined }[] = new Array(count);
	let current: RegionId | undefined;
	let failed = false;
	for (let i = 0; i < count; i++) {
		const segment = ref.segments[i] as RefSegment;
		let region: RegionId | undefined;
		if (!failed) {
			const candidates = candidatesOf(state, index, ref, i, current);
			region = pick(state, index, uri, segment, candidates, i === 0 ? undefined : current);
			failed = region === undefined;
			current = region;
		}
		segments[i] = { offset: segment.offset, length: segment.length, region };
	}
	const target = failed || count === 0 ? undefined : current;
	return { uri, offset: ref.offset, length: ref.length, context, segments, target };
}

function candidatesOf(
	state: BuildState,
	index: NameIndex,
	ref: RefNode,
	i: number,
	parent: RegionId | undefined,
): Candidates {
	const segment = ref.segments[i];
	const name = segment?.name.text ?? '';
	if (i > 0) {
		return parent === undefined ? undefined : childrenNamed(state, index, parent, name);
	}
	if (ref.segments.length === 1 && segment?.occurrence === undefined) {
		return index.anywhere.get(name);
	}
	const top = index.topLevel.get(name);
	if (top !== undefined || segment?.occurrence !== undefined) {
		return top;
	}
	return index.anywhere.get(name);
}

function pick(
	state: BuildState,
	index: NameIndex,
	uri: string,
	segment: RefSegment,
	found: Candidates,
	parent: RegionId | undefined,
): RegionId | undefined {
	const name = segment.name.text;
	if (segment.occurrence !== undefined) {
		const picked = nthOf(found, segment.occurrence - 1);
		if (picked === undefined) {
			const count = countOf(found);
			const level = parent === undefined ? 'at the top level' : `in ${q(state.regions[parent]?.path ?? '')}`;
			report(state, 'ref.unknown', 'error', at(uri, segment), `There is no region ${q(`${name}#${segment.occurrence}`)} ${level}: ${count} region${count === 1 ? '' : 's'} named ${q(name)} there.`);
		}
		return picked;
	}
	if (typeof found === 'number') {
		return found;
	}
	// Only errors from here on: their text and locations are built only now.
	const where = at(uri, segment);
	const candidates = listOf(found);
	if (candidates.length === 1) {
		return candidates[0];
	}
	if (candidates.length === 0) {
		const scope = parent === undefined ? '' : ` in ${q(state.regions[parent]?.path ?? '')}`;
		reportUnknown(state, where, name, scope, nearbyNames(state, index, parent), index.suggestions);
		return undefined;
	}
	// Only the candidates shown are named: a name can repeat thousands of times.
	const shown =
		candidates.slice(0, 8).map((id) => q(state.regions[id]?.path ?? '')).join(', ') + (candidates.length > 8 ? ', ...' : '');
	report(state, 'ref.ambiguous', 'error', where, `${q(name)} is ambiguous: ${candidates.length} regions have this name (${shown}); write a path or '#N'.`, {
		related: candidates.slice(0, 20).map((id) => {
			const region = state.regions[id];
			return related(region?.nameLocation ?? where, `candidate ${q(region?.path ?? '')}`);
		}),
	});
	return undefined;
}

/**
 * `ref.unknown` for the name `name` written at `where` (`scope`: where it was looked for,
 * as ` in 'path'`, or empty), with the closest of `names` as a suggestion.
 */
export function reportUnknown(
	state: BuildState,
	where: SourceLocation,
	name: string,
	scope: string,
	names: Iterable<string>,
	budget: SuggestBudget,
): void {
	const hint = suggest(name, names, budget);
	report(state, 'ref.unknown', 'error', where, `Unknown region ${q(name)}${scope}${hint ? `; did you mean ${q(hint)}?` : '.'}`);
}

/** The names a misspelt segment could have meant: children of `parent`, or every name. */
function nearbyNames(state: BuildState, index: NameIndex, parent: RegionId | undefined): Iterable<string> {
	if (parent === undefined) {
		return index.anywhere.keys();
	}
	return (state.sources[parent]?.declared ?? []).map((id) => state.regions[id]?.name ?? '');
}
