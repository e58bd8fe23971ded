/**
 * Loads the real webview bundle (dist/webview.js + dist/webview.css) in headless Chromium
 * under the panel's CSP, with a stub `acquireVsCodeApi` that records posted messages and
 * state. Tests talk to it through `post`, `posted` and ordinary DOM queries.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { launchChromium as launchBrowser } from '../../bench/chromium';
import type { FromWebview, ToWebview } from '../../core/src/protocol';
import { themeCss } from './themes';

export const repoRoot = path.resolve(__dirname, '../../..');
const dist = path.join(repoRoot, 'dist');

/** The newest modification time of the files under `dir` (0 when absent). */
function newest(dir: string): number {
	if (!fs.existsSync(dir)) {
		return 0;
	}
	return Math.max(0, ...fs.readdirSync(dir).map((name) => fs.statSync(path.join(dir, name)).mtimeMs));
}

/**
 * Rebuilds the bundles with esbuild.mjs when dist/webview.js is missing or older than the
 * webview sources, so `npm test` (compile + mocha) tests the current code.
 */
export function ensureBundle(): void {
	const bundle = path.join(dist, 'webview.js');
	const built = fs.existsSync(bundle) ? fs.statSync(bundle).mtimeMs : 0;
	if (built < newest(path.join(repoRoot, 'webview', 'src'))) {
		const result = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: repoRoot, encoding: 'utf8' });
		if (result.status !== 0) {
			throw new Error(`node esbuild.mjs failed:\n${result.stdout}${result.stderr}`);
		}
	}
}

export function launchChromium(): Promise<Browser> {
	ensureBundle();
	return launchBrowser();
}

/** Writes the test page (same CSP as the panel, nonce'd stub) and returns its file URL. */
function writePage(state: unknown): string {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'memmap-webview-'));
	fs.writeFileSync(path.join(dir, 'light.css'), themeCss('light'));
	fs.writeFileSync(path.join(dir, 'dark.css'), themeCss('dark'));
	const stub = `
window.__posted = [];
window.__violations = [];
window.__state = ${JSON.stringify(state ?? null)};
document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));
window.acquireVsCodeApi = () => ({
	postMessage: (m) => window.__posted.push(m),
	getState: () => window.__state,
	setState: (s) => { window.__state = s; },
});`;
	fs.writeFileSync(path.join(dir, 'stub.js'), stub);
	const file = (name: string): string => pathToFileURL(name).toString();
	const html = `<!DOCTYPE html>
<html lang="en"><head><meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src file:; script-src 'nonce-test'; img-src file: data:">
<link id="theme" rel="stylesheet" href="light.css">
<link rel="stylesheet" href="${file(path.join(dist, 'webview.css'))}">
</head><body><div id="root"></div>
<script nonce="test" src="stub.js"></script>
<script nonce="test" src="${file(path.join(dist, 'webview.js'))}"></script>
</body></html>`;
	fs.writeFileSync(path.join(dir, 'index.html'), html);
	return file(path.join(dir, 'index.html'));
}

/**
 * Evaluates a browser-side expression. Browser code is written as strings because the test
 * project compiles for Node without the DOM library.
 */
export function inPage<T>(page: Page, expression: string): Promise<T> {
	return page.evaluate(expression) as Promise<T>;
}

/** Waits for two animation frames: the message event, then the render it scheduled. */
export function frames(page: Page): Promise<void> {
	return inPage(page, 'new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))');
}

export interface WebviewPage {
	readonly page: Page;
	post(message: ToWebview): Promise<void>;
	posted(): Promise<FromWebview[]>;
	clearPosted(): Promise<void>;
	state(): Promise<unknown>;
	setTheme(name: 'light' | 'dark'): Promise<void>;
	close(): Promise<void>;
}

/** Opens the webview in a fresh page; `state` is what `getState` returns at start-up. */
export async function openWebview(browser: Browser, state?: unknown): Promise<WebviewPage> {
	const page = await browser.newPage({ viewport: { width: 1400, height: 820 } });
	await page.goto(writePage(state));
	await page.waitForSelector('.app');
	return {
		page,
		post: async (message) => {
			await inPage(page, `window.postMessage(${JSON.stringify(message)}, '*')`);
			await frames(page);
		},
		posted: () => inPage(page, 'window.__posted'),
		clearPosted: () => inPage(page, 'void (window.__posted = [])'),
		state: () => inPage(page, 'window.__state'),
		setTheme: async (name) => {
			await inPage(page, `document.getElementById('theme').setAttribute('href', '${name}.css')`);
			const want = name === 'light' ? 'rgb(255, 255, 255)' : 'rgb(31, 31, 31)';
			// Polled in one evaluation: waitForFunction would eval a string, which the CSP forbids.
			await inPage(
				page,
				`new Promise((resolve) => {
					const check = () => getComputedStyle(document.body).backgroundColor === '${want}' ? resolve(true) : requestAnimationFrame(check);
					check();
				})`,
			);
		},
		close: () => page.close(),
	};
}
