/**
 * Flat views of every sample board as goldens (test/golden/flatten/<sample>.txt), in
 * `info mtree -f` line format, one block per address space; and on these realistic
 * boards the flattener must also equal the reference renderer.
 */
import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzeText, flatten } from '../../../../core/src/index';
import { referenceFlatten } from '../../../../core/src/model/reference';
import { assertGolden, repoRoot } from '../../../util/golden';
import { mtreeFlat } from '../../../util/mtreeFlat';
import { plainView } from '../../../util/plainView';

const samples = path.join(repoRoot, 'samples');
/** Ranges of a truncated view that the golden shows. */
const shownOfTruncated = 16;

suite('flatten goldens (samples)', () => {
	for (const file of fs.readdirSync(samples).filter((f) => f.endsWith('.memmap')).sort()) {
		test(file, () => {
			const analysis = analyzeText(fs.readFileSync(path.join(samples, file), 'utf8'), `file:///samples/${file}`);
			const tree = analysis.tree;
			const lines: string[] = [];
			for (const { space, view } of analysis.views) {
				const root = view.root === undefined ? '(none)' : (tree.regions[view.root]?.name ?? '?');
				lines.push(`space ${space.name}, root: ${tree.regions[space.root]?.name ?? '?'}, flat-view root: ${root}`);
				assert.deepStrictEqual(view, flatten(tree, space.root));
				if (view.truncated) {
					// Stopped at the work limit (the alias-explosion sample): the reference
					// renderer has no limit, and the golden keeps the first ranges.
					lines.push(`  truncated at the work limit after ${view.ranges.length} ranges; the first ${shownOfTruncated}:`);
					lines.push(...mtreeFlat(tree, { ...view, ranges: view.ranges.slice(0, shownOfTruncated) }), '');
					continue;
				}
				lines.push(...(view.ranges.length === 0 ? ['  No rendered FlatView'] : mtreeFlat(tree, view)), '');
				assert.deepStrictEqual(plainView(view), referenceFlatten(tree, space.root), `space ${space.name} differs from the reference`);
			}
			assertGolden('flatten', file.replace(/\.memmap$/, ''), lines.join('\n'));
		});
	}
});
