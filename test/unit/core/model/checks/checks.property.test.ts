/**
 * Properties of the checks on random trees: they never throw, every diagnostic points
 * into the document, a shadowed region really owns nothing, and the overlap sweep flags
 * exactly the siblings that intersect an earlier plain sibling.
 */
import * as assert from 'node:assert';
import * as fc from 'fast-check';
import type { Region, RegionTree } from '../../../../../core/src/index';
import { flatten } from '../../../../../core/src/index';
import { checkTree } from '../../../../../core/src/model/checks/index';
import { testUri } from '../../../../util/treeBuilder';
import { randomTree } from '../flatten.arbitrary';

const runs = { numRuns: 150 };

function viewsOf(tree: RegionTree): { space: RegionTree['spaces'][number]; view: ReturnType<typeof flatten> }[] {
	return tree.spaces.map((space) => ({ space, view: flatten(tree, space.root) }));
}

/** Siblings that intersect an earlier (by address) sibling, both plain, enabled and non-empty. */
function expectedOverlaps(tree: RegionTree): Set<number> {
	const flagged = new Set<number>();
	for (const parent of tree.regions) {
		if (parent.kind === 'alias') {
			continue;
		}
		const kids = parent.children
			.map((id) => tree.regions[id])
			.filter((r): r is Region => r !== undefined && r.enabled && r.size > 0n && !r.mayOverlap);
		for (const r of kids) {
			const earlier = kids.filter((s) => s !== r && (s.addr < r.addr || (s.addr === r.addr && kids.indexOf(s) < kids.indexOf(r))));
			if (earlier.some((s) => r.addr < s.addr + s.size)) {
				flagged.add(r.id);
			}
		}
	}
	return flagged;
}

suite('checks (property)', () => {
	test('never throw, and every diagnostic lies in the document', () => {
		fc.assert(
			fc.property(randomTree(), (tree) => {
				for (const d of checkTree(tree, viewsOf(tree))) {
					assert.strictEqual(d.uri, testUri);
					assert.ok(d.offset >= 0 && d.length >= 0 && d.message.length > 0);
				}
			}),
			runs,
		);
	});

	test('a region reported as shadowed owns no range in any view', () => {
		fc.assert(
			fc.property(randomTree(), (tree) => {
				const views = viewsOf(tree);
				const owners = new Set(views.flatMap(({ view }) => view.ranges.map((r) => r.region)));
				for (const d of checkTree(tree, views).filter((x) => x.code === 'region.shadowed')) {
					const region = tree.regions.find((r) => r.nameLocation.offset === d.offset);
					assert.ok(region !== undefined && !owners.has(region.id));
				}
			}),
			runs,
		);
	});

	test('region.overlap flags exactly the plain siblings that intersect an earlier plain sibling', () => {
		fc.assert(
			fc.property(randomTree(), (tree) => {
				const flagged = new Set(
					checkTree(tree, viewsOf(tree))
						.filter((d) => d.code === 'region.overlap')
						.map((d) => tree.regions.find((r) => r.nameLocation.offset === d.offset)?.id),
				);
				assert.deepStrictEqual([...flagged].sort(), [...expectedOverlaps(tree)].sort());
			}),
			runs,
		);
	});
});
