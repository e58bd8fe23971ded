import * as assert from 'node:assert';
import { analyze, analyzeText } from '../../../../../core/src/index';
import { memoryHost } from './hosts';

function codesIn(analysis: ReturnType<typeof analyze>): string[] {
	return analysis.diagnostics.map((d) => `${d.uri} ${d.code}`);
}

suite('analyze: includes', () => {
	test('an include that cannot be read is include.not-found on its string', () => {
		const text = 'include "nowhere.memmap"\nram r size 4K\n';
		const analysis = analyze('a.memmap', memoryHost({ 'a.memmap': text }));
		assert.deepStrictEqual(codesIn(analysis), ['a.memmap include.not-found']);
		const d = analysis.diagnostics[0];
		assert.strictEqual(text.slice(d?.offset, (d?.offset ?? 0) + (d?.length ?? 0)), '"nowhere.memmap"');
		assert.deepStrictEqual(analysis.includes.get('a.memmap'), ['nowhere.memmap']);
		assert.strictEqual(analysis.tree.regions.length, 1);
	});

	test('paths are relative to the including file', () => {
		const host = memoryHost({
			'board/main.memmap': 'include "parts/soc.memmap"\ncontainer sys size 4G { map soc at 0 }\n',
			'board/parts/soc.memmap': 'include "../../lib/uart.memmap"\ncontainer soc size 1G { map uart at 0 }\n',
			'lib/uart.memmap': 'io uart size 4K\n',
		});
		const analysis = analyze('board/main.memmap', host);
		assert.deepStrictEqual(codesIn(analysis), []);
		assert.deepStrictEqual([...analysis.documents.keys()], ['board/main.memmap', 'board/parts/soc.memmap', 'lib/uart.memmap']);
		assert.deepStrictEqual(analysis.tree.spaces.map((s) => s.name), ['sys']);
	});

	test('a cycle is reported on the include that closes it, in that file, and loading stops', () => {
		const host = memoryHost({
			'a.memmap': 'include "b.memmap"\nram ra size 4K\n',
			'b.memmap': 'include "c.memmap"\nram rb size 4K\n',
			'c.memmap': '// back to the start\ninclude "a.memmap"\nram rc size 4K\n',
		});
		const analysis = analyze('a.memmap', host);
		assert.deepStrictEqual(codesIn(analysis), ['c.memmap include.cycle']);
		assert.strictEqual(analysis.diagnostics[0]?.offset, '// back to the start\ninclude '.length);
		assert.deepStrictEqual(analysis.tree.regions.map((r) => r.name), ['rc', 'rb', 'ra']);
	});

	test('a file that includes itself is a cycle', () => {
		const analysis = analyze('a.memmap', memoryHost({ 'a.memmap': 'include "a.memmap"\n' }));
		assert.deepStrictEqual(codesIn(analysis), ['a.memmap include.cycle']);
	});

	test('a diamond loads the shared file once, so its regions are not duplicated', () => {
		const host = memoryHost({
			'top.memmap': 'include "l.memmap"\ninclude "r.memmap"\ncontainer sys size 4G { alias w at 0 size 4K of shared }\n',
			'l.memmap': 'include "common.memmap"\n',
			'r.memmap': 'include "common.memmap"\n',
			'common.memmap': 'ram shared size 4K\n',
		});
		const analysis = analyze('top.memmap', host);
		assert.deepStrictEqual(codesIn(analysis), []);
		assert.strictEqual(analysis.documents.size, 4);
		assert.deepStrictEqual(analysis.includes.get('r.memmap'), ['common.memmap']);
		assert.deepStrictEqual(analysis.tree.regions.map((r) => r.name), ['shared', 'sys', 'w']);
	});

	test('diagnostics land in the file that holds the fault', () => {
		const host = memoryHost({
			'main.memmap': 'include "dev.memmap"\ncontainer sys size 4G { map uart at 0 }\n',
			'dev.memmap': 'io uart size 4K\nalias bad size 4K of nothing\n',
		});
		const analysis = analyze('main.memmap', host);
		assert.deepStrictEqual(codesIn(analysis), ['dev.memmap ref.unknown']);
		const d = analysis.diagnostics[0];
		const text = analysis.documents.get('dev.memmap')?.text ?? '';
		assert.strictEqual(text.slice(d?.offset, (d?.offset ?? 0) + (d?.length ?? 0)), 'nothing');
	});

	test('a binary include only yields syntax diagnostics in that file', () => {
		const garbage = '\u0000\u0001\uffff{{{ }} "unterminated\n\u0007 size 0x';
		const host = memoryHost({ 'main.memmap': 'include "blob.bin"\nram r size 4K\n', 'blob.bin': garbage });
		const analysis = analyze('main.memmap', host);
		assert.ok(analysis.diagnostics.length > 0);
		for (const d of analysis.diagnostics) {
			assert.strictEqual(d.uri, 'blob.bin');
			assert.ok(d.code.startsWith('syntax.') || d.code.startsWith('number.'), d.code);
			assert.ok(d.offset >= 0 && d.offset + d.length <= garbage.length);
		}
		assert.deepStrictEqual(analysis.tree.spaces.map((s) => s.name), ['r']);
	});

	test('an unreadable entry gives an empty analysis with one diagnostic', () => {
		const analysis = analyze('gone.memmap', memoryHost({}));
		assert.deepStrictEqual(codesIn(analysis), ['gone.memmap include.not-found']);
		assert.strictEqual(analysis.documents.get('gone.memmap')?.text, '');
		assert.strictEqual(analysis.tree.regions.length, 0);
	});

	test('a host that throws does not make analyze throw', () => {
		const analysis = analyze('a.memmap', {
			readText: (uri) => (uri === 'a.memmap' ? 'include "x"\n' : undefined),
			resolveInclude: () => {
				throw new Error('host failure');
			},
		});
		assert.deepStrictEqual(codesIn(analysis), ['a.memmap include.not-found']);
	});

	test('analyzeText knows only its own text', () => {
		const analysis = analyzeText('include "other.memmap"\n', 'file:///w/a.memmap');
		assert.deepStrictEqual(codesIn(analysis), ['file:///w/a.memmap include.not-found']);
		assert.strictEqual(analysis.entry, 'file:///w/a.memmap');
	});
});
