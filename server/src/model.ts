/**
 * Indexes over an `Analysis` that several features share, each built once per analysis
 * (cached in a WeakMap, so they die with it): regions by the offset of their declaration,
 * references by document, and the absolute placements of every region in every space.
 */
import type {
	Analysis,
	Region,
	RegionId,
	ResolvedReference,
	SourceLocation,
	Span,
	SpaceView,
} from '../../core/src/index';
import { pathAt } from './syntaxQuery';

/** One document's statement offsets and their regions, in the same order. */
interface OffsetColumns {
	offsets: number[];
	ids: RegionId[];
	sorted: boolean;
}

/**
 * Per document, the regions by the offset of a statement (declaration or placement), as
 * two columns sorted by offset, searched by binary search. Filled in one pass over the
 * regions without hashing: a map per document took 55-90 ms to fill at 100k regions, on
 * the first query after every edit; these columns take about half.
 */
class OffsetIndex {
	readonly #byUri = new Map<string, OffsetColumns>();

	add(uri: string, offset: number, id: RegionId): void {
		let columns = this.#byUri.get(uri);
		if (columns === undefined) {
			columns = { offsets: [], ids: [], sorted: true };
			this.#byUri.set(uri, columns);
		}
		const last = columns.offsets[columns.offsets.length - 1];
		// Regions come in declaration order, so a document's offsets ascend unless `map`s
		// place regions declared elsewhere: then sort once, on first lookup. Offsets do not
		// repeat: a statement declares or places one region, and a file loads once.
		if (last !== undefined && offset < last) {
			columns.sorted = false;
		}
		columns.offsets.push(offset);
		columns.ids.push(id);
	}

	get(uri: string, offset: number): RegionId | undefined {
		const columns = this.#byUri.get(uri);
		if (columns === undefined) {
			return undefined;
		}
		if (!columns.sorted) {
			sortColumns(columns);
		}
		const { offsets, ids } = columns;
		let low = 0;
		let high = offsets.length;
		while (low < high) {
			const mid = (low + high) >>> 1;
			if ((offsets[mid] as number) < offset) {
				low = mid + 1;
			} else {
				high = mid;
			}
		}
		return offsets[low] === offset ? ids[low] : undefined;
	}
}

function sortColumns(columns: OffsetColumns): void {
	const order = columns.offsets.map((_, i) => i).sort((a, b) => (columns.offsets[a] as number) - (columns.offsets[b] as number));
	columns.offsets = order.map((i) => columns.offsets[i] as number);
	columns.ids = order.map((i) => columns.ids[i] as RegionId);
	columns.sorted = true;
}

interface Indexes {
	readonly byDefinition: OffsetIndex;
	readonly byPlacement: OffsetIndex;
	readonly referencesByUri: Map<string, ResolvedReference[]>;
	/** Per region id, its placements in every space (see `placementsOf`). */
	placements?: PlacementSlots;
}

/** Where a region starts in an address space (reached through containers and aliases). */
export interface Placement {
	readonly space: SpaceView;
	/** Where the region's offset 0 lands (may lie outside the visible part, even below 0). */
	readonly start: bigint;
	/**
	 * The part `[visibleStart, visibleEnd)` that the containers and alias windows on the
	 * way let through (before priorities); empty when `visibleStart >= visibleEnd`.
	 */
	readonly visibleStart: bigint;
	readonly visibleEnd: bigint;
}

/** True when a placement shows the region's first byte. */
export function showsStart(p: Placement): boolean {
	return p.visibleStart <= p.start && p.start < p.visibleEnd;
}

const cache = new WeakMap<Analysis, Indexes>();

function indexes(analysis: Analysis): Indexes {
	let found = cache.get(analysis);
	if (!found) {
		const byDefinition = new OffsetIndex();
		const byPlacement = new OffsetIndex();
		for (const region of analysis.tree.regions) {
			const definition = region.definition;
			byDefinition.add(definition.uri, definition.offset, region.id);
			const placement = region.placement;
			if (placement) {
				byPlacement.add(placement.uri, placement.offset, region.id);
			}
		}
		const referencesByUri = new Map<string, ResolvedReference[]>();
		for (const ref of analysis.references) {
			const list = referencesByUri.get(ref.uri) ?? [];
			list.push(ref);
			referencesByUri.set(ref.uri, list);
		}
		for (const list of referencesByUri.values()) {
			list.sort((a, b) => a.offset - b.offset);
		}
		found = { byDefinition, byPlacement, referencesByUri };
		cache.set(analysis, found);
	}
	return found;
}

/** The region with id `id`, if there is one (parents, alias targets and references may have none). */
export function regionById(analysis: Analysis, id: RegionId | undefined): Region | undefined {
	return id === undefined ? undefined : analysis.tree.regions[id];
}

/** The region declared by the region node starting at `offset` of `uri`. */
export function regionDeclaredAt(analysis: Analysis, uri: string, offset: number): Region | undefined {
	const id = indexes(analysis).byDefinition.get(uri, offset);
	return regionById(analysis, id);
}

/** The region placed by the statement (nested declaration or `map`) starting at `offset`. */
export function regionPlacedAt(analysis: Analysis, uri: string, offset: number): Region | undefined {
	const id = indexes(analysis).byPlacement.get(uri, offset);
	return regionById(analysis, id);
}

/** The references written in `uri`, sorted by offset. */
export function referencesIn(analysis: Analysis, uri: string): readonly ResolvedReference[] {
	return indexes(analysis).referencesByUri.get(uri) ?? [];
}

/** The reference segment at `offset` of `uri` (end inclusive), if any. */
export function referenceAt(
	analysis: Analysis,
	uri: string,
	offset: number,
): { reference: ResolvedReference; segment: number } | undefined {
	const list = referencesIn(analysis, uri);
	let lo = 0;
	let hi = list.length;
	while (lo < hi) {
		const mid = (lo + hi) >> 1;
		if ((list[mid]?.offset ?? 0) <= offset) {
			lo = mid + 1;
		} else {
			hi = mid;
		}
	}
	const reference = list[lo - 1];
	if (!reference || offset > reference.offset + reference.length) {
		return undefined;
	}
	const segment = reference.segments.findIndex(
		(s) => s.offset <= offset && offset <= s.offset + s.length,
	);
	return segment < 0 ? undefined : { reference, segment };
}

/**
 * The region named at `offset` of `uri`: by a declaration's name or by a reference
 * segment; with its name span (for rename) when found.
 */
export function regionAtCursor(
	analysis: Analysis,
	uri: string,
	offset: number,
): { region: Region; span: Span } | undefined {
	const hit = referenceAt(analysis, uri, offset);
	if (hit) {
		const segment = hit.reference.segments[hit.segment];
		const region = segment?.region === undefined ? undefined : analysis.tree.regions[segment.region];
		return region && segment ? { region, span: segment } : undefined;
	}
	const file = analysis.documents.get(uri)?.file;
	const path = file ? pathAt(file, offset) : [];
	const leaf = path[path.length - 1];
	const parent = path[path.length - 2];
	if (leaf?.kind === 'name' && parent?.kind === 'region') {
		const region = regionDeclaredAt(analysis, uri, parent.offset);
		return region ? { region, span: leaf } : undefined;
	}
	return undefined;
}

/** Every written name of `region`: its declaration's name and each reference segment to it. */
export function occurrencesOf(analysis: Analysis, region: Region): SourceLocation[] {
	const result: SourceLocation[] = [region.nameLocation];
	for (const reference of analysis.references) {
		for (const segment of reference.segments) {
			if (segment.region === region.id) {
				result.push({ uri: reference.uri, offset: segment.offset, length: segment.length });
			}
		}
	}
	return result;
}

/** The start of `region` relative to its outermost container (following `map`s). */
export function startInRoot(analysis: Analysis, region: Region): { root: Region; start: bigint } {
	let start = 0n;
	let current = region;
	for (let guard = 0; guard < 4096 && current.parent !== undefined; guard++) {
		const parent = analysis.tree.regions[current.parent];
		if (!parent) {
			break;
		}
		start += current.addr;
		current = parent;
	}
	return { root: current, start };
}

/** Caps the walk over containers and aliases on boards with many aliases of aliases. */
const maxPlacementVisits = 500_000;

/**
 * Every absolute start of every region in every space: a walk from each space root down
 * through children (at `addr`) and alias targets (shifted by the alias offset). Disabled
 * regions are skipped, as QEMU renders nothing of them.
 */
export function placementsOf(analysis: Analysis, region: Region): readonly Placement[] {
	const index = indexes(analysis);
	index.placements ??= computePlacements(analysis);
	const found = index.placements[region.id];
	return found === undefined ? [] : Array.isArray(found) ? found : [found];
}

interface Step {
	readonly id: RegionId;
	readonly start: bigint;
	/** The absolute window the path so far lets through: `[lo, hi)`. */
	readonly lo: bigint;
	readonly hi: bigint;
	readonly depth: number;
}

/** Per region id: its one placement (the common case, kept bare), or all of them. */
type PlacementSlots = (Placement | Placement[] | undefined)[];

function computePlacements(analysis: Analysis): PlacementSlots {
	const result: PlacementSlots = new Array<Placement | Placement[] | undefined>(analysis.tree.regions.length);
	const regions = analysis.tree.regions;
	let visits = 0;
	for (const space of analysis.views) {
		const stack: Step[] = [{ id: space.space.root, start: 0n, lo: 0n, hi: 1n << 64n, depth: 0 }];
		while (stack.length > 0 && visits++ < maxPlacementVisits) {
			const top = stack.pop();
			const region = top === undefined ? undefined : regions[top.id];
			if (!top || !region || !region.enabled || top.depth > 64) {
				continue;
			}
			// Everything below is clipped to this region's extent (R4.3), aliases to their window.
			const lo = top.lo > top.start ? top.lo : top.start;
			const end = top.start + region.size;
			const hi = top.hi < end ? top.hi : end;
			const placement: Placement = { space, start: top.start, visibleStart: lo, visibleEnd: hi };
			const known = result[region.id];
			if (known === undefined) {
				result[region.id] = placement;
			} else if (Array.isArray(known)) {
				known.push(placement);
			} else {
				result[region.id] = [known, placement];
			}
			if (lo >= hi) {
				continue;
			}
			if (region.alias?.target !== undefined) {
				const start = top.start - region.alias.offset;
				stack.push({ id: region.alias.target, start, lo, hi, depth: top.depth + 1 });
			}
			for (const child of region.children) {
				const addr = regions[child]?.addr ?? 0n;
				stack.push({ id: child, start: top.start + addr, lo, hi, depth: top.depth + 1 });
			}
		}
	}
	return result;
}
