import * as assert from 'node:assert/strict';
import { RequestType } from 'vscode-languageserver-protocol';
import {
	flatViewMethod,
	ownerMethod,
	type FlatViewParams,
	type FlatViewResult,
	type OwnerParams,
	type OwnerResult,
} from '../../core/src/protocol';
import { fixture } from './fixtures';
import { LspClient } from './lspClient';

const flatView = new RequestType<FlatViewParams, FlatViewResult, void>(flatViewMethod);
const owner = new RequestType<OwnerParams, OwnerResult, void>(ownerMethod);

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
		const bad = await client.connection.sendRequest(owner, { uri: board.uri, address: 'zz' });
		assert.match(bad.error ?? '', /not an address/);
		const space = await client.connection.sendRequest(owner, { uri: board.uri, address: '0', space: 'io' });
		assert.match(space.error ?? '', /no space 'io'/);
	});
});
