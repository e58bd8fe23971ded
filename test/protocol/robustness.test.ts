import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { exerciseAll, manyRegions, random, spreadPositions, statsRequest } from './exercise';
import { LspClient } from './lspClient';

function randomText(length: number, seed: number): string {
	const next = random(seed);
	let text = '';
	for (let i = 0; i < length; i++) {
		text += String.fromCharCode(Math.floor(next() * 0x10000));
	}
	return text;
}

suite('protocol: robustness', () => {
	let client: LspClient;
	let dir: string;

	suiteSetup(async () => {
		client = await LspClient.start();
		dir = fs.mkdtempSync(path.join(os.tmpdir(), 'memmap-server-'));
	});
	suiteTeardown(async () => {
		fs.rmSync(dir, { recursive: true, force: true });
		assert.equal(await client.stop(), 0);
	});

	async function survives(name: string, text: string, positions = 20): Promise<void> {
		const uri = name.startsWith('file:') ? name : `file:///virtual/${name}.memmap`;
		const seen = client.notifications.length;
		await client.open(uri, text);
		await exerciseAll(client, uri, spreadPositions(text, positions));
		await client.close(uri);
		assert.equal(client.process.exitCode, null);
		// A handler's exception is answered with a fallback and logged: none may happen.
		const logged = client.notifications.slice(seen).filter((n) => n.method === 'window/logMessage' && (n.params as { type: number }).type === 1);
		assert.deepEqual(logged.map((n) => (n.params as { message: string }).message), []);
		const stats = await client.connection.sendRequest(statsRequest);
		assert.ok(stats.heapUsed > 0);
	}

	test('random UTF-16 text, including lone surrogates and NULs', async () => {
		for (let seed = 1; seed <= 5; seed++) {
			await survives(`random-${seed}`, randomText(2000, seed));
		}
	});

	test('random memmap-like token soup', async () => {
		const words = ['ram', 'rom', 'io', 'alias', 'container', 'map', 'space', 'include', 'at', 'size', 'of', 'offset',
			'{', '}', ';', '=', '"', '/', '//', '/*', '0x', '16E', '4K', 'a', 'b', 'priority', '-1', 'valid', '..', '\n', '#2'];
		for (let seed = 1; seed <= 5; seed++) {
			const next = random(seed);
			const text = Array.from({ length: 600 }, () => words[Math.floor(next() * words.length)]).join(' ');
			await survives(`soup-${seed}`, text);
		}
	});

	test('a 1 MB line', async () => {
		await survives('long-line', `ram ${'a'.repeat(1 << 20)} size 4K\n// ${'0x1'.repeat(1 << 18)}\n`, 5);
	});

	test('a half-typed region, at every offset of it', async () => {
		const text = 'space m = s\ncontainer s size 64K {\n\tram r at 0x10 si';
		for (let end = 0; end <= text.length; end += 3) {
			await survives(`half-${end}`, text.slice(0, end), 3);
		}
	});

	test('20,000 nested containers', async () => {
		const depth = 20_000;
		const text = 'space m = a\n' + 'container a size 16E {\n'.repeat(depth) + '}\n'.repeat(depth);
		const middle = { line: depth / 2, character: 12 };
		await survives('deep', text, 3);
		const uri = 'file:///virtual/deep-selection.memmap';
		await client.open(uri, text);
		await exerciseAll(client, uri, [middle]);
		await client.close(uri);
	});

	test('a file that includes itself', async () => {
		const file = path.join(dir, 'self.memmap');
		fs.writeFileSync(file, 'include "self.memmap"\nram r size 4K\n');
		const uri = pathToFileURL(file).href;
		const published = await client.open(uri, fs.readFileSync(file, 'utf8'));
		assert.ok(published.diagnostics.some((d) => d.code === 'include.cycle'));
		await exerciseAll(client, uri, spreadPositions('include "self.memmap"\nram r size 4K\n', 5));
		await client.close(uri);
	});

	test('an include of a binary file', async () => {
		const binary = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 131 + 7) % 256));
		fs.writeFileSync(path.join(dir, 'blob.bin'), binary);
		const file = path.join(dir, 'binary.memmap');
		const text = 'include "blob.bin"\nram r size 4K\n';
		fs.writeFileSync(file, text);
		const uri = pathToFileURL(file).href;
		const blob = pathToFileURL(path.join(dir, 'blob.bin')).href;
		const onBlob = client.nextDiagnostics(blob);
		await client.open(uri, text);
		assert.ok((await onBlob).diagnostics.length <= 1000);
		await exerciseAll(client, uri, spreadPositions(text, 5));
		await client.close(uri);
	});

	test('a file of 100k regions', async function () {
		this.timeout(120_000);
		const text = manyRegions(100_000);
		const published = await client.open('file:///virtual/huge.memmap', text);
		assert.deepEqual(published.diagnostics, []);
		await exerciseAll(client, 'file:///virtual/huge.memmap', spreadPositions(text, 4));
		await client.close('file:///virtual/huge.memmap');
	});
});
