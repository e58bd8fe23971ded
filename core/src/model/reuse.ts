/**
 * Reusing the previous analysis after an edit that keeps the shape of the syntax tree.
 * The incremental parse (`reparse`) says which nodes an edit replaced; when the new ones
 * say the same thing (a comment, spacing, `///` text) the region tree, the flat views and
 * every diagnostic stay as they were, moved with the text. When they differ only in the
 * numbers of region headers (a size or an address typed over), the tree's records read
 * those numbers again and the flat views and checks are redone, but the build (names,
 * references, placement, aliases, spaces) is kept. When the edit added one region to a
 * block or removed one, and nothing else, the tree takes it in place where that cannot
 * change any name, reference or sibling order (`reuseRegionEdit.ts`); the flat views and
 * checks are redone. Anything else, or anything these steps cannot vouch for, builds
 * afresh: `reuseBuild` returns undefined.
 *
 * Region records read their locations from their syntax nodes (`RegionRecord`), which the
 * incremental parse moved in place; only the replaced nodes need pointing at their new
 * twins. What holds plain offsets (diagnostics, references, space definitions) is moved
 * here. A property test compares every reused analysis with a fresh one.
 */
import type { Diagnostic, RelatedLocation } from '../diagnostics';
import type { MapNode, RegionNode } from '../syntax/ast';
import { isUnchanged, unchangedText, type SyntaxChange } from '../syntax/reparse';
import { findRegionEdit, pairNodes, type NodePairs, type RegionEdit } from '../syntax/regionEdit';
import { compareShapes } from '../syntax/sameShape';
import type { Analysis, ResolvedReference, SpaceView } from './analyze';
import type { LoadResult } from './build/load';
import { RegionRecord } from './build/regionRecord';
import { keptSelfAliases } from './build/aliases';
import { redeclareProps } from './build/declare';
import { applyMapNumbers } from './build/place';
import { createState } from './build/state';
import { applyRegionEdit } from './reuseRegionEdit';
import { applyTopLevelEdit } from './reuseTopLevelEdit';
import type { AddressSpace, RegionTree } from './types';

/** What an analysis found in each stage, kept beside it for the next one to reuse. */
export interface AnalysisStages {
	/** Diagnostics of the build (declaration, references, placement, aliases, spaces). */
	readonly build: readonly Diagnostic[];
	/** Diagnostics of the checks on the finished tree and its flat views. */
	readonly checks: readonly Diagnostic[];
}

const stagesOf = new WeakMap<Analysis, AnalysisStages>();

export function rememberStages(analysis: Analysis, stages: AnalysisStages): void {
	stagesOf.set(analysis, stages);
}

/** The previous build, moved to the new text. */
export interface ReusedBuild {
	readonly tree: RegionTree;
	readonly references: readonly ResolvedReference[];
	readonly build: readonly Diagnostic[];
	/** Set when nothing but positions changed: the flat views and the checks' diagnostics hold too. */
	readonly checked: { readonly views: readonly SpaceView[]; readonly checks: readonly Diagnostic[] } | undefined;
}

/** One document's edit, as positions: `[start, oldEnd)` became `[start, oldEnd + delta)`. */
interface Move {
	readonly uri: string;
	readonly start: number;
	readonly oldEnd: number;
	readonly delta: number;
}

/**
 * The previous analysis's build carried over to `loaded` (the new parse), or undefined
 * when the edit changed more than positions and header numbers, touched more than one
 * document, or cut into something that holds a position. Consumes `previous`: its region
 * records are updated in place.
 */
export function reuseBuild(previous: Analysis, loaded: LoadResult): ReusedBuild | undefined {
	const stages = stagesOf.get(previous);
	const edited = stages === undefined ? undefined : editedDocument(previous, loaded);
	if (stages === undefined || edited === undefined) {
		return undefined;
	}
	const { uri, change } = edited;
	const shape = compareShapes(change.removed, change.added);
	const move: Move = { uri, start: change.start, oldEnd: change.oldEnd, delta: change.newEnd - change.oldEnd };
	if (endsStatement(previous, loaded, move) && [...stages.build, ...stages.checks].some((d) => endsAt(d, move) || (d.related ?? []).some((location) => endsAt(location, move)))) {
		// A ';' typed or deleted right after a statement makes its node longer or shorter,
		// and a span that ends there (a whole `map` statement's) would not follow.
		return undefined;
	}
	const spaces = fitSpaces(moveAll(previous.tree.spaces, move, moveSpace), uri, loaded);
	if (spaces === undefined) {
		return undefined;
	}
	// A reference the edit cuts into (an alias's `of` typed or deleted) leaves only the
	// region edit, which drops the references of the region it takes out.
	const references = moveAll(previous.references, move, moveReference);
	const moved: Moved = { uri, move, references, spaces };
	if (shape === 'same') {
		return keepAll(previous, stages, change, moved);
	}
	if (keptSelfAliases(previous.tree.regions) || stages.build.some((d) => d.code === 'alias.cycle')) {
		// Whether an alias of its own ancestor renders depends on the numbers along its
		// cycle (`build/aliases.ts`): any other edit may decide it anew.
		return undefined;
	}
	// One region pasted, deleted or being typed; else (or when that cannot vouch for the
	// result) numbers typed over in any region headers.
	const regionEdit = findRegionEdit(change.removed, change.added);
	const afterRegionEdit = regionEdit === undefined ? undefined : reuseAfterRegionEdit(previous, stages, loaded, moved, regionEdit);
	return afterRegionEdit ?? (shape === 'numbers' ? reuseAfterNumbers(previous.tree, stages, change, moved) : undefined);
}

/** Whether the edit typed or deleted a `;`, which ends a statement. */
function endsStatement(previous: Analysis, loaded: LoadResult, move: Move): boolean {
	const before = previous.documents.get(move.uri)?.text ?? '';
	const after = loaded.documents.get(move.uri)?.text ?? '';
	return before.slice(move.start, move.oldEnd).includes(';') || after.slice(move.start, move.oldEnd + move.delta).includes(';');
}

/** Whether `location` (in the old text) ends where the edit starts. */
function endsAt(location: { readonly uri: string; readonly offset: number; readonly length: number }, move: Move): boolean {
	return location.uri === move.uri && location.offset + location.length === move.start;
}

/** What every reuse moves first: the references and the spaces, by the edit `move`. */
interface Moved {
	readonly uri: string;
	readonly move: Move;
	/** Undefined when the edit cuts into a reference. */
	readonly references: readonly ResolvedReference[] | undefined;
	readonly spaces: readonly AddressSpace[];
}

/** Nothing but positions changed: the tree, flat views and diagnostics hold, moved. */
function keepAll(previous: Analysis, stages: AnalysisStages, change: SyntaxChange, moved: Moved): ReusedBuild | undefined {
	const build = moveAll(stages.build, moved.move, moveDiagnostic);
	const checks = moveAll(stages.checks, moved.move, moveDiagnostic);
	const references = moved.references;
	if (build === undefined || checks === undefined || references === undefined || !retarget(previous.tree, moved.uri, pairsOf(change), false)) {
		return undefined;
	}
	const tree: RegionTree = { regions: previous.tree.regions, topLevel: previous.tree.topLevel, spaces: moved.spaces };
	const views = moved.spaces.map((space, i) => ({ space, view: (previous.views[i] as SpaceView).view }));
	return { tree, references, build, checked: { views, checks } };
}

/** Only header numbers changed: the records read them again; views and checks are redone. */
function reuseAfterNumbers(previous: RegionTree, stages: AnalysisStages, change: SyntaxChange, moved: Moved): ReusedBuild | undefined {
	// A build diagnostic in the edited nodes may be about the numbers that changed; so may
	// one on the `map` that places an edited region (its `at` + `size` past 2^64).
	const pairs = pairsOf(change);
	const maps = stages.build.length === 0 ? [] : previous.regions.flatMap((region) => (region instanceof RegionRecord && region.map !== undefined && pairs.regions.has(region.node) ? [region.map] : []));
	if (stages.build.some((d) => (d.uri === moved.uri && insideAny(d, change)) || maps.some((map) => inNode(d, map.uri, map.node)))) {
		return undefined;
	}
	const build = moveAll(stages.build, moved.move, moveDiagnostic);
	const references = moved.references;
	if (build === undefined || references === undefined || !retarget(previous, moved.uri, pairs, true)) {
		return undefined;
	}
	const tree: RegionTree = { regions: previous.regions, topLevel: previous.topLevel, spaces: moved.spaces };
	return { tree, references, build, checked: undefined };
}

/**
 * One region added, removed or replaced, in a block (`reuseRegionEdit.ts`) or at the top
 * level (`reuseTopLevelEdit.ts`); views and checks are redone.
 */
function reuseAfterRegionEdit(
	previous: Analysis,
	stages: AnalysisStages,
	loaded: LoadResult,
	moved: Moved,
	edit: RegionEdit,
): ReusedBuild | undefined {
	// A removed region's diagnostics go with it (the edit's span need not cover them
	// exactly); one elsewhere that points into it would have to change, so that builds afresh.
	// So does its reference (an alias's `of`): `applyRegionEdit` resolves a new one.
	const uri = moved.uri;
	const gone = edit.kind === 'removed' ? edit.region : edit.replaced;
	const kept = gone === undefined ? stages.build : stages.build.filter((d) => !inNode(d, uri, gone));
	if (gone !== undefined && kept.some((d) => (d.related ?? []).some((location) => inNode(location, uri, gone)))) {
		return undefined;
	}
	const move = alignedMove(moved.move, edit, previous.documents.get(uri)?.text ?? '', loaded.documents.get(uri)?.text ?? '');
	const aligned = move === moved.move;
	const build = move === undefined ? undefined : moveAll(kept, move, moveDiagnostic);
	const spaces = move === undefined ? undefined : aligned ? moved.spaces : fitSpaces(moveAll(previous.tree.spaces, move, moveSpace), uri, loaded);
	const references =
		move === undefined
			? undefined
			: aligned && !(gone !== undefined && previous.references.some((reference) => inNode(reference, uri, gone)))
				? moved.references
				: moveAll(previous.references.filter((reference) => gone === undefined || !inNode(reference, uri, gone)), move, moveReference);
	if (build === undefined || spaces === undefined || references === undefined) {
		return undefined;
	}
	const textOf = (document: string): string | undefined => loaded.documents.get(document)?.text;
	const input = { tree: previous.tree, spaces, references, build, uri, textOf };
	const renumbered = edit.parent === undefined ? applyTopLevelEdit(input, edit, loaded.items) : applyRegionEdit(input, edit, edit.parent);
	if (renumbered === undefined) {
		return undefined;
	}
	retarget(renumbered.tree, uri, edit.pairs, false);
	return { tree: renumbered.tree, references: renumbered.references, build: [...build, ...renumbered.diagnostics], checked: undefined };
}

/**
 * The text edit `move` slid left to where the added or removed region starts. The edit is
 * found as the longest common prefix and suffix, so where a line is pasted or deleted
 * beside one that begins alike (`ram n.x` before `ram n.o`) it starts inside the next
 * region, and a span there (a diagnostic on `n.o`) would move wrongly. An insertion (a
 * deletion) can slide left over text that repeats at its end. Undefined when it cannot
 * reach the region; `move` itself when it need not move.
 */
function alignedMove(move: Move, edit: RegionEdit, before: string, after: string): Move | undefined {
	if (edit.kind === 'replaced') {
		return move;
	}
	const region = edit.region;
	const added = edit.kind === 'added';
	const length = added ? move.delta : -move.delta;
	const text = added ? after : before;
	if (move.start !== (added ? move.oldEnd : move.oldEnd - length) || length <= 0 || move.start <= region.offset) {
		return move;
	}
	let start = move.start;
	while (start > region.offset && text.charCodeAt(start - 1) === text.charCodeAt(start - 1 + length)) {
		start--;
	}
	if (start > region.offset + region.length) {
		return undefined;
	}
	return { ...move, start, oldEnd: added ? start : start + length };
}

function pairsOf(change: SyntaxChange): NodePairs {
	const pairs: NodePairs = { regions: new Map(), maps: new Map() };
	pairNodes(change.removed, change.added, pairs);
	return pairs;
}

/**
 * The one document whose parse changed, if every other one is unchanged and the set of
 * documents and their includes are the same as before.
 */
function editedDocument(previous: Analysis, loaded: LoadResult): { uri: string; change: SyntaxChange } | undefined {
	if (loaded.documents.size !== previous.documents.size || !sameIncludes(previous.includes, loaded.includes)) {
		return undefined;
	}
	let edited: { uri: string; change: SyntaxChange } | undefined;
	for (const uri of loaded.documents.keys()) {
		const change = loaded.changes.get(uri);
		if (change === undefined || !previous.documents.has(uri)) {
			return undefined;
		}
		if (!isUnchanged(change)) {
			if (edited !== undefined) {
				return undefined;
			}
			edited = { uri, change };
		}
	}
	return edited ?? { uri: previous.entry, change: unchangedText(loaded.documents.get(previous.entry)?.text.length ?? 0) };
}

function sameIncludes(a: ReadonlyMap<string, readonly string[]>, b: ReadonlyMap<string, readonly string[]>): boolean {
	if (a.size !== b.size) {
		return false;
	}
	for (const [uri, list] of a) {
		const other = b.get(uri);
		if (other === undefined || other.length !== list.length || list.some((target, i) => other[i] !== target)) {
			return false;
		}
	}
	return true;
}

/**
 * Points the records of the replaced regions (and the maps of the replaced blocks) at
 * their new nodes; with `numbers`, reads their header numbers again. False when that
 * reading reports anything or changes a priority (which would reorder siblings).
 */
function retarget(tree: RegionTree, uri: string, pairs: NodePairs, numbers: boolean): boolean {
	if (pairs.regions.size === 0 && pairs.maps.size === 0) {
		return true;
	}
	const scratch = createState();
	for (const region of tree.regions) {
		if (!(region instanceof RegionRecord)) {
			return false;
		}
		const map = region.map === undefined ? undefined : pairs.maps.get(region.map.node);
		if (map !== undefined && region.map !== undefined) {
			region.map = { ...region.map, node: map };
		}
		const twin = pairs.regions.get(region.node);
		if (twin !== undefined) {
			region.retarget(twin);
		}
		if (numbers && (twin !== undefined || map !== undefined) && !redeclare(scratch, region, uri, twin)) {
			return false;
		}
	}
	return scratch.diagnostics.length === 0;
}

/**
 * Reads the numbers of `record` again: those of its header from `node` (when it was
 * parsed again), then those of the `map` that places it, which say where it is. False if
 * its priority changed, or if the record's other build facts could depend on them.
 */
function redeclare(scratch: ReturnType<typeof createState>, record: RegionRecord, uri: string, node: RegionNode | undefined): boolean {
	if (node?.body?.members.some((member) => member.kind === 'coalesce') === true) {
		// Coalescing the whole region is checked against its size when settings are read.
		return false;
	}
	const priority = record.priority;
	if (node !== undefined) {
		redeclareProps(scratch, record, uri, node, record.declaredIn !== undefined);
	}
	if (record.map !== undefined) {
		applyMapNumbers(scratch, record, record.map.uri, record.map.node);
	}
	return record.priority === priority;
}

/** Whether `location` starts in `node` of `uri`. */
function inNode(location: { readonly uri: string; readonly offset: number }, uri: string, node: RegionNode | MapNode): boolean {
	return location.uri === uri && location.offset >= node.offset && location.offset < node.offset + node.length;
}

/** Whether `span` starts inside one of the removed nodes. */
function insideAny(span: { readonly offset: number }, change: SyntaxChange): boolean {
	return change.removed.some((node) => span.offset >= node.offset && span.offset < node.offset + node.length);
}

/** Each entry moved, or undefined if one cannot be. */
function moveAll<T>(list: readonly T[], move: Move, one: (entry: T, move: Move) => T | undefined): T[] | undefined {
	const result: T[] = [];
	for (const entry of list) {
		const moved = one(entry, move);
		if (moved === undefined) {
			return undefined;
		}
		result.push(moved);
	}
	return result;
}

/**
 * `span` (a location in `uri`) as it is in the new text: before the edit it stays, after
 * it it moves, around it it grows; undefined when the edit cuts into it (its start or
 * end was edited). The same object when nothing changes.
 */
function moveSpan<T extends { readonly offset: number; readonly length: number }>(span: T, uri: string, move: Move): T | undefined {
	const { offset, length } = span;
	if (uri !== move.uri || (move.delta === 0 && move.start === move.oldEnd)) {
		return span;
	}
	if (offset >= move.oldEnd) {
		return move.delta === 0 ? span : { ...span, offset: offset + move.delta };
	}
	if (offset + length <= move.start) {
		return span;
	}
	if (offset < move.start && offset + length >= move.oldEnd) {
		return move.delta === 0 ? span : { ...span, length: length + move.delta };
	}
	return undefined;
}

function moveDiagnostic(diagnostic: Diagnostic, move: Move): Diagnostic | undefined {
	const moved = moveSpan(diagnostic, diagnostic.uri, move);
	const before = diagnostic.related;
	const related = before === undefined ? undefined : moveAll(before, move, (location: RelatedLocation) => moveSpan(location, location.uri, move));
	if (moved === undefined || (before !== undefined && related === undefined)) {
		return undefined;
	}
	return related === undefined || related.every((location, i) => location === before?.[i]) ? moved : { ...moved, related };
}

function moveReference(reference: ResolvedReference, move: Move): ResolvedReference | undefined {
	const moved = moveSpan(reference, reference.uri, move);
	if (moved === undefined || moved === reference) {
		return moved;
	}
	const segments = moveAll(reference.segments, move, (segment) => moveSpan(segment, reference.uri, move));
	return segments === undefined ? undefined : { ...moved, segments };
}

/**
 * `spaces` with each definition in `uri` as long as the `space` item that starts there in
 * the new parse: an edit at its very end (a `;` typed after it) lies outside the moved
 * span, but inside the item.
 */
function fitSpaces(spaces: readonly AddressSpace[] | undefined, uri: string, loaded: LoadResult): AddressSpace[] | undefined {
	const items = loaded.documents.get(uri)?.file.items ?? [];
	return spaces?.map((space) => {
		const definition = space.definition;
		const item = definition?.uri === uri ? items.find((candidate) => candidate.kind === 'space' && candidate.offset === definition.offset) : undefined;
		return item === undefined || definition === undefined || item.length === definition.length
			? space
			: { ...space, definition: { ...definition, length: item.length } };
	});
}

function moveSpace(space: AddressSpace, move: Move): AddressSpace | undefined {
	const definition = space.definition;
	const moved = definition === undefined ? undefined : moveSpan(definition, definition.uri, move);
	if (definition === undefined || moved === definition) {
		return space;
	}
	return moved === undefined ? undefined : { ...space, definition: moved };
}
