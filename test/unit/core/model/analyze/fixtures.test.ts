import * as assert from 'node:assert';
import * as path from 'node:path';
import { analyze } from '../../../../../core/src/index';
import { assertGolden } from '../../../../util/golden';
import { printDiagnostics, printTree } from '../../../../util/printers';
import { memmapFiles, repoHost } from './hosts';

/** `ref-ambiguous` -> `ref.ambiguous`: the code a check fixture is named after. */
function codeOf(name: string): string {
	const dash = name.indexOf('-');
	return name.slice(0, dash) + '.' + name.slice(dash + 1);
}

function check(uri: string, goldenName: string): ReturnType<typeof analyze> {
	const analysis = analyze(uri, repoHost);
	assertGolden('diagnostics', goldenName, printDiagnostics(analysis, `diagnostics of ${uri}`));
	assertGolden('tree', goldenName, printTree(analysis.tree, `region tree of ${uri}`));
	return analysis;
}

suite('analyze: check fixtures', () => {
	for (const uri of memmapFiles('test/fixtures/check')) {
		const name = path.posix.basename(uri, '.memmap');
		test(name, () => {
			const analysis = check(uri, name);
			const codes = analysis.diagnostics.map((d) => d.code);
			assert.ok(codes.includes(codeOf(name) as never), `expected ${codeOf(name)} in ${codes.join(', ')}`);
		});
	}
});

suite('analyze: clean fixtures', () => {
	for (const uri of memmapFiles('test/fixtures/check/clean')) {
		const name = path.posix.basename(uri, '.memmap');
		test(name, () => {
			const analysis = check(uri, `clean/${name}`);
			assert.deepStrictEqual(
				analysis.diagnostics.map((d) => `${d.code} ${d.message}`),
				[],
			);
		});
	}
});
