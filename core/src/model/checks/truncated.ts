/**
 * `space.truncated`: an address space whose render stopped at its work limit, because
 * aliases multiply its tree (see `renderBudget`). Its flat view, and every answer drawn
 * from it, is incomplete, so this is an error, and the shadowing check is skipped. Also
 * the other way a render stops short: `alias.cycle` for an alias that the render met again
 * where it already renders (`FlatView.recursion`), which only the render can see.
 */
import type { Diagnostic } from '../../diagnostics';
import type { SpaceView } from '../analyze';
import { renderBudget } from '../flatten';
import type { RegionId, RegionTree } from '../types';
import { report } from './report';

export function checkTruncated(tree: RegionTree, views: readonly SpaceView[]): Diagnostic[] {
	const out: Diagnostic[] = [];
	const recursions = new Set(views.map(({ view }) => view.recursion));
	for (const id of recursions) {
		out.push(...recursion(tree, id));
	}
	for (const { space, view } of views) {
		const root = tree.regions[space.root];
		const at = space.definition ?? root?.nameLocation;
		if (!view.truncated || at === undefined) {
			continue;
		}
		const budget = renderBudget(tree.regions.length);
		const message =
			`Flattening space '${space.name}' stopped at its work limit (${budget.visits} region visits or ${budget.pieces} ` +
			`ranges): its aliases multiply the tree, since each alias renders its whole target, and chains or nested pairs ` +
			`of aliases grow without bound (QEMU would build all of it). Only ${view.ranges.length} ranges were rendered: ` +
			`the flat view, hovers and owner lookups of this space are incomplete, and shadowed regions are not reported.`;
		out.push(report('space.truncated', 'error', message, at));
	}
	return out;
}

/**
 * `alias.cycle` for an alias that the render met again at the place where it already
 * renders: self-aliases whose passes cancel out (see `build/aliases.ts`).
 */
function recursion(tree: RegionTree, id: RegionId | undefined): Diagnostic[] {
	const alias = id === undefined ? undefined : tree.regions[id];
	const at = alias?.locations.of ?? alias?.nameLocation;
	if (alias === undefined || at === undefined) {
		return [];
	}
	const message =
		`Alias '${alias.path}' reaches itself at the same address: rendering it comes back, through aliases of ` +
		`their own containers whose moves cancel out, to where it already renders, so QEMU would recurse forever. ` +
		`The flat view renders it once.`;
	return [report('alias.cycle', 'error', message, at)];
}
