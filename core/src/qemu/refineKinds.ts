/**
 * The flattener as the referee of the `io`/`container` choice. The imported text is
 * analysed and each view compared with its `info mtree -f` block: an I/O region that
 * renders a range QEMU does not show becomes a container, and a range QEMU shows that is
 * missing makes its likeliest container an I/O region. But when QEMU shows there an
 * overlapping sibling of equal priority, that sibling was added last: it is declared
 * after the region instead. One change per round, each region changed at most once,
 * until the views agree or a bound is reached.
 */
import { analyzeText } from '../model/analyze';
import type { FlatRange, RegionTree } from '../model/types';
import type { Emitted } from './emit';
import type { ImportRegion } from './importModel';
import { blocksOfViews } from './flatDiff';
import { owners, type KindContext } from './kinds';
import type { FlatBlock, FlatRangeLine } from './mtreeModel';

const maxRounds = 16;

/** Refines kinds in place; `emit` writes the current model. */
export function refineKinds(context: KindContext, blocks: readonly FlatBlock[], emit: () => Emitted): void {
	const changed = new Set<number>();
	const reordered = new Set<number>();
	for (let round = 0; round < maxRounds; round++) {
		const emitted = emit();
		const analysis = analyzeText(emitted.text, 'import.memmap');
		if (analysis.diagnostics.some((diagnostic) => diagnostic.severity === 'error')) {
			return;
		}
		const regionOf = (range: FlatRange): ImportRegion | undefined => context.model.regions[emitted.declared[range.region] ?? -1];
		let fix: ImportRegion | undefined;
		let reorder: { readonly winner: ImportRegion; readonly loser: ImportRegion } | undefined;
		const blockOf = blocksOfViews(analysis.tree, analysis.views, blocks);
		for (const [i, { view }] of analysis.views.entries()) {
			const block = blockOf[i];
			if (fix) {
				break;
			}
			if (!block) {
				continue;
			}
			const rendered = new Set(view.ranges.map((range) => renderedKey(analysis.tree, range)));
			const expected = new Set(block.ranges.map(lineKey));
			const extras = view.ranges.filter((range) => !expected.has(renderedKey(analysis.tree, range)) && isChoice(regionOf(range), changed));
			// A region rendering bytes that QEMU shows as another region's, or as its own at
			// another offset, took them; the ranges it cut short are only a consequence.
			const culprits = extras.filter((range) => !isConsistent(analysis.tree, range, block));
			const extra = deepest(analysis.tree, culprits) ?? deepest(analysis.tree, extras);
			const missing = block.ranges.find((range) => !rendered.has(lineKey(range)));
			fix = extra ? regionOf(extra) : missing ? owners(context, block, missing, true).find((region) => region.kind === 'container' && !changed.has(region.id)) : undefined;
			const loser = extra ? regionOf(extra) : undefined;
			const winner = extra && loser ? overlapWinner(context, block, extra, loser) : undefined;
			reorder = winner && loser && !reordered.has(winner.id) ? { winner, loser } : undefined;
		}
		if (reorder) {
			reorder.winner.declaredAfter = reorder.loser.id;
			reordered.add(reorder.winner.id);
			continue;
		}
		if (!fix) {
			return;
		}
		fix.kind = fix.kind === 'io' ? 'container' : 'io';
		changed.add(fix.id);
	}
}

/**
 * The sibling of `loser` that QEMU shows at the start of `range` instead of it, when that
 * sibling has the same priority and overlaps it: QEMU added it later.
 */
function overlapWinner(context: KindContext, block: FlatBlock, range: FlatRange, loser: ImportRegion): ImportRegion | undefined {
	const shown = block.ranges.find((line) => line.start <= range.start && range.start <= line.end);
	const parent = context.model.regions[loser.parent ?? -1];
	if (shown === undefined || parent === undefined) {
		return undefined;
	}
	return parent.children
		.map((id) => context.model.regions[id])
		.find((sibling): sibling is ImportRegion =>
			sibling !== undefined &&
			sibling !== loser &&
			sibling.name === shown.name &&
			sibling.priority === loser.priority &&
			sibling.addr < loser.addr + loser.size &&
			loser.addr < sibling.addr + sibling.size,
		);
}

/** Subregions render before their container: the deepest extra took the bytes first. */
function deepest(tree: RegionTree, ranges: readonly FlatRange[]): FlatRange | undefined {
	const depth = (range: FlatRange): number => {
		let count = 0;
		for (let up = tree.regions[range.region]?.parent; up !== undefined; up = tree.regions[up]?.parent) {
			count++;
		}
		return count;
	};
	let best: FlatRange | undefined;
	for (const range of ranges) {
		if (!best || depth(range) > depth(best)) {
			best = range;
		}
	}
	return best;
}

/** QEMU shows the range's first byte as the same region at the same offset in it. */
function isConsistent(tree: RegionTree, range: FlatRange, block: FlatBlock): boolean {
	const own = tree.regions[range.region];
	return block.ranges.some(
		(line) =>
			line.name === own?.name &&
			line.priority === own.priority &&
			line.start <= range.start &&
			range.start <= line.end &&
			line.offset + (range.start - line.start) === range.offsetInRegion,
	);
}

function isChoice(region: ImportRegion | undefined, changed: ReadonlySet<number>): boolean {
	return region !== undefined && region.kind === 'io' && region.type === 'i/o' && !changed.has(region.id);
}

/** A range's identity without its type: readonly paths (`rom`) are inferred later. */
function lineKey(range: FlatRangeLine): string {
	return `${range.start}|${range.end}|${range.priority}|${range.name}|${range.offset}`;
}

function renderedKey(tree: RegionTree, range: FlatRange): string {
	const own = tree.regions[range.region];
	return `${range.start}|${range.start + range.size - 1n}|${own?.priority}|${own?.name}|${range.offsetInRegion}`;
}
