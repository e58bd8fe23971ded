import * as assert from 'node:assert/strict';
import { fork } from 'node:child_process';
import {
	createProtocolConnection,
	DidOpenTextDocumentNotification,
	ExitNotification,
	InitializeRequest,
	IPCMessageReader,
	IPCMessageWriter,
	PublishDiagnosticsNotification,
	ShutdownRequest,
	type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { serverEntry } from './lspClient';

suite('protocol: transports', () => {
	test('node-ipc, as vscode-languageclient starts it with TransportKind.ipc', async () => {
		const child = fork(serverEntry(), ['--node-ipc'], { silent: true });
		const connection = createProtocolConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
		const published = new Promise<PublishDiagnosticsParams>((resolve) =>
			connection.onNotification(PublishDiagnosticsNotification.type, resolve),
		);
		connection.listen();
		const init = await connection.sendRequest(InitializeRequest.type, {
			processId: process.pid,
			rootUri: null,
			capabilities: {},
			initializationOptions: { debounceMs: 0 },
			workspaceFolders: null,
		});
		assert.equal(init.serverInfo?.name, 'memmap-language-server');
		assert.ok(init.capabilities.hoverProvider);
		const uri = 'file:///virtual/ipc.memmap';
		await connection.sendNotification(DidOpenTextDocumentNotification.type, {
			textDocument: { uri, languageId: 'memmap', version: 1, text: 'ram r size 4K {\n' },
		});
		const diagnostics = await published;
		assert.equal(diagnostics.uri, uri);
		assert.ok(diagnostics.diagnostics.length > 0);
		const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
		await connection.sendRequest(ShutdownRequest.type);
		await connection.sendNotification(ExitNotification.type);
		assert.equal(await exited, 0);
		connection.dispose();
	});
});
