import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
	CallHierarchyIncomingCallsRequest,
	CallHierarchyOutgoingCallsRequest,
	CallHierarchyPrepareRequest,
	TypeHierarchyPrepareRequest,
	TypeHierarchySubtypesRequest,
	TypeHierarchySupertypesRequest,
	type CallHierarchyItem,
	type Position,
	type Range,
	type TypeHierarchyItem,
} from 'vscode-languageserver-protocol';
import { boardFixtures, positionOf } from './fixtures';
import { LspClient } from './lspClient';

suite('protocol: type hierarchy (containment) and call hierarchy (aliases)', () => {
	let client: LspClient;
	const { board, includer, included, at } = boardFixtures();

	suiteSetup(async () => {
		client = await LspClient.start();
		await client.open(board.uri, board.text);
		await client.open(includer.uri, includer.text);
	});
	suiteTeardown(async () => {
		assert.equal(await client.stop(), 0);
	});

	async function prepareType(position: Position, uri = board.uri): Promise<TypeHierarchyItem[] | null> {
		return client.connection.sendRequest(TypeHierarchyPrepareRequest.type, { textDocument: { uri }, position });
	}
	async function prepareCall(position: Position, uri = board.uri): Promise<CallHierarchyItem[] | null> {
		return client.connection.sendRequest(CallHierarchyPrepareRequest.type, { textDocument: { uri }, position });
	}
	async function supertypes(item: TypeHierarchyItem): Promise<TypeHierarchyItem[]> {
		return (await client.connection.sendRequest(TypeHierarchySupertypesRequest.type, { item })) ?? [];
	}
	async function subtypes(item: TypeHierarchyItem): Promise<TypeHierarchyItem[]> {
		return (await client.connection.sendRequest(TypeHierarchySubtypesRequest.type, { item })) ?? [];
	}
	/** The one item the cursor names. */
	function only<T>(items: T[] | null): T {
		assert.equal(items?.length, 1, 'one item');
		return items[0] as T;
	}
	const lineOf = (range: Range | undefined): number | undefined => range?.start.line;
	/** Runs `body` with `text` open as `uri`, closing it whatever happens. */
	async function withOpen(uri: string, text: string, body: () => Promise<void>): Promise<void> {
		await client.open(uri, text);
		try {
			await body();
		} finally {
			await client.close(uri);
		}
	}

	test('prepare on a reference gives the region as declared, with what it is and where it sits', async () => {
		const bios = only(await prepareType(at('map pc.bios', 5)));
		assert.equal(bios.name, 'pc.bios');
		assert.equal(bios.uri, board.uri);
		assert.equal(lineOf(bios.selectionRange), positionOf(board.text, 'rom pc.bios').line);
		assert.equal(bios.detail, 'rom · 256 KiB · at 0xfffc_0000 in pci');
		assert.equal(await prepareType(at('size 16E', 1)), null, 'a keyword names no region');
	});

	test('supertypes walk up the containers to the root, through a map', async () => {
		const chain: string[] = [];
		let item: TypeHierarchyItem | undefined = only(await prepareType(at('map pc.bios', 5)));
		for (let guard = 0; item !== undefined && guard < 10; guard++) {
			chain.push(`${item.name} (${item.detail})`);
			const up: TypeHierarchyItem[] = await supertypes(item);
			assert.ok(up.length <= 1);
			item = up[0];
		}
		assert.deepEqual(chain, [
			'pc.bios (rom · 256 KiB · at 0xfffc_0000 in pci)',
			'pci (container · 16 EiB · at 0x0 in system)',
			'system (container · 16 EiB)',
		]);
	});

	test('subtypes are the subregions in address order, equal addresses in QEMU order', async () => {
		const system = only(await prepareType(at('container system', 11)));
		const children = await subtypes(system);
		// QEMU's list order is apic-msi (priority 4096) first and pci (-1) last.
		assert.deepEqual(children.map((c) => c.name), ['ram-below-4g', 'pci', 'soc', 'ioapic', 'apic-msi']);
		const pci = children[1] as TypeHierarchyItem;
		assert.deepEqual((await subtypes(pci)).map((c) => c.name), ['pc.rom', 'isa-bios', 'pc.bios']);
		const uart = await subtypes(children[2] as TypeHierarchyItem);
		assert.deepEqual(uart.map((c) => `${c.name} ${c.detail}`), ['uart0 io · 4 KiB · at 0x1000 in soc']);
		assert.deepEqual(await subtypes(uart[0] as TypeHierarchyItem), []);
	});

	test('across an include: a region declared in the included file, placed by the includer', async () => {
		const dev = only(await prepareType(positionOf(includer.text, 'map dev', 5), includer.uri));
		assert.equal(dev.uri, included.uri, 'the item is the declaration, in the included file');
		assert.equal(dev.detail, 'io · 4 KiB · at 0x1000 in top');
		const up = await supertypes(dev);
		assert.deepEqual(up.map((u) => [u.name, u.uri]), [['top', includer.uri]]);
	});

	test('incoming calls of a region are the aliases onto it, with the range of their of', async () => {
		const bios = only(await prepareCall(at('rom pc.bios', 5)));
		const calls = await client.connection.sendRequest(CallHierarchyIncomingCallsRequest.type, { item: bios });
		assert.deepEqual(
			calls?.map((c) => [c.from.name, c.from.detail]),
			[['isa-bios', 'alias · 128 KiB · at 0xe_0000 in pci · of pc.bios at 0x2_0000']],
		);
		const range = calls?.[0]?.fromRanges[0];
		assert.deepEqual(range?.start, positionOf(board.text, 'of pc.bios'));
		const ram = only(await prepareCall(at('ram pc.ram', 5)));
		const ramCalls = await client.connection.sendRequest(CallHierarchyIncomingCallsRequest.type, { item: ram });
		assert.deepEqual(ramCalls?.map((c) => c.from.name), ['ram-below-4g']);
		const uart = only(await prepareCall(at('uart0', 1)));
		assert.deepEqual(await client.connection.sendRequest(CallHierarchyIncomingCallsRequest.type, { item: uart }), []);
	});

	test('the outgoing call of an alias is its target; other regions have none', async () => {
		const alias = only(await prepareCall(at('isa-bios', 1)));
		const calls = await client.connection.sendRequest(CallHierarchyOutgoingCallsRequest.type, { item: alias });
		assert.deepEqual(calls?.map((c) => [c.to.name, lineOf(c.to.selectionRange)]), [['pc.bios', positionOf(board.text, 'rom pc.bios').line]]);
		assert.deepEqual(calls?.[0]?.fromRanges.map((r) => r.start), [positionOf(board.text, 'of pc.bios')]);
		const rom = only(await prepareCall(at('pc.rom', 1)));
		assert.deepEqual(await client.connection.sendRequest(CallHierarchyOutgoingCallsRequest.type, { item: rom }), []);
	});

	test('aliases of aliases expand level by level', async () => {
		const uri = 'file:///virtual/chain.memmap';
		const text = [
			'space m = sys',
			'container sys size 4G {',
			'\talias low at 0 size 1M of ram',
			'\talias pam at 0x10_0000 size 64K of low offset 0xc0000',
			'\talias pam2 at 0x20_0000 size 64K of low offset 0xd0000',
			'}',
			'ram ram size 1G',
			'',
		].join('\n');
		await withOpen(uri, text, async () => {
			const incoming = async (item: CallHierarchyItem): Promise<string[]> =>
				((await client.connection.sendRequest(CallHierarchyIncomingCallsRequest.type, { item })) ?? []).map((c) => c.from.name);
			const ram = only(await prepareCall(positionOf(text, 'ram ram', 5), uri));
			assert.deepEqual(await incoming(ram), ['low']);
			const low = only(await prepareCall(positionOf(text, 'low at', 1), uri));
			assert.deepEqual(await incoming(low), ['pam', 'pam2']);
		});
	});

	test('a disabled alias says so; an alias whose target is unknown has no outgoing call', async () => {
		const uri = 'file:///virtual/odd.memmap';
		const text = 'space m = sys\ncontainer sys size 4G {\n\talias off at 0 size 4K of ram disabled\n\talias lost at 0x1000 size 4K of nowhere\n}\nram ram size 1M\n';
		await withOpen(uri, text, async () => {
			const off = only(await prepareCall(positionOf(text, 'off at', 1), uri));
			assert.equal(off.detail, 'alias · 4 KiB · disabled · at 0x0 in sys · of ram at 0x0');
			const lost = only(await prepareCall(positionOf(text, 'lost at', 1), uri));
			assert.equal(lost.detail, 'alias · 4 KiB · at 0x1000 in sys · of (unresolved)');
			assert.deepEqual(await client.connection.sendRequest(CallHierarchyOutgoingCallsRequest.type, { item: lost }), []);
		});
	});

	test('an item whose declaration moved, or whose data is not ours, expands to nothing', async () => {
		const uri = 'file:///virtual/stale.memmap';
		const text = 'space m = sys\ncontainer sys size 4G {\n\tram a at 0 size 4K\n}\n';
		await withOpen(uri, text, async () => {
			const a = only(await prepareType(positionOf(text, 'ram a', 4), uri));
			assert.deepEqual((await supertypes(a)).map((s) => s.name), ['sys']);
			await client.replace(uri, '// moved\n' + text);
			assert.deepEqual(await supertypes(a), [], 'the old offset holds no region now');
			await client.replace(uri, text.replace('ram a', 'ram b'));
			assert.deepEqual(await supertypes(a), [], 'another region at the same place is not it');
			for (const data of [undefined, 42, { context: uri }, { context: 'file:///nowhere.memmap', uri, offset: 0, name: 'sys' }]) {
				assert.deepEqual(await supertypes({ ...a, data }), [], JSON.stringify(data));
			}
		});
	});

	test('once the document the view started from is closed, the open file of the item answers', async () => {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'memmap-hierarchy-'));
		try {
			const inc = { uri: pathToFileURL(path.join(dir, 'inc.memmap')).href, text: 'container bus size 64K {\n\tio uart at 0 size 4K\n}\n' };
			const top = { uri: pathToFileURL(path.join(dir, 'top.memmap')).href, text: 'include "inc.memmap"\nspace memory = top\ncontainer top size 4G {\n\tmap bus at 0x1000\n}\n' };
			fs.writeFileSync(new URL(inc.uri), inc.text);
			fs.writeFileSync(new URL(top.uri), top.text);
			await withOpen(inc.uri, inc.text, async () => {
				await client.open(top.uri, top.text);
				const bus = only(await prepareType(positionOf(top.text, 'map bus', 5), top.uri));
				assert.equal(bus.detail, 'container · 64 KiB · at 0x1000 in top');
				assert.deepEqual((await supertypes(bus)).map((s) => s.name), ['top']);
				await client.close(top.uri);
				assert.deepEqual((await subtypes(bus)).map((s) => s.name), ['uart'], 'the included file, open, still knows its subregions');
				assert.deepEqual(await supertypes(bus), [], 'on its own the file places bus nowhere');
			});
			assert.deepEqual(await subtypes({ name: 'bus', kind: 5, uri: inc.uri, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, selectionRange: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, data: { context: top.uri, uri: inc.uri, offset: 0, name: 'bus' } }), [], 'both closed: nothing');
		} finally {
			fs.rmSync(dir, { recursive: true, force: true });
		}
	});
});
