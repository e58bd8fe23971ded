/**
 * Included files or QEMU captures changed on disk (reported by the client's file watcher,
 * if it has one): forget their cached text and re-check every open document.
 */
import type { DidChangeWatchedFilesParams } from 'vscode-languageserver';
import { logError, type ServerContext } from '../context';
import type { DiagnosticsFeature } from './diagnostics';

export function registerWatchedFiles(ctx: ServerContext, diagnostics: DiagnosticsFeature): void {
	ctx.connection.onDidChangeWatchedFiles((params: DidChangeWatchedFilesParams) => {
		try {
			for (const change of params.changes) {
				ctx.workspace.invalidate(change.uri);
			}
			diagnostics.scheduleAll();
		} catch (error) {
			logError(ctx, 'watchedFiles', error);
		}
	});
}
