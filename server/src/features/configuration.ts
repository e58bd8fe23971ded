/**
 * Settings plumbing: `initializationOptions` seed the settings (the bench sets the debounce
 * to 0 there); `workspace/configuration` refreshes them when the client supports it, else
 * `didChangeConfiguration` payloads do. Listeners re-publish diagnostics; hints and code
 * lenses are refreshed.
 */
import {
	CodeLensRefreshRequest,
	DidChangeConfigurationNotification,
	DidChangeWatchedFilesNotification,
	RequestType0,
} from 'vscode-languageserver';
import type { InitializeParams } from 'vscode-languageserver';
import { guard, logError, type ServerContext } from '../context';
import { readSettings } from '../settings';

/** Hidden `memmap/_stats`: the server's heap, for the soak test and the bench. */
export const statsRequest = new RequestType0<{ heapUsed: number; rss: number }, void>('memmap/_stats');

export function registerConfiguration(ctx: ServerContext, init: InitializeParams): void {
	const options: unknown = init.initializationOptions;
	ctx.settings = readSettings(options, ctx.settings);
	const pull = init.capabilities.workspace?.configuration === true;
	const dynamic = init.capabilities.workspace?.didChangeConfiguration?.dynamicRegistration === true;
	const watch = init.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
	const refresh = async (pushed: unknown): Promise<void> => {
		try {
			const section: unknown = pull
				? await ctx.connection.workspace.getConfiguration('memmap')
				: isMemmapSection(pushed);
			ctx.settings = readSettings(section, ctx.settings);
			for (const listener of ctx.onSettingsChanged) {
				listener();
			}
			if (init.capabilities.workspace?.inlayHint?.refreshSupport === true) {
				await ctx.connection.languages.inlayHint.refresh();
			}
			if (init.capabilities.workspace?.codeLens?.refreshSupport === true) {
				await ctx.connection.sendRequest(CodeLensRefreshRequest.type);
			}
		} catch (error) {
			logError(ctx, 'configuration', error);
		}
	};
	ctx.connection.onInitialized(() => {
		if (dynamic) {
			void ctx.connection.client.register(DidChangeConfigurationNotification.type, { section: 'memmap' });
		}
		if (watch) {
			// Included files change on disk too (git checkout, another editor): watch them,
			// and the QEMU captures (`NAME.flat.txt`) that boards are compared with.
			void ctx.connection.client.register(DidChangeWatchedFilesNotification.type, {
				watchers: [{ globPattern: '**/*.memmap' }, { globPattern: '**/*.flat.txt' }],
			});
		}
		if (pull) {
			void refresh(undefined);
		}
	});
	ctx.connection.onDidChangeConfiguration((change) => void refresh(change.settings));
	ctx.connection.onRequest(
		statsRequest,
		guard(ctx, 'stats', { heapUsed: 0, rss: 0 }, () => {
			// With --expose-gc (the soak test) collect first, so the figure is the live heap.
			const gc: unknown = Reflect.get(globalThis, 'gc');
			if (typeof gc === 'function') {
				gc();
			}
			const usage = process.memoryUsage();
			return { heapUsed: usage.heapUsed, rss: usage.rss };
		}),
	);
}

function isMemmapSection(pushed: unknown): unknown {
	return typeof pushed === 'object' && pushed !== null && 'memmap' in pushed ? pushed.memmap : pushed;
}
