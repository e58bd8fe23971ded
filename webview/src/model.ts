/**
 * The webview's model of a flat view. A space keeps the DTOs as they arrived and builds a
 * `RangeModel` (addresses read back to bigint, a visual key) only for the ranges that are
 * looked at: the visible rows, the hovered one, the export. So a 100k-range update costs
 * no per-range parsing up front. Pure (no DOM).
 */
import type { FlatRangeDto, FlatViewResult, SpaceViewDto } from '../../core/src/protocol';
import { parseHex, twoTo64 } from './address';

/** One flat range, half-open `[start, end)`, with exact bigint bounds. */
export interface RangeModel {
	readonly index: number;
	readonly start: bigint;
	readonly end: bigint;
	readonly size: bigint;
	readonly dto: FlatRangeDto;
	/** Everything that changes how the range looks; equal keys render identically. */
	readonly key: string;
}

/** The visual identity of a range (its source location is deliberately left out). */
export function rangeKey(dto: FlatRangeDto): string {
	const aliases = dto.aliases.map((a) => `${a.aliasPath}>${a.target}@${a.offset}`).join(',');
	return [
		dto.start,
		dto.end,
		dto.kind,
		dto.path,
		dto.priority,
		dto.offsetInRegion,
		dto.readonly ? 'ro' : '',
		dto.nonvolatile ? 'nv' : '',
		aliases,
		// A new QEMU capture can change this mark on a range that did not change.
		dto.qemu ?? '',
	].join('|');
}

/** The model of one range; malformed hex degrades to an empty range, never throws. */
export function toRangeModel(dto: FlatRangeDto, index: number): RangeModel {
	const start = parseHex(dto.start) ?? 0n;
	const end = parseHex(dto.end) ?? start;
	const size = parseHex(dto.size) ?? end - start;
	return { index, start, end: end > twoTo64 ? twoTo64 : end, size, dto, key: rangeKey(dto) };
}

/** One address space: its DTO ranges (sorted, disjoint) and lazily built range models. */
export class SpaceModel {
	readonly name: string;
	readonly root: string;
	readonly flatRoot: string | null;
	/** Rendering stopped at its work limit: `dtos` is only the start of the view. */
	readonly truncated: boolean;
	readonly dtos: readonly FlatRangeDto[];
	readonly #models: (RangeModel | undefined)[] = [];

	constructor(space: SpaceViewDto) {
		this.name = space.name;
		this.root = space.root;
		this.flatRoot = space.flatRoot;
		this.truncated = space.truncated === true;
		this.dtos = space.ranges;
	}

	get length(): number {
		return this.dtos.length;
	}

	/** The model of range `index` (built on first use), or undefined out of bounds. */
	at(index: number): RangeModel | undefined {
		const dto = this.dtos[index];
		if (!dto) {
			return undefined;
		}
		let model = this.#models[index];
		if (!model) {
			model = toRangeModel(dto, index);
			this.#models[index] = model;
		}
		return model;
	}
}

/** Models of every space of a view, in the view's order. */
export function buildViewModel(view: FlatViewResult): readonly SpaceModel[] {
	return view.spaces.map((space) => new SpaceModel(space));
}

/** Whether two range lists lay out identically (same sizes and hole flags, in order). */
export function sameGeometry(a: readonly FlatRangeDto[], b: readonly FlatRangeDto[]): boolean {
	if (a.length !== b.length) {
		return false;
	}
	for (let i = 0; i < a.length; i++) {
		const x = a[i] as FlatRangeDto;
		const y = b[i] as FlatRangeDto;
		if (x.size !== y.size || (x.kind === 'hole') !== (y.kind === 'hole')) {
			return false;
		}
	}
	return true;
}

/** Index of the range holding `address` (binary search, parsing only the probes), or -1. */
export function findRangeIndex(ranges: readonly FlatRangeDto[], address: bigint): number {
	let low = 0;
	let high = ranges.length - 1;
	while (low <= high) {
		const mid = (low + high) >> 1;
		const range = ranges[mid] as FlatRangeDto;
		const start = parseHex(range.start) ?? 0n;
		const end = parseHex(range.end) ?? start;
		if (address < start) {
			high = mid - 1;
		} else if (address >= end) {
			low = mid + 1;
		} else {
			return mid;
		}
	}
	return -1;
}

/**
 * Whether a range belongs to the region at `path`: it is owned by it, by one of its
 * descendants (a container's path is a prefix), or passes through it as an alias.
 */
export function matchesPath(dto: FlatRangeDto, path: string): boolean {
	if (dto.kind === 'hole' || path === '') {
		return false;
	}
	return (
		dto.path === path ||
		dto.path.startsWith(path + '/') ||
		dto.aliases.some((a) => a.aliasPath === path || a.aliasPath.startsWith(path + '/'))
	);
}

/** Case-insensitive filter over owner name, path, kind and alias names. */
export function matchesFilter(dto: FlatRangeDto, filter: string): boolean {
	if (filter === '') {
		return true;
	}
	const needle = filter.toLowerCase();
	const haystack = [dto.region, dto.path, dto.kind, ...dto.aliases.map((a) => a.alias)];
	return haystack.some((text) => text.toLowerCase().includes(needle));
}
