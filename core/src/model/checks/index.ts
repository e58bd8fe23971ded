/**
 * The memory-map checks that become editor diagnostics: layout (overlaps, clipping,
 * zero sizes, alias windows), visibility (shadowed and never-rendered regions) and the
 * access-constraint catalogue (spec §11, W-rules). Each check is a small function over
 * the region tree and the flat views; none of them throws.
 */
import type { Diagnostic } from '../../diagnostics';
import type { SpaceView } from '../analyze';
import type { RegionTree } from '../types';
import { checkAccess } from './access';
import { checkLayout } from './layout';
import { checkTruncated } from './truncated';
import { checkVisibility } from './visibility';

/** Runs every tree check; diagnostics are sorted by document, offset and code. */
export function checkTree(tree: RegionTree, views: readonly SpaceView[]): Diagnostic[] {
	const diagnostics = [
		...checkTruncated(tree, views),
		...checkLayout(tree),
		...checkVisibility(tree, views),
		...checkAccess(tree),
	];
	return diagnostics.sort(
		(a, b) =>
			(a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0) || a.offset - b.offset || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
	);
}
