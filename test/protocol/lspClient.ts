/**
 * A real LSP client for protocol tests and the bench: spawns `bin/memmap-language-server.js
 * --stdio`, speaks JSON-RPC over its stdio with `vscode-languageserver-protocol`, and lets
 * tests await the next `publishDiagnostics` for a uri (with a timeout, never a fixed sleep).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
	createProtocolConnection,
	DidChangeTextDocumentNotification,
	DidCloseTextDocumentNotification,
	DidOpenTextDocumentNotification,
	ExitNotification,
	InitializedNotification,
	InitializeRequest,
	PublishDiagnosticsNotification,
	ShutdownRequest,
	StreamMessageReader,
	StreamMessageWriter,
	type ClientCapabilities,
	type ProtocolConnection,
	type PublishDiagnosticsParams,
	type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node';

/** The repository root (this file runs from out/test/protocol or out/bench). */
export const repoRoot = path.resolve(__dirname, '..', '..', '..');
export const serverBin = path.join(repoRoot, 'bin', 'memmap-language-server.js');

/**
 * The script to run: the `bin` shim, except when it would load a `dist/server.js` bundle
 * older than the tsc output (the tests must exercise what `tsc -b` just compiled).
 */
export function serverEntry(): string {
	const bundle = path.join(repoRoot, 'dist', 'server.js');
	const compiled = path.join(repoRoot, 'out', 'server', 'src', 'server.js');
	const mtime = (file: string): number => (fs.existsSync(file) ? fs.statSync(file).mtimeMs : -1);
	const built = Math.max(
		mtime(path.join(repoRoot, 'out', 'core', 'tsconfig.tsbuildinfo')),
		mtime(path.join(repoRoot, 'out', 'server', 'tsconfig.tsbuildinfo')),
	);
	return mtime(bundle) >= 0 && mtime(bundle) < built && mtime(compiled) >= 0 ? compiled : serverBin;
}

/** The `file:` URI of a path under the repository. */
export function fileUri(...parts: string[]): string {
	return pathToFileURL(path.join(repoRoot, ...parts)).href;
}

interface Waiter {
	readonly uri: string;
	readonly resolve: (p: PublishDiagnosticsParams) => void;
}

export class LspClient {
	/** Servers started and not yet stopped: a failed test leaves its own behind. */
	static readonly #running = new Set<LspClient>();

	/**
	 * Kills every server still running and says how many there were. A live child keeps
	 * mocha's event loop alive, so one failed test that never reached its `stop()` would
	 * hang the run until CI's time limit; the root hook in test/util/mochaHooks.ts calls this.
	 */
	static killRunning(): number {
		const count = LspClient.#running.size;
		for (const client of LspClient.#running) {
			client.process.kill();
			client.connection.dispose();
		}
		LspClient.#running.clear();
		return count;
	}

	readonly connection: ProtocolConnection;
	readonly process: ChildProcess;
	readonly #versions = new Map<string, number>();
	readonly #waiters: Waiter[] = [];
	/** The latest diagnostics per uri, and the count of notifications per uri. */
	readonly latest = new Map<string, PublishDiagnosticsParams>();
	readonly notifications: { method: string; params: unknown }[] = [];
	stderr = '';

	private constructor(child: ChildProcess) {
		this.process = child;
		LspClient.#running.add(this);
		if (!child.stdout || !child.stdin) {
			throw new Error('server without stdio');
		}
		child.stderr?.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
		this.connection = createProtocolConnection(
			new StreamMessageReader(child.stdout),
			new StreamMessageWriter(child.stdin),
		);
		this.connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
			this.latest.set(params.uri, params);
			const index = this.#waiters.findIndex((w) => w.uri === params.uri);
			if (index >= 0) {
				this.#waiters.splice(index, 1)[0]?.resolve(params);
			}
		});
		this.connection.onUnhandledNotification((message) =>
			this.notifications.push({ method: message.method, params: message.params }),
		);
		this.connection.onRequest('workspace/configuration', () => [this.configuration]);
		this.connection.onRequest('client/registerCapability', () => null);
		this.connection.onRequest('workspace/workspaceFolders', () => this.folders);
		this.connection.listen();
	}

	/** What `workspace/workspaceFolders` answers with (as a client whose folders changed would). */
	folders: { uri: string; name: string }[] | null = null;

	/** What `workspace/configuration` answers with (section `memmap`). */
	configuration: unknown = {};

	/** Spawns and initializes a server. */
	static async start(
		initializationOptions: unknown = { debounceMs: 0 },
		capabilities: ClientCapabilities = {},
		nodeArgs: readonly string[] = [],
		workspaceFolders: readonly string[] | null = null,
	): Promise<LspClient> {
		const child = spawn(process.execPath, [...nodeArgs, serverEntry(), '--stdio'], {
			stdio: ['pipe', 'pipe', 'pipe'],
		});
		const client = new LspClient(child);
		await client.connection.sendRequest(InitializeRequest.type, {
			processId: process.pid,
			rootUri: null,
			capabilities,
			initializationOptions,
			workspaceFolders: workspaceFolders?.map((uri, i) => ({ uri, name: `folder${i}` })) ?? null,
		});
		await client.connection.sendNotification(InitializedNotification.type, {});
		return client;
	}

	/** Resolves with the next diagnostics published for `uri`; rejects after `timeoutMs`. */
	nextDiagnostics(uri: string, timeoutMs = 10_000): Promise<PublishDiagnosticsParams> {
		return new Promise((resolve, reject) => {
			const waiter: Waiter = {
				uri,
				resolve: (p) => {
					clearTimeout(timer);
					resolve(p);
				},
			};
			const timer = setTimeout(() => {
				this.#waiters.splice(this.#waiters.indexOf(waiter), 1);
				reject(new Error(`no diagnostics for ${uri} within ${timeoutMs} ms`));
			}, timeoutMs);
			this.#waiters.push(waiter);
		});
	}

	/** Resolves with the latest diagnostics of `uri` once they satisfy `accept`. */
	async diagnosticsUntil(
		uri: string,
		accept: (p: PublishDiagnosticsParams) => boolean,
		timeoutMs = 10_000,
	): Promise<PublishDiagnosticsParams> {
		const deadline = Date.now() + timeoutMs;
		let current = this.latest.get(uri);
		while (!current || !accept(current)) {
			current = await this.nextDiagnostics(uri, Math.max(1, deadline - Date.now()));
		}
		return current;
	}

	/** Opens a document and waits for its first diagnostics. */
	async open(uri: string, text: string): Promise<PublishDiagnosticsParams> {
		const next = this.nextDiagnostics(uri);
		this.#versions.set(uri, 1);
		await this.connection.sendNotification(DidOpenTextDocumentNotification.type, {
			textDocument: { uri, languageId: 'memmap', version: 1, text },
		});
		return next;
	}

	/** Sends a change (full text or incremental events) without waiting. */
	async change(uri: string, changes: TextDocumentContentChangeEvent[]): Promise<void> {
		const version = (this.#versions.get(uri) ?? 0) + 1;
		this.#versions.set(uri, version);
		await this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
			textDocument: { uri, version },
			contentChanges: changes,
		});
	}

	/** Replaces the whole text and waits for the diagnostics that follow. */
	async replace(uri: string, text: string): Promise<PublishDiagnosticsParams> {
		const next = this.nextDiagnostics(uri);
		await this.change(uri, [{ text }]);
		return next;
	}

	async close(uri: string): Promise<void> {
		await this.connection.sendNotification(DidCloseTextDocumentNotification.type, {
			textDocument: { uri },
		});
	}

	/** Shuts the server down and waits for the process to exit. */
	async stop(): Promise<number | null> {
		const exited = new Promise<number | null>((resolve) => {
			if (this.process.exitCode !== null) {
				resolve(this.process.exitCode);
			} else {
				this.process.once('exit', (code) => resolve(code));
			}
		});
		try {
			await this.connection.sendRequest(ShutdownRequest.type);
			await this.connection.sendNotification(ExitNotification.type);
		} catch {
			this.process.kill();
		}
		const code = await exited;
		this.connection.dispose();
		LspClient.#running.delete(this);
		return code;
	}
}
