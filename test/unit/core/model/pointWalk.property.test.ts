/**
 * The indexed point walk behind `explainOwner` against the plain walk it replaces (every
 * child of every entered region, written out here as the oracle): on random trees
 * (aliases of aliases, negative alias bases, overruns, disabled regions, 2^64 sizes) and
 * on a generated board, both record the same regions, paths, bases, blocks and claims.
 */
import * as assert from 'node:assert';
import * as fc from 'fast-check';
import type { RegionId, RegionTree } from '../../../../core/src/index';
import { analyzeText, flatten } from '../../../../core/src/index';
import { isTerminal } from '../../../../core/src/model/flatViewRoot';
import type { Block, PointVisit } from '../../../../core/src/model/pointWalk';
import { walkPoint } from '../../../../core/src/model/pointWalk';
import { generateBoard } from '../../../../bench/generate';
import { randomTree } from './flatten.arbitrary';

const full = 1n << 64n;

/** The walk without an index: same rules (two levels outside at most), every child. */
function plainWalk(tree: RegionTree, root: RegionId, address: bigint): PointVisit[] {
	const visits: PointVisit[] = [];
	const path: RegionId[] = [];
	const onPath = new Set<RegionId>();
	let claims = 0;
	const visit = (id: RegionId, parentBase: bigint, blocked: Block | undefined, outside: number): void => {
		const region = tree.regions[id];
		if (region === undefined || onPath.has(id)) {
			return;
		}
		const base = parentBase + region.addr;
		const end = base + region.size;
		const contains = base <= address && address < end;
		const depthOutside = contains ? 0 : outside + 1;
		if (depthOutside > 2) {
			return;
		}
		const own = blocked ?? (region.enabled ? undefined : { kind: 'disabled' as const, by: id, start: base, end });
		path.push(id);
		onPath.add(id);
		const record: PointVisit | undefined = contains ? { id, path: [...path], base, blocked: own, claim: -1 } : undefined;
		if (record) {
			visits.push(record);
		}
		const below: Block | undefined =
			own ?? (contains ? undefined : { kind: region.kind === 'alias' ? 'window' : 'clipped', by: id, start: base, end });
		if (region.kind === 'alias') {
			const target = region.alias?.target;
			const targetRegion = target === undefined ? undefined : tree.regions[target];
			if (target !== undefined && targetRegion !== undefined) {
				visit(target, base - targetRegion.addr - (region.alias?.offset ?? 0n), below, depthOutside);
			}
		} else {
			for (const child of region.children) {
				visit(child, base, below, depthOutside);
			}
			if (record && own === undefined && isTerminal(region)) {
				record.claim = claims++;
			}
		}
		path.pop();
		onPath.delete(id);
	};
	visit(root, 0n, undefined, 0);
	return visits;
}

/** Every region edge (start, end, and their neighbours) as seen from the root, plus the ends. */
function edges(tree: RegionTree): bigint[] {
	const points = new Set<bigint>([0n, full - 1n]);
	for (const region of tree.regions) {
		for (const p of [region.addr, region.addr + region.size]) {
			for (const q of [p - 1n, p, p + 1n, p + 0x1000n]) {
				if (q >= 0n && q < full) {
					points.add(q);
				}
			}
		}
	}
	return [...points];
}

suite('point walk (property)', () => {
	test('the indexed walk equals the plain walk on random trees', () => {
		fc.assert(
			fc.property(randomTree(), fc.array(fc.bigInt(0n, 0x8000n), { maxLength: 8 }), (tree, extra) => {
				const root = flatten(tree, tree.spaces[0]?.root ?? 0).root ?? tree.spaces[0]?.root ?? 0;
				for (const address of [...edges(tree), ...extra]) {
					assert.deepStrictEqual(walkPoint(tree, root, address), plainWalk(tree, root, address));
				}
			}),
			{ numRuns: 200 },
		);
	});

	test('the indexed walk equals the plain walk on a generated board', () => {
		const analysis = analyzeText(generateBoard(3000), 'test:board');
		const view = analysis.views[0]?.view;
		assert.ok(view?.root !== undefined);
		const ranges = view.ranges;
		for (let i = 0; i < ranges.length; i += 7) {
			const range = ranges[i];
			if (range !== undefined) {
				for (const address of [range.start, range.start + range.size - 1n, range.start + range.size]) {
					assert.deepStrictEqual(walkPoint(analysis.tree, view.root, address), plainWalk(analysis.tree, view.root, address));
				}
			}
		}
	});
});
