import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
	CodeActionRequest,
	CodeLensRequest,
	CompletionRequest,
	DocumentFormattingRequest,
	DocumentOnTypeFormattingRequest,
	DocumentRangeFormattingRequest,
	DocumentSymbolRequest,
	InlayHintRequest,
	SemanticTokensDeltaRequest,
	SemanticTokensRangeRequest,
	SemanticTokensRequest,
	type CodeAction,
	type CompletionList,
	type DocumentSymbol,
	type Position,
} from 'vscode-languageserver-protocol';
import { fixture, flatCapture, positionOf, withCapture } from './fixtures';
import { LspClient, repoRoot } from './lspClient';

suite('protocol: editing', () => {
	let client: LspClient;
	const board = fixture('board.memmap');

	suiteSetup(async () => {
		client = await LspClient.start();
		await client.open(board.uri, board.text);
	});
	suiteTeardown(async () => {
		assert.equal(await client.stop(), 0);
	});

	async function complete(text: string, marker = '|'): Promise<string[]> {
		const uri = `file:///virtual/complete-${Math.random().toString(36).slice(2)}.memmap`;
		const position = positionOf(text, marker);
		await client.open(uri, text.replace(marker, ''));
		const list = (await client.connection.sendRequest(CompletionRequest.type, {
			textDocument: { uri },
			position,
		})) as CompletionList;
		await client.close(uri);
		return list.items.map((i) => i.label);
	}

	test('completion: region names after of, map and =', async () => {
		const names = await complete('space m = s\ncontainer s size 4K {\n\talias w at 0 size 1K of |\n}\nram target size 4K\n');
		assert.ok(names.includes('target') && names.includes('s'), names.join());
		assert.ok(!names.includes('size'));
		assert.ok((await complete('space m = |\ncontainer s size 4K\n')).includes('s'));
	});

	test('completion: the children of a path', async () => {
		const text = 'space m = s\ncontainer s size 4K {\n\tcontainer bus at 0 size 1K {\n\t\tram r at 0 size 1K\n\t}\n}\nalias w size 1K of s/bus/|\n';
		assert.deepEqual(await complete(text), ['r']);
	});

	test('completion: include paths next to the file', async () => {
		const uri = fixture('includer.memmap').uri.replace('includer.memmap', 'new.memmap');
		const text = 'include "';
		await client.open(uri, text + '"\n');
		const list = (await client.connection.sendRequest(CompletionRequest.type, {
			textDocument: { uri },
			position: { line: 0, character: text.length },
		})) as CompletionList;
		await client.close(uri);
		const labels = list.items.map((i) => i.label);
		assert.ok(labels.includes('included.memmap') && labels.includes('board.memmap'), labels.join());
		assert.ok(!labels.some((l) => l.endsWith('.bin')));
	});

	test('completion: units after a number', async () => {
		const units = await complete('ram r size 64|\n');
		assert.deepEqual(units.slice(0, 3), ['64K', '64M', '64G']);
		assert.ok(units.includes('64KiB'));
	});

	test('completion: free places after at, aligned to the size, in the enclosing container', async () => {
		const bus = (line: string): string =>
			`space m = soc\ncontainer soc size 64K {\n\tram a at 0 size 4K\n\tio uart at 0x1800 size 0x100\n${line}\n\tio b at 0x4000 size 8K\n}\nio dev size 0x2000\n`;
		// 4 KiB does not fit in [0x1000, 0x1800); the gap after 'uart' is 4 KiB-aligned at 0x2000.
		assert.deepEqual(await complete(bus('\tram new size 4K at |')), ['0x2000', '0x6000']);
		// No size yet: where each gap starts.
		assert.deepEqual(await complete(bus('\tram new at |')), ['0x1000', '0x1900', '0x6000']);
		// A map: the size of the region it places; a number begun filters (in the editor) and gets units.
		assert.deepEqual(await complete(bus('\tmap dev at 0x|')), ['0x2000', '0x6000']);
		assert.deepEqual((await complete(bus('\tmap dev at 6|'))).slice(0, 3), ['0x2000', '0x6000', '6K']);
		// Top level: no container, no places; nor for an `at` that starts no statement.
		assert.deepEqual(await complete('ram r size 4K at |\n'), []);
		assert.deepEqual(await complete('container c size 4K {\n\tat |\n}\n'), []);
	});

	test('completion: the room after size, as far as the next subregion, and the aligned powers of two in it', async () => {
		const bus = (line: string): string =>
			`space m = soc\ncontainer soc size 64K {\n\tram a at 0 size 4K\n\tio uart at 0x1800 size 0x100\n${line}\n\tio b at 0x4000 size 8K\n}\nram big size 1M\n`;
		// 8 KiB to 'b', and 8K is also the largest aligned power of two (given once).
		assert.deepEqual(await complete(bus('\tram new at 0x2000 size |')), ['8K', '4K', '2K']);
		// An unaligned start: the exact room, then the powers of two its alignment allows.
		assert.deepEqual(await complete(bus('\tram new at 0x1900 size |')), ['0x2700', '0x100', '0x80', '0x40']);
		// An alias: the rest of its target from the offset comes first.
		assert.deepEqual(await complete(bus('\talias w at 0x6000 of big offset 0x80000 size |')), ['512K', '40K', '8K', '4K', '2K']);
		// After the last subregion: up to the container's end.
		assert.deepEqual((await complete(bus('\tram new at 0x8000 size |'))).slice(0, 2), ['32K', '16K']);
		// At the top level, no room to measure.
		assert.deepEqual(await complete('ram r size |\n'), []);
	});

	test('completion: properties not yet used on the region', async () => {
		const props = await complete('container s size 4K {\n\tram r at 0 size 1K |\n}\n');
		assert.ok(props.includes('priority') && props.includes('readonly'), props.join());
		assert.ok(!props.includes('size') && !props.includes('at') && !props.includes('of'), props.join());
		const alias = await complete('alias a size 1K |\n');
		assert.ok(alias.includes('of') && alias.includes('offset'));
	});

	test('completion: keywords valid at the cursor, and snippets', async () => {
		const top = await complete('|\n');
		assert.ok(top.includes('include') && top.includes('space') && top.includes('ram'), top.join());
		assert.ok(!top.includes('map'));
		const block = await complete('container s size 4K {\n\t|\n}\n');
		assert.ok(block.includes('map') && block.includes('io') && block.includes('ram region'), block.join());
		assert.ok(!block.includes('include') && !block.includes('valid'));
		const io = await complete('container s size 4K {\n\tio d at 0 size 4K {\n\t\t|\n\t}\n}\n');
		assert.ok(io.includes('valid') && io.includes('endian'), io.join());
		assert.deepEqual(await complete('io d size 4K { endian | }\n'), ['little', 'big', 'native']);
		assert.deepEqual(await complete('// a comment |\n'), []);
	});

	test('inlay hints: absolute ranges after at, the end after size', async () => {
		const hints =
			(await client.connection.sendRequest(InlayHintRequest.type, {
				textDocument: { uri: board.uri },
				range: { start: { line: 0, character: 0 }, end: { line: 30, character: 0 } },
			})) ?? [];
		const labels = hints.map((h) => `${h.position.line}:${String(h.label)}`);
		assert.ok(labels.includes('14:= [0x4000_1000, 0x4000_2000)'), labels.join('\n'));
		assert.ok(labels.includes('19:end 0x800_0000'), labels.join('\n'));
	});

	test('code lenses on each space: its flat view with what it holds, and its four exports', async () => {
		const lenses = (await client.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri: board.uri } })) ?? [];
		assert.deepEqual(
			lenses.map((lens) => [lens.range.start.line, lens.range.start.character, lens.command?.title, lens.command?.command, lens.command?.arguments]),
			[
				[1, 0, 'memory: 7 ranges, 2184 KiB mapped', 'memmap.showFlatView', [board.uri]],
				[1, 0, 'Export C header', 'memmap.export', [{ uri: board.uri, space: 'memory', format: 'c' }]],
				[1, 0, 'Export ld MEMORY', 'memmap.export', [{ uri: board.uri, space: 'memory', format: 'ld' }]],
				[1, 0, 'Export Markdown', 'memmap.export', [{ uri: board.uri, space: 'memory', format: 'md' }]],
				[1, 0, 'Export QEMU code', 'memmap.export', [{ uri: board.uri, space: 'memory', format: 'qemu' }]],
			],
		);
		// A board without `space` lines: each space is a top-level region, its lenses on its line.
		const uri = 'file:///virtual/implicit-spaces.memmap';
		await client.open(uri, '// two boards in one file\nram a size 4K\n\nrom b size 1M\n');
		const implicit = (await client.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri } })) ?? [];
		assert.deepEqual(
			implicit.filter((lens) => lens.command?.command === 'memmap.showFlatView').map((lens) => [lens.range.start.line, lens.command?.title]),
			[
				[1, 'a: 1 range, 4 KiB mapped'],
				[3, 'b: 1 range, 1 MiB mapped'],
			],
		);
		await client.close(uri);
		// A space name given twice: its first space is the one every tool sees, and the only one with lenses.
		const twice = 'file:///virtual/twice-spaces.memmap';
		await client.open(twice, 'space a = r\nspace a = q\nram r size 4K\nrom q size 8K\n');
		const once = (await client.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri: twice } })) ?? [];
		assert.deepEqual([...new Set(once.map((lens) => lens.range.start.line))], [0]);
		await client.close(twice);
		// A view that stopped at its work limit says that its counts are partial.
		const exploding = 'file:///virtual/explosion.memmap';
		await client.open(exploding, fs.readFileSync(path.join(repoRoot, 'samples', 'mistakes-alias-explosion.memmap'), 'utf8'));
		const partial = (await client.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri: exploding } })) ?? [];
		assert.match(partial[0]?.command?.title ?? '', /^\S+: \d+ ranges, .* mapped so far \(rendering stopped at its limit\)$/);
		await client.close(exploding);
	});

	test('inlay hints honour memmap.inlayHints.enabled', async () => {
		const off = await LspClient.start({ debounceMs: 0, inlayHints: { enabled: false } });
		await off.open(board.uri, board.text);
		const hints = await off.connection.sendRequest(InlayHintRequest.type, {
			textDocument: { uri: board.uri },
			range: { start: { line: 0, character: 0 }, end: { line: 30, character: 0 } },
		});
		assert.deepEqual(hints, []);
		assert.equal(await off.stop(), 0);
	});

	test('the outline honours memmap.outline.maxSymbols', async () => {
		const limited = await LspClient.start({ debounceMs: 0, outline: { maxSymbols: 5 } });
		let symbols: DocumentSymbol[];
		try {
			await limited.open(board.uri, board.text);
			symbols = (await limited.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: board.uri } })) as DocumentSymbol[];
		} finally {
			assert.equal(await limited.stop(), 0);
		}
		assert.deepEqual(symbols.map((s) => s.name), ['memory', 'system', 'pc.ram', 'pc.bios']);
		const system = symbols[1];
		assert.deepEqual(system?.children?.map((s) => s.name), ['ram-below-4g']);
		assert.match(system?.detail ?? '', / · 4 more in the text, past memmap\.outline\.maxSymbols$/);
	});

	test('code lenses honour memmap.codeLens.enabled', async () => {
		const off = await LspClient.start({ debounceMs: 0, codeLens: { enabled: false } });
		await off.open(board.uri, board.text);
		assert.deepEqual(await off.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri: board.uri } }), []);
		assert.equal(await off.stop(), 0);
	});

	async function actions(uri: string, text: string, position: Position): Promise<CodeAction[]> {
		const published = await client.open(uri, text);
		const result = await client.connection.sendRequest(CodeActionRequest.type, {
			textDocument: { uri },
			range: { start: position, end: position },
			context: { diagnostics: published.diagnostics },
		});
		await client.close(uri);
		return (result ?? []) as CodeAction[];
	}

	function edits(action: CodeAction | undefined): string[] {
		return Object.values(action?.edit?.changes ?? {}).flat().map((e) => e.newText);
	}

	test('code actions for an unintended overlap', async () => {
		const overlap = fixture('overlap.memmap');
		const found = await actions(overlap.uri, overlap.text, positionOf(overlap.text, 'ram b', 4));
		const tie = 'space m = s\ncontainer s size 8K {\n\tram a at 0 size 4K overlap\n\tram b at 0 size 4K overlap\n}\n';
		const tied = await actions('file:///virtual/tie.memmap', tie, positionOf(tie, 'ram b', 4));
		assert.ok(tied.every((a) => !a.title.includes('intended overlap')), tied.map((a) => a.title).join());
		assert.deepEqual(found.map((a) => a.title), [
			"Mark 'b' as an intended overlap",
			"Give 'b' priority 1",
			"Move 'b' to the next free address 0x1000",
		]);
		assert.deepEqual(edits(found[0]), [' overlap']);
		assert.deepEqual(edits(found[2]), ['0x1000']);
		assert.equal(found[0]?.diagnostics?.[0]?.code, 'region.overlap');
	});

	test('code action: shrink an alias window past its target', async () => {
		const text = 'space m = s\ncontainer s size 64K {\n\talias w at 0 size 8K of r offset 0x800\n}\nram r size 4K\n';
		const found = await actions('file:///virtual/window.memmap', text, positionOf(text, 'size 8K', 1));
		assert.equal(found.length, 1);
		assert.deepEqual(edits(found[0]), ['2K']);
	});

	test('code action: create an unknown region', async () => {
		const text = 'space m = s\ncontainer s size 64K {\n\tmap missing at 0\n}\n';
		const found = await actions('file:///virtual/create.memmap', text, positionOf(text, 'missing', 2));
		assert.equal(found[0]?.title, "Create region 'missing'");
		assert.deepEqual(edits(found[0]), ['\nram missing size 4K\n']);
	});

	test('code action: move a region to where the QEMU capture beside the board has it', async () => {
		await withCapture(flatCapture('0000000000012000-00000000000120ff (prio 0, i/o): uart'), async (uri) => {
			const text = 'space memory = system\ncontainer system size 16E {\n\tcontainer bus at 0x10000 size 64K {\n\t\tio uart at 0x1000 size 0x100\n\t}\n}\n';
			const found = await actions(uri, text, positionOf(text, 'uart', 1));
			assert.deepEqual(found.map((a) => a.title), ["Move 'uart' to 0x2000, where QEMU (soc.flat.txt) has it"]);
			assert.deepEqual(edits(found[0]), ['0x2000']);
			assert.equal(found[0]?.diagnostics?.[0]?.code, 'qemu.mismatch');
		});
	});

	test('code action: add the region QEMU has where the board has a hole', async () => {
		const capture = flatCapture(
			'0000000000000000-0000000000000fff (prio 0, ram): sram',
			'0000000000001000-00000000000010ff (prio 0, i/o): uart',
			'0000000000002000-0000000000002fff (prio 0, i/o): odd name',
		);
		await withCapture(capture, async (uri) => {
			const text = 'space memory = system\ncontainer system size 16E {\n\tram sram at 0 size 4K\n}\n';
			const published = await client.open(uri, text);
			const position = positionOf(text, 'memory', 1);
			const result = await client.connection.sendRequest(CodeActionRequest.type, {
				textDocument: { uri },
				range: { start: position, end: position },
				context: { diagnostics: published.diagnostics },
			});
			const found = (result ?? []) as CodeAction[];
			assert.deepEqual(found.map((a) => a.title), [
				"Add 'uart' (io, 0x100) at 0x1000, as QEMU (soc.flat.txt) has it",
				"Add 'odd name' (io, 4K) at 0x2000, as QEMU (soc.flat.txt) has it",
			]);
			assert.deepEqual(edits(found[0]), ['\tio uart at 0x1000 size 0x100\n']);
			assert.deepEqual(edits(found[1]), ['\tio "odd name" at 0x2000 size 4K\n']);
			// Applied, the fix leaves a board that renders what QEMU renders there.
			const fixed = await client.replace(uri, text.replace('}\n', `${edits(found[0])[0]}}\n`));
			assert.deepEqual(fixed.diagnostics.map((d) => String(d.message).slice(0, 40)), ["In space 'memory', [0x2000, 0x3000) is a"]);
			await client.close(uri);
		});
	});

	test('formatting: the canonical layout as an edit per changed stretch, nothing for formatted text', async () => {
		const uri = 'file:///virtual/format.memmap';
		const text = 'ram  r   size 4K\nrom longer size 8K\n\n\n// the end\n';
		await client.open(uri, text);
		const result = await client.connection.sendRequest(DocumentFormattingRequest.type, {
			textDocument: { uri },
			options: { tabSize: 4, insertSpaces: false },
		});
		// `ram  r   size` becomes `ram r      size`; of the two blank lines, one goes.
		assert.deepEqual(result, [
			{ range: { start: { line: 0, character: 4 }, end: { line: 0, character: 6 } }, newText: 'r   ' },
			{ range: { start: { line: 3, character: 0 }, end: { line: 4, character: 0 } }, newText: '' },
		]);
		await client.replace(uri, 'ram r      size 4K\nrom longer size 8K\n\n// the end\n');
		const again = await client.connection.sendRequest(DocumentFormattingRequest.type, {
			textDocument: { uri },
			options: { tabSize: 4, insertSpaces: false },
		});
		assert.deepEqual(again, []);
		await client.close(uri);
	});

	test('on-type formatting: a line break formats the line it ends, a brace the region it closes', async () => {
		const uri = 'file:///virtual/format-on-type.memmap';
		const text = 'container s size 64K {\n\tram a at 0 size 4K\n  ram   bb at 0x1000 size 4K\n\t\n}\n';
		await client.open(uri, text);
		const typed = async (line: number, character: number, ch: string) =>
			client.connection.sendRequest(DocumentOnTypeFormattingRequest.type, {
				textDocument: { uri },
				position: { line, character },
				ch,
				options: { tabSize: 4, insertSpaces: false },
			});
		// `  ram   bb` becomes `\tram bb`, aligned with `ram a`; nothing else.
		assert.deepEqual(await typed(3, 1, '\n'), [
			{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 7 } }, newText: '\tram' },
		]);
		// The whole block: `a` aligned with `bb`, and the blank line before `}` gone.
		assert.deepEqual(await typed(4, 1, '}'), [
			{ range: { start: { line: 1, character: 7 }, end: { line: 1, character: 11 } }, newText: ' at 0     ' },
			{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 7 } }, newText: '\tram' },
			{ range: { start: { line: 3, character: 0 }, end: { line: 4, character: 0 } }, newText: '' },
		]);
		assert.deepEqual(await typed(1, 1, ';'), []);
		await client.close(uri);
	});

	test('range formatting: only the selected lines, aligned with their siblings; nothing on syntax errors', async () => {
		const uri = 'file:///virtual/format-range.memmap';
		const text = 'container s size 64K {\n  ram   a at 0 size 4K\n      ram bb at 0x1000   size 4K\n}\n';
		await client.open(uri, text);
		const formatLines = async (startLine: number, endLine: number) =>
			client.connection.sendRequest(DocumentRangeFormattingRequest.type, {
				textDocument: { uri },
				range: { start: { line: startLine, character: 0 }, end: { line: endLine, character: 0 } },
				options: { tabSize: 4, insertSpaces: false },
			});
		assert.deepEqual(await formatLines(2, 3), [
			{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 32 } }, newText: '\tram bb at 0x1000 size 4K' },
		]);
		await client.replace(uri, text.replace('size 64K {', 'size 64K'));
		assert.deepEqual(await formatLines(2, 3), []);
		await client.close(uri);
	});

	test('semantic tokens after an edit come as an edit of the last answer, or whole for an answer the server no longer has', async () => {
		const uri = 'file:///virtual/tokens-delta.memmap';
		const before = 'space m = s\ncontainer s size 4K {\n\tram a at 0 size 1K\n\tram b at 0x400 size 1K\n}\n';
		await client.open(uri, before);
		const first = await client.connection.sendRequest(SemanticTokensRequest.type, { textDocument: { uri } });
		assert.ok(first?.resultId);
		await client.replace(uri, before.replace('ram b at 0x400', 'rom b at 0x800'));
		const delta = await client.connection.sendRequest(SemanticTokensDeltaRequest.type, {
			textDocument: { uri },
			previousResultId: first.resultId,
		});
		assert.ok(delta && 'edits' in delta, 'an edit of the last answer');
		assert.equal(delta.edits.length, 1);
		const edited = [...first.data];
		for (const edit of delta.edits) {
			edited.splice(edit.start, edit.deleteCount, ...(edit.data ?? []));
		}
		// Only the tokens of the changed line differ: the edit is smaller than the answer.
		assert.ok((delta.edits[0]?.data?.length ?? 0) < first.data.length / 2);
		const stale = await client.connection.sendRequest(SemanticTokensDeltaRequest.type, {
			textDocument: { uri },
			previousResultId: first.resultId,
		});
		await client.close(uri);
		assert.ok(stale && 'data' in stale, 'an answer the server replaced comes back whole');
		assert.deepEqual(edited, stale.data);
		assert.notEqual(edited.join(), first.data.join());
	});

	test('semantic tokens: declarations vs references, kinds, numbers', async () => {
		const uri = 'file:///virtual/tokens.memmap';
		const text = 'space m = s\ncontainer s size 4K {\n\tmap r at 0\n}\nram r size 4K\n';
		await client.open(uri, text);
		const tokens = await client.connection.sendRequest(SemanticTokensRequest.type, { textDocument: { uri } });
		const ranged = await client.connection.sendRequest(SemanticTokensRangeRequest.type, {
			textDocument: { uri },
			range: { start: { line: 4, character: 0 }, end: { line: 5, character: 0 } },
		});
		await client.close(uri);
		// The range answer holds the tokens of line 4 only, encoded from the document start.
		assert.deepEqual(ranged?.data, [4, 0, 3, 2, 0, 0, 4, 1, 0, 9, 0, 7, 2, 3, 0]);
		const decoded: string[] = [];
		let line = 0;
		let character = 0;
		const data = tokens?.data ?? [];
		for (let i = 0; i + 4 < data.length; i += 5) {
			line += data[i] ?? 0;
			character = (data[i] ?? 0) === 0 ? character + (data[i + 1] ?? 0) : (data[i + 1] ?? 0);
			decoded.push(`${line}:${character}:${data[i + 2]}:${data[i + 3]}:${data[i + 4]}`);
		}
		// types: 0 variable, 1 namespace, 2 type, 3 number; modifier bit 0 declaration, bit 2+ kinds.
		assert.deepEqual(decoded, [
			'0:6:1:1:1', // space m (declaration)
			'0:10:1:0:4', // reference s (container)
			'1:0:9:2:0', // container
			'1:10:1:0:5', // s declaration + container
			'1:17:2:3:0', // 4K
			'2:5:1:0:8', // map r (ram reference)
			'2:10:1:3:0', // 0
			'4:0:3:2:0', // ram
			'4:4:1:0:9', // r declaration + ram
			'4:11:2:3:0', // 4K
		]);
	});
});
