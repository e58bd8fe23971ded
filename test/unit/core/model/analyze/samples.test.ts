import * as assert from 'node:assert';
import * as path from 'node:path';
import { analyze, diagnosticCodes } from '../../../../../core/src/index';
import { assertGolden } from '../../../../util/golden';
import { printDiagnostics, printTree } from '../../../../util/printers';
import { memmapFiles, repoHost } from './hosts';

/** Every diagnostic code (the `DiagnosticCode` type is derived from this list). */
function allCodes(): string[] {
	return [...diagnosticCodes].sort();
}

const isMistakes = (uri: string): boolean => path.posix.basename(uri).startsWith('mistakes');

suite('samples', () => {
	const samples = memmapFiles('samples');

	test('there are samples, and codes to show', () => {
		assert.ok(samples.filter((uri) => !isMistakes(uri)).length >= 4, samples.join(', '));
		assert.ok(allCodes().length >= 40);
	});

	for (const uri of samples) {
		const name = path.posix.basename(uri, '.memmap');
		test(`${name}: goldens${isMistakes(uri) ? '' : ', no errors and no warnings'}`, () => {
			const analysis = analyze(uri, repoHost);
			assertGolden('diagnostics', `samples/${name}`, printDiagnostics(analysis, `diagnostics of ${uri}`));
			assertGolden('tree', `samples/${name}`, printTree(analysis.tree, `region tree of ${uri}`));
			if (!isMistakes(uri)) {
				const loud = analysis.diagnostics.filter((d) => d.severity !== 'info');
				assert.deepStrictEqual(loud.map((d) => `${d.severity} ${d.code}: ${d.message}`), []);
				assert.ok(analysis.views.some((v) => v.view.ranges.length > 0), 'renders something');
			}
		});
	}

	test('the mistakes sample shows every diagnostic code', () => {
		const shown = new Set<string>();
		for (const uri of samples.filter(isMistakes)) {
			for (const d of analyze(uri, repoHost).diagnostics) {
				shown.add(d.code);
			}
		}
		assert.deepStrictEqual(allCodes().filter((code) => !shown.has(code)), []);
	});
});
