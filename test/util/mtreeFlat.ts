/**
 * A small `info mtree -f` range printer for model tests (R8.9): one line per flat range,
 * `  <start>-<end> (prio <p>, <type>): <name>[ @<offset>]`, 16-digit hex as QEMU prints.
 */
import type { FlatRange, FlatView, RegionTree } from '../../core/src/index';
import { formatHex16 } from '../../core/src/index';

function typeOf(tree: RegionTree, range: FlatRange): string {
	const region = tree.regions[range.region];
	const nv = range.nonvolatile ? 'nv-' : '';
	if (range.readonly) {
		return nv + 'rom';
	}
	switch (region?.kind) {
		case 'ram':
		case 'rom':
		case 'ramd':
			return nv + region.kind;
		case 'romd':
			return nv + (region.romdMode ? 'romd' : 'i/o');
		default:
			return nv + 'i/o';
	}
}

/** One `info mtree -f` line for `range`. */
export function mtreeFlatLine(tree: RegionTree, range: FlatRange): string {
	const region = tree.regions[range.region];
	const end = range.start + range.size - 1n;
	const offset = range.offsetInRegion === 0n ? '' : ` @${formatHex16(range.offsetInRegion)}`;
	return `  ${formatHex16(range.start)}-${formatHex16(end)} (prio ${region?.priority ?? 0}, ${typeOf(tree, range)}): ${region?.name ?? '?'}${offset}`;
}

/** Every range of `view` as `info mtree -f` lines. */
export function mtreeFlat(tree: RegionTree, view: FlatView): string[] {
	return view.ranges.map((range) => mtreeFlatLine(tree, range));
}
