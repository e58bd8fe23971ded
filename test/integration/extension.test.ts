/**
 * The extension inside a real VS Code (or code-server): activation, commands, diagnostics,
 * hover, Go to Address (arguments bypass the prompts) and the flat-view panel.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { boardPath, hoverText, openEditor, repoRoot, waitForDiagnostics, waitForTab } from './helpers';

interface Outcome {
	readonly answer?: { readonly space: string; readonly range: { readonly region: string; readonly path: string } | null };
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
	});

	test('publishes diagnostics with codes for samples/mistakes.memmap', async () => {
		const editor = await openEditor(path.join(repoRoot, 'samples/mistakes.memmap'));
		const diagnostics = await waitForDiagnostics(editor.document.uri, (d) => d.length > 0);
		for (const diagnostic of diagnostics) {
			const code = typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code;
			assert.match(String(code), /^[a-z]+\.[a-z-]+$/, diagnostic.message);
		}
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

	test('Go to Address says when an address is a hole', async () => {
		const editor = await openEditor(boardPath);
		const outcome = await vscode.commands.executeCommand<Outcome>('memmap.goToAddress', {
			uri: editor.document.uri.toString(),
			address: '0x9000_0000',
			space: 'memory',
		});
		assert.equal(outcome.answer?.range, null);
		assert.match(outcome.message ?? '', /hole/);
	});

	test('Show Flat View opens the panel with one tab per space', async () => {
		await openEditor(boardPath);
		const summary = await vscode.commands.executeCommand<{ spaces: string[] }>('memmap.showFlatView');
		assert.deepEqual(summary.spaces, ['memory', 'pio']);
		await waitForTab((viewType) => viewType.includes('memmap.flatView'));
	});
});
