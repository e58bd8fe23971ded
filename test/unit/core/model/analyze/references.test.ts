import * as assert from 'node:assert';
import { analyzeText, type Analysis } from '../../../../../core/src/index';

/** Each reference as `context text -> target path` with per-segment paths. */
function refs(analysis: Analysis, text: string): string[] {
	return analysis.references.map((r) => {
		const written = text.slice(r.offset, r.offset + r.length);
		const target = r.target === undefined ? '?' : analysis.tree.regions[r.target]?.path;
		const segments = r.segments.map((s) => (s.region === undefined ? '?' : analysis.tree.regions[s.region]?.path));
		return `${r.context} ${written} -> ${target} [${segments.join(', ')}]`;
	});
}

suite('analyze: references', () => {
	test('every of, map and space reference is recorded with its segments, in source order', () => {
		const text = [
			'space memory = board',
			'container board size 4G {',
			'  container soc at 0 size 1G { io uart at 0 size 4K; io uart at 0x1000 size 4K }',
			'  alias u at 0x4000_0000 size 4K of board/soc/uart#2',
			'  map flash#2 at 0x8000_0000',
			'}',
			'rom flash size 4K',
			'rom flash size 8K',
			'space other = flash#1',
		].join('\n');
		const analysis = analyzeText(text);
		assert.deepStrictEqual(analysis.diagnostics.map((d) => d.code), []);
		assert.deepStrictEqual(refs(analysis, text), [
			'space board -> board [board]',
			'of board/soc/uart#2 -> board/soc/uart#2 [board, board/soc, board/soc/uart#2]',
			'map flash#2 -> flash#2 [flash#2]',
			'space flash#1 -> flash#1 [flash#1]',
		]);
	});

	test('an unresolved segment leaves it and the rest undefined', () => {
		const text = 'container a size 4K { alias x at 0 size 4K of a/nope/deeper }\n';
		const analysis = analyzeText(text);
		assert.deepStrictEqual(refs(analysis, text), ['of a/nope/deeper -> ? [a, ?, ?]']);
		assert.deepStrictEqual(analysis.diagnostics.map((d) => d.message), ["Unknown region 'nope' in 'a'."]);
	});

	test('a path may start at a unique nested region', () => {
		const text = 'container top size 4K { container mid at 0 size 4K { ram leaf at 0 size 1K } }\ncontainer other size 4K { alias a at 0 size 1K of mid/leaf }\n';
		const analysis = analyzeText(text);
		assert.deepStrictEqual(refs(analysis, text), ['of mid/leaf -> top/mid/leaf [top/mid, top/mid/leaf]']);
	});

	test('a top-level name wins over nested ones for the first segment of a path', () => {
		const text = 'container x size 4K { container x at 0 size 4K { ram y at 0 size 1K } ram y at 0x100 size 1K }\ncontainer z size 4K { alias a at 0 size 1K of x/y }\n';
		const analysis = analyzeText(text);
		assert.deepStrictEqual(refs(analysis, text), ['of x/y -> x/y [x, x/y]']);
	});

	test('unknown names get a suggestion, ambiguous ones list every candidate', () => {
		const text = 'ram pc.ram size 4K\nio dev size 1K\ncontainer a size 4K { io dev at 0 size 1K }\ncontainer b size 4K { alias x at 0 size 1K of pc.rma; alias y at 0x400 size 1K of dev }\n';
		const analysis = analyzeText(text);
		const messages = analysis.diagnostics.map((d) => `${d.code}: ${d.message}`);
		assert.deepStrictEqual(messages, [
			"ref.unknown: Unknown region 'pc.rma'; did you mean 'pc.ram'?",
			"ref.ambiguous: 'dev' is ambiguous: 2 regions have this name ('dev', 'a/dev'); write a path or '#N'.",
		]);
		assert.deepStrictEqual(analysis.diagnostics[1]?.related?.map((r) => r.message), ["candidate 'dev'", "candidate 'a/dev'"]);
	});

	test('#N past the number of same-named regions is unknown', () => {
		const analysis = analyzeText('ram r size 1K\ncontainer c size 4K { alias a at 0 size 1K of r#2 }\n');
		assert.deepStrictEqual(analysis.diagnostics.map((d) => d.message), [
			"There is no region 'r#2' at the top level: 1 region named 'r' there.",
		]);
	});
});
