/**
 * `info mtree -D` (and plain `info mtree`) of QEMU 7.2, printed from a memmap analysis:
 * the same bytes QEMU prints for the same region tree (R8.3-R8.8).
 */
import type { Analysis } from '../model/analyze';
import type { AddressSpace, Region, RegionId, RegionTree } from '../model/types';
import { printOrder } from '../model/treeOrder';
import { hex16, lastOffset, regionType, wrap64 } from './regionType';

/** Options of `printMtree`. */
export interface PrintMtreeOptions {
	/**
	 * True (the default) prints what `info mtree -D` prints: disabled regions with
	 * ` [disabled]`. False prints plain `info mtree`: a disabled region's own line is left
	 * out but its subregions still print, two levels deeper than their visible parent.
	 */
	readonly showDisabled?: boolean;
}

interface Printer {
	readonly tree: RegionTree;
	readonly showDisabled: boolean;
	/** The alias-target queue (R8.8): de-duplicated by region, first in first out. */
	readonly queue: RegionId[];
	readonly queued: Set<RegionId>;
	readonly out: string[];
}

/**
 * The text of `info mtree -D` for the analysis' region tree: one group per address-space
 * root (its spaces' names sorted byte-wise), then the `memory-region:` alias-target queue.
 * QEMU prints the groups in hash-table order; this prints them in the order of each
 * root's first space. Every line ends with `\n`; each group ends with a blank line, as in
 * QEMU. Never throws, also on analyses with errors (unresolved aliases print `@`).
 */
export function printMtree(analysis: Analysis, options: PrintMtreeOptions = {}): string {
	const tree = analysis.tree;
	const printer: Printer = { tree, showDisabled: options.showDisabled ?? true, queue: [], queued: new Set(), out: [] };
	for (const [root, spaces] of spaceGroups(tree.spaces)) {
		const names = spaces.map((space) => space.name).sort(compareBytes);
		for (const name of names) {
			printer.out.push(`address-space: ${name}\n`);
		}
		printRegion(printer, root, 1, 0n);
		printer.out.push('\n');
	}
	for (let index = 0; index < printer.queue.length; index++) {
		const id = printer.queue[index] as RegionId;
		printer.out.push(`memory-region: ${tree.regions[id]?.name ?? ''}\n`);
		printRegion(printer, id, 1, 0n);
		printer.out.push('\n');
	}
	return printer.out.join('');
}

/** Address spaces grouped by root region, groups in order of their first space. */
function spaceGroups(spaces: readonly AddressSpace[]): Map<RegionId, AddressSpace[]> {
	const groups = new Map<RegionId, AddressSpace[]>();
	for (const space of spaces) {
		const group = groups.get(space.root);
		if (group) {
			group.push(space);
		} else {
			groups.set(space.root, [space]);
		}
	}
	return groups;
}

/** C `strcmp` order for ASCII names (QEMU sorts the spaces of a group with it). */
function compareBytes(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}

/** QEMU's `mtree_print_mr`, including its overflow check and hidden disabled lines. */
function printRegion(printer: Printer, id: RegionId, level: number, base: bigint): void {
	const region = printer.tree.regions[id];
	if (!region || level > printer.tree.regions.length + 2) {
		return;
	}
	const start = wrap64(base + region.addr);
	const end = wrap64(start + lastOffset(region.size));
	if (start < base || end < start) {
		// QEMU prints the prefix before deciding whether the line is shown, so a hidden
		// disabled line hands it to the next printed line.
		printer.out.push('[DETECTED OVERFLOW!] ');
	}
	if (region.kind === 'alias') {
		enqueueTarget(printer, region);
	}
	if (region.enabled || printer.showDisabled) {
		printer.out.push('  '.repeat(level) + regionLine(printer.tree, region, start, end) + '\n');
	}
	for (const child of printOrder(printer.tree, region)) {
		printRegion(printer, child, level + 1, start);
	}
}

function enqueueTarget(printer: Printer, region: Region): void {
	const target = region.alias?.target;
	if (target !== undefined && !printer.queued.has(target)) {
		printer.queued.add(target);
		printer.queue.push(target);
	}
}

function regionLine(tree: RegionTree, region: Region, start: bigint, end: bigint): string {
	const head = `${hex16(start)}-${hex16(end)} (prio ${region.priority}, ${region.nonvolatile ? 'nv-' : ''}${regionType(tree, region)}): `;
	const disabled = region.enabled ? '' : ' [disabled]';
	if (region.kind !== 'alias') {
		return head + region.name + disabled;
	}
	const offset = region.alias?.offset ?? 0n;
	const target = region.alias?.target === undefined ? undefined : tree.regions[region.alias.target];
	const window = `${hex16(offset)}-${hex16(offset + lastOffset(region.size))}`;
	return `${head}alias ${region.name} @${target?.name ?? ''} ${window}${disabled}`;
}
