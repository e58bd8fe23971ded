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
 * flat text's order (QEMU's creation order), which the flat printer reproduces. A space
 * is found in the flat text by its name and its root's name, since names may repeat.
 */
export function orderSpaces(model: ImportModel, flat: readonly FlatBlock[] | undefined): ImportSpace[] {
	const key = (name: string, root: string | undefined): string => `${name}\u0000${root ?? ''}`;
	const keyOf = (space: ImportSpace): string => key(space.name, model.regions[space.root]?.name);
	const flatKeys = (flat ?? []).flatMap((block) => block.spaces.map((space) => key(space.name, space.root)));
	const rank = (space: ImportSpace): number => {
		const index = flatKeys.indexOf(keyOf(space));
		return index < 0 ? flatKeys.length : index;
	};
	const ordered = [...model.spaces].sort((a, b) => a.group - b.group || rank(a) - rank(b));
	for (const block of flat ?? []) {
		const keys = block.spaces.map((space) => key(space.name, space.root));
		const positions = ordered.flatMap((space, index) => (keys.includes(keyOf(space)) ? [index] : []));
		const members = positions.map((index) => ordered[index] as ImportSpace).sort((a, b) => rank(a) - rank(b));
		positions.forEach((position, i) => {
			ordered[position] = members[i] as ImportSpace;
		});
	}
	return ordered;
}
