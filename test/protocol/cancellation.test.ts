import * as assert from 'node:assert/strict';
import {
	CancellationTokenSource,
	DidOpenTextDocumentNotification,
	DocumentSymbolRequest,
	FoldingRangeRequest,
	HoverRequest,
	LSPErrorCodes,
	SemanticTokensDeltaRequest,
	SemanticTokensRangeRequest,
	SemanticTokensRequest,
} from 'vscode-languageserver-protocol';
import { manyRegions, random } from './exercise';
import { LspClient } from './lspClient';

/** How a request ended: its result, or the error code it was answered with. */
type Outcome = { readonly result: unknown } | { readonly code: number };

function outcome(request: Promise<unknown>): Promise<Outcome> {
	return request.then(
		(result) => ({ result }),
		(error: { code?: unknown }) => ({ code: typeof error.code === 'number' ? error.code : Number.NaN }),
	);
}

const delay = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

suite('protocol: cancellation', () => {
	// 50,000 regions: the semantic tokens take tens of milliseconds even on a fast machine
	// (about 70 ms here), so the messages sent 10 ms later arrive while the server is busy
	// with them.
	const text = manyRegions(50_000);
	const uri = 'file:///virtual/cancel.memmap';
	const textDocument = { uri };

	test('a key typed while the outline and folding wait behind semantic tokens: they are cancelled and never run', async () => {
		const client = await LspClient.start();
		try {
			await client.open(uri, text);
			// What VS Code does in a pause in typing, and then at the next key.
			const symbolsSource = new CancellationTokenSource();
			const foldingSource = new CancellationTokenSource();
			const tokens = outcome(client.connection.sendRequest(SemanticTokensRequest.type, { textDocument }));
			const tokensAgain = client.connection.sendRequest(SemanticTokensRequest.type, { textDocument });
			const symbols = outcome(client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument }, symbolsSource.token));
			const folding = outcome(client.connection.sendRequest(FoldingRangeRequest.type, { textDocument }, foldingSource.token));
			await delay(10);
			// The later request's cancel first: the outline's is the second message read.
			foldingSource.cancel();
			symbolsSource.cancel();
			await client.change(uri, [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, text: '\t// typed\n' }]);
			const hover = client.connection.sendRequest(HoverRequest.type, { textDocument, position: { line: 3, character: 5 } });

			const tokensDone = await tokens;
			assert.ok('result' in tokensDone, 'the request already running is answered');
			assert.ok(((tokensDone.result as { data?: number[] } | null)?.data?.length ?? 0) > 0);
			assert.ok(((await tokensAgain)?.data.length ?? 0) > 0);
			assert.deepEqual(await symbols, { code: LSPErrorCodes.RequestCancelled });
			assert.deepEqual(await folding, { code: LSPErrorCodes.RequestCancelled });
			assert.ok(await hover, 'the key is served');
		} finally {
			assert.equal(await client.stop(), 0);
		}
	});

	test('the same requests, not cancelled, are answered on the text as it now is', async () => {
		const client = await LspClient.start();
		try {
			await client.open(uri, text);
			// Tokens once only: their 5 MB answer is written when they end, and the change must
			// still be read before the outline starts.
			const tokens = client.connection.sendRequest(SemanticTokensRequest.type, { textDocument });
			const symbols = client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument });
			const folding = client.connection.sendRequest(FoldingRangeRequest.type, { textDocument });
			await delay(10);
			await client.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '// typed\n' }]);
			assert.ok(((await tokens)?.data.length ?? 0) > 0);
			const outline = (await symbols) as { name: string; range: { start: { line: number } } }[] | null;
			assert.deepEqual(
				outline?.map((s) => [s.name, s.range.start.line]),
				[['memory', 1], ['system', 2]],
				'the outline was computed after the change (the requests that wait see the newer text)',
			);
			assert.ok(((await folding)?.length ?? 0) > 0);
		} finally {
			assert.equal(await client.stop(), 0);
		}
	});

	test('requests that wait survive cancels, changes, closes and reopens in any order', async () => {
		const client = await LspClient.start();
		try {
			const small = manyRegions(2000);
			await client.open(uri, small);
			const next = random(21);
			const pick = (n: number): number => Math.floor(next() * n);
			const asks = [
				() => client.connection.sendRequest(SemanticTokensRequest.type, { textDocument }, source.token),
				() => client.connection.sendRequest(SemanticTokensDeltaRequest.type, { textDocument, previousResultId: String(pick(5)) }, source.token),
				() => client.connection.sendRequest(SemanticTokensRangeRequest.type, { textDocument, range: { start: { line: pick(50), character: 0 }, end: { line: 50 + pick(50), character: 3 } } }, source.token),
				() => client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument }, source.token),
				() => client.connection.sendRequest(FoldingRangeRequest.type, { textDocument }, source.token),
			];
			let source = new CancellationTokenSource();
			const sources: CancellationTokenSource[] = [];
			const pending: Promise<Outcome>[] = [];
			for (let step = 0; step < 300; step++) {
				const what = pick(10);
				if (what < 5) {
					source = new CancellationTokenSource();
					sources.push(source);
					const ask = asks[pick(asks.length)];
					if (ask) {
						pending.push(outcome(ask()));
					}
				} else if (what < 7) {
					sources[pick(sources.length)]?.cancel();
				} else if (what < 9) {
					const line = 2 + pick(1000);
					await client.change(uri, [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: pick(2) ? '\t// typed\n' : '\tram x' }]);
				} else {
					await client.close(uri);
					await client.connection.sendNotification(DidOpenTextDocumentNotification.type, {
						textDocument: { uri, languageId: 'memmap', version: 1, text: small },
					});
				}
				if (step % 50 === 0) {
					await delay(5);
				}
			}
			const outcomes = await Promise.all(pending);
			for (const done of outcomes) {
				assert.ok('result' in done || done.code === LSPErrorCodes.RequestCancelled, JSON.stringify(done));
			}
			const cancelledCount = outcomes.filter((done) => !('result' in done)).length;
			assert.ok(cancelledCount > 0 && cancelledCount < outcomes.length, `${cancelledCount} of ${outcomes.length} cancelled`);
			assert.equal(client.process.exitCode, null);
			const logged = client.notifications.filter((n) => n.method === 'window/logMessage' && (n.params as { type: number }).type === 1);
			assert.deepEqual(logged.map((n) => (n.params as { message: string }).message), []);
			// After it all, the outline is the text's as it now stands.
			await client.close(uri);
			await client.open(uri, small);
			const outline = (await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument })) as { name: string }[] | null;
			assert.deepEqual(outline?.map((s) => s.name), ['memory', 'system']);
		} finally {
			assert.equal(await client.stop(), 0);
		}
	});
});
