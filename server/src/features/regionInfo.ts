/**
 * Descriptions of regions and addresses shared by hover and symbols: access constraints,
 * visible ranges, what shadows a region, who owns an address. Plain markdown strings.
 */
import {
	explainOwner,
	findRange,
	formatAddress,
	formatSize,
	rangesIn,
	rangesOf,
	spaceExtent,
	twoTo64,
} from '../../../core/src/index';
import type { Analysis, Region, SpaceView } from '../../../core/src/index';
import { placementsOf } from '../model';

/** At most this many lines of ranges per list in a hover. */
const maxListed = 8;
/** At most this many ranges are read to say what shadows a region (a hover stays fast). */
const maxShadowRanges = 10_000;

/** `[0x1000, 0x2000)` */
export function formatRange(start: bigint, end: bigint): string {
	return `[${formatAddress(start < 0n ? 0n : start)}, ${formatAddress(end > twoTo64 ? twoTo64 : end)})`;
}

/** The access constraints in force on a region, as one line; undefined when none. */
export function describeAccess(region: Region): string | undefined {
	const parts: string[] = [];
	const access = region.access;
	if (access?.valid) {
		parts.push(`valid ${access.valid.min}..${access.valid.max}${access.valid.unaligned ? ' unaligned' : ''}`);
	}
	if (access?.impl) {
		parts.push(`impl ${access.impl.min}..${access.impl.max}${access.impl.unaligned ? ' unaligned' : ''}`);
	}
	if (access?.endian) {
		parts.push(`endian ${access.endian}`);
	}
	if (access?.coalesce) {
		const c = access.coalesce;
		parts.push(c.size === undefined ? 'coalesced' : `coalesced ${formatRange(c.start, c.start + c.size)}`);
	}
	if (region.readonly || region.kind === 'rom') {
		parts.push('read-only');
	}
	if (!region.enabled) {
		parts.push('disabled');
	}
	if (region.nonvolatile) {
		parts.push('nonvolatile');
	}
	return parts.length > 0 ? parts.join(', ') : undefined;
}

/** Lines saying where a region is visible in each space, and what shadows the rest. */
export function visibilityLines(analysis: Analysis, region: Region): string[] {
	const lines: string[] = [];
	for (const space of analysis.views) {
		const placements = placementsOf(analysis, region).filter(
			(p) => p.space === space && p.visibleStart < p.visibleEnd,
		);
		if (placements.length === 0) {
			continue;
		}
		const terminal = region.kind !== 'container' && region.kind !== 'alias';
		if (!terminal) {
			const listed = placements.slice(0, maxListed).map((p) => formatRange(p.visibleStart, p.visibleEnd));
			lines.push(`- \`${space.space.name}\`: placed at ${listed.join(', ')}${more(placements.length)}`);
			continue;
		}
		const visible = rangesOf(space.view, region.id);
		const listed = visible.slice(0, maxListed).map((r) => formatRange(r.start, r.start + r.size));
		lines.push(
			`- \`${space.space.name}\`: ${listed.length > 0 ? listed.join(', ') : 'not visible'}${more(visible.length)}`,
		);
		const bytes = visible.reduce((sum, r) => sum + r.size, 0n);
		if (bytes > 0n && bytes < region.size) {
			lines.push(`  - ${formatSize(bytes)} of ${formatSize(region.size)} visible`);
		}
		const first = placements[0];
		const shadow = first && shadowLine(analysis, space, region, first.visibleStart, first.visibleEnd);
		if (shadow) {
			lines.push(`  - ${shadow}`);
		}
	}
	return lines;
}

function more(count: number): string {
	return count > maxListed ? ` and ${count - maxListed} more` : '';
}

/** How much of the part `[start, end)` of a terminal region is shadowed, and by whom. */
function shadowLine(
	analysis: Analysis,
	space: SpaceView,
	region: Region,
	start: bigint,
	end: bigint,
): string | undefined {
	const byOwner = new Map<string, bigint>();
	let visible = 0n;
	for (const r of rangesIn(space.view, { start, end }, maxShadowRanges)) {
		const a = r.start > start ? r.start : start;
		const b = r.start + r.size < end ? r.start + r.size : end;
		if (r.region === region.id) {
			visible += b - a;
		} else {
			const name = analysis.tree.regions[r.region]?.path ?? '?';
			byOwner.set(name, (byOwner.get(name) ?? 0n) + (b - a));
		}
	}
	const shadowed = end - start - visible;
	if (shadowed <= 0n) {
		return undefined;
	}
	const owners = [...byOwner].slice(0, 5).map(([name, bytes]) => `\`${name}\` (${formatSize(bytes)})`);
	const rest = shadowed - [...byOwner.values()].reduce((a, b) => a + b, 0n);
	if (rest > 0n) {
		owners.push(`nothing: clipped or disabled (${formatSize(rest)})`);
	}
	return `${formatSize(shadowed)} shadowed, by ${owners.join(', ')}`;
}

/**
 * The owner of an absolute address in a space, as lines of text. The core's explanation
 * walks only the regions whose extent contains the address (through an index built once
 * per tree), so it is cheap on any board size.
 */
export function ownerLines(analysis: Analysis, space: SpaceView, address: bigint): readonly string[] {
	if (address < 0n || address >= twoTo64) {
		return ['outside the 64-bit address space'];
	}
	return explainOwner(analysis.tree, space.view, address, undefined, spaceExtent(analysis.tree, space)).lines;
}

/** A sentence when `written` does not own `address` in `space`: who does instead. */
export function hiddenLine(analysis: Analysis, space: SpaceView, written: Region, address: bigint): string | undefined {
	if (written.kind === 'container' || written.kind === 'alias' || address < 0n || address >= twoTo64) {
		return undefined;
	}
	const range = findRange(space.view, address);
	if (range?.region === written.id) {
		return undefined;
	}
	const owner = range === undefined ? undefined : analysis.tree.regions[range.region];
	return owner
		? `\`${written.name}\` does not answer here: \`${owner.path}\` hides it`
		: `\`${written.name}\` does not answer here: it is clipped or disabled`;
}
