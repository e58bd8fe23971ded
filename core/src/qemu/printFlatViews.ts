/**
 * `info mtree -f` of QEMU 7.2, printed from a memmap analysis (R8.9): one `FlatView #n`
 * block per distinct flat view, shared by every address space whose flat-view root (R4.8)
 * is the same region.
 */
import type { Analysis, SpaceView } from '../model/analyze';
import type { FlatRange, RegionId, RegionTree } from '../model/types';
import { flatOwner, flatOwnerText } from './flatDiff';
import { hex16 } from './regionType';

/**
 * The text of `info mtree -f`. Address spaces with the same flat-view root share a block
 * (all spaces with no rendered view share one, as in QEMU); a block lists its spaces in
 * declaration order (QEMU: creation order). QEMU prints the blocks in hash-table order;
 * this prints them in the order of each view's first space. Each block ends with a blank
 * line, as in QEMU. Never throws.
 */
export function printFlatViews(analysis: Analysis): string {
	const out: string[] = [];
	let counter = 0;
	for (const views of viewGroups(analysis.views)) {
		out.push(`FlatView #${counter++}\n`);
		printBlock(analysis.tree, views, out);
	}
	return out.join('');
}

/** Space views grouped by flat-view root (undefined = no rendered view), in first-seen order. */
function viewGroups(views: readonly SpaceView[]): SpaceView[][] {
	const groups = new Map<RegionId | undefined, SpaceView[]>();
	for (const view of views) {
		const group = groups.get(view.view.root);
		if (group) {
			group.push(view);
		} else {
			groups.set(view.view.root, [view]);
		}
	}
	return [...groups.values()];
}

function printBlock(tree: RegionTree, views: readonly SpaceView[], out: string[]): void {
	for (const { space } of views) {
		const root = tree.regions[space.root];
		const target = root?.kind === 'alias' && root.alias?.target !== undefined ? tree.regions[root.alias.target] : undefined;
		const aliasPart = root?.kind === 'alias' ? `, alias ${target?.name ?? ''}` : '';
		out.push(` AS "${space.name}", root: ${root?.name ?? ''}${aliasPart}\n`);
	}
	const first = views[0]?.view;
	const rootName = first?.root === undefined ? '(none)' : (tree.regions[first.root]?.name ?? '');
	out.push(` Root memory region: ${rootName}\n`);
	if (!first || first.ranges.length === 0) {
		out.push('  No rendered FlatView\n\n');
		return;
	}
	for (const range of first.ranges) {
		out.push(`  ${rangeLine(tree, range)}\n`);
	}
	out.push('\n');
}

/** One range: the terminal region's own priority, `rom` when the range is readonly. */
function rangeLine(tree: RegionTree, range: FlatRange): string {
	const end = range.start + range.size - 1n;
	return `${hex16(range.start)}-${hex16(end)} ${flatOwnerText(flatOwner(tree, range))}`;
}
