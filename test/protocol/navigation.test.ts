import * as assert from 'node:assert/strict';
import {
	DefinitionRequest,
	DocumentHighlightKind,
	DocumentHighlightRequest,
	DocumentLinkRequest,
	DocumentSymbolRequest,
	FoldingRangeRequest,
	HoverRequest,
	PrepareRenameRequest,
	ReferencesRequest,
	RenameRequest,
	SelectionRangeRequest,
	WorkspaceSymbolRequest,
	type DocumentSymbol,
	type Location,
	type Position,
	type SelectionRange,
	type WorkspaceEdit,
} from 'vscode-languageserver-protocol';
import { boardFixtures, flatCapture, hoverText, positionOf, withCapture } from './fixtures';
import { LspClient } from './lspClient';

suite('protocol: hover and navigation', () => {
	let client: LspClient;
	const { board, includer, included, at } = boardFixtures();
	const td = { uri: board.uri };

	suiteSetup(async () => {
		client = await LspClient.start();
		await client.open(board.uri, board.text);
		await client.open(includer.uri, includer.text);
	});
	suiteTeardown(async () => {
		assert.equal(await client.stop(), 0);
	});

	async function hover(position: Position): Promise<string> {
		const result = await client.connection.sendRequest(HoverRequest.type, { textDocument: td, position });
		return result ? hoverText(result.contents) : '';
	}

	test('hover on an offset after at: the absolute address and its owner', async () => {
		const text = await hover(at('0x1000'));
		assert.match(text, /absolute \*\*0x4000_1000\*\*/);
		assert.match(text, /owned by 'uart0'/);
	});

	test('hover on an offset whose region is hidden says by whom', async () => {
		const uri = 'file:///virtual/hidden.memmap';
		const text = 'space m = s\ncontainer s size 64K {\n\tram low at 0 size 8K priority 1\n\trom high at 0x1000 size 4K\n}\n';
		await client.open(uri, text);
		const result = await client.connection.sendRequest(HoverRequest.type, {
			textDocument: { uri },
			position: positionOf(text, '0x1000', 2),
		});
		const name = await client.connection.sendRequest(HoverRequest.type, {
			textDocument: { uri },
			position: positionOf(text, 'rom high', 5),
		});
		await client.close(uri);
		const value = result ? hoverText(result.contents) : '';
		assert.match(value, /`high` does not answer here: `s\/low` hides it/);
		assert.match(value, /owned by 'low'/);
		assert.match(name ? hoverText(name.contents) : '', /4 KiB shadowed, by `s\/low` \(4 KiB\)/);
	});

	test('hover on an address also shows what QEMU renders there, from the capture beside the board', async () => {
		await withCapture(flatCapture('0000000000001000-00000000000010ff (prio 0, i/o): uart'), async (uri) => {
			const text = 'space memory = system\ncontainer system size 16E {\n\tio uart at 0x1000 size 0x80 // regs at 0x1090\n}\n';
			await client.open(uri, text);
			const hoverAt = async (needle: string, delta: number): Promise<string> => {
				const result = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: positionOf(text, needle, delta) });
				return result ? hoverText(result.contents) : '';
			};
			assert.match(await hoverAt('0x1000', 2), /QEMU \(soc\.flat\.txt, line 4\): 'uart' \(prio 0, i\/o\)/);
			const beyond = await hoverAt('0x1090', 2);
			assert.match(beyond, /is a hole/);
			assert.match(beyond, /QEMU \(soc\.flat\.txt, line 4\): 'uart' \(prio 0, i\/o, offset 0x90\)/);
			await client.close(uri);
		});
	});

	test('hover on a hex literal in a comment: the owner in each space', async () => {
		const text = await hover(at('0xfee00000'));
		assert.match(text, /In space `memory`/);
		assert.match(text, /'apic-msi'/);
	});

	test('hover on a region name: kind, size, visibility, shadowing, docs', async () => {
		const text = await hover(at('ram pc.ram', 5));
		assert.match(text, /\*\*ram\*\* `pc.ram`: 128 MiB/);
		assert.match(text, /`memory`: \[0x0, 0xa_0000\)/);
		assert.match(text, /640 KiB of 128 MiB visible/);
		assert.match(text, /Main memory\./);
	});

	test('hover on a reference and on access constraints', async () => {
		assert.match(await hover(at('map pc.bios', 5)), /\*\*rom\*\* `pc.bios`: 256 KiB/);
		assert.match(await hover(at('io ioapic', 4)), /Access: valid 4\.\.4, impl 4\.\.4, endian little/);
	});

	test('hover on a size and on an alias offset', async () => {
		assert.match(await hover(at('size 128K', 6)), /= 128 KiB, 0x2_0000 bytes \(ends at offset 0xe_0000/);
		const window = await hover(at('offset 0x20000', 8));
		assert.match(window, /starts at offset 0x2_0000 of `pc.bios`/);
		assert.match(window, /the target's byte is at \*\*0xfffe_0000\*\*/);
	});

	test('hover on a keyword says nothing', async () => {
		assert.equal(await hover(at('container system', 2)), '');
	});

	test('definition of a reference and of an include path', async () => {
		const def = (await client.connection.sendRequest(DefinitionRequest.type, {
			textDocument: td,
			position: at('of pc.ram', 4),
		})) as Location;
		assert.equal(def.uri, board.uri);
		assert.deepEqual(def.range.start, positionOf(board.text, 'ram pc.ram', 4));
		const include = (await client.connection.sendRequest(DefinitionRequest.type, {
			textDocument: { uri: includer.uri },
			position: positionOf(includer.text, 'included', 2),
		})) as Location;
		assert.equal(include.uri, included.uri);
	});

	test('references of a region, with and without its declaration', async () => {
		const refs = async (includeDeclaration: boolean): Promise<Location[]> =>
			(await client.connection.sendRequest(ReferencesRequest.type, {
				textDocument: td,
				position: at('rom pc.bios', 5),
				context: { includeDeclaration },
			})) ?? [];
		assert.equal((await refs(true)).length, 3);
		assert.equal((await refs(false)).length, 2);
	});

	test('references across an include', async () => {
		const refs = await client.connection.sendRequest(ReferencesRequest.type, {
			textDocument: { uri: includer.uri },
			position: positionOf(includer.text, 'map dev', 5),
			context: { includeDeclaration: true },
		});
		assert.deepEqual(refs?.map((r) => r.uri).sort(), [included.uri, includer.uri].sort());
	});

	test('document highlight: the region under the cursor, declaration and references, not its namesakes', async () => {
		const uri = 'file:///virtual/highlight.memmap';
		const text = [
			'space m = top',
			'container top size 64K {',
			'\tcontainer a at 0 size 4K { ram mem at 0 size 1K }',
			'\tcontainer b at 0x1000 size 4K { ram mem at 0 size 1K }',
			'\talias w1 at 0x2000 size 1K of a/mem',
			'\talias w2 at 0x3000 size 1K of a/mem',
			'\talias w3 at 0x4000 size 1K of b/mem',
			'}',
			'',
		].join('\n');
		await client.open(uri, text);
		const highlight = async (needle: string, delta: number, nth = 0) =>
			client.connection.sendRequest(DocumentHighlightRequest.type, {
				textDocument: { uri },
				position: positionOf(text, needle, delta, nth),
			});
		const shown = (found: Awaited<ReturnType<typeof highlight>>) =>
			(found ?? []).map((h) => `${h.range.start.line}:${h.range.start.character}-${h.range.end.character} ${h.kind === DocumentHighlightKind.Write ? 'write' : 'read'}`);
		// On the first `mem`'s declaration: it and the two paths that end in it, not b's `mem`.
		const expected = ['2:32-35 write', '4:33-36 read', '5:33-36 read'];
		assert.deepEqual(shown(await highlight('ram mem', 5)), expected);
		// The same from one of its references.
		assert.deepEqual(shown(await highlight('a/mem', 3, 1)), expected);
		// A path's first segment is its own region.
		assert.deepEqual(shown(await highlight('of b/mem', 3)), ['3:11-12 write', '6:31-32 read']);
		// A region declared in an included file: only this document's reference, no write.
		const across = await client.connection.sendRequest(DocumentHighlightRequest.type, {
			textDocument: { uri: includer.uri },
			position: positionOf(includer.text, 'map dev', 5),
		});
		assert.deepEqual(shown(across), ['3:5-8 read']);
		// And from the included file: its declaration, not the includer's reference.
		await client.open(included.uri, included.text);
		const declared = await client.connection.sendRequest(DocumentHighlightRequest.type, {
			textDocument: { uri: included.uri },
			position: positionOf(included.text, 'io dev', 4),
		});
		await client.close(included.uri);
		assert.deepEqual(shown(declared), ['0:3-6 write']);
		// Off any name: null, so the editor may use its own word highlighting.
		assert.equal(await highlight('size 64K', 6), null);
		await client.close(uri);
	});

	test('prepareRename and rename (quoting, rejection)', async () => {
		const position = at('of pc.bios', 4);
		const prepared = await client.connection.sendRequest(PrepareRenameRequest.type, { textDocument: td, position });
		assert.deepEqual(prepared, {
			range: { start: at('of pc.bios', 3), end: at('of pc.bios', 10) },
			placeholder: 'pc.bios',
		});
		const rename = async (newName: string): Promise<WorkspaceEdit | null> =>
			client.connection.sendRequest(RenameRequest.type, { textDocument: td, position, newName });
		const edits = (await rename('bios'))?.changes?.[board.uri] ?? [];
		assert.equal(edits.length, 3);
		assert.ok(edits.every((e) => e.newText === 'bios'));
		const quoted = (await rename('my bios'))?.changes?.[board.uri] ?? [];
		assert.ok(quoted.every((e) => e.newText === '"my bios"'));
		await assert.rejects(rename(''), /not a valid region name/);
		const nothing = await client.connection.sendRequest(PrepareRenameRequest.type, {
			textDocument: td,
			position: at('size 16E', 1),
		});
		assert.equal(nothing, null);
	});

	test('rename across an include edits both files', async () => {
		const edit = await client.connection.sendRequest(RenameRequest.type, {
			textDocument: { uri: includer.uri },
			position: positionOf(includer.text, 'map dev', 5),
			newName: 'uart',
		});
		assert.deepEqual(Object.keys(edit?.changes ?? {}).sort(), [included.uri, includer.uri].sort());
	});

	test('document symbols: the region hierarchy with absolute ranges', async () => {
		const symbols = (await client.connection.sendRequest(DocumentSymbolRequest.type, {
			textDocument: td,
		})) as DocumentSymbol[];
		assert.deepEqual(symbols.map((s) => s.name), ['memory', 'system', 'pc.ram', 'pc.bios']);
		const system = symbols[1];
		assert.deepEqual(system?.children?.map((s) => s.name), ['ram-below-4g', 'pci', 'ioapic', 'apic-msi', 'soc']);
		const uart = system?.children?.[4]?.children?.[0];
		assert.equal(uart?.name, 'uart0');
		assert.match(uart?.detail ?? '', /io · 4 KiB · memory \[0x4000_1000, 0x4000_2000\)/);
	});

	test('workspace symbols over open documents and their includes', async () => {
		const found = await client.connection.sendRequest(WorkspaceSymbolRequest.type, { query: 'uart' });
		assert.deepEqual(found?.map((s) => s.name), ['uart0']);
		const dev = await client.connection.sendRequest(WorkspaceSymbolRequest.type, { query: 'dev' });
		assert.ok(dev?.some((s) => s.name === 'dev' && 'location' in s && s.location.uri === included.uri));
	});

	test('document links for includes', async () => {
		const links = await client.connection.sendRequest(DocumentLinkRequest.type, { textDocument: { uri: includer.uri } });
		assert.equal(links?.length, 1);
		assert.equal(links?.[0]?.target, included.uri);
	});

	test('folding ranges for blocks and comment runs', async () => {
		const text = '// one\n// two\ncontainer s size 4K {\n\tram r at 0 size 1K\n\tram q at 1K size 1K\n}\n';
		const uri = 'file:///virtual/folding.memmap';
		await client.open(uri, text);
		const ranges = await client.connection.sendRequest(FoldingRangeRequest.type, { textDocument: { uri } });
		assert.deepEqual(
			ranges?.map((r) => [r.startLine, r.endLine, r.kind ?? '']),
			[
				[0, 1, 'comment'],
				[2, 4, ''],
			],
		);
		await client.close(uri);
	});

	test('selection ranges grow from a name to the file', async () => {
		const [range] =
			(await client.connection.sendRequest(SelectionRangeRequest.type, {
				textDocument: td,
				positions: [at('uart0', 2)],
			})) ?? [];
		const chain: string[] = [];
		for (let r: SelectionRange | undefined = range; r; r = r.parent) {
			chain.push(`${r.range.start.line}:${r.range.start.character}-${r.range.end.line}:${r.range.end.character}`);
		}
		assert.equal(chain[0], '14:5-14:10');
		assert.equal(chain[chain.length - 1]?.startsWith('0:0-'), true);
		assert.ok(chain.length >= 5, chain.join(' '));
	});
});
