import * as assert from 'node:assert/strict';
import {
	CompletionRequest,
	DocumentSymbolRequest,
	HoverRequest,
	SemanticTokensDeltaRequest,
	SemanticTokensRequest,
	type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { flatViewRequest, random, statsRequest } from './exercise';
import { fixture } from './fixtures';
import { LspClient } from './lspClient';

const fragments = [
	'ram x size 4K\n', 'container c size 1M {\n', '}\n', 'map pc.ram at 0x1000\n', 'alias a at 0 size 1K of pc.bios\n',
	' at 0x', ' size ', ' priority 4', ' overlap', '{', '}', ';', '"', '//', '/*', '*/', '\n', ' ', '0x_', '16E', '#1',
	'\u0000', '\uD800', 'é', '\r\n', 'io', 'of', '/', 'include "board.memmap"\n',
];

/** A random incremental edit of `doc`: an insertion, a deletion or a replacement. */
function randomEdit(doc: TextDocument, next: () => number): TextDocumentContentChangeEvent {
	const text = doc.getText();
	const start = Math.floor(next() * (text.length + 1));
	const tooLong = text.length > 8000;
	const deleteLength = tooLong ? Math.floor(next() * 400) : next() < 0.4 ? Math.floor(next() * 12) : 0;
	const end = Math.min(text.length, start + deleteLength);
	const insert = tooLong || next() < 0.2 ? '' : (fragments[Math.floor(next() * fragments.length)] ?? '');
	return { range: { start: doc.positionAt(start), end: doc.positionAt(end) }, text: insert };
}

/** Semantic tokens as the client holds them: the last answer's id and its data. */
interface KnownTokens {
	readonly id: string;
	readonly data: readonly number[];
}

/**
 * Asks for the tokens as an edit of `known` and applies it, as the editor does; with
 * `check`, also asks for them whole and compares (the edit must give the same data).
 */
async function followTokens(client: LspClient, uri: string, known: KnownTokens | undefined, check: boolean): Promise<KnownTokens> {
	const textDocument = { uri };
	if (known === undefined) {
		const whole = await client.connection.sendRequest(SemanticTokensRequest.type, { textDocument });
		return { id: whole?.resultId ?? '', data: whole?.data ?? [] };
	}
	const answer = await client.connection.sendRequest(SemanticTokensDeltaRequest.type, { textDocument, previousResultId: known.id });
	assert.ok(answer, 'a delta request is answered');
	let data = [...known.data];
	if ('edits' in answer) {
		for (const edit of answer.edits) {
			data.splice(edit.start, edit.deleteCount, ...(edit.data ?? []));
		}
	} else {
		data = answer.data;
	}
	if (check) {
		const whole = await client.connection.sendRequest(SemanticTokensRequest.type, { textDocument });
		assert.deepEqual(data, whole?.data, 'the edited tokens equal a whole answer');
		return { id: whole?.resultId ?? '', data };
	}
	return { id: answer.resultId ?? '', data };
}

suite('protocol: soak', () => {
	test('10,000 random incremental edits: every request answered, alive, heap flat', async function () {
		this.timeout(300_000);
		const client = await LspClient.start({ debounceMs: 5 }, {}, ['--expose-gc']);
		const board = fixture('board.memmap');
		const next = random(42);
		let doc = TextDocument.create(board.uri, 'memmap', 1, board.text);
		await client.open(board.uri, board.text);
		let baseline = 0;
		let answered = 0;
		let tokens: KnownTokens | undefined;
		for (let i = 1; i <= 10_000; i++) {
			const change = randomEdit(doc, next);
			doc = TextDocument.update(doc, [change], doc.version + 1);
			await client.change(board.uri, [change]);
			if (i % 50 === 0) {
				const position = doc.positionAt(Math.floor(next() * (doc.getText().length + 1)));
				const textDocument = { uri: board.uri };
				await Promise.all([
					client.connection.sendRequest(HoverRequest.type, { textDocument, position }),
					client.connection.sendRequest(CompletionRequest.type, { textDocument, position }),
					client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument }),
					client.connection.sendRequest(flatViewRequest, { uri: board.uri }),
				]);
				answered += 4;
				tokens = await followTokens(client, board.uri, tokens, i % 500 === 0);
			}
			if (i === 1000) {
				baseline = (await client.connection.sendRequest(statsRequest)).heapUsed;
			}
		}
		assert.equal(answered, 800);
		// The last version's diagnostics arrive, and equal those of a fresh open of the same text.
		const last = await client.diagnosticsUntil(board.uri, (p) => p.version === doc.version, 30_000);
		const fresh = await client.open('file:///virtual/soak-copy.memmap', doc.getText());
		const strip = (p: typeof last): string[] => p.diagnostics.map((d) => `${d.code} ${JSON.stringify(d.range)}`);
		assert.deepEqual(strip(last).filter((d) => !d.startsWith('include')), strip(fresh).filter((d) => !d.startsWith('include')));
		const final = (await client.connection.sendRequest(statsRequest)).heapUsed;
		assert.ok(final < baseline + 32 * 1024 * 1024, `heap grew from ${baseline} to ${final}`);
		assert.equal(client.process.exitCode, null);
		assert.equal(await client.stop(), 0);
	});
});
