/**
 * Property: any QEMU-shaped board printed with the QEMU printers imports back into a file
 * that analyses without errors and prints the same `info mtree -D` and `info mtree -f`
 * text; from plain `info mtree` it imports clean; without `info mtree -f` it imports clean
 * and prints the same tree.
 */
import * as assert from 'node:assert';
import * as fc from 'fast-check';
import { analyzeText, normalizeFlat, normalizeMtree, printFlatViews, printMtree } from '../../core/src/index';
import { analysisErrors, importAndAnalyze, importErrors } from './qemuFixtures';
import { randomBoard } from './randomBoard';

function check(source: string): void {
	const original = analyzeText(source);
	assert.deepStrictEqual(analysisErrors(original), [], source);
	const tree = printMtree(original);
	const flat = printFlatViews(original);
	const imported = importAndAnalyze(tree, flat);
	assert.deepStrictEqual(importErrors(imported.errors), [], source);
	assert.deepStrictEqual(analysisErrors(imported.analysis), [], `${source}\n---\n${imported.text}`);
	assert.strictEqual(normalizeMtree(printMtree(imported.analysis)), normalizeMtree(tree), `${source}\n---\n${imported.text}`);
	assert.strictEqual(normalizeFlat(printFlatViews(imported.analysis)), normalizeFlat(flat), `${source}\n---\n${imported.text}`);
}

suite('qemu import: round-trip property', () => {
	test('random boards, info mtree -D', () => {
		fc.assert(fc.property(randomBoard, (source) => check(source)), { numRuns: 150, seed: 3 });
	});

	// Plain `info mtree` is ambiguous when hidden disabled regions are adjacent (the lines
	// of their subregions may be read under another parent); the import must still be
	// clean, and it is exact for the captured machines (machines.test.ts).
	test('random boards, plain info mtree: imports clean', () => {
		fc.assert(
			fc.property(randomBoard, (source) => {
				const original = analyzeText(source);
				const imported = importAndAnalyze(printMtree(original, { showDisabled: false }), printFlatViews(original));
				assert.deepStrictEqual(importErrors(imported.errors), [], source);
				assert.deepStrictEqual(analysisErrors(imported.analysis), [], `${source}\n---\n${imported.text}`);
			}),
			{ numRuns: 100, seed: 5 },
		);
	});

	// Without -f, kinds of i/o regions are guessed (a leaf is io, the rest containers); the
	// tree text does not show kinds, so it must still print back exactly.
	test('random boards, info mtree -D without -f: imports clean and prints the same tree', () => {
		fc.assert(
			fc.property(randomBoard, (source) => {
				const tree = printMtree(analyzeText(source));
				const imported = importAndAnalyze(tree);
				assert.deepStrictEqual(importErrors(imported.errors), [], source);
				assert.deepStrictEqual(analysisErrors(imported.analysis), [], `${source}\n---\n${imported.text}`);
				assert.strictEqual(normalizeMtree(printMtree(imported.analysis)), normalizeMtree(tree), `${source}\n---\n${imported.text}`);
			}),
			{ numRuns: 100, seed: 7 },
		);
	});
});
