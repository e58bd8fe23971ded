/**
 * The webview's model of a flat view: the DTO ranges with their addresses read back to
 * bigint once, plus a visual key per range so updates can keep unchanged DOM. Pure.
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

export interface SpaceModel {
	readonly name: string;
	readonly root: string;
	readonly flatRoot: string | null;
	readonly ranges: readonly RangeModel[];
	/** Joined keys of all ranges: equal signatures mean nothing visible changed. */
	readonly signature: string;
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
	].join('|');
}

function toRange(dto: FlatRangeDto, index: number): RangeModel {
	const start = parseHex(dto.start) ?? 0n;
	const end = parseHex(dto.end) ?? start;
	const size = parseHex(dto.size) ?? end - start;
	return { index, start, end: end > twoTo64 ? twoTo64 : end, size, dto, key: rangeKey(dto) };
}

/** Builds the model of one space; malformed hex degrades to empty ranges, never throws. */
export function buildSpaceModel(space: SpaceViewDto): SpaceModel {
	const ranges = space.ranges.map(toRange);
	return {
		name: space.name,
		root: space.root,
		flatRoot: space.flatRoot,
		ranges,
		signature: `${space.flatRoot ?? ''}#${ranges.map((r) => r.key).join('\n')}`,
	};
}

/** Models of every space of a view, in the view's order. */
export function buildViewModel(view: FlatViewResult): readonly SpaceModel[] {
	return view.spaces.map(buildSpaceModel);
}

/** Index of the range holding `address` (binary search on sorted ranges), or -1. */
export function findRangeIndex(ranges: readonly RangeModel[], address: bigint): number {
	let low = 0;
	let high = ranges.length - 1;
	while (low <= high) {
		const mid = (low + high) >> 1;
		const range = ranges[mid];
		if (!range) {
			break;
		}
		if (address < range.start) {
			high = mid - 1;
		} else if (address >= range.end) {
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
export function matchesPath(range: RangeModel, path: string): boolean {
	const dto = range.dto;
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
export function matchesFilter(range: RangeModel, filter: string): boolean {
	if (filter === '') {
		return true;
	}
	const dto = range.dto;
	const needle = filter.toLowerCase();
	const haystack = [dto.region, dto.path, dto.kind, ...dto.aliases.map((a) => a.alias)];
	return haystack.some((text) => text.toLowerCase().includes(needle));
}
