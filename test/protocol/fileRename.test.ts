import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { WillRenameFilesRequest } from 'vscode-languageserver-protocol';
import { LspClient } from './lspClient';

suite('protocol: include paths follow renamed files', () => {
	let dir: string;
	let client: LspClient;

	suiteSetup(async () => {
		dir = fs.mkdtempSync(path.join(os.tmpdir(), 'memmap-rename-'));
		fs.mkdirSync(path.join(dir, 'dev'));
		fs.mkdirSync(path.join(dir, 'node_modules'));
		fs.writeFileSync(path.join(dir, 'board.memmap'), 'include "dev/uart.memmap"\nspace m = soc\ncontainer soc size 4K { map uart at 0 }\n');
		fs.writeFileSync(path.join(dir, 'dev', 'uart.memmap'), 'io uart size 256\n');
		fs.writeFileSync(path.join(dir, 'node_modules', 'skip.memmap'), 'include "../dev/uart.memmap"\n');
		client = await LspClient.start({ debounceMs: 0 }, {}, [], [pathToFileURL(dir).href]);
	});

	suiteTeardown(async () => {
		assert.equal(await client.stop(), 0);
		fs.rmSync(dir, { recursive: true, force: true });
	});

	test('willRenameFiles: the includes of files on disk and of open documents (unsaved text) are rewritten', async () => {
		const uri = (file: string) => pathToFileURL(path.join(dir, file)).href;
		// An open document with unsaved text: its edit is computed on that text.
		await client.open(uri('open.memmap'), '// not saved\ninclude "./dev/uart.memmap"\n');
		const edit = await client.connection.sendRequest(WillRenameFilesRequest.type, {
			files: [{ oldUri: uri('dev/uart.memmap'), newUri: uri('dev/serial.memmap') }],
		});
		assert.deepEqual(edit?.changes, {
			[uri('board.memmap')]: [{ range: { start: { line: 0, character: 8 }, end: { line: 0, character: 25 } }, newText: '"dev/serial.memmap"' }],
			[uri('open.memmap')]: [{ range: { start: { line: 1, character: 8 }, end: { line: 1, character: 27 } }, newText: '"./dev/serial.memmap"' }],
		});
		await client.close(uri('open.memmap'));
	});

	test('willRenameFiles: a client that knows workspace folders is asked for them, so a folder added later counts', async () => {
		const added = fs.mkdtempSync(path.join(os.tmpdir(), 'memmap-rename-added-'));
		const other = await LspClient.start({ debounceMs: 0 }, { workspace: { workspaceFolders: true } }, [], [pathToFileURL(dir).href]);
		try {
			fs.writeFileSync(path.join(added, 'user.memmap'), `include "${path.join(dir, 'dev', 'uart.memmap')}"\n`);
			other.folders = [pathToFileURL(dir).href, pathToFileURL(added).href].map((uri, i) => ({ uri, name: `f${i}` }));
			const edit = await other.connection.sendRequest(WillRenameFilesRequest.type, {
				files: [{ oldUri: pathToFileURL(path.join(dir, 'dev', 'uart.memmap')).href, newUri: pathToFileURL(path.join(dir, 'dev', 'serial.memmap')).href }],
			});
			assert.deepEqual(Object.keys(edit?.changes ?? {}).sort(), [pathToFileURL(path.join(added, 'user.memmap')).href, pathToFileURL(path.join(dir, 'board.memmap')).href].sort());
			assert.equal(edit?.changes?.[pathToFileURL(path.join(added, 'user.memmap')).href]?.[0]?.newText, JSON.stringify(path.join(dir, 'dev', 'serial.memmap')));
		} finally {
			assert.equal(await other.stop(), 0);
			fs.rmSync(added, { recursive: true, force: true });
		}
	});
});
