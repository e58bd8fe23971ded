/**
 * What every feature gets: the connection, the open documents, the analysis cache, the
 * current settings, and `guard`, which turns any exception of a handler into an empty
 * answer plus a log line, so no input can take the server down (`cancellableGuard` also
 * lets a request be cancelled before it runs).
 */
import { LSPErrorCodes, ResponseError } from 'vscode-languageserver';
import type { CancellationToken, Connection, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analysis } from '../../core/src/index';
import type { DocumentCache } from './documentCache';
import { LateQueue } from './lateQueue';
import type { Settings } from './settings';
import type { Workspace } from './workspace';

export interface ServerContext {
	readonly connection: Connection;
	readonly documents: TextDocuments<TextDocument>;
	readonly workspace: Workspace;
	readonly cache: DocumentCache;
	settings: Settings;
	/** Listeners called after settings change (diagnostics re-publish, hints refresh). */
	readonly onSettingsChanged: (() => void)[];
}

/** The analysis to answer a request on `uri` with, and the open document itself. */
export function analysisFor(
	ctx: ServerContext,
	uri: string,
): { analysis: Analysis; document: TextDocument } | undefined {
	const document = ctx.documents.get(uri);
	if (!document) {
		return undefined;
	}
	const analysis = ctx.cache.contextFor(uri, (u) => ctx.documents.get(u) !== undefined);
	return { analysis, document };
}

/**
 * Wraps a request handler: an exception becomes `fallback` and one line on the client's
 * console (never `console.*`, which would corrupt the stdio transport).
 */
export function guard<P, R>(
	ctx: ServerContext,
	name: string,
	fallback: R,
	handler: (params: P) => R,
): (params: P) => R {
	return (params: P) => {
		try {
			return handler(params);
		} catch (error) {
			logError(ctx, name, error);
			return fallback;
		}
	};
}

/** Logs an unexpected exception to the client's output channel. */
export function logError(ctx: ServerContext, name: string, error: unknown): void {
	const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
	ctx.connection.console.error(`memmap: ${name} failed: ${text}`);
}

/**
 * `guard` for the requests VS Code sends again after every edit and cancels at the next
 * key (semantic tokens, the outline, folding ranges): such a request waits its turn in
 * `lateQueue` and, if a cancel was read in the meantime, is answered RequestCancelled (as
 * LSP asks) without running. Only these requests wait: a notification read in the
 * meantime (the key's didChange) means the answer is for newer text, which is harmless
 * here because VS Code cancels them at every change and asks again, while a hover or a
 * rename must see the text it was asked about.
 */
export function cancellableGuard<P, R>(
	ctx: ServerContext,
	name: string,
	fallback: R,
	handler: (params: P) => R,
): (params: P, token: CancellationToken) => Promise<R | ResponseError<void>> {
	const guarded = guard(ctx, name, fallback, handler);
	return (params, token) =>
		new Promise((resolve) => {
			lateQueue.add(() => resolve(token.isCancellationRequested ? cancelled() : guarded(params)));
		});
}

/** The answer to a request cancelled before it ran. */
function cancelled(): ResponseError<void> {
	return new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled before it ran');
}

/** A key press sends some six messages (cancels, its change, a hover), hence eight turns. */
const lateQueue = new LateQueue(8);
