/** Waiting helpers for the integration suite: real events with a timeout, never sleeps. */
import * as path from 'node:path';
import * as vscode from 'vscode';

export const repoRoot = path.resolve(__dirname, '../../..');

/** The fixture board of this suite (known addresses and names). */
export const boardPath = path.join(repoRoot, 'test/integration/fixtures/board.memmap');

/** Opens a file in an editor; resolves when it is the active editor. */
export async function openEditor(file: string): Promise<vscode.TextEditor> {
	const document = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
	return vscode.window.showTextDocument(document);
}

/**
 * Resolves with the diagnostics of `uri` once `accept` holds, checking now and on each
 * `onDidChangeDiagnostics` for that uri; rejects after `timeoutMs`.
 */
export function waitForDiagnostics(
	uri: vscode.Uri,
	accept: (diagnostics: readonly vscode.Diagnostic[]) => boolean,
	timeoutMs = 30_000,
): Promise<readonly vscode.Diagnostic[]> {
	return new Promise((resolve, reject) => {
		const finish = (): boolean => {
			const diagnostics = vscode.languages.getDiagnostics(uri);
			if (!accept(diagnostics)) {
				return false;
			}
			subscription.dispose();
			clearTimeout(timer);
			resolve(diagnostics);
			return true;
		};
		const subscription = vscode.languages.onDidChangeDiagnostics((event) => {
			if (event.uris.some((changed) => changed.toString() === uri.toString())) {
				finish();
			}
		});
		const timer = setTimeout(() => {
			subscription.dispose();
			reject(new Error(`No matching diagnostics for ${uri.toString()} within ${timeoutMs} ms`));
		}, timeoutMs);
		finish();
	});
}

/** The text of a hover's contents, whatever form each part takes. */
export function hoverText(hovers: readonly vscode.Hover[]): string {
	return hovers
		.flatMap((hover) => hover.contents)
		.map((part) => (typeof part === 'string' ? part : part.value))
		.join('\n');
}

/** The view types (or labels) of every open tab. */
export function openTabs(): string[] {
	return vscode.window.tabGroups.all
		.flatMap((group) => group.tabs)
		.map((tab) => (tab.input instanceof vscode.TabInputWebview ? tab.input.viewType : tab.label));
}

/**
 * Resolves once some open tab satisfies `accept`, checking now and on each tab change
 * (the tab model reaches the extension host a little after the panel is created).
 */
export function waitForTab(accept: (viewTypeOrLabel: string) => boolean, timeoutMs = 30_000): Promise<void> {
	return new Promise((resolve, reject) => {
		const check = (): boolean => {
			if (!openTabs().some(accept)) {
				return false;
			}
			subscription.dispose();
			clearTimeout(timer);
			resolve();
			return true;
		};
		const subscription = vscode.window.tabGroups.onDidChangeTabs(() => check());
		const timer = setTimeout(() => {
			subscription.dispose();
			reject(new Error(`No matching tab within ${timeoutMs} ms (tabs: ${openTabs().join(', ')})`));
		}, timeoutMs);
		check();
	});
}
