/**
 * What every feature gets: the connection, the open documents, the analysis cache, the
 * current settings, and `guard`, which turns any exception of a handler into an empty
 * answer plus a log line, so no input can take the server down.
 */
import type { Connection, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analysis } from '../../core/src/index';
import type { DocumentCache } from './documentCache';
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
