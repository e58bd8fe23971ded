import * as assert from 'node:assert/strict';
import type { TextEdit, WorkspaceEdit } from 'vscode-languageserver';
import { includeEditsForRenames, type SourceFile } from '../../../server/src/features/fileRename';

const root = 'file:///work/boards';

/** The include paths each file names once `edit` is applied, by file name. */
function includesAfter(files: readonly SourceFile[], edit: WorkspaceEdit): Record<string, string[]> {
	const result: Record<string, string[]> = {};
	for (const file of files) {
		const lines = file.text.split('\n');
		const edits: TextEdit[] = edit.changes?.[file.uri] ?? [];
		for (const e of [...edits].reverse()) {
			assert.equal(e.range.start.line, e.range.end.line);
			const line = lines[e.range.start.line] ?? '';
			lines[e.range.start.line] = line.slice(0, e.range.start.character) + e.newText + line.slice(e.range.end.character);
		}
		const paths = lines.flatMap((line) => [...line.matchAll(/^include ("(?:[^"\\]|\\.)*")/g)].map((m) => JSON.parse(m[1] ?? '""') as string));
		result[file.uri.slice(root.length + 1)] = paths;
	}
	return result;
}

const files: SourceFile[] = [
	{ uri: `${root}/board.memmap`, text: 'include "soc.memmap"\ninclude "./dev/uart.memmap"\nspace m = soc\n' },
	{ uri: `${root}/soc.memmap`, text: 'include "dev/uart.memmap"\ncontainer soc size 4K { map uart at 0 }\n' },
	{ uri: `${root}/dev/uart.memmap`, text: 'io uart size 256\n' },
	{ uri: `${root}/other.memmap`, text: 'include "elsewhere.memmap"\ninclude "./dev/../soc.memmap"\n' },
];

suite('include paths follow renamed files', () => {
	test('a renamed file: every file that includes it names the new one', () => {
		const edit = includeEditsForRenames(files, [{ oldUri: `${root}/dev/uart.memmap`, newUri: `${root}/dev/serial.memmap` }]);
		assert.deepEqual(includesAfter(files, edit), {
			'board.memmap': ['soc.memmap', './dev/serial.memmap'],
			'soc.memmap': ['dev/serial.memmap'],
			'dev/uart.memmap': [],
			'other.memmap': ['elsewhere.memmap', './dev/../soc.memmap'],
		});
		assert.deepEqual(Object.keys(edit.changes ?? {}).sort(), [`${root}/board.memmap`, `${root}/soc.memmap`]);
	});

	test('a moved file: its own includes are rewritten from its new place', () => {
		const edit = includeEditsForRenames(files, [{ oldUri: `${root}/soc.memmap`, newUri: `${root}/socs/a/soc.memmap` }]);
		assert.deepEqual(includesAfter(files, edit)['soc.memmap'], ['../../dev/uart.memmap']);
		assert.deepEqual(includesAfter(files, edit)['board.memmap'], ['socs/a/soc.memmap', './dev/uart.memmap']);
	});

	test('a renamed folder: files inside it that include each other need nothing; outside, the paths change', () => {
		const edit = includeEditsForRenames(files, [{ oldUri: `${root}/dev`, newUri: `${root}/devices` }]);
		assert.deepEqual(includesAfter(files, edit), {
			'board.memmap': ['soc.memmap', './devices/uart.memmap'],
			'soc.memmap': ['devices/uart.memmap'],
			'dev/uart.memmap': [],
			'other.memmap': ['elsewhere.memmap', './dev/../soc.memmap'],
		});
		const together = includeEditsForRenames(files, [{ oldUri: root, newUri: 'file:///work/renamed' }]);
		assert.deepEqual(together.changes, {});
	});

	test('names that need quoting are escaped; an absolute include stays absolute', () => {
		const odd: SourceFile[] = [
			{ uri: `${root}/a.memmap`, text: 'include "b.memmap"\ninclude "/work/boards/b.memmap"\n' },
		];
		const edit = includeEditsForRenames(odd, [{ oldUri: `${root}/b.memmap`, newUri: `${root}/say%20%22hi%22.memmap` }]);
		assert.deepEqual(edit.changes?.[`${root}/a.memmap`]?.map((e) => e.newText), ['"say \\"hi\\".memmap"', '"/work/boards/say \\"hi\\".memmap"']);
		assert.deepEqual(includesAfter(odd, edit)['a.memmap'], ['say "hi".memmap', '/work/boards/say "hi".memmap']);
	});
});
