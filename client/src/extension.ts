/**
 * Extension entry: starts the language client, registers the commands and the flat-view
 * panel (with its serializer, so it comes back after a reload). No language logic here.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { activeMemmapUri, goToAddress } from './commands';
import { exportCommand } from './exportCommand';
import { createLanguageClient } from './languageClient';
import { flatViewType, MemoryMapPanel, onDidUpdateFlatView, type FlatViewSummary } from './memoryMapPanel';
import { flatViewChangedNotification } from './requests';

let client: LanguageClient | undefined;

/** What `activate` returns: the running client and the panel's update event (for tests). */
export interface MemmapApi {
	readonly client: LanguageClient;
	readonly onDidUpdateFlatView: vscode.Event<FlatViewSummary>;
}

async function showFlatView(
	context: vscode.ExtensionContext,
	languageClient: LanguageClient,
	target: unknown,
): Promise<FlatViewSummary | undefined> {
	// From the editor title button VS Code passes the file's Uri; from the palette, nothing.
	const uri = target instanceof vscode.Uri ? target.toString() : typeof target === 'string' ? target : activeMemmapUri();
	if (!uri) {
		void vscode.window.showErrorMessage('Open a .memmap file to show its flat view.');
		return undefined;
	}
	return MemoryMapPanel.show(context, languageClient, uri);
}

export async function activate(context: vscode.ExtensionContext): Promise<MemmapApi> {
	const languageClient = createLanguageClient(context);
	client = languageClient;
	context.subscriptions.push(
		vscode.commands.registerCommand('memmap.goToAddress', (args: unknown) => goToAddress(languageClient, args)),
		vscode.commands.registerCommand('memmap.showFlatView', (target: unknown) =>
			showFlatView(context, languageClient, target),
		),
		vscode.commands.registerCommand('memmap.export', (args: unknown) => exportCommand(languageClient, args)),
		vscode.window.registerWebviewPanelSerializer(flatViewType, {
			deserializeWebviewPanel: async (panel, state: unknown) =>
				MemoryMapPanel.revive(panel, context, languageClient, state),
		}),
		languageClient.onNotification(flatViewChangedNotification, (params) => {
			MemoryMapPanel.current?.onFlatViewChanged(params.uri);
		}),
	);
	await languageClient.start();
	return { client: languageClient, onDidUpdateFlatView };
}

export async function deactivate(): Promise<void> {
	await client?.stop();
	client = undefined;
}
