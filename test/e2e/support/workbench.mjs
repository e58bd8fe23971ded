// A VS Code workbench (code-server) in headless Chromium, with user-level helpers.
// Every wait is on a page condition with a timeout; there are no fixed sleeps.
import { appendFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { format } from 'node:util';
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
 * One console message as text. The workbench forwards extension-host logging as
 * console.log('%c INFO', 'color: …', format, ...args): rebuild the line with util.format.
 */
async function formatConsole(message) {
	const values = await Promise.all(message.args().map((arg) => arg.jsonValue().catch(() => '?')));
	if (typeof values[0] === 'string' && values[0].startsWith('%c ') && values.length >= 3) {
		return `${values[0].slice(3).trim()} ${format(...values.slice(2))}`;
	}
	return `${message.type()}: ${message.text()}`;
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
	// Chromium talks to playwright over a pipe and exits when this process does.
	const browser = await launchChromium().catch(async (error) => {
		await server.stop();
		throw error;
	});
	const close = async () => {
		await browser.close().catch(() => undefined);
		await server.stop();
	};
	const consoleLines = [];
	try {
		const page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
		page.on('console', (message) => consoleLines.push(formatConsole(message)));
		if (onExit) {
			await page.exposeFunction('codeAutomationExit', onExit);
		}
		await page.goto(workbenchUrl(server, { folder, extensionDevelopmentPath, extensionTestsPath }));
		await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
		const consoleMessages = () => Promise.all(consoleLines);
		const consoleText = async () => (await consoleMessages()).join('\n');
		return { server, browser, page, profile, consoleMessages, consoleText, close };
	} catch (error) {
		await close();
		throw error;
	}
}

/** Saves artifacts/<name>.png and returns its path. */
export async function screenshot(page, name, locator) {
	mkdirSync(artifactsDir, { recursive: true });
	const path = join(artifactsDir, `${name}.png`);
	await (locator ?? page).screenshot({ path });
	return path;
}

/** Saves the code-server log and the browser console next to the screenshots. */
export async function saveLogs(workbench, name) {
	mkdirSync(artifactsDir, { recursive: true });
	const serverLog = readFileSync(workbench.profile.logPath, 'utf8');
	writeFileSync(join(artifactsDir, `${name}-code-server.log`), serverLog);
	writeFileSync(join(artifactsDir, `${name}-console.log`), (await workbench.consoleText()) + '\n');
}

/** Removes a temp folder made by copySamples. */
export function removeFolder(dir) {
	rmSync(dir, { recursive: true, force: true });
}
