/**
 * The items of the two hierarchy views (`typeHierarchy.ts`: containment, and
 * `callHierarchy.ts`: aliases). An item names a region by where it is declared and by the
 * open document whose analysis found it, so that expanding it later, after edits, asks the
 * same analysis context again (or, once that document is closed, the context of the
 * item's own file if it is open); an item whose declaration no longer holds that region
 * (the text moved under it) expands to nothing until the view is opened again.
 */
import type { CallHierarchyItem, TextDocumentPositionParams, TypeHierarchyItem } from 'vscode-languageserver';
import { formatAddress, formatSize } from '../../../core/src/index';
import type { Analysis, Region } from '../../../core/src/index';
import { rangeIn, toOffset } from '../convert';
import { analysisFor, guard, type ServerContext } from '../context';
import { regionAtCursor, regionById, regionDeclaredAt } from '../model';
import { regionSymbolKinds } from './documentSymbols';

/** What an item carries back to the server: the analysis context and the declaration. */
export interface HierarchyData {
	/** The open document whose analysis the view started from (an includer, maybe). */
	readonly context: string;
	readonly uri: string;
	readonly offset: number;
	readonly name: string;
}

/** The fields both item types share (LSP's TypeHierarchyItem and CallHierarchyItem). */
export type HierarchyItem = TypeHierarchyItem & CallHierarchyItem & { data: HierarchyData };

/** The region named at `offset` of `uri` (a declaration's name or a reference), as an item. */
function prepareItems(ctx: ServerContext, uri: string, offset: number): HierarchyItem[] | null {
	const found = analysisFor(ctx, uri);
	const hit = found && regionAtCursor(found.analysis, uri, offset);
	return found && hit ? [itemOf(found.analysis, uri, hit.region)] : null;
}

/** The handler of a hierarchy's prepare request: the item of the region at the cursor. */
export function prepareHandler(ctx: ServerContext, name: string): (params: TextDocumentPositionParams) => HierarchyItem[] | null {
	return guard(ctx, name, null, (params: TextDocumentPositionParams) => {
		const document = ctx.documents.get(params.textDocument.uri);
		return document ? prepareItems(ctx, document.uri, toOffset(document, params.position)) : null;
	});
}

/** The handler of a request that expands an item; null once the item stands for no region. */
export function expandHandler<R>(
	ctx: ServerContext,
	name: string,
	answer: (analysis: Analysis, context: string, region: Region) => R[],
): (params: { item: { data?: unknown } }) => R[] | null {
	return guard(ctx, name, null, (params: { item: { data?: unknown } }) => {
		const found = resolveItem(ctx, params.item);
		return found ? answer(found.analysis, found.context, found.region) : null;
	});
}

/** The analysis and region an item stands for, if its declaration still holds it. */
function resolveItem(ctx: ServerContext, item: { data?: unknown }): { analysis: Analysis; region: Region; context: string } | undefined {
	const data = item.data as Partial<HierarchyData> | undefined;
	if (typeof data?.context !== 'string' || typeof data.uri !== 'string' || typeof data.offset !== 'number') {
		return undefined;
	}
	// Once the document the view started from is closed, the item's own file, if open,
	// answers in the context the server now gives it (as a hover there would).
	const fromView = analysisFor(ctx, data.context);
	const context = fromView ? data.context : data.uri;
	const analysis = (fromView ?? analysisFor(ctx, data.uri))?.analysis;
	const region = analysis && regionDeclaredAt(analysis, data.uri, data.offset);
	return analysis && region && region.name === data.name ? { analysis, region, context } : undefined;
}

/** The item of `region`: its declaration, its name, and what it is and where it sits in `detail`. */
export function itemOf(analysis: Analysis, context: string, region: Region): HierarchyItem {
	const { definition, nameLocation } = region;
	return {
		name: region.name || '(unnamed)',
		kind: regionSymbolKinds[region.kind],
		detail: detailOf(analysis, region),
		uri: definition.uri,
		range: rangeIn(analysis, definition.uri, definition.offset, definition.length),
		selectionRange: rangeIn(analysis, nameLocation.uri, nameLocation.offset, nameLocation.length),
		data: { context, uri: definition.uri, offset: definition.offset, name: region.name },
	};
}

/**
 * `io · 4 KiB · at 0xfec0_0000 in system`; an alias adds its window:
 * `alias · 128 KiB · at 0xe_0000 in pci · of pc.bios at 0x2_0000`; a disabled region
 * says so after its size.
 */
export function detailOf(analysis: Analysis, region: Region): string {
	// A disabled region renders nothing: said before where it sits, so that a narrow view
	// still shows it.
	const parts = region.enabled ? [region.kind, formatSize(region.size)] : [region.kind, formatSize(region.size), 'disabled'];
	const parent = regionById(analysis, region.parent);
	if (parent) {
		parts.push(`at ${formatAddress(region.addr)} in ${parent.name}`);
	}
	if (region.alias) {
		const target = regionById(analysis, region.alias.target);
		parts.push(target ? `of ${target.path} at ${formatAddress(region.alias.offset)}` : 'of (unresolved)');
	}
	return parts.join(' · ');
}
