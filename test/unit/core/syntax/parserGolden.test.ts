import { parse } from '../../../../core/src/syntax/parser';
import { printAst } from '../../../util/astPrinter';
import { assertGolden } from '../../../util/golden';
import { lineCol } from '../../../util/printers';
import { memmapFiles } from './syntaxFixtures';

/**
 * Golden ASTs of test/fixtures/syntax (samples are covered by the formatter's round-trip
 * test and by their own diagnostics goldens): the tree (one node per line with `[start,end)`
 * offsets) followed by the syntax diagnostics (`line:col`, 1-based, end exclusive).
 */
suite('parser goldens (test/golden/ast)', () => {
	for (const fixture of memmapFiles('test/fixtures/syntax')) {
		test(fixture.name, () => {
			const { file, diagnostics } = parse(fixture.text, fixture.file);
			const lines = [`# AST of ${fixture.file.replace(/\\/g, '/')}`, printAst(file).trimEnd(), '# diagnostics'];
			for (const d of diagnostics) {
				const span = `${lineCol(fixture.text, d.offset)}..${lineCol(fixture.text, d.offset + d.length)}`;
				lines.push(`${d.severity} ${d.code} ${span} ${d.message}`);
			}
			assertGolden('ast', fixture.name, lines.join('\n'));
		});
	}
});
