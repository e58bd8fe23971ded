/**
 * Region kinds from the printed text. `ram`, `rom`, `romd` and `ramd` are printed as
 * such; QEMU prints pure containers and I/O regions both as `i/o`, and only the flat
 * views (`info mtree -f`) show which of them own addresses.
 */
import type { ImportModel, ImportRegion } from './importModel';
import type { FlatBlock } from './mtreeModel';
import type { PrintNode } from './printNodes';
import { wrap64 } from './regionType';

/**
 * Sets every region's kind. `i/o` is an I/O region when some flat range is its own. A
 * range's owner is chosen among the `i/o` regions of its name and priority (a range
 * prints its terminal region's own) that it fits in (offset plus length within the size): the one QEMU renders first among those that a tree of
 * the range's view prints where the range's start minus its offset lies, with the range
 * inside the print's clipped extent; for a range reached through an alias (no such
 * print), all of them (the flattener then referees, see refineKinds). A subregion-less `i/o` region that can never render is `io` too.
 * Every other `i/o` region is a pure container, and so is every one without flat text.
 */
export function decideKinds(model: ImportModel, flat: readonly FlatBlock[] | undefined): void {
	const byName = new Map<string, ImportRegion[]>();
	for (const region of model.regions) {
		region.kind = printedKind(region);
		if (region.kind === 'container' && region.type === 'i/o') {
			byName.set(region.name, [...(byName.get(region.name) ?? []), region]);
		}
	}
	if (!flat) {
		return;
	}
	const targets = new Set(model.regions.flatMap((region) => (region.alias ? [region.alias.target] : [])));
	for (const block of flat) {
		const names = new Set(block.spaces.map((space) => space.name));
		const groups = new Set(model.spaces.filter((space) => names.has(space.name)).map((space) => space.group));
		// Only an `i/o` region's own ranges print `i/o` (or `rom` on a readonly path).
		for (const range of block.ranges.filter((candidate) => candidate.type === 'i/o' || candidate.type === 'rom')) {
			const base = wrap64(range.start - range.offset);
			const fitting = (byName.get(range.name) ?? []).filter(
				(region) => region.priority === range.priority && range.offset + (range.end - range.start) < region.size,
			);
			const shows = (print: PrintNode): boolean =>
				groups.has(print.group) && print.start === base && print.clipStart <= range.start && range.end <= print.clipEnd;
			const placed = fitting.filter((region) => region.prints.some(shows) && canRender(model, targets, region));
			// Same-named alias targets (sh4's two `timer`s) are reached only through aliases.
			for (const owner of placed.length > 0 ? [firstRendered(model, placed)] : fitting) {
				owner.kind = 'io';
			}
		}
	}
	for (const region of model.regions) {
		// Such a leaf owns no range whatever its kind, and QEMU leaves are nearly always
		// I/O regions (the PC's `acpi-evt` under the disabled `piix4-pm`).
		if (region.kind === 'container' && region.type === 'i/o' && region.children.length === 0 && !canRender(model, targets, region)) {
			region.kind = 'io';
		}
	}
}

function printedKind(region: ImportRegion): ImportRegion['kind'] {
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
 * False when the region or a container above it is disabled below every alias target on
 * the way up: then neither its containers nor any alias can render it.
 */
function canRender(model: ImportModel, targets: ReadonlySet<number>, region: ImportRegion): boolean {
	for (let up: ImportRegion | undefined = region; up; up = model.regions[up.parent ?? -1]) {
		if (!up.enabled) {
			return false;
		}
		if (targets.has(up.id)) {
			return true;
		}
	}
	return true;
}

/**
 * The candidate QEMU renders first: the deepest (subregions render before their
 * container), then the first printed (higher priority, then list order).
 */
function firstRendered(model: ImportModel, candidates: readonly ImportRegion[]): ImportRegion {
	const depth = (region: ImportRegion): number => {
		let count = 0;
		for (let up = region.parent; up !== undefined; up = model.regions[up]?.parent) {
			count++;
		}
		return count;
	};
	let best = candidates[0] as ImportRegion;
	for (const region of candidates) {
		if (depth(region) > depth(best) || (depth(region) === depth(best) && region.node.index < best.node.index)) {
			best = region;
		}
	}
	return best;
}
