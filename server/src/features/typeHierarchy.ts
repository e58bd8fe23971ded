/**
 * Type hierarchy, read as QEMU's subregion tree: a region's supertype is the container it
 * is placed in (by nesting or by `map`, which the outline cannot show since it follows the
 * text), and its subtypes are its subregions in address order. "Show Type Hierarchy" on
 * a device thus walks up to the root of its address space, and on a container down
 * through everything mapped into it, across included files.
 */
import type { TypeHierarchyPrepareParams, TypeHierarchySubtypesParams, TypeHierarchySupertypesParams } from 'vscode-languageserver';
import type { Analysis, Region } from '../../../core/src/index';
import { toOffset } from '../convert';
import { guard, type ServerContext } from '../context';
import { itemOf, prepareItems, resolveItem, type HierarchyItem } from './hierarchyItems';

/** The container `region` is placed in, if any. */
export function supertypes(analysis: Analysis, context: string, region: Region): HierarchyItem[] {
	const parent = region.parent === undefined ? undefined : analysis.tree.regions[region.parent];
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
	hierarchy.onPrepare(
		guard(ctx, 'prepareTypeHierarchy', null, (params: TypeHierarchyPrepareParams) => {
			const document = ctx.documents.get(params.textDocument.uri);
			return document ? prepareItems(ctx, document.uri, toOffset(document, params.position)) : null;
		}),
	);
	hierarchy.onSupertypes(
		guard(ctx, 'typeHierarchySupertypes', null, (params: TypeHierarchySupertypesParams) => {
			const found = resolveItem(ctx, params.item);
			return found ? supertypes(found.analysis, found.context, found.region) : null;
		}),
	);
	hierarchy.onSubtypes(
		guard(ctx, 'typeHierarchySubtypes', null, (params: TypeHierarchySubtypesParams) => {
			const found = resolveItem(ctx, params.item);
			return found ? subtypes(found.analysis, found.context, found.region) : null;
		}),
	);
}
