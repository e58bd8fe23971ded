/**
 * The decisions the printed text leaves open: each region's kind (QEMU prints pure
 * containers and I/O regions both as `i/o`), `overlap` marks, and the order of the
 * address spaces (QEMU prints a FlatView's spaces in creation order).
 */
import type { ImportModel, ImportRegion, ImportSpace } from './importModel';
import type { FlatBlock } from './mtreeModel';
import { wrap64 } from './regionType';

/**
 * Kinds from the type column. `i/o` is an I/O region when some flat range is its own:
 * a range of its name whose start minus offset is where the tree prints it, or, for
 * ranges reached through aliases (no such print), one that fits in it (offset plus
 * length within its size). Any other `i/o` region is a pure container, and so is every
 * `i/o` region without flat text. With flat text, a leaf that can never render is `io`.
 */
export function decideKinds(model: ImportModel, flat: readonly FlatBlock[] | undefined): void {
	const byName = new Map<string, ImportRegion[]>();
	for (const region of model.regions) {
		region.kind = kindOf(region);
		if (region.kind === 'container' && region.type === 'i/o') {
			byName.set(region.name, [...(byName.get(region.name) ?? []), region]);
		}
	}
	for (const range of (flat ?? []).flatMap((block) => block.ranges)) {
		const candidates = byName.get(range.name) ?? [];
		const base = wrap64(range.start - range.offset);
		const placed = candidates.filter((region) => region.starts.includes(base));
		const owners = placed.length > 0 ? placed : candidates.filter((region) => range.offset + (range.end - range.start) < region.size);
		for (const region of owners) {
			region.kind = 'io';
		}
	}
	if (flat) {
		markUnrenderableLeaves(model);
	}
}

/**
 * A subregion-less `i/o` region that can never render (it or a container above it is
 * disabled, and no alias reaches it from below that point) owns no flat range whatever
 * its kind; it is taken as an I/O region, which such leaves nearly always are.
 */
function markUnrenderableLeaves(model: ImportModel): void {
	const targets = new Set(model.regions.flatMap((region) => (region.alias ? [region.alias.target] : [])));
	for (const region of model.regions) {
		if (region.kind !== 'container' || region.type !== 'i/o' || region.children.length > 0) {
			continue;
		}
		for (let up: ImportRegion | undefined = region; up && !targets.has(up.id); up = model.regions[up.parent ?? -1]) {
			if (!up.enabled) {
				region.kind = 'io';
				break;
			}
		}
	}
}

function kindOf(region: ImportRegion): ImportRegion['kind'] {
	if (region.node.line?.alias) {
		return 'alias';
	}
	switch (region.type) {
		case 'ram':
		case 'rom':
		case 'romd':
		case 'ramd':
			return region.type;
		default:
			return 'container';
	}
}

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
