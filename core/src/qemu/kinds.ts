/**
 * Region kinds from the printed text. `ram`, `rom`, `romd` and `ramd` are printed as
 * such; QEMU prints pure containers and I/O regions both as `i/o`, and only the flat
 * views (`info mtree -f`) show which of them own addresses.
 */
import type { ImportModel, ImportRegion } from './importModel';
import type { FlatBlock, FlatRangeLine } from './mtreeModel';
import type { PrintNode } from './printNodes';
import { wrap64 } from './regionType';

/** What the kind decisions need to know about the model, computed once. */
export interface KindContext {
	readonly model: ImportModel;
	/** Regions printed `i/o` (not aliases), by name. */
	readonly byName: ReadonlyMap<string, readonly ImportRegion[]>;
	/** Regions printed as RAM, ROM, ROM device or RAM device, by name. */
	readonly others: ReadonlyMap<string, readonly ImportRegion[]>;
	/** Every alias target. */
	readonly targets: ReadonlySet<number>;
}

/**
 * Sets every region's kind. `i/o` is an I/O region when some flat range is its own (see
 * `owners`); a subregion-less `i/o` region that can never render is `io` too. Without
 * flat text, every subregion-less `i/o` region but a space's root is `io`. Every other
 * `i/o` region is a pure container.
 */
export function decideKinds(model: ImportModel, flat: readonly FlatBlock[] | undefined): KindContext {
	const byName = new Map<string, ImportRegion[]>();
	const others = new Map<string, ImportRegion[]>();
	for (const region of model.regions) {
		region.kind = printedKind(region);
		const map = region.kind === 'container' ? (region.type === 'i/o' ? byName : undefined) : region.kind === 'alias' ? undefined : others;
		const list = map?.get(region.name);
		if (list) {
			list.push(region);
		} else {
			map?.set(region.name, [region]);
		}
	}
	const context: KindContext = {
		model,
		byName,
		others,
		targets: new Set(model.regions.flatMap((region) => (region.alias ? [region.alias.target] : []))),
	};
	for (const block of flat ?? []) {
		for (const range of block.ranges) {
			for (const owner of owners(context, block, range)) {
				owner.kind = 'io';
			}
		}
	}
	const roots = new Set(model.spaces.map((space) => space.root));
	for (const region of model.regions) {
		// QEMU leaves are nearly always I/O regions: a device's registers. With flat text,
		// only a leaf that can never render is left to decide (the PC's `acpi-evt` under
		// the disabled `piix4-pm`); without it, every leaf but a space's root, which is an
		// empty bus (`bus master container`) far more often than a device.
		const undecided = flat ? !canRender(context, region) : !roots.has(region.id);
		if (region.kind === 'container' && region.type === 'i/o' && region.children.length === 0 && undecided) {
			region.kind = 'io';
		}
	}
	return context;
}

/**
 * The likely owners of a flat range among the `i/o` regions. Candidates have its name
 * and priority (a range prints its terminal's own) and fit it (offset plus length within
 * the size). If a tree of the range's view prints some where the range's start minus its
 * offset lies, with the range inside the print's clipped extent, the owner is the one of
 * those that QEMU renders first, if it is an `i/o` region. A range reached through an
 * alias has no such print: then every fitting `i/o` region, unless a RAM-like region
 * could own a `rom` range; the flattener referees afterwards (refineKinds). With `all`,
 * every placed `i/o` candidate in render order.
 */
export function owners(context: KindContext, block: FlatBlock, range: FlatRangeLine, all = false): ImportRegion[] {
	if (range.type !== 'i/o' && range.type !== 'rom') {
		return [];
	}
	// A nonvolatile region makes every range it renders `nv-`.
	const fits = (region: ImportRegion): boolean =>
		region.priority === range.priority &&
		range.offset + (range.end - range.start) < region.size &&
		(range.nonvolatile || !region.nonvolatile) &&
		canRender(context, region);
	const io = (context.byName.get(range.name) ?? []).filter(fits);
	// Only an `i/o` region prints `i/o`; `rom` is a RAM-like region or a readonly path.
	const ramLike = range.type === 'rom' ? (context.others.get(range.name) ?? []).filter(fits) : [];
	const names = new Set(block.spaces.map((space) => space.name));
	const groups = new Set(context.model.spaces.filter((space) => names.has(space.name)).map((space) => space.group));
	const base = wrap64(range.start - range.offset);
	const shows = (print: PrintNode): boolean =>
		groups.has(print.group) && print.start === base && print.clipStart <= range.start && range.end <= print.clipEnd;
	const placed = [...io, ...ramLike]
		.flatMap((region) => region.prints.filter(shows).map((print) => ({ region, print })))
		.sort((a, b) => (rendersBefore(a.print, b.print) ? -1 : rendersBefore(b.print, a.print) ? 1 : 0));
	if (placed.length > 0) {
		const ordered = placed.map((entry) => entry.region).filter((region) => io.includes(region));
		return all ? ordered : ordered.slice(0, placed[0] && io.includes(placed[0].region) ? 1 : 0);
	}
	return ramLike.length > 0 ? [] : io;
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
function canRender(context: KindContext, region: ImportRegion): boolean {
	for (let up: ImportRegion | undefined = region; up; up = context.model.regions[up.parent ?? -1]) {
		if (!up.enabled) {
			return false;
		}
		if (context.targets.has(up.id)) {
			return true;
		}
	}
	return true;
}

/**
 * QEMU's render order between two prints of one group (R4.2): a subregion before its
 * container; siblings by priority, then, at one address, in print (list) order, and at
 * different addresses the higher address first (the imported file declares siblings in
 * address order, and the later-declared of equal priorities renders first).
 */
function rendersBefore(a: PrintNode, b: PrintNode): boolean {
	const chainA = chain(a);
	const chainB = chain(b);
	let i = 0;
	while (i < chainA.length && i < chainB.length && chainA[i] === chainB[i]) {
		i++;
	}
	const x = chainA[i];
	const y = chainB[i];
	if (!x || !y) {
		return chainA.length > chainB.length;
	}
	const px = x.priority;
	const py = y.priority;
	if (px !== py) {
		return px > py;
	}
	return x.relAddr === y.relAddr ? x.index < y.index : x.relAddr > y.relAddr;
}

function chain(node: PrintNode): PrintNode[] {
	const nodes: PrintNode[] = [];
	for (let up: PrintNode | undefined = node; up; up = up.parent) {
		nodes.unshift(up);
	}
	return nodes;
}
