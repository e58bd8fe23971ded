/**
 * A deliberately simple reference renderer, written straight from the spec (R4.2-R4.8)
 * and sharing no code with `flatten`: a recursive render that lists every terminal
 * region's clipped claim in render order, then paints each elementary address interval
 * with the first claim that covers it, then merges. Quadratic; for tests and benchmarks.
 */
import type { FlatRange, FlatView, Region, RegionId, RegionTree } from './types';

interface Claim {
	readonly start: bigint;
	readonly end: bigint;
	readonly region: RegionId;
	/** Absolute address of the claiming region's offset 0. */
	readonly origin: bigint;
	readonly readonly: boolean;
	readonly nonvolatile: boolean;
	readonly path: readonly RegionId[];
}

const terminalKinds = new Set(['ram', 'rom', 'romd', 'io', 'ramd']);

/** The flat view of the space rooted at `root`, computed the slow, obvious way. */
export function referenceFlatten(tree: RegionTree, root: RegionId): FlatView {
	const viewRoot = referenceRoot(tree, root);
	if (viewRoot === undefined) {
		return { root: undefined, ranges: [] };
	}
	const claims: Claim[] = [];
	renderInto(tree, claims, viewRoot, 0n, [0n, 1n << 64n], false, false, [], []);
	return { root: viewRoot, ranges: merge(paint(tree, claims)) };
}

/** R4.8, transcribed: disabled -> none; whole aliases and sole fitting children are skipped. */
function referenceRoot(tree: RegionTree, root: RegionId): RegionId | undefined {
	let current = tree.regions[root];
	for (let steps = 0; current !== undefined && steps <= tree.regions.length; steps++) {
		if (!current.enabled) {
			return undefined;
		}
		if (current.kind === 'alias') {
			const target = current.alias?.target === undefined ? undefined : tree.regions[current.alias.target];
			if (target === undefined || current.alias?.offset !== 0n || current.size < target.size) {
				return current.id;
			}
			current = target;
			continue;
		}
		if (terminalKinds.has(current.kind)) {
			return current.id;
		}
		const enabled = current.children.map((id) => tree.regions[id]).filter((r): r is Region => r?.enabled === true);
		if (enabled.length === 0) {
			return undefined;
		}
		const only = enabled[0];
		if (enabled.length > 1 || only === undefined || only.addr !== 0n || current.size < only.size) {
			return current.id;
		}
		current = only;
	}
	return current?.id;
}

/**
 * R4.2, step by step, recursively. `clip` is `[start, end)`; `bases[i]` is where
 * `path[i]` renders. A region the path already renders at the same base would repeat the
 * same render forever (QEMU recurses forever there): it renders nothing.
 */
function renderInto(
	tree: RegionTree,
	claims: Claim[],
	id: RegionId,
	inheritedBase: bigint,
	clip: readonly [bigint, bigint],
	inheritedReadonly: boolean,
	inheritedNonvolatile: boolean,
	path: readonly RegionId[],
	bases: readonly bigint[],
): void {
	const region = tree.regions[id];
	if (region === undefined || !region.enabled) {
		return;
	}
	const base = inheritedBase + region.addr;
	if (path.some((on, i) => on === id && bases[i] === base)) {
		return;
	}
	const readonly = inheritedReadonly || region.readonly || region.kind === 'rom';
	const nonvolatile = inheritedNonvolatile || region.nonvolatile;
	const own: [bigint, bigint] = [base, base + region.size];
	const inside = (range: readonly [bigint, bigint], x: bigint): boolean => x >= range[0] && x < range[1];
	if (!inside(own, clip[0]) && !inside(clip, own[0])) {
		return;
	}
	const clipped: [bigint, bigint] = [own[0] > clip[0] ? own[0] : clip[0], own[1] < clip[1] ? own[1] : clip[1]];
	const here = [...path, id];
	const hereBases = [...bases, base];
	if (region.kind === 'alias') {
		const target = region.alias?.target === undefined ? undefined : tree.regions[region.alias.target];
		if (target !== undefined) {
			const targetBase = base - target.addr - (region.alias?.offset ?? 0n);
			renderInto(tree, claims, target.id, targetBase, clipped, readonly, nonvolatile, here, hereBases);
		}
		return;
	}
	for (const child of region.children) {
		renderInto(tree, claims, child, base, clipped, readonly, nonvolatile, here, hereBases);
	}
	if (terminalKinds.has(region.kind)) {
		claims.push({ start: clipped[0], end: clipped[1], region: id, origin: base, readonly, nonvolatile, path: here });
	}
}

/** Every elementary interval goes to the first claim (in render order) that covers it. */
function paint(tree: RegionTree, claims: readonly Claim[]): FlatRange[] {
	const points = [...new Set(claims.flatMap((c) => [c.start, c.end]))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
	const pieces: FlatRange[] = [];
	for (let i = 0; i + 1 < points.length; i++) {
		const start = points[i] ?? 0n;
		const end = points[i + 1] ?? 0n;
		const claim = claims.find((c) => c.start <= start && end <= c.end);
		if (claim !== undefined) {
			pieces.push({
				start,
				size: end - start,
				region: claim.region,
				offsetInRegion: start - claim.origin,
				readonly: claim.readonly,
				nonvolatile: claim.nonvolatile,
				romdMode: tree.regions[claim.region]?.romdMode ?? true,
				path: claim.path,
			});
		}
	}
	return pieces;
}

/** R4.7: merge each piece into the previous one when adjacent, contiguous and alike. */
function merge(pieces: readonly FlatRange[]): FlatRange[] {
	const out: FlatRange[] = [];
	for (const piece of pieces) {
		const last = out[out.length - 1];
		const joins =
			last !== undefined &&
			last.start + last.size === piece.start &&
			last.region === piece.region &&
			last.offsetInRegion + last.size === piece.offsetInRegion &&
			last.readonly === piece.readonly &&
			last.nonvolatile === piece.nonvolatile &&
			last.romdMode === piece.romdMode;
		if (joins && last !== undefined) {
			out[out.length - 1] = { ...last, size: last.size + piece.size };
		} else {
			out.push(piece);
		}
	}
	return out;
}
