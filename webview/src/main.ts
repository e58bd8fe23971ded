/**
 * Webview entry: acquires the VS Code API, mounts the app and forwards messages. The
 * panel's HTML has a nonce CSP and loads only this bundle and its CSS.
 */
import type { FromWebview } from '../../core/src/protocol';
import { App } from './app';
import { timed } from './perf';
import type { UiState } from './state';

interface VsCodeApi {
	postMessage(message: FromWebview): void;
	getState(): unknown;
	setState(state: UiState): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const host = document.getElementById('root') ?? document.body;
const app = new App(host, vscode);
window.addEventListener('message', (event: MessageEvent<unknown>) => {
	const data = timed('receive', () => event.data);
	timed('handle', () => app.handle(data));
});
vscode.postMessage({ type: 'ready' });
