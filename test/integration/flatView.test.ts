/**
 * The flat-view panel follows edits: typing a new region makes the server re-flatten, the
 * panel fetches the new view (on `memmap/flatViewChanged`) and posts it to the webview.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { boardPath } from './helpers';

interface Summary {
	readonly uri: string;
	readonly spaces: readonly string[];
	readonly ranges: readonly number[];
}

interface Api {
	readonly onDidUpdateFlatView: vscode.Event<Summary>;
}

/** Resolves with the first update of `uri` that `accept` takes; rejects after `timeoutMs`. */
function nextUpdate(api: Api, uri: string, accept: (s: Summary) => boolean, timeoutMs = 30_000): Promise<Summary> {
	return new Promise((resolve, reject) => {
		const subscription = api.onDidUpdateFlatView((summary) => {
			if (summary.uri === uri && accept(summary)) {
				subscription.dispose();
				clearTimeout(timer);
				resolve(summary);
			}
		});
		const timer = setTimeout(() => {
			subscription.dispose();
			reject(new Error(`No matching flat view update within ${timeoutMs} ms`));
		}, timeoutMs);
	});
}

suite('flat view panel', () => {
	test('updates live as the document changes', async () => {
		const extension = vscode.extensions.getExtension<Api>('memmap.memmap');
		assert.ok(extension);
		const api = await extension.activate();
		const content = fs.readFileSync(boardPath, 'utf8');
		const document = await vscode.workspace.openTextDocument({ language: 'memmap', content });
		const editor = await vscode.window.showTextDocument(document);
		const uri = document.uri.toString();
		const before = await vscode.commands.executeCommand<Summary>('memmap.showFlatView');
		assert.equal(before.uri, uri);
		const count = before.ranges[0] ?? 0;
		assert.ok(count > 0);
		const updated = nextUpdate(api, uri, (s) => (s.ranges[0] ?? 0) > count);
		const line = document.getText().split('\n').findIndex((text) => text.includes('io uart1'));
		await editor.edit((edit) => edit.insert(new vscode.Position(line + 1, 0), '  io uart2 at 0xfec0_3000 size 4K\n'));
		const after = await updated;
		assert.deepEqual(after.spaces, before.spaces);
		// The new window takes the start of the hole after uart1: one range more in all.
		assert.equal(after.ranges[0], count + 1);
		await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
	});
});
