/**
 * `space.truncated`: an address space whose render stopped at its work limit, because
 * aliases multiply its tree (see `renderBudget`). Its flat view, and every answer drawn
 * from it, is incomplete, so this is an error, and the shadowing check is skipped.
 */
import type { Diagnostic } from '../../diagnostics';
import type { SpaceView } from '../analyze';
import { renderBudget } from '../flatten';
import type { RegionTree } from '../types';
import { report } from './report';

export function checkTruncated(tree: RegionTree, views: readonly SpaceView[]): Diagnostic[] {
	const out: Diagnostic[] = [];
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
