/**
 * Type hierarchy, read as QEMU's subregion tree: a region's supertype is the container it
 * is placed in (by nesting or by `map`, which the outline cannot show since it follows the
 * text), and its subtypes are its subregions in address order. "Show Type Hierarchy" on
 * a device thus walks up to the root of its address space, and on a container down
 * through everything mapped into it, across included files.
 */
import type { Analysis, Region } from '../../../core/src/index';
import type { ServerContext } from '../context';
import { regionById } from '../model';
import { expandHandler, itemOf, prepareHandler, type HierarchyItem } from './hierarchyItems';

/** The container `region` is placed in, if any. */
export function supertypes(analysis: Analysis, context: string, region: Region): HierarchyItem[] {
	const parent = regionById(analysis, region.parent);
	return parent ? [itemOf(analysis, context, parent)] : [];
}

/** The subregions of `region` by address (equal addresses in QEMU's order: the winner first). */
export function subtypes(analysis: Analysis, context: string, region: Region): HierarchyItem[] {
	const children = region.children
		.map((id) => analysis.tree.regions[id])
		.filter((child): child is Region => child !== undefined);
	children.sort((a, b) => (a.addr < b.addr ? -1 : a.addr > b.addr ? 1 : 0));
	return children.map((child) => itemOf(analysis, context, child));
}

export function registerTypeHierarchy(ctx: ServerContext): void {
	const hierarchy = ctx.connection.languages.typeHierarchy;
	hierarchy.onPrepare(prepareHandler(ctx, 'prepareTypeHierarchy'));
	hierarchy.onSupertypes(expandHandler(ctx, 'typeHierarchySupertypes', supertypes));
	hierarchy.onSubtypes(expandHandler(ctx, 'typeHierarchySubtypes', subtypes));
}
