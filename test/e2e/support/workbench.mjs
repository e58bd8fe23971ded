// A VS Code workbench (code-server) in headless Chromium, with user-level helpers.
// Every wait is on a page condition with a timeout; there are no fixed sleeps.
import { appendFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { installExtension, launchCodeServer, makeProfile, repoRoot, workbenchUrl } from '../../../scripts/codeServer.mjs';
import { launchChromium } from '../../../scripts/chromium.mjs';

export const artifactsDir = join(repoRoot, 'artifacts');

/** Settings on top of the quiet defaults: a fixed theme and layout for stable screenshots. */
const e2eSettings = {
	'workbench.colorTheme': 'Default Dark Modern',
	'editor.fontSize': 14,
	'editor.hover.delay': 100,
	'editor.quickSuggestions': { other: false, comments: false, strings: false },
	'breadcrumbs.enabled': false,
};

/** Records a process group we started, so that scripts/e2e.mjs can kill it if mocha is killed. */
function recordPid(pid) {
	if (process.env.MEMMAP_E2E_PIDFILE && pid) {
		appendFileSync(process.env.MEMMAP_E2E_PIDFILE, `${pid}\n`);
	}
}

/** Copies samples/ into a fresh temp folder: tests edit files, never the repository's. */
export function copySamples() {
	const dir = mkdtempSync(join(tmpdir(), 'memmap-e2e-ws-'));
	cpSync(join(repoRoot, 'samples'), dir, { recursive: true });
	return dir;
}

/**
 * Starts code-server (optionally with a .vsix installed) and opens `folder` in Chromium.
 * `payload` adds extensionDevelopmentPath / extensionTestsPath for development runs.
 */
export async function openWorkbench({ folder, vsix, extensionDevelopmentPath, extensionTestsPath, onExit }) {
	const profile = makeProfile(e2eSettings);
	if (vsix) {
		installExtension(profile, vsix);
	}
	const server = await launchCodeServer({ profile, folder });
	recordPid(server.child.pid);
	const browser = await launchChromium();
	recordPid(browser.process()?.pid);
	const page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
	const consoleLines = [];
	page.on('console', (message) => consoleLines.push(`${message.type()}: ${message.text()}`));
	if (onExit) {
		await page.exposeFunction('codeAutomationExit', onExit);
	}
	const url = workbenchUrl(server, { folder, extensionDevelopmentPath, extensionTestsPath });
	await page.goto(url);
	await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
	const close = async () => {
		await browser.close().catch(() => undefined);
		await server.stop();
	};
	return { server, browser, page, profile, consoleLines, close };
}

/** Saves artifacts/<name>.png and returns its path. */
export async function screenshot(page, name, locator) {
	mkdirSync(artifactsDir, { recursive: true });
	const path = join(artifactsDir, `${name}.png`);
	await (locator ?? page).screenshot({ path });
	return path;
}

/** Saves the code-server log and the browser console next to the screenshots. */
export function saveLogs(workbench, name) {
	mkdirSync(artifactsDir, { recursive: true });
	const serverLog = readFileSync(workbench.profile.logPath, 'utf8');
	appendFileSync(join(artifactsDir, `${name}-code-server.log`), serverLog);
	appendFileSync(join(artifactsDir, `${name}-console.log`), workbench.consoleLines.join('\n') + '\n');
}

/** Removes a temp folder made by copySamples. */
export function removeFolder(dir) {
	rmSync(dir, { recursive: true, force: true });
}

/** Runs a command from the Command Palette by its label, as a user does (F1, type, Enter). */
export async function runCommand(page, label) {
	await page.keyboard.press('F1');
	const input = page.locator('.quick-input-widget .quick-input-box input');
	await input.waitFor({ state: 'visible', timeout: 10_000 });
	await input.fill(`>${label}`);
	const row = page.locator('.quick-input-list .monaco-list-row', { hasText: label }).first();
	await row.waitFor({ timeout: 10_000 });
	await input.press('Enter');
}

/** Opens a workspace file with Quick Open (Ctrl+P) and waits for its editor tab. */
export async function openFile(page, fileName) {
	await page.keyboard.press('Control+P');
	const input = page.locator('.quick-input-widget .quick-input-box input');
	await input.waitFor({ state: 'visible', timeout: 10_000 });
	await input.fill(fileName);
	await page.locator('.quick-input-list .monaco-list-row', { hasText: fileName }).first().waitFor({ timeout: 10_000 });
	await input.press('Enter');
	await page.locator(`.tabs-container .tab.active[aria-label*="${fileName}"]`).waitFor({ timeout: 10_000 });
	await page.locator('.editor-instance .monaco-editor .view-lines').first().waitFor({ timeout: 10_000 });
}

/** The active editor's text as rendered (non-breaking spaces normalised). */
export async function visibleEditorText(page) {
	const text = await page.locator('.editor-instance .monaco-editor .view-lines').first().innerText();
	return text.replace(/\u00a0/g, ' ');
}

/** The line number the cursor is on, from the status bar ("Ln 12, Col 3"). */
export async function cursorLine(page) {
	const text = await page.locator('#status\\.editor\\.selection').innerText();
	const match = /Ln (\d+)/.exec(text);
	return match ? Number(match[1]) : undefined;
}

/** Moves the cursor to line:column (1-based) with "Go to Line/Column". */
export async function goToLine(page, line, column = 1) {
	await page.keyboard.press('Control+G');
	const input = page.locator('.quick-input-widget .quick-input-box input');
	await input.waitFor({ state: 'visible', timeout: 10_000 });
	await input.fill(`:${line}:${column}`);
	await input.press('Enter');
	await page.waitForFunction(
		(expected) => document.querySelector('#status\\.editor\\.selection')?.textContent?.includes(`Ln ${expected},`),
		line,
		{ timeout: 10_000 },
	);
}
