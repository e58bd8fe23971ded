import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
	DiagnosticSeverity,
	DiagnosticTag,
	DidChangeWatchedFilesNotification,
	FileChangeType,
} from 'vscode-languageserver-protocol';
import { fixture, flatCapture, withCapture } from './fixtures';
import { LspClient } from './lspClient';

const unusedText = 'space m = s\ncontainer s size 4K {\n\tram r at 0 size 1K\n}\nram spare size 1K\n';

suite('protocol: diagnostics', () => {
	let client: LspClient;
	suiteSetup(async () => {
		client = await LspClient.start({ debounceMs: 0 });
	});
	suiteTeardown(async () => {
		assert.equal(await client.stop(), 0);
	});

	test('a clean board publishes no diagnostics', async () => {
		const board = fixture('board.memmap');
		const published = await client.open(board.uri, board.text);
		assert.deepEqual(published.diagnostics, []);
		assert.equal(published.version, 1);
		await client.close(board.uri);
	});

	test('codes, docs links, severities and the unnecessary tag', async () => {
		const uri = 'file:///virtual/unused.memmap';
		const published = await client.open(uri, unusedText);
		const unused = published.diagnostics.find((d) => d.code === 'region.unused');
		assert.ok(unused, JSON.stringify(published.diagnostics));
		assert.equal(unused.codeDescription?.href, 'https://github.com/memmap/memmap/blob/main/README.md#region.unused');
		assert.equal(unused.source, 'memmap');
		assert.deepEqual(unused.tags, [DiagnosticTag.Unnecessary]);
		assert.equal(unused.severity, DiagnosticSeverity.Information);
		assert.deepEqual(unused.range.start, { line: 4, character: 4 });
		await client.close(uri);
	});

	test('an edit re-publishes: a typo appears and goes away', async () => {
		const uri = 'file:///virtual/edit.memmap';
		await client.open(uri, unusedText);
		const broken = await client.replace(uri, unusedText.replace('size 4K', 'size 4K of nowhere {'));
		assert.ok(broken.diagnostics.some((d) => d.severity === DiagnosticSeverity.Error));
		assert.equal(broken.version, 2);
		const fixed = await client.replace(uri, unusedText);
		assert.ok(fixed.diagnostics.every((d) => d.severity !== DiagnosticSeverity.Error));
		await client.close(uri);
	});

	test('an unknown reference is an error on the reference', async () => {
		const uri = 'file:///virtual/unknown.memmap';
		const published = await client.open(uri, 'space m = s\ncontainer s size 4K {\n\tmap nowhere at 0\n}\n');
		const unknown = published.diagnostics.find((d) => d.code === 'ref.unknown');
		assert.ok(unknown);
		assert.equal(unknown.severity, DiagnosticSeverity.Error);
		assert.deepEqual(unknown.range, { start: { line: 2, character: 5 }, end: { line: 2, character: 12 } });
		await client.close(uri);
	});

	test('diagnostics land on the included file, and its edits re-check the includer', async () => {
		const includer = fixture('includer.memmap');
		const included = fixture('included.memmap');
		const forIncluded = client.nextDiagnostics(included.uri);
		const first = await client.open(includer.uri, includer.text);
		assert.deepEqual(first.diagnostics, []);
		assert.deepEqual((await forIncluded).diagnostics, []);
		await client.open(included.uri, included.text);
		// Rename the included region: the includer's `map dev` no longer resolves.
		// Each round publishes the includer and then the included file: await both.
		const round = async (text: string) => {
			const both = [client.nextDiagnostics(includer.uri), client.nextDiagnostics(included.uri)];
			await client.change(included.uri, [{ text }]);
			return Promise.all(both);
		};
		const [rechecked] = await round('io device size 4K\n');
		assert.deepEqual(rechecked.diagnostics.map((d) => d.code), ['ref.unknown']);
		// A syntax error in the included file is published on the included file.
		const [, onIncluded] = await round('io dev size 4K {\n');
		assert.ok(onIncluded.diagnostics.some((d) => String(d.code).startsWith('syntax.')));
		const [clean, cleanIncluded] = await round(included.text);
		assert.deepEqual(clean.diagnostics, []);
		assert.deepEqual(cleanIncluded.diagnostics, []);
		await client.close(included.uri);
		await client.close(includer.uri);
	});

	test('an included file changed on disk re-checks its includers (didChangeWatchedFiles)', async () => {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'memmap-watch-'));
		try {
			const includerPath = path.join(dir, 'main.memmap');
			const includedPath = path.join(dir, 'dev.memmap');
			const text = 'include "dev.memmap"\nspace m = top\ncontainer top size 4G {\n\tmap dev at 0\n}\n';
			fs.writeFileSync(includedPath, 'io dev size 4K\n');
			const uri = pathToFileURL(includerPath).href;
			assert.deepEqual((await client.open(uri, text)).diagnostics, []);
			fs.writeFileSync(includedPath, 'io other size 4K\n');
			const next = client.nextDiagnostics(uri);
			await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
				changes: [{ uri: pathToFileURL(includedPath).href, type: FileChangeType.Changed }],
			});
			assert.deepEqual((await next).diagnostics.map((d) => d.code), ['ref.unknown']);
			await client.close(uri);
		} finally {
			fs.rmSync(dir, { recursive: true, force: true });
		}
	});

	test('a QEMU capture beside the board: mismatches as the user types, and when it changes on disk', async () => {
		const flat = (uartEnd: string): string =>
			flatCapture('0000000000000000-0000000000000fff (prio 0, ram): sram', `0000000000001000-${uartEnd} (prio 0, i/o): uart`);
		await withCapture(flat('00000000000010ff'), async (uri, capturePath) => {
			const text = 'space memory = system\ncontainer system size 16E {\n\tram sram at 0 size 4K\n\tio uart at 0x1000 size 0x80\n}\n';
			const opened = await client.open(uri, text);
			assert.deepEqual(opened.diagnostics.map((d) => [d.code, d.range.start.line, d.message]), [
				['qemu.mismatch', 0, "In space 'memory', [0x1080, 0x1100) is a hole in this board but 'uart' (prio 0, i/o, offset 0x80) in QEMU (soc.flat.txt, line 5)."],
			]);
			// The user fixes the size: the warning goes.
			const fixed = await client.replace(uri, text.replace('size 0x80', 'size 0x100'));
			assert.deepEqual(fixed.diagnostics, []);
			// A new capture on disk (QEMU's model changed): the watcher re-checks.
			fs.writeFileSync(capturePath, flat('00000000000011ff'));
			const next = client.nextDiagnostics(uri);
			await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
				changes: [{ uri: pathToFileURL(capturePath).href, type: FileChangeType.Changed }],
			});
			const changed = (await next).diagnostics;
			assert.deepEqual(changed.map((d) => [d.code, d.range.start.line, d.range.start.character]), [['qemu.mismatch', 0, 0]]);
			await client.close(uri);
		});
	});

	test('a re-analysis is followed by memmap/flatViewChanged', async () => {
		const uri = 'file:///virtual/notify.memmap';
		const before = client.notifications.length;
		await client.open(uri, unusedText);
		await client.replace(uri, unusedText + '\n');
		await client.close(uri);
		// The notification is sent right after the diagnostics, on the same ordered stream.
		await client.open('file:///virtual/sync.memmap', '');
		const sent = client.notifications.slice(before).filter((n) => n.method === 'memmap/flatViewChanged');
		assert.ok(sent.some((n) => JSON.stringify(n.params) === JSON.stringify({ uri })));
	});
});

suite('protocol: diagnostics settings', () => {
	test('per-code severity overrides from workspace/configuration, and off', async () => {
		const client = await LspClient.start({ debounceMs: 0 }, { workspace: { configuration: true } });
		client.configuration = { diagnostics: { severity: { 'region.unused': 'error', 'ref.unknown': 'off' } } };
		const uri = 'file:///virtual/override.memmap';
		await client.open(uri, unusedText + 'alias x size 1 of nowhere\n');
		// The configuration arrives after `initialized`; it re-publishes every open document.
		const published = await client.diagnosticsUntil(uri, (p) =>
			p.diagnostics.every((d) => d.code !== 'ref.unknown'),
		);
		const codes = published.diagnostics.map((d) => `${d.code}:${d.severity}`);
		assert.ok(codes.includes(`region.unused:${DiagnosticSeverity.Error}`), codes.join());
		assert.ok(!codes.some((c) => c.startsWith('ref.unknown')), codes.join());
		assert.equal(await client.stop(), 0);
	});

	test('without workspace/configuration the initializationOptions apply', async () => {
		const client = await LspClient.start({ debounceMs: 0, diagnostics: { severity: { 'region.unused': 'hint' } } });
		const published = await client.open('file:///virtual/init.memmap', unusedText);
		const unused = published.diagnostics.find((d) => d.code === 'region.unused');
		assert.equal(unused?.severity, DiagnosticSeverity.Hint);
		assert.equal(await client.stop(), 0);
	});

	test('an open is checked at once, not after the debounce delay', async () => {
		const client = await LspClient.start({ debounceMs: 8000 });
		const opened = Date.now();
		await client.open('file:///virtual/open-now.memmap', unusedText);
		assert.ok(Date.now() - opened < 6000, `took ${Date.now() - opened} ms`);
		assert.equal(await client.stop(), 0);
	});

	test('edits are debounced: a burst yields one re-analysis of the last text', async () => {
		const client = await LspClient.start({ debounceMs: 150 });
		const uri = 'file:///virtual/debounce.memmap';
		await client.open(uri, unusedText);
		const next = client.nextDiagnostics(uri);
		for (let i = 0; i < 5; i++) {
			await client.change(uri, [{ range: { start: { line: 4, character: 0 }, end: { line: 4, character: 0 } }, text: '// x\n' }]);
		}
		const published = await next;
		assert.equal(published.version, 6);
		assert.equal(await client.stop(), 0);
	});
});
