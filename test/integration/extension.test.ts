/**
 * The extension inside a real VS Code (or code-server): activation, commands, diagnostics,
 * hover, Go to Address (arguments bypass the prompts) and the flat-view panel.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { boardPath, hoverText, openEditor, repoRoot, waitForDiagnostics, waitForTab } from './helpers';

interface Outcome {
	readonly answer?: { readonly space: string; readonly range: { readonly region: string; readonly path: string } | null };
	readonly message?: string;
}

interface ExportOutcome {
	readonly text?: string;
	readonly space?: string;
	readonly document?: string;
	readonly message?: string;
}

suite('memmap extension', () => {
	suiteSetup(async () => {
		await openEditor(boardPath);
		const extension = vscode.extensions.getExtension('memmap.memmap');
		assert.ok(extension, 'the extension is installed under development');
		await extension.activate();
	});

	test('activates on a .memmap document', async () => {
		const editor = await openEditor(boardPath);
		assert.equal(editor.document.languageId, 'memmap');
		assert.equal(vscode.extensions.getExtension('memmap.memmap')?.isActive, true);
	});

	test('registers its commands', async () => {
		const commands = await vscode.commands.getCommands(true);
		assert.ok(commands.includes('memmap.goToAddress'));
		assert.ok(commands.includes('memmap.showFlatView'));
		assert.ok(commands.includes('memmap.export'));
	});

	test('publishes diagnostics with codes for samples/mistakes.memmap', async () => {
		const editor = await openEditor(path.join(repoRoot, 'samples/mistakes.memmap'));
		const diagnostics = await waitForDiagnostics(editor.document.uri, (d) => d.length > 0);
		for (const diagnostic of diagnostics) {
			const code = typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code;
			assert.match(String(code), /^[a-z]+\.[a-z-]+$/, diagnostic.message);
		}
	});

	test('a board with a QEMU capture beside it is compared with it (qemu.mismatch)', async () => {
		const editor = await openEditor(path.join(repoRoot, 'samples/mistakes-qemu.memmap'));
		const codeOf = (d: vscode.Diagnostic): string => String(typeof d.code === 'object' ? d.code.value : d.code);
		const diagnostics = await waitForDiagnostics(editor.document.uri, (d) => d.some((x) => codeOf(x) === 'qemu.mismatch'));
		const hpet = diagnostics.find((d) => codeOf(d) === 'qemu.mismatch' && d.message.includes("'hpet'"));
		assert.ok(hpet, diagnostics.map((d) => d.message).join('\n'));
		assert.strictEqual(hpet.severity, vscode.DiagnosticSeverity.Warning);
		assert.strictEqual(hpet.range.start.line, 6, 'on the space line, where the board has a hole');
	});

	test('settings.json completes the diagnostic codes of the severity setting', async function () {
		this.timeout(60_000);
		// A scratch JSON document under VS Code's user-settings schema, which includes ours.
		const key = '"memmap.diagnostics.severity": {';
		const document = await vscode.workspace.openTextDocument({
			language: 'jsonc',
			content: `{\n  "$schema": "vscode://schemas/settings/user",\n  ${key}}\n}\n`,
		});
		const position = document.positionAt(document.getText().indexOf(key) + key.length);
		// The JSON language server starts on demand: ask until its answer has our codes.
		let labels: string[] = [];
		for (let attempt = 0; attempt < 40 && !labels.includes('region.overlap'); attempt++) {
			const list = await vscode.commands.executeCommand<vscode.CompletionList>(
				'vscode.executeCompletionItemProvider',
				document.uri,
				position,
			);
			labels = list.items.map((item) => (typeof item.label === 'string' ? item.label : item.label.label).replace(/"/g, ''));
			if (!labels.includes('region.overlap')) {
				await new Promise((resolve) => setTimeout(resolve, 500));
			}
		}
		assert.ok(labels.includes('region.overlap'), labels.join(', '));
		assert.ok(labels.includes('access.impl-unaligned'), labels.join(', '));
	});

	test('a per-code severity setting turns a diagnostic off and back on', async () => {
		const editor = await openEditor(path.join(repoRoot, 'samples/mistakes.memmap'));
		const uri = editor.document.uri;
		const codeOf = (d: vscode.Diagnostic): string => String(typeof d.code === 'object' ? d.code.value : d.code);
		const has = (d: readonly vscode.Diagnostic[]): boolean => d.some((x) => codeOf(x) === 'region.overlap');
		await waitForDiagnostics(uri, has);
		const config = vscode.workspace.getConfiguration('memmap');
		// The schema lists every code, so the user's settings.json completes and checks them.
		assert.deepEqual(config.inspect('diagnostics.severity')?.defaultValue, {});
		await config.update('diagnostics.severity', { 'region.overlap': 'off' }, vscode.ConfigurationTarget.Global);
		try {
			const without = await waitForDiagnostics(uri, (d) => d.length > 0 && !has(d));
			assert.ok(without.some((d) => codeOf(d) === 'region.overlap-tie'), 'other codes stay');
		} finally {
			await config.update('diagnostics.severity', undefined, vscode.ConfigurationTarget.Global);
		}
		await waitForDiagnostics(uri, has);
	});

	test('a clean board has no errors', async () => {
		const editor = await openEditor(boardPath);
		// The server publishes for every opened document, an empty list included.
		const diagnostics = await waitForDiagnostics(editor.document.uri, () => true);
		assert.deepEqual(
			diagnostics.filter((d) => d.severity === vscode.DiagnosticSeverity.Error).map((d) => d.message),
			[],
		);
	});

	test('hover on an address names the region that owns it', async () => {
		const editor = await openEditor(boardPath);
		const offset = editor.document.getText().indexOf('0xfec0_1000');
		const position = editor.document.positionAt(offset + 3);
		const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
			'vscode.executeHoverProvider',
			editor.document.uri,
			position,
		);
		assert.match(hoverText(hovers), /uart0/);
	});

	test('highlights a region name with its references, the declaration as a write', async () => {
		const editor = await openEditor(boardPath);
		const text = editor.document.getText();
		const position = editor.document.positionAt(text.indexOf('of pc.bios') + 4);
		const highlights = await vscode.commands.executeCommand<vscode.DocumentHighlight[]>(
			'vscode.executeDocumentHighlights',
			editor.document.uri,
			position,
		);
		const shown = highlights
			.map((h) => `${editor.document.offsetAt(h.range.start)} ${h.kind === vscode.DocumentHighlightKind.Write ? 'write' : 'read'}`)
			.sort();
		assert.deepEqual(shown, [`${text.indexOf('of pc.bios') + 3} read`, `${text.indexOf('rom pc.bios') + 4} write`].sort());
	});

	test('the type hierarchy walks the containers, the call hierarchy the aliases', async () => {
		const editor = await openEditor(boardPath);
		const text = editor.document.getText();
		const at = (needle: string, delta: number): vscode.Position => editor.document.positionAt(text.indexOf(needle) + delta);
		const [uart] = await vscode.commands.executeCommand<vscode.TypeHierarchyItem[]>('vscode.prepareTypeHierarchy', editor.document.uri, at('uart1', 1));
		assert.ok(uart, 'an item for uart1');
		const parents = await vscode.commands.executeCommand<vscode.TypeHierarchyItem[]>('vscode.provideSupertypes', uart);
		assert.deepEqual(parents.map((p) => `${p.name}: ${p.detail}`), ['system: container · 16 EiB']);
		const children = await vscode.commands.executeCommand<vscode.TypeHierarchyItem[]>('vscode.provideSubtypes', parents[0]);
		assert.deepEqual(children.map((c) => c.name), ['ram-below-4g', 'isa-bios', 'ioapic', 'uart0', 'uart1', 'hpet', 'pc.bios']);
		const [bios] = await vscode.commands.executeCommand<vscode.CallHierarchyItem[]>('vscode.prepareCallHierarchy', editor.document.uri, at('rom pc.bios', 5));
		assert.ok(bios, 'an item for pc.bios');
		const calls = await vscode.commands.executeCommand<vscode.CallHierarchyIncomingCall[]>('vscode.provideIncomingCalls', bios);
		assert.deepEqual(calls.map((c) => `${c.from.name}: ${c.from.detail}`), ['isa-bios: alias · 128 KiB · at 0xe_0000 in system · of system/pc.bios at 0x2_0000']);
		assert.deepEqual(calls[0]?.fromRanges.map((r) => editor.document.offsetAt(r.start)), [text.indexOf('of pc.bios')]);
	});

	test('the outline, folding ranges and semantic tokens come through (the requests that wait their turn)', async () => {
		const editor = await openEditor(boardPath);
		const uri = editor.document.uri;
		const text = editor.document.getText();
		const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', uri);
		assert.deepEqual(symbols.map((s) => s.name), ['memory', 'pio', 'system', 'ioport', 'pc.ram']);
		assert.deepEqual(symbols[3]?.children.map((s) => s.name), ['pic', 'pit', 'rtc']);
		const folds = await vscode.commands.executeCommand<vscode.FoldingRange[]>('vscode.executeFoldingRangeProvider', uri);
		const systemLine = editor.document.positionAt(text.indexOf('container system')).line;
		assert.ok(folds.some((f) => f.start === systemLine), `a fold at line ${systemLine}: ${JSON.stringify(folds)}`);
		const legend = await vscode.commands.executeCommand<vscode.SemanticTokensLegend>('vscode.provideDocumentSemanticTokensLegend', uri);
		const tokens = await vscode.commands.executeCommand<vscode.SemanticTokens>('vscode.provideDocumentSemanticTokens', uri);
		assert.ok(legend.tokenTypes.includes('variable'), legend.tokenTypes.join());
		// Five numbers a token: the first is on the first declaration's line or later.
		assert.ok(tokens.data.length > 0 && tokens.data.length % 5 === 0, `${tokens.data.length} numbers`);
		assert.ok((tokens.data[0] ?? -1) >= editor.document.positionAt(text.indexOf('space memory')).line);
	});

	test('Format Selection edits only the selected line', async () => {
		const editor = await openEditor(boardPath);
		const line = editor.document.positionAt(editor.document.getText().indexOf('io uart0')).line;
		const edits = await vscode.commands.executeCommand<vscode.TextEdit[]>(
			'vscode.executeFormatRangeProvider',
			editor.document.uri,
			new vscode.Range(line, 0, line, 3),
			{ tabSize: 4, insertSpaces: false },
		);
		// The editor may split the server's edit into smaller ones: compare what they make.
		const document = editor.document;
		let text = document.getText();
		for (const edit of [...edits].sort((a, b) => document.offsetAt(b.range.start) - document.offsetAt(a.range.start))) {
			text = text.slice(0, document.offsetAt(edit.range.start)) + edit.newText + text.slice(document.offsetAt(edit.range.end));
		}
		const before = document.getText().split('\n');
		const after = text.split('\n');
		assert.equal(after.length, before.length);
		assert.deepEqual(
			after.flatMap((content, i) => (content === before[i] ? [] : [i])),
			[line],
		);
		assert.match(after[line] ?? '', /^\tio +uart0 +at 0xfec0_1000 size 4K$/);
	});

	test('Format Document on a long board changes only the lines it must (edits, not the whole text)', async () => {
		// Longer than the 100,000 characters up to which VS Code would diff one whole-document edit itself.
		const lines = Array.from({ length: 4000 }, (_, i) => `ram r${10000 + i} at 0x${(i * 4096).toString(16).padStart(8, '0')} size 4K`);
		const content = `container bus size 1G {\n${lines.map((line) => `\t${line}`).join('\n')}\n}\n`;
		const misaligned = 2000;
		const text = content.replace(`ram r${10000 + misaligned} `, `ram   r${10000 + misaligned} `);
		assert.ok(text.length > 100_000);
		const document = await vscode.workspace.openTextDocument({ language: 'memmap', content: text });
		await vscode.window.showTextDocument(document);
		const edits = await vscode.commands.executeCommand<vscode.TextEdit[]>('vscode.executeFormatDocumentProvider', document.uri, {
			tabSize: 4,
			insertSpaces: false,
		});
		const touched = new Set(edits.flatMap((edit) => [edit.range.start.line, edit.range.end.line]));
		assert.deepEqual([...touched], [misaligned + 1]);
		const editor = await vscode.window.showTextDocument(document);
		await editor.edit((builder) => edits.forEach((edit) => builder.replace(edit.range, edit.newText)));
		assert.equal(document.getText(), content);
		await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
	});

	test('format on type: Enter formats the line it ends, and only that line', async () => {
		const content = 'container bus size 64K {\n\tram a  at 0      size 4K\n  ram   bb at 0x1000 size 4K\n\t\n}\n';
		const document = await vscode.workspace.openTextDocument({ language: 'memmap', content });
		await vscode.window.showTextDocument(document);
		const edits = await vscode.commands.executeCommand<vscode.TextEdit[]>(
			'vscode.executeFormatOnTypeProvider',
			document.uri,
			new vscode.Position(3, 1),
			'\n',
			{ tabSize: 4, insertSpaces: false },
		);
		assert.ok(edits.length > 0);
		assert.deepEqual([...new Set(edits.flatMap((edit) => [edit.range.start.line, edit.range.end.line]))], [2]);
		const editor = await vscode.window.showTextDocument(document);
		await editor.edit((builder) => edits.forEach((edit) => builder.replace(edit.range, edit.newText)));
		assert.equal(document.lineAt(2).text, '\tram bb at 0x1000 size 4K');
		await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
	});

	test('completion after at offers the free aligned places of the container, filtered as typed', async () => {
		const content = 'space m = soc\ncontainer soc size 64K {\n\tram a at 0 size 4K\n\tio uart at 0x1800 size 0x100\n\tram new size 4K at 0x\n\tio b at 0x4000 size 8K\n}\n';
		const document = await vscode.workspace.openTextDocument({ language: 'memmap', content });
		await vscode.window.showTextDocument(document);
		const position = new vscode.Position(4, '\tram new size 4K at 0x'.length);
		let labels: string[] = [];
		for (let attempt = 0; attempt < 40 && !labels.includes('0x2000'); attempt++) {
			const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, position);
			labels = list.items.filter((item) => item.kind === vscode.CompletionItemKind.Value).map((item) => (typeof item.label === 'string' ? item.label : item.label.label));
			if (!labels.includes('0x2000')) {
				await new Promise((resolve) => setTimeout(resolve, 250));
			}
		}
		assert.deepEqual(labels, ['0x2000', '0x6000']);
		await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
	});

	test('renaming an included file rewrites the include that names it (willRenameFiles)', async () => {
		// Inside the workspace folder (samples/), where the server looks for includers; removed after.
		const dir = fs.mkdtempSync(path.join(repoRoot, 'samples', 'rename-test-'));
		try {
			fs.mkdirSync(path.join(dir, 'dev'));
			const board = vscode.Uri.file(path.join(dir, 'board.memmap'));
			fs.writeFileSync(board.fsPath, 'include "dev/uart.memmap"\nspace m = soc\ncontainer soc size 4K { map uart at 0 }\n');
			fs.writeFileSync(path.join(dir, 'dev', 'uart.memmap'), 'io uart size 256\n');
			const rename = new vscode.WorkspaceEdit();
			rename.renameFile(vscode.Uri.file(path.join(dir, 'dev', 'uart.memmap')), vscode.Uri.file(path.join(dir, 'dev', 'serial.memmap')));
			assert.ok(await vscode.workspace.applyEdit(rename));
			const document = await vscode.workspace.openTextDocument(board);
			assert.equal(document.lineAt(0).text, 'include "dev/serial.memmap"');
			await document.save();
			assert.ok(fs.existsSync(path.join(dir, 'dev', 'serial.memmap')));
		} finally {
			fs.rmSync(dir, { recursive: true, force: true });
		}
	});

	test('Go to Address reveals and selects the owner', async () => {
		const editor = await openEditor(boardPath);
		const outcome = await vscode.commands.executeCommand<Outcome>('memmap.goToAddress', {
			uri: editor.document.uri.toString(),
			address: '0xfec0_1010',
			space: 'memory',
		});
		assert.equal(outcome.answer?.range?.region, 'uart0');
		const active = vscode.window.activeTextEditor;
		assert.equal(active?.document.uri.toString(), editor.document.uri.toString());
		assert.match(active?.document.lineAt(active.selection.active.line).text ?? '', /io uart0 at/);
	});

	test('Go to Address says when an address is a hole, how far it reaches and what lies around it', async () => {
		const editor = await openEditor(boardPath);
		const outcome = await vscode.commands.executeCommand<Outcome>('memmap.goToAddress', {
			uri: editor.document.uri.toString(),
			address: '0x9000_0000',
			space: 'memory',
		});
		assert.equal(outcome.answer?.range, null);
		assert.equal(outcome.message, '0x90000000 is a hole in memory: no region owns [0x80000000, 0xfec00000), after pc.ram and before system/ioapic.');
	});

	test('Export opens the C header of the chosen space in a new C editor', async () => {
		const editor = await openEditor(boardPath);
		const outcome = await vscode.commands.executeCommand<ExportOutcome>('memmap.export', {
			uri: editor.document.uri.toString(),
			format: 'c',
			space: 'memory',
		});
		assert.equal(outcome.space, 'memory');
		assert.match(outcome.text ?? '', /^#define UART0_BASE +0xfec01000$/m);
		assert.match(outcome.text ?? '', /regenerate with\n \* {3}memmap export \S*board\.memmap --format c --space memory\n/);
		const active = vscode.window.activeTextEditor;
		assert.equal(active?.document.uri.toString(), outcome.document);
		assert.equal(active?.document.languageId, 'c');
		assert.equal(active?.document.getText(), outcome.text);
	});

	test('Export as a MEMORY command, a Markdown map of the other space, QEMU code, and a refusal', async () => {
		const editor = await openEditor(boardPath);
		const uri = editor.document.uri.toString();
		const memory = await vscode.commands.executeCommand<ExportOutcome>('memmap.export', { uri, format: 'ld', space: 'memory', prefix: 'PC_' });
		// isa-bios (priority 1) splits the RAM alias: two stretches of it, numbered.
		assert.match(memory.text ?? '', /^ {2}PC_RAM_BELOW_4G +\(rwx\) +: ORIGIN = 0x0, LENGTH = 0xe0000$/m);
		assert.match(memory.text ?? '', /^ {2}PC_ISA_BIOS +\(rx\) +: ORIGIN = 0xe0000, LENGTH = 0x20000$/m);
		assert.match(memory.text ?? '', /^ {2}PC_RAM_BELOW_4G_2 +\(rwx\) +: ORIGIN = 0x100000, LENGTH = 0x7ff00000$/m);
		const map = await vscode.commands.executeCommand<ExportOutcome>('memmap.export', { uri, format: 'md', space: 'pio' });
		assert.match(map.text ?? '', /^\| `0x0000_0000_0000_0040` \| `0x0000_0000_0000_0043` \| 4 B \| `pit` \| io \|/m);
		assert.equal(vscode.window.activeTextEditor?.document.languageId, 'markdown');
		// Without a space, Markdown asks nothing and holds every space.
		const all = await vscode.commands.executeCommand<ExportOutcome>('memmap.export', { uri, format: 'md' });
		assert.deepEqual(all.text?.match(/^## .*$/gm), ['## Address space `memory`', '## Address space `pio`']);
		// QEMU code opens as C.
		const qemu = await vscode.commands.executeCommand<ExportOutcome>('memmap.export', { uri, format: 'qemu', space: 'pio' });
		assert.match(qemu.text ?? '', /^ {4}memory_region_init_io\(&r->pit, owner, &board_pio_pit_ops, r, "pit", 0x4\);$/m);
		assert.equal(vscode.window.activeTextEditor?.document.languageId, 'c');
		const refused = await vscode.commands.executeCommand<ExportOutcome>('memmap.export', { uri, format: 'c', space: 'nope' });
		assert.equal(refused.text, undefined);
		assert.match(refused.message ?? '', /unknown space 'nope'/);
	});

	test('Export names C and ld symbols with the memmap.export.prefix setting; an argument overrides it', async () => {
		const editor = await openEditor(boardPath);
		const uri = editor.document.uri.toString();
		const settings = vscode.workspace.getConfiguration('memmap');
		await settings.update('export.prefix', 'SOC_', vscode.ConfigurationTarget.Global);
		try {
			const header = await vscode.commands.executeCommand<ExportOutcome>('memmap.export', { uri, format: 'c', space: 'memory' });
			assert.match(header.text ?? '', /^#define SOC_UART0_BASE +0xfec01000$/m);
			const memory = await vscode.commands.executeCommand<ExportOutcome>('memmap.export', { uri, format: 'ld', space: 'memory', prefix: 'PC_' });
			assert.match(memory.text ?? '', /^ {2}PC_ISA_BIOS +\(rx\) +: ORIGIN = 0xe0000, LENGTH = 0x20000$/m);
			// A Markdown map has no names to prefix, and is not refused for the setting.
			const map = await vscode.commands.executeCommand<ExportOutcome>('memmap.export', { uri, format: 'md' });
			assert.match(map.text ?? '', /^## Address space `memory`$/m);
		} finally {
			await settings.update('export.prefix', undefined, vscode.ConfigurationTarget.Global);
		}
		const plain = await vscode.commands.executeCommand<ExportOutcome>('memmap.export', { uri, format: 'c', space: 'memory' });
		assert.match(plain.text ?? '', /^#define UART0_BASE +0xfec01000$/m);
	});

	test('code lenses on each space line run Export and Show Flat View', async () => {
		const editor = await openEditor(boardPath);
		const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', editor.document.uri);
		const titles = lenses.map((lens) => `${lens.range.start.line}: ${lens.command?.title ?? ''}`);
		assert.deepEqual(
			titles.filter((title) => / (memory|pio): /.test(title)).map((title) => title.replace(/: \d+ ranges.*$/, '')),
			['2: memory', '3: pio'],
		);
		const markdown = lenses.find((lens) => lens.command?.title === 'Export Markdown' && lens.range.start.line === 3);
		assert.ok(markdown?.command, titles.join('\n'));
		const outcome = await vscode.commands.executeCommand<ExportOutcome>(markdown.command.command, ...(markdown.command.arguments ?? []));
		assert.equal(outcome.space, 'pio');
		assert.match(outcome.text ?? '', /^# Memory map of address space `pio`$/m);
		const flatView = lenses.find((lens) => lens.command?.command === 'memmap.showFlatView');
		assert.ok(flatView?.command);
		const summary = await vscode.commands.executeCommand<{ spaces: string[] }>(flatView.command.command, ...(flatView.command.arguments ?? []));
		assert.deepEqual(summary.spaces, ['memory', 'pio']);
	});

	test('Show Flat View opens the panel with one tab per space', async () => {
		await openEditor(boardPath);
		const summary = await vscode.commands.executeCommand<{ spaces: string[] }>('memmap.showFlatView');
		assert.deepEqual(summary.spaces, ['memory', 'pio']);
		await waitForTab((viewType) => viewType.includes('memmap.flatView'));
	});
});
