/** Sends every request the server supports at a set of positions; used by robustness tests. */
import {
	CallHierarchyIncomingCallsRequest,
	CallHierarchyOutgoingCallsRequest,
	CallHierarchyPrepareRequest,
	CodeActionRequest,
	CodeLensRequest,
	CompletionRequest,
	DefinitionRequest,
	DocumentHighlightRequest,
	DocumentFormattingRequest,
	DocumentRangeFormattingRequest,
	DocumentLinkRequest,
	DocumentOnTypeFormattingRequest,
	DocumentSymbolRequest,
	FoldingRangeRequest,
	HoverRequest,
	InlayHintRequest,
	PrepareRenameRequest,
	ReferencesRequest,
	RenameRequest,
	RequestType,
	RequestType0,
	SelectionRangeRequest,
	SemanticTokensDeltaRequest,
	SemanticTokensRangeRequest,
	SemanticTokensRequest,
	TypeHierarchyPrepareRequest,
	TypeHierarchySubtypesRequest,
	TypeHierarchySupertypesRequest,
	WorkspaceSymbolRequest,
	type Position,
} from 'vscode-languageserver-protocol';
import { exportMethod, flatViewMethod, ownerMethod } from '../../core/src/protocol';
import type { ExportParams, ExportResult, FlatViewParams, FlatViewResult, OwnerParams, OwnerResult } from '../../core/src/protocol';
import type { LspClient } from './lspClient';

export const flatViewRequest = new RequestType<FlatViewParams, FlatViewResult, void>(flatViewMethod);
export const ownerRequest = new RequestType<OwnerParams, OwnerResult, void>(ownerMethod);
export const exportRequest = new RequestType<ExportParams, ExportResult, void>(exportMethod);
export const statsRequest = new RequestType0<{ heapUsed: number; rss: number }, void>('memmap/_stats');

/** Positions spread over `text`: the start, the end, and `count` points in between. */
export function spreadPositions(text: string, count: number): Position[] {
	const lines = text.split('\n');
	const positions: Position[] = [{ line: 0, character: 0 }];
	for (let i = 1; i <= count; i++) {
		const line = Math.floor((i * (lines.length - 1)) / count);
		const length = lines[line]?.length ?? 0;
		positions.push({ line, character: Math.floor((i * 7919) % (length + 1)) });
	}
	positions.push({ line: lines.length - 1, character: (lines[lines.length - 1] ?? '').length });
	return positions;
}

/** Sends every document request at each position and the document-wide ones once. */
export async function exerciseAll(client: LspClient, uri: string, positions: readonly Position[]): Promise<void> {
	const c = client.connection;
	const textDocument = { uri };
	const whole = { start: { line: 0, character: 0 }, end: { line: 1_000_000, character: 0 } };
	const pending: Promise<unknown>[] = [
		c.sendRequest(DocumentSymbolRequest.type, { textDocument }),
		c.sendRequest(WorkspaceSymbolRequest.type, { query: 'a' }),
		c.sendRequest(DocumentLinkRequest.type, { textDocument }),
		c.sendRequest(FoldingRangeRequest.type, { textDocument }),
		c.sendRequest(SemanticTokensRequest.type, { textDocument }),
		c.sendRequest(SemanticTokensRangeRequest.type, { textDocument, range: whole }),
		c.sendRequest(SemanticTokensDeltaRequest.type, { textDocument, previousResultId: '1' }),
		c.sendRequest(DocumentFormattingRequest.type, { textDocument, options: { tabSize: 4, insertSpaces: false } }),
		c.sendRequest(DocumentRangeFormattingRequest.type, { textDocument, range: whole, options: { tabSize: 4, insertSpaces: false } }),
		c.sendRequest(InlayHintRequest.type, { textDocument, range: whole }),
		c.sendRequest(CodeActionRequest.type, { textDocument, range: whole, context: { diagnostics: [] } }),
		c.sendRequest(CodeLensRequest.type, { textDocument }),
		c.sendRequest(SelectionRangeRequest.type, { textDocument, positions: [...positions] }),
		c.sendRequest(flatViewRequest, { uri }),
		c.sendRequest(ownerRequest, { uri, address: '0x1000' }),
		c.sendRequest(exportRequest, { uri, format: 'c' }),
		c.sendRequest(exportRequest, { uri, format: 'ld', prefix: 'X_' }),
		c.sendRequest(exportRequest, { uri, format: 'md' }),
		c.sendRequest(exportRequest, { uri, format: 'qemu' }),
	];
	for (const position of positions) {
		pending.push(
			c.sendRequest(HoverRequest.type, { textDocument, position }),
			c.sendRequest(CompletionRequest.type, { textDocument, position }),
			c.sendRequest(DefinitionRequest.type, { textDocument, position }),
			c.sendRequest(ReferencesRequest.type, { textDocument, position, context: { includeDeclaration: true } }),
			c.sendRequest(DocumentHighlightRequest.type, { textDocument, position }),
			c.sendRequest(DocumentRangeFormattingRequest.type, { textDocument, range: { start: position, end: position }, options: { tabSize: 4, insertSpaces: false } }),
			c.sendRequest(PrepareRenameRequest.type, { textDocument, position }),
			c.sendRequest(RenameRequest.type, { textDocument, position, newName: 'renamed' }),
			c.sendRequest(DocumentOnTypeFormattingRequest.type, { textDocument, position, ch: '}', options: { tabSize: 4, insertSpaces: false } }),
			exerciseHierarchies(client, uri, position),
		);
	}
	await Promise.all(pending);
}

/** Both hierarchies at `position`: each item found, expanded one level each way. */
async function exerciseHierarchies(client: LspClient, uri: string, position: Position): Promise<void> {
	const c = client.connection;
	const textDocument = { uri };
	const types = (await c.sendRequest(TypeHierarchyPrepareRequest.type, { textDocument, position })) ?? [];
	const calls = (await c.sendRequest(CallHierarchyPrepareRequest.type, { textDocument, position })) ?? [];
	await Promise.all([
		...types.flatMap((item) => [c.sendRequest(TypeHierarchySupertypesRequest.type, { item }), c.sendRequest(TypeHierarchySubtypesRequest.type, { item })]),
		...calls.flatMap((item) => [c.sendRequest(CallHierarchyIncomingCallsRequest.type, { item }), c.sendRequest(CallHierarchyOutgoingCallsRequest.type, { item })]),
	]);
}

/** A deterministic pseudo-random generator (mulberry32), so failures reproduce. */
export function random(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** A board of `count` RAM regions in one container. */
export function manyRegions(count: number): string {
	const lines = ['space memory = system', 'container system size 16E {'];
	for (let i = 0; i < count; i++) {
		lines.push(`\tram r${i} at ${'0x' + (i * 0x1000).toString(16)} size 4K`);
	}
	lines.push('}', '');
	return lines.join('\n');
}

