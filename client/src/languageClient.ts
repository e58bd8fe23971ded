/**
 * Starts the bundled language server (`dist/server.js`) over IPC. In debug sessions the
 * server listens for an inspector on port 6009 ("Attach to Server" in launch.json).
 */
import type { ExtensionContext } from 'vscode';
import {
	LanguageClient,
	TransportKind,
	type LanguageClientOptions,
	type ServerOptions,
} from 'vscode-languageclient/node';
import * as vscode from 'vscode';

/** The client id; vscode-languageclient reads `memmap.trace.server` from it. */
export const clientId = 'memmap';

export function createLanguageClient(context: ExtensionContext): LanguageClient {
	const module = context.asAbsolutePath('dist/server.js');
	const serverOptions: ServerOptions = {
		run: { module, transport: TransportKind.ipc },
		debug: {
			module,
			transport: TransportKind.ipc,
			options: { execArgv: ['--nolazy', '--inspect=6009'] },
		},
	};
	const clientOptions: LanguageClientOptions = {
		documentSelector: [{ language: 'memmap' }],
		synchronize: {
			configurationSection: 'memmap',
			// Included files may be closed; the server hears about their changes on disk.
			fileEvents: vscode.workspace.createFileSystemWatcher('**/*.memmap'),
		},
		outputChannelName: 'Memory Map Language Server',
	};
	return new LanguageClient(clientId, 'Memory Map Language Server', serverOptions, clientOptions);
}
