/**
 * Completion after `at`: the free places in the enclosing container. When the size of
 * what is placed is known (the region's `size`, or the size of the region a `map`
 * places), each item is the lowest start aligned to that size in a gap where it fits;
 * otherwise the start of each gap. Adding a device to a bus then takes one key, and it
 * lands in space nothing else is declared in.
 */
import { CompletionItemKind, type CompletionItem, type Range } from 'vscode-languageserver';
import { fittingStarts, formatAddress, formatSize, freeGaps } from '../../../core/src/index';
import type { Analysis, FileNode, MapNode, Region, RegionNode } from '../../../core/src/index';
import { referenceAt, regionById, regionDeclaredAt } from '../model';
import { innermost, pathAt } from '../syntaxQuery';

/** At most this many places are offered: the first ones, in address order. */
const maxItems = 8;

/**
 * The free places for the statement whose `at` keyword starts at `atOffset` of `uri`,
 * each replacing `replace`; empty outside a block or before the analysis knows the
 * container.
 */
export function addressItems(analysis: Analysis, uri: string, file: FileNode, atOffset: number, replace: Range): CompletionItem[] {
	const found = placingStatement(analysis, uri, file, atOffset);
	if (!found?.container) {
		return [];
	}
	const { container, placed } = found;
	const size = placed?.size ?? 0n;
	const gaps = freeGaps(analysis.tree, container, placed?.id);
	const places = size > 0n ? fittingStarts(gaps, size, maxItems) : gaps.slice(0, maxItems).map((gap) => ({ start: gap.start, gap }));
	const what = placed === undefined ? 'it' : `'${placed.name}'`;
	return places.map(({ start, gap }, i) => {
		const label = formatAddress(start);
		const fits = size > 0n ? `${what} (${formatSize(size)}) fits at [${label}, ${formatAddress(start + size)}), aligned to its size.\n\n` : '';
		return {
			label,
			kind: CompletionItemKind.Value,
			detail: `free in '${container.name}': [${formatAddress(gap.start)}, ${formatAddress(gap.end)}), ${formatSize(gap.end - gap.start)}`,
			documentation: `${fits}No subregion of '${container.name}' is declared in [${formatAddress(gap.start)}, ${formatAddress(gap.end)}).`,
			sortText: String(i).padStart(2, '0'),
			textEdit: { range: replace, newText: label },
		};
	});
}

/**
 * The statement (a nested region or a `map`) that holds `offset`: the region it places,
 * as the analysis has it, and the container of the block it stands in (undefined at the
 * top level).
 */
export function placingStatement(
	analysis: Analysis,
	uri: string,
	file: FileNode,
	offset: number,
): { node: RegionNode | MapNode; placed: Region | undefined; container: Region | undefined } | undefined {
	const path = pathAt(file, offset);
	const statement = innermost(path, 'region', 'map');
	if (!statement) {
		return undefined;
	}
	const node = statement.node;
	const placed = node.kind === 'map' ? mapTarget(analysis, uri, node) : regionDeclaredAt(analysis, uri, node.offset);
	const block = innermost(path, 'block');
	const owner = block && block.index < statement.index ? path[block.index - 1] : undefined;
	const container = owner?.kind === 'region' ? regionDeclaredAt(analysis, uri, owner.offset) : undefined;
	return { node, placed, container };
}

function mapTarget(analysis: Analysis, uri: string, node: MapNode): Region | undefined {
	const target = node.target === undefined ? undefined : referenceAt(analysis, uri, node.target.offset)?.reference.target;
	return regionById(analysis, target);
}
