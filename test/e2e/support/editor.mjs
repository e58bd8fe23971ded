// Editor-level helpers: open files, move the cursor, read problems, hovers and suggestions.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const quickInput = '.quick-input-widget .quick-input-box input';

/** Runs a command from the Command Palette by its label, as a user does (F1, type, Enter). */
export async function runCommand(page, label) {
	await page.keyboard.press('F1');
	const input = page.locator(quickInput);
	await input.waitFor({ state: 'visible', timeout: 10_000 });
	await input.fill(`>${label}`);
	await page.locator('.quick-input-list .monaco-list-row', { hasText: label }).first().waitFor({ timeout: 10_000 });
	await input.press('Enter');
}

function exactly(text) {
	return new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
}

/** Opens a workspace file by clicking it in the Explorer and waits for its editor. */
export async function openFile(page, fileName) {
	const label = page.locator('.explorer-folders-view .monaco-list-row .label-name', { hasText: exactly(fileName) });
	if (!(await label.first().isVisible())) {
		await runCommand(page, 'View: Show Explorer');
	}
	await label.first().click({ timeout: 30_000 });
	await page.locator(`.tabs-container .tab.active[data-resource-name="${fileName}"]`).waitFor({ timeout: 10_000 });
	await page.locator('.editor-instance .monaco-editor .view-lines').first().waitFor({ timeout: 10_000 });
}

/** The status bar's cursor position, e.g. { line: 12, column: 3 }. */
export async function cursorPosition(page) {
	const text = await page.locator('[id="status.editor.selection"]').innerText();
	const match = /Ln (\d+), Col (\d+)/.exec(text);
	return match ? { line: Number(match[1]), column: Number(match[2]) } : undefined;
}

/** Waits until the status bar shows the cursor on `line` (1-based). */
export async function waitForCursorLine(page, line, timeout = 15_000) {
	await page.waitForFunction(
		(expected) => document.querySelector('[id="status.editor.selection"]')?.textContent?.includes(`Ln ${expected},`),
		line,
		{ timeout },
	);
}

/** Moves the cursor to line:column (1-based) with "Go to Line/Column" (Ctrl+G). */
export async function goToLine(page, line, column = 1) {
	await focusEditor(page);
	await page.keyboard.press('Control+G');
	const input = page.locator(quickInput);
	await input.waitFor({ state: 'visible', timeout: 10_000 });
	await input.fill(`:${line}:${column}`);
	await input.press('Enter');
	await waitForCursorLine(page, line);
}

/** Gives the active text editor keyboard focus. */
export async function focusEditor(page) {
	await page.locator('.editor-instance .monaco-editor textarea').first().focus();
}

/** 1-based line and column of the first occurrence of `needle` (+ `delta` characters) in `text`. */
export function positionOf(text, needle, delta = 0) {
	const offset = text.indexOf(needle);
	if (offset < 0) {
		throw new Error(`'${needle}' not found`);
	}
	const before = text.slice(0, offset + delta).split('\n');
	return { line: before.length, column: before[before.length - 1].length + 1 };
}

/** The text of a file in the e2e workspace. */
export function readWorkspaceFile(folder, name) {
	return readFileSync(join(folder, name), 'utf8');
}

/** Opens the Problems panel and returns a locator of its marker rows. */
export async function showProblems(page) {
	await runCommand(page, 'Problems: Focus on Problems View');
	await page.locator('.markers-panel').waitFor({ timeout: 10_000 });
	return page.locator('.markers-panel .monaco-list-row');
}

/** The Problems filter box: narrows the (virtualised) list to one code. */
export async function filterProblems(page, text) {
	const input = page.locator('.panel input[aria-label="Filter Problems"]');
	await input.fill(text);
}

/**
 * Waits until the Problems list, filtered by `filter`, has (or has not) a row with both
 * `filter` and `text`. The filtered view does not always refresh, when markers change or
 * right after the filter is typed (a CI run once waited 30 s on an unrefreshed list), so
 * each round applies the filter again, as a user would retype it.
 */
export async function waitForFilteredProblem(page, filter, text, present, timeoutMs = 30_000) {
	const deadline = Date.now() + timeoutMs;
	const rows = page.locator('.markers-panel .monaco-list-row', { hasText: filter }).filter({ hasText: text });
	for (;;) {
		await filterProblems(page, '');
		await filterProblems(page, filter);
		const state = present ? 'visible' : 'detached';
		const remaining = deadline - Date.now();
		try {
			await rows.first().waitFor({ state, timeout: Math.max(1, Math.min(2_000, remaining)) });
			return;
		} catch (error) {
			if (Date.now() >= deadline) {
				throw error;
			}
		}
	}
}

/**
 * Shows the hover at the cursor (Ctrl+K Ctrl+I) and returns its text once it has some.
 * The editor hides a hover when its layout changes (code lenses or inlay hints arriving
 * just after a file opens), even after it has faded in, so the keystroke is repeated, as
 * a user would, up to three times, until the hover stays long enough to be read.
 */
export async function hoverAtCursor(page) {
	const hover = page.locator('.monaco-hover:not(.hidden) .hover-contents').first();
	for (let attempt = 1; ; attempt++) {
		await focusEditor(page);
		await page.keyboard.press('Control+K');
		await page.keyboard.press('Control+I');
		try {
			await hover.waitFor({ state: 'visible', timeout: 10_000 });
			await fullyShown(page);
			const text = await hover.innerText({ timeout: 2_000 });
			return { hover: page.locator('.monaco-hover:not(.hidden)').first(), text };
		} catch (error) {
			if (attempt === 3) {
				throw error;
			}
		}
	}
}

/**
 * Waits until the hover and its ancestors are fully opaque (it fades in), so that a
 * screenshot taken now shows it as a user sees it, not half-transparent.
 */
async function fullyShown(page) {
	await page.waitForFunction(
		() => {
			let el = document.querySelector('.monaco-hover:not(.hidden)');
			if (el === null) {
				return false;
			}
			for (; el; el = el.parentElement) {
				if (getComputedStyle(el).opacity !== '1') {
					return false;
				}
			}
			return true;
		},
		undefined,
		{ timeout: 10_000 },
	);
}

/** Saves the active editor (Ctrl+S) and waits until its tab is no longer dirty. */
export async function saveFile(page, fileName) {
	const tab = `.tabs-container .tab.active[data-resource-name="${fileName}"]`;
	await page.locator(`${tab}.dirty`).waitFor({ timeout: 10_000 });
	await focusEditor(page);
	await page.keyboard.press('Control+S');
	await page.locator(`${tab}:not(.dirty)`).waitFor({ timeout: 10_000 });
}

/** The rendered lines of the active editor (non-breaking spaces normalised). */
export async function editorText(page) {
	const text = await page.locator('.editor-instance .monaco-editor .view-lines').first().innerText();
	return text.replace(/\u00a0/g, ' ');
}
