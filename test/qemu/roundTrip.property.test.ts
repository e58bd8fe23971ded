/**
 * Property: any QEMU-shaped board printed with the QEMU printers imports back into a file
 * that analyses without errors and prints the same `info mtree -D` and `info mtree -f`
 * text (and the same plain `info mtree` text when imported from that).
 */
import * as assert from 'node:assert';
import * as fc from 'fast-check';
import { analyzeText, normalizeFlat, normalizeMtree, printFlatViews, printMtree } from '../../core/src/index';
import { analysisErrors, importAndAnalyze, importErrors } from './qemuFixtures';
import { randomBoard } from './randomBoard';

function check(source: string, showDisabled: boolean): void {
	const original = analyzeText(source);
	assert.deepStrictEqual(analysisErrors(original), [], source);
	const tree = printMtree(original, { showDisabled });
	const flat = printFlatViews(original);
	const imported = importAndAnalyze(tree, flat);
	assert.deepStrictEqual(importErrors(imported.errors), [], source);
	assert.deepStrictEqual(analysisErrors(imported.analysis), [], `${source}\n---\n${imported.text}`);
	assert.strictEqual(normalizeMtree(printMtree(imported.analysis, { showDisabled })), normalizeMtree(tree), `${source}\n---\n${imported.text}`);
	assert.strictEqual(normalizeFlat(printFlatViews(imported.analysis)), normalizeFlat(flat), `${source}\n---\n${imported.text}`);
}

suite('qemu import: round-trip property', () => {
	test('random boards, info mtree -D', () => {
		fc.assert(fc.property(randomBoard, (source) => check(source, true)), { numRuns: 150, seed: 3 });
	});
});
