/**
 * "Copy as QEMU info mtree -f": the flat views in QEMU 7.2's line format (R8.9), built
 * from the DTOs. Spaces whose flat-view roots are the same region share one FlatView, as
 * in QEMU. Holes are not printed (QEMU prints only rendered ranges). Pure.
 */
import type { FlatRangeDto, FlatViewResult, SpaceViewDto } from '../../core/src/protocol';
import { formatHex16, parseHex } from './address';

/** The last path segment: QEMU prints region names, not paths. */
function leaf(path: string): string {
	const slash = path.lastIndexOf('/');
	return slash < 0 ? path : path.slice(slash + 1);
}

/** QEMU's type word of a flat range: `rom` when the range is readonly, else the kind. */
function typeWord(range: FlatRangeDto): string {
	if (range.readonly) {
		return 'rom';
	}
	return range.kind === 'io' ? 'i/o' : range.kind;
}

/** One `  start-end (prio p, type): name[ @offset]` line. */
export function qemuRangeLine(range: FlatRangeDto): string {
	const start = parseHex(range.start) ?? 0n;
	const end = parseHex(range.end) ?? start;
	const last = end > start ? end - 1n : start;
	const offset = parseHex(range.offsetInRegion) ?? 0n;
	const nv = range.nonvolatile ? 'nv-' : '';
	const suffix = offset === 0n ? '' : ` @${formatHex16(offset)}`;
	return `  ${formatHex16(start)}-${formatHex16(last)} (prio ${range.priority}, ${nv}${typeWord(range)}): ${range.region}${suffix}`;
}

/** Groups spaces by flat-view root, keeping first-appearance order; null roots group too. */
function groupByFlatRoot(spaces: readonly SpaceViewDto[]): readonly SpaceViewDto[][] {
	const groups = new Map<string, SpaceViewDto[]>();
	for (const space of spaces) {
		const key = space.flatRoot === null ? '\u0000none' : space.flatRoot;
		const group = groups.get(key);
		if (group) {
			group.push(space);
		} else {
			groups.set(key, [space]);
		}
	}
	return [...groups.values()];
}

/** The whole `info mtree -f` text of a view (ends with a blank line, as QEMU's does). */
export function toQemuFlatText(view: FlatViewResult): string {
	const lines: string[] = [];
	groupByFlatRoot(view.spaces).forEach((group, n) => {
		const first = group[0] as SpaceViewDto;
		lines.push(`FlatView #${n}`);
		for (const space of group) {
			lines.push(` AS "${space.name}", root: ${leaf(space.root)}`);
		}
		lines.push(` Root memory region: ${first.flatRoot === null ? '(none)' : leaf(first.flatRoot)}`);
		const ranges = first.ranges.filter((r) => r.kind !== 'hole');
		if (first.flatRoot === null || ranges.length === 0) {
			lines.push('  No rendered FlatView');
		} else {
			lines.push(...ranges.map(qemuRangeLine));
		}
		lines.push('');
	});
	return lines.join('\n') + '\n';
}
