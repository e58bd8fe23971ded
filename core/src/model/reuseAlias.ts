/**
 * The alias side of a region edit (`reuseRegionEdit.ts`). An alias added to a block,
 * removed from it or changed keeps the build only where nothing outside it can change:
 *
 * - its `of` is a single name (no path, no `#N`) that one region has, or none: resolved
 *   here the way `resolveRef` resolves a single name, with the same `ref.unknown` and
 *   suggestion for a name that no region has (a target name half typed). A name several
 *   regions have, or a path, builds afresh;
 * - the build cut no alias cycle (a new edge could make the cut fall elsewhere), and the
 *   new alias closes none: its target does not render its block;
 * - the top-level region of its target stays used, or unused, as before. A top-level
 *   region is used when an alias or `map` outside it points into it, and that decides
 *   the implicit address spaces and `region.unused`. It holds when the target lies in the
 *   alias's own top-level region, when it is the root of a written `space`, or when
 *   another alias from outside already points into it.
 */
import type { RefNode, RegionNode } from '../syntax/ast';
import type { ResolvedReference } from './analyze';
import { compareText } from './build/buildTree';
import type { RegionRecord } from './build/regionRecord';
import { reportUnknown } from './build/resolve';
import { at, type BuildState } from './build/state';
import { analysisBudget } from './build/suggest';
import { insertedInOrder } from './sortInPlace';
import type { AddressSpace, RegionId } from './types';

/** What the reused build needs to see for the alias side of a region edit. */
export interface AliasEditInput {
	readonly records: readonly RegionRecord[];
	readonly spaces: readonly AddressSpace[];
	readonly build: readonly { readonly code: string }[];
	readonly uri: string;
}

/** The new alias's target and `of` reference, in the region ids from before the edit. */
export interface AliasTarget {
	/** Undefined when no `of` is written or its name is unknown. */
	readonly target: RegionId | undefined;
	readonly reference: ResolvedReference | undefined;
	/** The `of` whose name no region has, to report (see `reportUnknownTarget`). */
	readonly unknown: RefNode | undefined;
}

/** No alias added: nothing to resolve. */
export const noAliasTarget: AliasTarget = { target: undefined, reference: undefined, unknown: undefined };

/**
 * Checks the alias side of an edit in `parent`'s block that takes out region `outId` and
 * puts in `into` (either may be missing). Returns the new alias's target (no alias:
 * `noAliasTarget`), or undefined when the build must be made afresh. Changes nothing.
 */
export function aliasTarget(
	input: AliasEditInput,
	parent: RegionRecord,
	outId: RegionId | undefined,
	into: RegionNode | undefined,
): AliasTarget | undefined {
	const out = outId === undefined ? undefined : input.records[outId];
	const outIsAlias = out?.kind === 'alias';
	const intoIsAlias = into?.regionKind === 'alias';
	if (!outIsAlias && !intoIsAlias) {
		return noAliasTarget;
	}
	if (input.build.some((d) => d.code === 'alias.cycle')) {
		return undefined;
	}
	const usedBefore = (target: RegionId): boolean => staysUsed(input, topOf(parent), target, outId);
	if (outIsAlias && out.alias?.target !== undefined && !usedBefore(out.alias.target)) {
		return undefined;
	}
	if (!intoIsAlias || into === undefined) {
		return noAliasTarget;
	}
	const of = ofReference(into);
	if (of === undefined) {
		return noAliasTarget;
	}
	const target = singleNamed(input.records, of, outId, into);
	if (target === 'unknown') {
		return { target: undefined, reference: referenceTo(input.uri, of, undefined), unknown: of };
	}
	if (target === undefined || reaches(input.records, target, parent, outId) || !usedBefore(target)) {
		return undefined;
	}
	return { target, reference: referenceTo(input.uri, of, target), unknown: undefined };
}

/**
 * Reports the `ref.unknown` of `of` to `state` as a fresh build would, the ids having
 * moved: the suggestion is the closest name in declaration order, from a whole budget
 * (the build had no other reference errors).
 */
export function reportUnknownTarget(state: BuildState, records: readonly RegionRecord[], uri: string, of: RefNode): void {
	const segment = of.segments[0];
	if (segment !== undefined) {
		const names = new Set(records.map((record) => record.name));
		reportUnknown(state, at(uri, segment), segment.name.text, '', names, analysisBudget());
	}
}

/** The alias's first `of` reference, if written with a value (as `declare` finds it). */
function ofReference(node: RegionNode): RefNode | undefined {
	const value = node.props.find((prop) => prop.name === 'of')?.value;
	return value?.kind === 'ref' ? value : undefined;
}

/**
 * The one region that the single name `of` means (`outId`, on its way out, aside),
 * `unknown` when no region has it, or undefined when it is a path, has `#N`, or means
 * several regions. The new region itself may be one of them: an alias of itself builds
 * afresh too.
 */
function singleNamed(records: readonly RegionRecord[], of: RefNode, outId: RegionId | undefined, into: RegionNode): RegionId | 'unknown' | undefined {
	const segment = of.segments.length === 1 ? of.segments[0] : undefined;
	if (segment === undefined || segment.occurrence !== undefined || segment.name.text === into.name?.text) {
		return undefined;
	}
	const name = segment.name.text;
	let found: RegionId | undefined;
	for (const record of records) {
		if (record.name === name && record.id !== outId) {
			if (found !== undefined) {
				return undefined;
			}
			found = record.id;
		}
	}
	return found ?? 'unknown';
}

/**
 * Whether rendering `from` can reach the block of `parent` (which would render the new
 * alias, closing a cycle) or the region `outId` being replaced. Follows what renders:
 * a region's children, an alias's target.
 */
function reaches(records: readonly RegionRecord[], from: RegionId, parent: RegionRecord, outId: RegionId | undefined): boolean {
	const seen = new Uint8Array(records.length);
	const pending: RegionId[] = [from];
	seen[from] = 1;
	for (let id = pending.pop(); id !== undefined; id = pending.pop()) {
		const record = records[id];
		if (record === undefined || id === outId || (id === parent.id && record.kind !== 'alias')) {
			return true;
		}
		const next = record.kind === 'alias' ? (record.alias?.target === undefined ? [] : [record.alias.target]) : record.children;
		for (const to of next) {
			if (seen[to] === 0) {
				seen[to] = 1;
				pending.push(to);
			}
		}
	}
	return false;
}

/**
 * Whether the top-level region of `target` is used, and stays so, whether or not an alias
 * in the top-level region `from` points into it (see the file comment). `outId`, the
 * region on its way out, does not count as another user.
 */
function staysUsed(input: AliasEditInput, from: RegionRecord, target: RegionId, outId: RegionId | undefined): boolean {
	const record = input.records[target];
	if (record === undefined) {
		return false;
	}
	const top = topOf(record);
	if (top === from || input.spaces.some((space) => !space.implicit && space.root === top.id)) {
		return true;
	}
	return input.records.some((other) => {
		const to = other.kind === 'alias' && other.id !== outId ? other.alias?.target : undefined;
		const into = to === undefined ? undefined : input.records[to];
		return into !== undefined && topOf(into) === top && topOf(other) !== top;
	});
}

function topOf(record: RegionRecord): RegionRecord {
	let top = record;
	for (let up = record.declaredIn; up !== undefined; up = up.declaredIn) {
		top = up;
	}
	return top;
}

/** The reference `resolveRef` makes of a single name that resolved to `target` (or none). */
function referenceTo(uri: string, of: RefNode, target: RegionId | undefined): ResolvedReference {
	const segments = of.segments.map((segment) => ({ offset: segment.offset, length: segment.length, region: target }));
	return { uri, offset: of.offset, length: of.length, context: 'of', segments, target };
}

/** `references` with `reference` in its place (by document, then offset). */
export function withReference(references: readonly ResolvedReference[], reference: ResolvedReference): ResolvedReference[] {
	return insertedInOrder(references, reference, (a, b) => compareText(a.uri, b.uri) || a.offset - b.offset);
}
