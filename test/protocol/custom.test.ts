import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { RequestType } from 'vscode-languageserver-protocol';
import {
	exportMethod,
	flatViewMethod,
	ownerMethod,
	type ExportParams,
	type ExportResult,
	type FlatViewParams,
	type FlatViewResult,
	type OwnerParams,
	type OwnerResult,
} from '../../core/src/protocol';
import { fixture } from './fixtures';
import { LspClient, repoRoot } from './lspClient';

const flatView = new RequestType<FlatViewParams, FlatViewResult, void>(flatViewMethod);
const owner = new RequestType<OwnerParams, OwnerResult, void>(ownerMethod);
const exportRequest = new RequestType<ExportParams, ExportResult, void>(exportMethod);

/** `memmap export ...` run by the CLI in `cwd`: what CI would write. */
function cliExport(cwd: string, args: readonly string[]): string {
	const result = spawnSync(process.execPath, [path.join(repoRoot, 'bin', 'memmap.js'), 'export', ...args], { cwd, encoding: 'utf8' });
	assert.equal(result.status, 0, result.stderr);
	return result.stdout;
}

suite('protocol: memmap/flatView and memmap/owner', () => {
	let client: LspClient;
	const board = fixture('board.memmap');

	suiteSetup(async () => {
		client = await LspClient.start();
		await client.open(board.uri, board.text);
	});
	suiteTeardown(async () => {
		assert.equal(await client.stop(), 0);
	});

	test('flatView: each space tiles [0, 2^64) with holes, with source locations', async () => {
		const result = await client.connection.sendRequest(flatView, { uri: board.uri });
		assert.equal(result.version, 1);
		assert.deepEqual(result.spaces.map((s) => s.name), ['memory']);
		const ranges = result.spaces[0]?.ranges ?? [];
		assert.equal(ranges[0]?.start, '0x0');
		assert.equal(ranges[ranges.length - 1]?.end, '0x10000000000000000');
		for (let i = 1; i < ranges.length; i++) {
			assert.equal(ranges[i]?.start, ranges[i - 1]?.end);
		}
		const uart = ranges.find((r) => r.region === 'uart0');
		assert.deepEqual(
			{ start: uart?.start, end: uart?.end, kind: uart?.kind, path: uart?.path },
			{ start: '0x40001000', end: '0x40002000', kind: 'io', path: 'system/soc/uart0' },
		);
		assert.equal(uart?.location?.uri, board.uri);
		assert.equal(uart?.location?.range.start.line, 14);
		assert.ok(ranges.some((r) => r.kind === 'hole' && r.region === '' && r.location === undefined));
		const bios = ranges.find((r) => r.region === 'pc.bios' && r.aliases.length > 0);
		assert.equal(bios?.aliases[0]?.alias, 'isa-bios');
	});

	test('flatView of a document that is not open is empty', async () => {
		const result = await client.connection.sendRequest(flatView, { uri: 'file:///nowhere.memmap' });
		assert.deepEqual(result.spaces, []);
	});

	test('owner: the answer per space with its explanation', async () => {
		const result = await client.connection.sendRequest(owner, { uri: board.uri, address: '0x4000_1010' });
		assert.equal(result.error, undefined);
		const answer = result.answers[0];
		assert.equal(answer?.space, 'memory');
		assert.equal(answer?.address, '0x40001010');
		assert.equal(answer?.range?.region, 'uart0');
		assert.ok(answer?.explanation.some((l) => l.includes('uart0')));
	});

	test('owner: a hole, a bad address, an unknown space', async () => {
		const hole = await client.connection.sendRequest(owner, { uri: board.uri, address: '0x5000_0000' });
		assert.equal(hole.answers[0]?.range, null);
		const span = hole.answers[0]?.hole;
		assert.deepEqual(
			[span?.start, span?.end, span?.before?.path, span?.before?.end, span?.after?.path, span?.after?.start],
			['0x40002000', '0xfec00000', 'system/soc/uart0', '0x40002000', 'system/ioapic', '0xfec00000'],
		);
		assert.equal(span?.after?.location?.range.start.line, 11);
		const owned = await client.connection.sendRequest(owner, { uri: board.uri, address: '0x4000_1000' });
		assert.equal(owned.answers[0]?.hole, null);
		const first = await client.connection.sendRequest(owner, { uri: board.uri, address: '0xfffffffffffffff0' });
		assert.deepEqual([first.answers[0]?.hole?.start, first.answers[0]?.hole?.end, first.answers[0]?.hole?.after], ['0x100000000', '0x10000000000000000', null]);
		const bad = await client.connection.sendRequest(owner, { uri: board.uri, address: 'zz' });
		assert.match(bad.error ?? '', /not an address/);
		const space = await client.connection.sendRequest(owner, { uri: board.uri, address: '0', space: 'io' });
		assert.match(space.error ?? '', /no space 'io'/);
	});
});

suite('protocol: memmap/export', () => {
	let client: LspClient;
	const board = fixture('board.memmap');
	const fixtureDir = path.join(repoRoot, 'test', 'fixtures', 'server');

	suiteSetup(async () => {
		client = await LspClient.start();
		await client.open(board.uri, board.text);
	});
	suiteTeardown(async () => {
		assert.equal(await client.stop(), 0);
	});

	const request = (params: Omit<ExportParams, 'uri'> & { uri?: string }): Promise<ExportResult> =>
		client.connection.sendRequest(exportRequest, { uri: board.uri, ...params });

	test('c, ld, md and qemu: the very text the CLI writes for the same board', async () => {
		const header = await request({ format: 'c' });
		assert.equal(header.error, undefined);
		assert.equal(header.space, 'memory');
		assert.equal(header.text, cliExport(fixtureDir, ['board.memmap']));
		assert.match(header.text ?? '', /^#define UART0_BASE +0x40001000$/m);
		const memory = await request({ format: 'ld', space: 'memory', prefix: 'PC_', file: 'boards/board.memmap' });
		assert.equal(memory.text, cliExport(repoRoot, ['test/fixtures/server/board.memmap', '--format', 'ld', '--space', 'memory', '--prefix', 'PC_']).replace('test/fixtures/server/board.memmap', 'boards/board.memmap'));
		assert.match(memory.text ?? '', /^ {2}PC_PC_ROM +\(rx\) +: ORIGIN = 0xc0000, LENGTH = 0x20000$/m);
		const map = await request({ format: 'md' });
		assert.equal(map.text, cliExport(fixtureDir, ['board.memmap', '--format', 'md']));
		assert.match(map.text ?? '', /^\| `0x0000_0000_4000_1000` \| `0x0000_0000_4000_1fff` \| 4 KiB \| `uart0` \| io \|/m);
		const qemu = await request({ format: 'qemu' });
		assert.equal(qemu.text, cliExport(fixtureDir, ['board.memmap', '--format', 'qemu']));
		assert.match(qemu.text ?? '', /^ {4}memory_region_add_subregion\(&r->soc, 0x1000, &r->uart0\);$/m);
	});

	test('exports the editor\'s text, unsaved edits included', async () => {
		const scratch = 'file:///memmap-export-scratch/edited.memmap';
		await client.open(scratch, board.text);
		await client.replace(scratch, board.text.replace('io uart0 at 0x1000', 'io uart0 at 0x2000'));
		const header = await client.connection.sendRequest(exportRequest, { uri: scratch, format: 'c' });
		assert.match(header.text ?? '', /^#define UART0_BASE +0x40002000$/m);
		assert.match(header.text ?? '', /Generated by memmap from edited\.memmap/);
		await client.close(scratch);
	});

	test('from a file that an open board includes: that board, named by its own file', async () => {
		const includer = fixture('includer.memmap');
		const included = fixture('included.memmap');
		await client.open(includer.uri, includer.text);
		await client.open(included.uri, included.text);
		const header = await client.connection.sendRequest(exportRequest, { uri: included.uri, format: 'c', file: 'boards/included.memmap' });
		assert.match(header.text ?? '', /^#define DEV_BASE +0x1000$/m);
		assert.match(header.text ?? '', /Generated by memmap from includer\.memmap/);
		assert.match(header.text ?? '', /memmap export includer\.memmap --format c\n/);
		await client.close(included.uri);
		await client.close(includer.uri);
	});

	test('refusals: a board with errors, an unknown space, a bad prefix or format, a closed file', async () => {
		const broken = 'file:///memmap-export-scratch/broken.memmap';
		await client.open(broken, `${board.text}\nalias stray at 0 size 4K of nowhere\nram twice size 3 { valid 3..3 }\n`);
		const refused = await client.connection.sendRequest(exportRequest, { uri: broken, format: 'c' });
		assert.deepEqual(refused, { error: 'The board has 3 errors; fix them first (see the Problems view). Nothing was exported.' });
		await client.close(broken);
		assert.deepEqual(await request({ format: 'c', space: 'io' }), { error: "unknown space 'io' (spaces: memory)" });
		assert.match((await request({ format: 'c', prefix: '9x' })).error ?? '', /--prefix '9x' is not an identifier/);
		assert.match((await request({ format: 'rust' as 'c' })).error ?? '', /unknown export format 'rust'/);
		assert.match((await request({ uri: 'file:///nowhere.memmap', format: 'c' })).error ?? '', /is not open/);
	});
});
