/**
 * The build pipeline from loaded items to the resolved `RegionTree`: declare, resolve and
 * place maps, break containment cycles, order children, resolve aliases and break alias
 * cycles, then address spaces. Layout, visibility and access checks run later, on the
 * finished tree and its flat views (`checks/`). Each pass is linear or n log n.
 */
import type { ResolvedReference } from '../analyze';
import type { RegionTree } from '../types';
import { breakAliasCycles, resolveAliases } from './aliases';
import { declareAll, type LoadedItem } from './declare';
import { breakContainmentCycles, orderChildren, placeMaps } from './place';
import { buildIndex } from './resolve';
import { buildSpaces } from './spaces';
import type { BuildState } from './state';

export interface BuiltTree {
	readonly tree: RegionTree;
	/** Every written reference, sorted by document and offset. */
	readonly references: readonly ResolvedReference[];
}

/** Builds the tree of `items` (textual order, includes in place); diagnostics go to `state`. */
export function buildTree(state: BuildState, items: readonly LoadedItem[]): BuiltTree {
	declareAll(state, items);
	const index = buildIndex(state);
	const references: ResolvedReference[] = [];
	placeMaps(state, index, references);
	breakContainmentCycles(state);
	orderChildren(state);
	resolveAliases(state, index, references);
	breakAliasCycles(state);
	const spaces = buildSpaces(state, index, references);
	references.sort((a, b) => compareText(a.uri, b.uri) || a.offset - b.offset);
	return { tree: { regions: state.regions, topLevel: state.topLevel, spaces }, references };
}

/** Plain code-unit order, the same on every machine (no locale). */
export function compareText(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}
