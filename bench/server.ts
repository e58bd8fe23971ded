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
	CancellationTokenSource,
	CompletionRequest,
	createProtocolConnection,
	DidChangeTextDocumentNotification,
	DidOpenTextDocumentNotification,
	DocumentSymbolRequest,
	FoldingRangeRequest,
	HoverRequest,
	InitializedNotification,
	InitializeRequest,
	PublishDiagnosticsNotification,
	SemanticTokensDeltaRequest,
	SemanticTokensRequest,
	StreamMessageReader,
	StreamMessageWriter,
	type Position,
	type ProtocolConnection,
} from 'vscode-languageserver-protocol/node';
import { generateBoard } from './generate';
import { formatMs, median, msRow, percentile } from './table';
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

/**
 * The edits the benchmark times, each made and then undone:
 * - `block`: a size typed over in a region in the middle of the board (`32K` to `64K` and
 *   back, or the other way), the common case of editing a map. The enclosing block is
 *   parsed again and the region reads its new size; the build is kept, the flat views
 *   and checks are redone.
 * - `region`: a region line added in that block (and removed). The tree's shape changes:
 *   the new region's record is slotted in and later ids move; views and checks are redone.
 *   (`typingToDiagnostics` also types such a line key by key, and an alias line of that
 *   region: see `typedLines`.)
 * - `top`: a comment line inserted and removed above everything, outside every block.
 *   The items around it are parsed again; nothing else changes.
 */
type EditKind = 'block' | 'region' | 'top';

interface SizeSpot {
	readonly line: number;
	readonly character: number;
	readonly text: string;
	/** What the size is typed over with: never the size itself, so the text does change. */
	readonly replacement: string;
	/** The name of the region whose size it is. */
	readonly name: string;
}

/** The size of the region `bN.ram` nearest the middle of the board. */
function middleSize(text: string): SizeSpot {
	const lines = text.split('\n');
	for (let offset = 0; offset < lines.length; offset++) {
		const line = Math.floor(lines.length / 2) + offset;
		const match = /(\S+\.ram) at 0 size (\S+)/.exec(lines[line] ?? '');
		if (match !== null) {
			const size = match[2] ?? '';
			const replacement = size === '64K' ? '32K' : '64K';
			return { line, character: match.index + match[0].length - size.length, text: size, replacement, name: match[1] ?? '' };
		}
	}
	throw new Error('the board has no RAM region to edit');
}

/** Milliseconds from one `didChange` to its diagnostics; even runs make the edit, odd ones undo it. */
async function changeToDiagnostics(session: Session, kind: EditKind, spot: SizeSpot, apply: boolean): Promise<number> {
	const version = ++session.version;
	let change;
	if (kind === 'block') {
		const [from, to] = apply ? [spot.text, spot.replacement] : [spot.replacement, spot.text];
		const start = { line: spot.line, character: spot.character };
		change = { range: { start, end: { line: spot.line, character: spot.character + from.length } }, text: to };
	} else if (kind === 'region') {
		const at = { line: spot.line + 1, character: 0 };
		change = apply
			? { range: { start: at, end: at }, text: '      ram bench.added at 0xa0000 size 4K\n' }
			: { range: { start: at, end: { line: spot.line + 2, character: 0 } }, text: '' };
	} else {
		const at = { line: 2, character: 0 };
		change = apply
			? { range: { start: at, end: at }, text: '// edited\n' }
			: { range: { start: at, end: { line: 3, character: 0 } }, text: '' };
	}
	const start = process.hrtime.bigint();
	await untilPublished(session, version, () =>
		session.connection.sendNotification(DidChangeTextDocumentNotification.type, {
			textDocument: { uri: session.uri, version },
			contentChanges: [change],
		}),
	);
	return Number(process.hrtime.bigint() - start) / 1e6;
}

/** The lines typed key by key below `spot`, after the indentation an editor puts in. */
function typedLines(spot: SizeSpot): { readonly what: string; readonly line: string }[] {
	return [
		{ what: 'a region line', line: 'ram bench.typed at 0xa0000 size 4K' },
		{ what: 'an alias line', line: `alias bench.window at 0xa0000 size 4K of ${spot.name}` },
	];
}

/**
 * Milliseconds from each `didChange` to its diagnostics while `typed` is typed key by key
 * below `spot` (a new line with its indentation, then one character at a time), and the
 * line deleted again: every state between is a half-typed region.
 */
async function typingToDiagnostics(session: Session, spot: SizeSpot, typed: string): Promise<number[]> {
	const line = spot.line + 1;
	const changes = [
		{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: '      \n' },
		...[...typed].map((key, i) => {
			const at = { line, character: 6 + i };
			return { range: { start: at, end: at }, text: key };
		}),
		{ range: { start: { line, character: 0 }, end: { line: line + 1, character: 0 } }, text: '' },
	];
	const samples: number[] = [];
	for (const change of changes) {
		const version = ++session.version;
		const start = process.hrtime.bigint();
		await untilPublished(session, version, () =>
			session.connection.sendNotification(DidChangeTextDocumentNotification.type, {
				textDocument: { uri: session.uri, version },
				contentChanges: [change],
			}),
		);
		samples.push(Number(process.hrtime.bigint() - start) / 1e6);
	}
	return samples;
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
	const text = generateBoard(regions);
	const spot = middleSize(text);
	const session = await startSession(text);
	try {
		const label = `${regions / 1000}k regions`;
		const rows: Row[] = [];
		const edits = [
			['block', 'a size in a block'],
			['region', 'a region added in a block'],
			['top', 'a top-level comment line'],
		] as const;
		for (const [kind, what] of edits) {
			const samples: number[] = [];
			for (let i = 0; i < runs + 2; i++) {
				const ms = await changeToDiagnostics(session, kind, spot, i % 2 === 0);
				if (i >= 2) {
					samples.push(ms);
				}
			}
			rows.push(msRow(`server: didChange -> publishDiagnostics, ${what}`, label, median(samples), targetMs));
		}
		for (const { what, line } of typedLines(spot)) {
			const keys: number[] = [];
			for (let i = 0; i < Math.max(1, runs / 10); i++) {
				keys.push(...(await typingToDiagnostics(session, spot, line)));
			}
			const p95 = formatMs(percentile(keys, 95));
			rows.push(msRow(`server: didChange -> publishDiagnostics, ${what} typed key by key (p95 ${p95})`, label, median(keys), targetMs));
		}
		rows.push(...(await firstHoverRows(session, text, label)));
		rows.push(...(await afterEditRows(session, text, label)));
		rows.push(...(await keystrokeRows(session, text, label)));
		return rows;
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

/**
 * The first hover after each edit: the hover p95 row is taken on one analysis, whose
 * lookups are warm; these pay for whatever a new analysis builds on its first query.
 * Each run types a size over and waits for the diagnostics, then hovers once, on the
 * address after `at` or on the region's name (the two kinds of hover) in turn. No
 * target: the 10 ms of the hover row is for hovers on a settled analysis (see README).
 */
async function firstHoverRows(session: Session, text: string, label: string): Promise<Row[]> {
	const spot = middleSize(text);
	const textDocument = { uri: session.uri };
	const line = text.split('\n')[spot.line] ?? '';
	const kinds = [
		{ what: 'on an address', position: { line: spot.line, character: line.indexOf(' at ') + 5 }, samples: [] as number[] },
		{ what: 'on a region name', position: { line: spot.line, character: line.search(/\S/) + 5 }, samples: [] as number[] },
	];
	for (let i = 0; i < 16; i++) {
		await changeToDiagnostics(session, 'block', spot, i % 2 === 0);
		const kind = kinds[(i >> 1) % 2] ?? kinds[0];
		kind?.samples.push(await timed(() => session.connection.sendRequest(HoverRequest.type, { textDocument, position: kind.position })));
	}
	return kinds.map((kind) => msRow(`server: first hover after an edit, ${kind.what}`, label, median(kind.samples.slice(1))));
}

/**
 * What VS Code asks for after each edit besides diagnostics: semantic tokens (as a delta
 * on the previous result), the outline (document symbols, also behind breadcrumbs and
 * sticky scroll) and folding ranges. The server answers them one after another on the
 * thread that also answers hovers, so their sum is how long a keystroke keeps it busy.
 * Each run types a size over and waits for the diagnostics, then asks the three in turn;
 * the times include the JSON-RPC transport. No target: the issues set none.
 */
async function afterEditRows(session: Session, text: string, label: string): Promise<Row[]> {
	const spot = middleSize(text);
	const textDocument = { uri: session.uri };
	const full = await session.connection.sendRequest(SemanticTokensRequest.type, { textDocument });
	let previousResultId = full?.resultId ?? '';
	const tokens: number[] = [];
	const symbols: number[] = [];
	const folds: number[] = [];
	for (let i = 0; i < 9; i++) {
		await changeToDiagnostics(session, 'block', spot, i % 2 === 0);
		tokens.push(
			await timed(async () => {
				const delta = await session.connection.sendRequest(SemanticTokensDeltaRequest.type, { textDocument, previousResultId });
				previousResultId = delta?.resultId ?? '';
			}),
		);
		symbols.push(await timed(() => session.connection.sendRequest(DocumentSymbolRequest.type, { textDocument })));
		folds.push(await timed(() => session.connection.sendRequest(FoldingRangeRequest.type, { textDocument })));
	}
	return [
		msRow('server: after an edit, semantic tokens delta', label, median(tokens.slice(1))),
		msRow('server: after an edit, document symbols (outline, default limit)', label, median(symbols.slice(1))),
		msRow('server: after an edit, folding ranges', label, median(folds.slice(1))),
	];
}

/**
 * A key typed while VS Code's after-edit requests wait: the three requests of a pause in
 * typing (semantic tokens as a delta on the last answer, outline, folding) are sent; 20 ms
 * later, when the server is busy with the first, the next key is typed: VS Code cancels
 * the three, sends the change and asks for a hover. The row is the time from that key to
 * the hover's answer. The request already running must finish (a handler runs to its
 * end), but the two still queued when their `$/cancelRequest` arrives need not run at
 * all. No target: the issues set none.
 */
async function keystrokeRows(session: Session, text: string, label: string): Promise<Row[]> {
	const spot = middleSize(text);
	const textDocument = { uri: session.uri };
	const line = text.split('\n')[spot.line] ?? '';
	const position = { line: spot.line, character: line.search(/\S/) + 5 };
	const samples: number[] = [];
	const full = await session.connection.sendRequest(SemanticTokensRequest.type, { textDocument });
	let previousResultId = full?.resultId ?? '';
	for (let i = 0; i < 9; i++) {
		const sources = [new CancellationTokenSource(), new CancellationTokenSource(), new CancellationTokenSource()] as const;
		const pending = [
			session.connection
				.sendRequest(SemanticTokensDeltaRequest.type, { textDocument, previousResultId }, sources[0].token)
				.then((delta) => (previousResultId = delta?.resultId ?? previousResultId)),
			session.connection.sendRequest(DocumentSymbolRequest.type, { textDocument }, sources[1].token),
			session.connection.sendRequest(FoldingRangeRequest.type, { textDocument }, sources[2].token),
		].map((request) => request.then(() => undefined, () => undefined));
		await new Promise((resolve) => setTimeout(resolve, 20));
		const start = process.hrtime.bigint();
		for (const source of sources) {
			source.cancel();
		}
		const version = session.version + 1;
		const published = changeToDiagnostics(session, 'block', spot, i % 2 === 0);
		await session.connection.sendRequest(HoverRequest.type, { textDocument, position });
		samples.push(Number(process.hrtime.bigint() - start) / 1e6);
		await Promise.all([...pending, published]);
		if (session.version !== version) {
			throw new Error('the keystroke bench lost count of versions');
		}
	}
	return [msRow('server: hover after a key typed while tokens, outline, folding wait', label, median(samples.slice(1)))];
}

/** The server rows of `npm run bench`. */
export async function run(): Promise<Row[]> {
	return [
		...(await diagnosticsRows(10_000, 30, 16)),
		...(await diagnosticsRows(100_000, 1000, 6)),
		...(await requestRows()),
	];
}
