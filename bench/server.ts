/**
 * Language-server benchmark: the real server spawned over stdio, driven by a real LSP
 * client. Measures, on generated boards, the time from `didChange` to the matching
 * `publishDiagnostics` (debounce 0 through initializationOptions), hover p95 and
 * completion latency, all seen from the client (so they include the JSON-RPC transport).
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
	CompletionRequest,
	createProtocolConnection,
	DidChangeTextDocumentNotification,
	DidOpenTextDocumentNotification,
	HoverRequest,
	InitializedNotification,
	InitializeRequest,
	PublishDiagnosticsNotification,
	StreamMessageReader,
	StreamMessageWriter,
	type Position,
	type ProtocolConnection,
} from 'vscode-languageserver-protocol/node';
import { generateBoard } from './generate';
import { median, msRow, percentile } from './table';
import type { Row } from './table';

const repoRoot = path.resolve(__dirname, '..', '..');

/** The `bin` shim, unless its `dist/server.js` bundle is older than the tsc output. */
function serverEntry(): string {
	const bundle = path.join(repoRoot, 'dist', 'server.js');
	const compiled = path.join(repoRoot, 'out', 'server', 'src', 'server.js');
	const mtime = (file: string): number => (fs.existsSync(file) ? fs.statSync(file).mtimeMs : -1);
	const built = Math.max(
		mtime(path.join(repoRoot, 'out', 'core', 'tsconfig.tsbuildinfo')),
		mtime(path.join(repoRoot, 'out', 'server', 'tsconfig.tsbuildinfo')),
	);
	return mtime(bundle) >= 0 && mtime(bundle) < built && mtime(compiled) >= 0
		? compiled
		: path.join(repoRoot, 'bin', 'memmap-language-server.js');
}

interface Session {
	readonly connection: ProtocolConnection;
	readonly uri: string;
	version: number;
	/** Resolves when diagnostics for `version` arrive. */
	readonly published: Map<number, () => void>;
	readonly stop: () => void;
}

async function startSession(text: string): Promise<Session> {
	const child = spawn(process.execPath, [serverEntry(), '--stdio'], { stdio: ['pipe', 'pipe', 'ignore'] });
	if (!child.stdout || !child.stdin) {
		throw new Error('server without stdio');
	}
	const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
	const session: Session = {
		connection,
		uri: 'file:///bench/board.memmap',
		version: 1,
		published: new Map(),
		stop: () => {
			connection.dispose();
			child.kill();
		},
	};
	connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
		const done = params.version === undefined ? undefined : session.published.get(params.version);
		done?.();
	});
	connection.listen();
	await connection.sendRequest(InitializeRequest.type, {
		processId: process.pid,
		rootUri: null,
		capabilities: {},
		initializationOptions: { debounceMs: 0 },
		workspaceFolders: null,
	});
	await connection.sendNotification(InitializedNotification.type, {});
	await untilPublished(session, 1, () =>
		connection.sendNotification(DidOpenTextDocumentNotification.type, {
			textDocument: { uri: session.uri, languageId: 'memmap', version: 1, text },
		}),
	);
	return session;
}

function untilPublished(session: Session, version: number, send: () => Promise<void>): Promise<void> {
	return new Promise((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error(`no diagnostics for version ${version}`)), 120_000);
		session.published.set(version, () => {
			clearTimeout(timer);
			session.published.delete(version);
			resolve();
		});
		send().catch(reject);
	});
}

/** Milliseconds from one `didChange` (insert or remove a comment line) to its diagnostics. */
async function changeToDiagnostics(session: Session, insert: boolean): Promise<number> {
	const version = ++session.version;
	const at = { line: 2, character: 0 };
	const change = insert
		? { range: { start: at, end: at }, text: '// edited\n' }
		: { range: { start: at, end: { line: 3, character: 0 } }, text: '' };
	const start = process.hrtime.bigint();
	await untilPublished(session, version, () =>
		session.connection.sendNotification(DidChangeTextDocumentNotification.type, {
			textDocument: { uri: session.uri, version },
			contentChanges: [change],
		}),
	);
	return Number(process.hrtime.bigint() - start) / 1e6;
}

async function timed(fn: () => Promise<unknown>): Promise<number> {
	const start = process.hrtime.bigint();
	await fn();
	return Number(process.hrtime.bigint() - start) / 1e6;
}

/** Positions of the numbers after `at` and of the region names in `text`, evenly sampled. */
function samplePositions(text: string, count: number): Position[] {
	const lines = text.split('\n');
	const result: Position[] = [];
	for (let i = 0; i < count; i++) {
		const line = Math.floor(((i + 0.5) * lines.length) / count);
		const content = lines[line] ?? '';
		const at = content.indexOf(' at ');
		const character = at >= 0 && i % 2 === 0 ? at + 5 : content.search(/\S/) + 5;
		result.push({ line, character: Math.max(0, character) });
	}
	return result;
}

async function diagnosticsRows(regions: number, targetMs: number, runs: number): Promise<Row[]> {
	const session = await startSession(generateBoard(regions));
	try {
		const samples: number[] = [];
		for (let i = 0; i < runs + 2; i++) {
			const ms = await changeToDiagnostics(session, i % 2 === 0);
			if (i >= 2) {
				samples.push(ms);
			}
		}
		const label = `${regions / 1000}k regions`;
		return [msRow('server: didChange -> publishDiagnostics', label, median(samples), targetMs)];
	} finally {
		session.stop();
	}
}

async function requestRows(): Promise<Row[]> {
	const text = generateBoard(100_000);
	const session = await startSession(text);
	try {
		const textDocument = { uri: session.uri };
		const hovers: number[] = [];
		for (const position of samplePositions(text, 200)) {
			hovers.push(await timed(() => session.connection.sendRequest(HoverRequest.type, { textDocument, position })));
		}
		const completions: number[] = [];
		for (const position of samplePositions(text, 40)) {
			completions.push(
				await timed(() => session.connection.sendRequest(CompletionRequest.type, { textDocument, position })),
			);
		}
		const hoverRow = msRow('server: hover p95', '100k regions', percentile(hovers.slice(10), 95), 10);
		const completionRow = msRow('server: completion', '100k regions', median(completions.slice(5)), 20);
		return [hoverRow, completionRow];
	} finally {
		session.stop();
	}
}

/** The server rows of `npm run bench`. */
export async function run(): Promise<Row[]> {
	return [
		...(await diagnosticsRows(10_000, 30, 15)),
		...(await diagnosticsRows(100_000, 1000, 5)),
		...(await requestRows()),
	];
}
