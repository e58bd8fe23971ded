import * as assert from 'node:assert';
import { analyzeText } from '../../core/src/index';
import { generateBoard } from '../../bench/generate';

suite('bench: generateBoard', () => {
	test('yields exactly the asked number of regions, deterministically', () => {
		for (const count of [3, 20, 1000]) {
			const analysis = analyzeText(generateBoard(count), 'bench:board');
			assert.strictEqual(analysis.tree.regions.length, count);
		}
		assert.strictEqual(generateBoard(500), generateBoard(500));
	});

	test('analyses with no errors and renders aliases, priorities and holes', () => {
		const analysis = analyzeText(generateBoard(2000), 'bench:board');
		const errors = analysis.diagnostics.filter((d) => d.severity === 'error');
		assert.deepStrictEqual(
			errors.map((d) => `${d.code} ${d.message}`),
			[],
		);
		const kinds = new Set(analysis.tree.regions.map((r) => r.kind));
		assert.deepStrictEqual([...kinds].sort(), ['alias', 'container', 'io', 'ram', 'rom']);
		assert.ok(analysis.tree.regions.some((r) => !r.enabled));
		assert.ok((analysis.views[0]?.view.ranges.length ?? 0) > 1000);
	});
});
