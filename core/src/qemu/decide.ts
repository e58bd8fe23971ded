/**
 * Decisions the printed text leaves open: `overlap` marks, and the order of the address
 * spaces (QEMU prints a FlatView's spaces in creation order).
 */
import type { ImportModel, ImportRegion, ImportSpace } from './importModel';
import type { FlatBlock } from './mtreeModel';

/**
 * Marks every region whose extent intersects a sibling's: QEMU (since 2016) no longer
 * records whether an overlap was intended, so every overlap is taken as intended.
 */
export function markOverlaps(model: ImportModel): void {
	for (const region of model.regions) {
		const children = region.children
			.map((id) => model.regions[id] as ImportRegion)
			.filter((child) => child.size > 0n)
			.sort((a, b) => (a.addr < b.addr ? -1 : a.addr > b.addr ? 1 : 0));
		let reach: ImportRegion | undefined;
		for (const child of children) {
			if (reach && child.addr < reach.addr + reach.size) {
				child.overlap = true;
				reach.overlap = true;
			}
			if (!reach || child.addr + child.size > reach.addr + reach.size) {
				reach = child;
			}
		}
	}
}

/**
 * The declaration order of the spaces: tree group order, and inside each FlatView the
 * flat text's order (QEMU's creation order), which the flat printer reproduces.
 */
export function orderSpaces(spaces: readonly ImportSpace[], flat: readonly FlatBlock[] | undefined): ImportSpace[] {
	const flatNames = (flat ?? []).flatMap((block) => block.spaces.map((space) => space.name));
	const rank = (space: ImportSpace): number => {
		const index = flatNames.indexOf(space.name);
		return index < 0 ? flatNames.length : index;
	};
	const ordered = [...spaces].sort((a, b) => a.group - b.group || rank(a) - rank(b));
	for (const block of flat ?? []) {
		const names = block.spaces.map((space) => space.name);
		const positions = ordered.flatMap((space, index) => (names.includes(space.name) ? [index] : []));
		const members = positions.map((index) => ordered[index] as ImportSpace).sort((a, b) => rank(a) - rank(b));
		positions.forEach((position, i) => {
			ordered[position] = members[i] as ImportSpace;
		});
	}
	return ordered;
}
