/**
 * fast-check arbitraries for random region trees. Alias targets may be any region,
 * earlier or later declared, except where that would close a render cycle (the analyzer
 * breaks those), so trees have aliases of aliases, aliases of siblings, aliases into deep
 * subtrees, unresolved aliases and terminal regions with children.
 */
import * as fc from 'fast-check';
import type { RegionKind, RegionTree } from '../../../../core/src/index';
import type { RegionSpec } from '../../../util/treeBuilder';
import { buildTree } from '../../../util/treeBuilder';

const full = 1n << 64n;

interface Draw {
	readonly kind: RegionKind;
	readonly size: bigint;
	readonly at: bigint;
	readonly priority: number | undefined;
	readonly overlap: boolean;
	readonly disabled: boolean;
	readonly readonly: boolean;
	readonly nonvolatile: boolean;
	readonly romdMode: boolean;
	readonly offset: bigint;
	readonly parent: number;
	readonly target: number;
}

const size = fc.oneof(
	{ weight: 3, arbitrary: fc.bigInt(1n, 0x4000n) },
	{ weight: 2, arbitrary: fc.constantFrom(0n, 1n, 0x800n, 0x1000n, 0x2000n, full, full / 2n, 0x1_0000_0000n) },
);
const address = fc.oneof(
	{ weight: 4, arbitrary: fc.bigInt(0n, 0x4000n) },
	{ weight: 1, arbitrary: fc.constantFrom(0n, full - 0x1000n, full - 1n, full / 2n, 0xffff_f000n) },
);
const offset = fc.oneof(
	{ weight: 3, arbitrary: fc.constant(0n) },
	{ weight: 3, arbitrary: fc.bigInt(0n, 0x3000n) },
	{ weight: 1, arbitrary: fc.constantFrom(full - 1n, full / 2n) },
);

const draw: fc.Arbitrary<Draw> = fc.record({
	kind: fc.constantFrom<RegionKind>('container', 'container', 'ram', 'rom', 'romd', 'io', 'io', 'alias', 'alias', 'alias', 'ramd'),
	size,
	at: address,
	priority: fc.option(fc.integer({ min: -3, max: 3 }), { freq: 2 }),
	overlap: fc.boolean(),
	disabled: fc.constantFrom(false, false, false, false, false, true),
	readonly: fc.constantFrom(false, false, false, true),
	nonvolatile: fc.constantFrom(false, false, false, true),
	romdMode: fc.constantFrom(true, true, false),
	offset,
	parent: fc.nat(),
	target: fc.nat(),
});

/** Random trees of 1..`max` regions; the space `memory` is rooted at region `r0`. */
export function randomTree(max = 18): fc.Arbitrary<RegionTree> {
	return fc.array(draw, { minLength: 2, maxLength: max }).map(build);
}

/** Mostly inside the parent (so something shows), sometimes anywhere (clipping, 2^64). */
function placeAt(d: Draw, parentSize: bigint): bigint {
	return d.target % 4 === 0 || parentSize === 0n ? d.at : d.at % parentSize;
}

/**
 * An alias target per draw: any other region (earlier-declared ones too), unless that
 * would close a render cycle; then a later region, or none (an unresolved alias).
 */
function aliasTargets(draws: readonly Draw[], parents: readonly (number | undefined)[]): (number | undefined)[] {
	const n = draws.length;
	const edges: number[][] = draws.map((_, i) => parents.flatMap((p, j) => (p === i ? [j] : [])));
	const reaches = (from: number, to: number): boolean => {
		const seen = new Set<number>();
		const stack = [from];
		for (let at = stack.pop(); at !== undefined; at = stack.pop()) {
			if (at === to) {
				return true;
			}
			if (!seen.has(at)) {
				seen.add(at);
				stack.push(...(edges[at] ?? []));
			}
		}
		return false;
	};
	return draws.map((d, i) => {
		const wanted = d.target % n;
		const choices = [wanted, i + 1 + (d.target % Math.max(1, n - i - 1))];
		const target = choices.find((j) => j !== i && j < n && !reaches(j, i));
		if (target !== undefined) {
			edges[i]?.push(target);
		}
		return target;
	});
}

function build(draws: readonly Draw[]): RegionTree {
	// Mostly one big tree under r0; some separate trees that only aliases can reach.
	const parents = draws.map((d, i) => (i === 0 || d.parent % 7 === 0 ? undefined : d.parent % i));
	const targets = aliasTargets(draws, parents);
	const sizes = draws.map((d, i) => (i === 0 && d.target % 3 !== 0 && d.parent % 2 === 0 ? full : d.size));
	const specs = draws.map((d, i): RegionSpec => {
		const isAlias = d.kind === 'alias' && !(i === 0 && d.target % 3 !== 0);
		const target = targets[i];
		// The root is usually a big container, so most draws end up visible somewhere.
		const rootish = i === 0 && d.target % 3 !== 0;
		return {
			kind: rootish ? 'container' : isAlias ? 'alias' : d.kind === 'alias' ? 'ram' : d.kind,
			name: `r${i}`,
			size: sizes[i] ?? d.size,
			...(parents[i] === undefined ? {} : { at: placeAt(d, sizes[parents[i] ?? 0] ?? full) }),
			...(d.priority === undefined ? {} : { priority: d.priority }),
			overlap: d.overlap,
			disabled: d.disabled && (i > 0 || d.parent % 5 === 0),
			readonly: d.readonly,
			nonvolatile: d.nonvolatile,
			romdMode: d.romdMode,
			...(isAlias ? { ...(target === undefined ? {} : { of: `r${target}` }), offset: d.offset } : {}),
			children: [],
		};
	});
	const withChildren = (i: number): RegionSpec => ({
		...(specs[i] as RegionSpec),
		children: parents.flatMap((p, j) => (p === i ? [withChildren(j)] : [])),
	});
	const tops = parents.flatMap((p, i) => (p === undefined ? [withChildren(i)] : []));
	return buildTree(tops, { memory: 'r0' });
}
