/**
 * Call hierarchy, read as the alias graph: the "calls" into a region are the aliases that
 * open a window onto it, and an alias's one outgoing "call" is its target. QEMU boards
 * stack aliases (a PAM window of an alias of `pc.ram`, an `isa-bios` of `pc.bios`), and
 * Find References lists them flat; this view expands the chain level by level, each item
 * saying where its window starts in the target. The ranges are the aliases' `of`.
 */
import type { CallHierarchyIncomingCall, CallHierarchyOutgoingCall, Range } from 'vscode-languageserver';
import type { Analysis, Region } from '../../../core/src/index';
import { rangeIn } from '../convert';
import type { ServerContext } from '../context';
import { regionById } from '../model';
import { expandHandler, itemOf, prepareHandler } from './hierarchyItems';

/** The `of` of an alias, where its window onto the target is written. */
function ofRange(analysis: Analysis, alias: Region): Range {
	const at = alias.locations.of ?? alias.nameLocation;
	return rangeIn(analysis, at.uri, at.offset, at.length);
}

/** The aliases whose target is `region`, in declaration order. */
export function incomingCalls(analysis: Analysis, context: string, region: Region): CallHierarchyIncomingCall[] {
	return analysis.tree.regions
		.filter((alias) => alias.alias?.target === region.id)
		.map((alias) => ({ from: itemOf(analysis, context, alias), fromRanges: [ofRange(analysis, alias)] }));
}

/** An alias's target; nothing for any other region (or an alias whose target is unresolved). */
export function outgoingCalls(analysis: Analysis, context: string, region: Region): CallHierarchyOutgoingCall[] {
	const id = region.alias?.target;
	const target = regionById(analysis, id);
	return target ? [{ to: itemOf(analysis, context, target), fromRanges: [ofRange(analysis, region)] }] : [];
}

export function registerCallHierarchy(ctx: ServerContext): void {
	const hierarchy = ctx.connection.languages.callHierarchy;
	hierarchy.onPrepare(prepareHandler(ctx, 'prepareCallHierarchy'));
	hierarchy.onIncomingCalls(expandHandler(ctx, 'callHierarchyIncomingCalls', incomingCalls));
	hierarchy.onOutgoingCalls(expandHandler(ctx, 'callHierarchyOutgoingCalls', outgoingCalls));
}
