// The installed .vsix in code-server, driven as a user does: keyboard, mouse, Command
// Palette, Problems panel, hovers, the flat-view webview. Works on a temp copy of samples/.
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../../scripts/codeServer.mjs';
import {
	cursorPosition,
	editorText,
	filterProblems,
	focusEditor,
	goToLine,
	hoverAtCursor,
	openFile,
	positionOf,
	readWorkspaceFile,
	runCommand,
	saveFile,
	showProblems,
	waitForCursorLine,
	waitForFilteredProblem,
} from './support/editor.mjs';
import { artifactsDir, copySamples, openWorkbench, removeFolder, saveLogs, screenshot } from './support/workbench.mjs';

const vsix = process.env.MEMMAP_VSIX;

/** Diagnostics the Problems panel must list for samples/mistakes.memmap: one per severity and kind of check. */
const expectedProblems = [
	{ code: 'include.not-found', text: 'no-such-board.memmap' },
	{ code: 'ref.unknown', text: "did you mean 'sram'" },
	{ code: 'alias.cycle', text: 'loop' },
	{ code: 'region.mapped-twice', text: 'sram' },
	{ code: 'space.duplicate', text: 'memory' },
	{ code: 'region.overlap', text: 'ram0' },
	{ code: 'region.unused', text: 'forgotten' },
	{ code: 'syntax.unterminated-comment', text: '' },
];

/** Copies a screenshot into docs/images/ for the README. */
function publish(path, name) {
	const dir = join(repoRoot, 'docs', 'images');
	mkdirSync(dir, { recursive: true });
	copyFileSync(path, join(dir, name));
}

/** The flat view's document, inside the webview's two nested iframes. */
function flatViewFrame(page) {
	return page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
}

suite('memmap in VS Code (code-server, installed .vsix)', function () {
	let folder;
	let workbench;
	let page;

	suiteSetup(async function () {
		assert.ok(vsix, 'MEMMAP_VSIX names the .vsix to install (scripts/e2e.mjs sets it)');
		folder = copySamples();
		workbench = await openWorkbench({ folder, vsix });
		page = workbench.page;
		await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 60_000 });
	});

	teardown(async function () {
		if (this.currentTest?.state === 'failed' && page) {
			const name = `failed-${this.currentTest.title.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}`;
			await screenshot(page, name).catch(() => undefined);
		}
	});

	suiteTeardown(async function () {
		if (workbench) {
			await saveLogs(workbench, 'editor').catch(() => undefined);
			await workbench.close();
		}
		if (folder) {
			removeFolder(folder);
		}
	});

	test('the Problems panel lists the mistakes with their codes', async function () {
		await openFile(page, 'mistakes.memmap');
		await showProblems(page);
		for (const { code, text } of expectedProblems) {
			await waitForFilteredProblem(page, code, text, true);
		}
		await waitForFilteredProblem(page, '', 'include.not-found', true);
		publish(await screenshot(page, 'diagnostics-e2e'), 'diagnostics-e2e.png');
	});

	test('typing a fix removes its diagnostic, undo brings it back', async function () {
		await openFile(page, 'mistakes.memmap');
		const text = readWorkspaceFile(folder, 'mistakes.memmap');
		const at = positionOf(text, 'of sarm', 3);
		await showProblems(page);
		const message = "Unknown region 'sarm'";
		await waitForFilteredProblem(page, 'ref.unknown', message, true);
		await goToLine(page, at.line, at.column);
		await page.keyboard.press('Shift+End');
		await page.keyboard.type('sram');
		await waitForFilteredProblem(page, 'ref.unknown', message, false);
		await focusEditor(page);
		await page.keyboard.press('Control+Z');
		await waitForFilteredProblem(page, 'ref.unknown', message, true);
		await filterProblems(page, '');
	});

	test('hovering an address names the region that owns it', async function () {
		await openFile(page, 'pc-x86.memmap');
		const at = positionOf(readWorkspaceFile(folder, 'pc-x86.memmap'), 'ioapic at 0xfec00000', 'ioapic at 0x'.length);
		// More room for the editor in the README's screenshot.
		await runCommand(page, 'View: Hide Panel');
		await goToLine(page, at.line, at.column);
		const { hover, text } = await hoverAtCursor(page);
		assert.match(text, /ioapic/, text);
		publish(await screenshot(page, 'hover-e2e'), 'hover-e2e.png');
		await page.keyboard.press('Escape');
		await hover.waitFor({ state: 'hidden', timeout: 10_000 });
	});

	test('a board beside its QEMU capture: the hover shows what QEMU renders there', async function () {
		await openFile(page, 'mistakes-qemu.memmap');
		const text = readWorkspaceFile(folder, 'mistakes-qemu.memmap');
		const at = positionOf(text, 'pc.rom at 0xc0000', 'pc.rom at 0x'.length);
		await goToLine(page, at.line, at.column);
		const { hover, text: shown } = await hoverAtCursor(page);
		assert.match(shown, /QEMU \(mistakes-qemu\.flat\.txt, line 6\): 'pc\.rom' \(prio 1, rom\)/, shown);
		publish(await screenshot(page, 'qemu-e2e'), 'qemu-e2e.png');
		await page.keyboard.press('Escape');
		await hover.waitFor({ state: 'hidden', timeout: 10_000 });
	});

	test('Go to Address… reveals the owner of an address', async function () {
		await openFile(page, 'pc-x86.memmap');
		const hpet = positionOf(readWorkspaceFile(folder, 'pc-x86.memmap'), 'io hpet at');
		await goToLine(page, 1);
		await runCommand(page, 'Memory Map: Go to Address…');
		const input = page.locator('.quick-input-widget .quick-input-box input');
		await page.locator('.quick-input-widget', { hasText: 'Go to Address' }).waitFor({ timeout: 10_000 });
		await input.fill('0xfed0_0010');
		await input.press('Enter');
		// pc-x86 has two address spaces: the command asks which one.
		await page.locator('.quick-input-list .monaco-list-row', { hasText: 'memory' }).first().waitFor({ timeout: 10_000 });
		await input.fill('memory');
		await input.press('Enter');
		await waitForCursorLine(page, hpet.line);
	});

	test('Export… from the Command Palette opens the C header of the chosen space', async function () {
		await openFile(page, 'pc-x86.memmap');
		await runCommand(page, 'Memory Map: Export C Header, Linker MEMORY, Markdown or QEMU Code…');
		const input = page.locator('.quick-input-widget .quick-input-box input');
		await page.locator('.quick-input-list .monaco-list-row', { hasText: 'GNU ld MEMORY command' }).first().waitFor({ timeout: 10_000 });
		await input.fill('C header');
		await input.press('Enter');
		// pc-x86 has two address spaces: the command asks which one.
		await page.locator('.quick-input-list .monaco-list-row', { hasText: 'I/O' }).first().waitFor({ timeout: 10_000 });
		await input.fill('memory');
		await input.press('Enter');
		await page.locator('.tabs-container .tab.active', { hasText: 'Untitled' }).waitFor({ timeout: 15_000 });
		const lines = page.locator('.editor-instance .monaco-editor .view-lines').first();
		await lines.filter({ hasText: 'Generated by memmap from pc-x86.memmap' }).waitFor({ timeout: 10_000 });
		assert.match(await editorText(page), /address space 'memory'/);
		publish(await screenshot(page, 'export-e2e'), 'export-e2e.png');
		await runCommand(page, 'View: Revert and Close Editor');
	});

	test('the flat view lists the flat ranges, and a click lands on the region', async function () {
		await openFile(page, 'pc-x86.memmap');
		await runCommand(page, 'Memory Map: Show Flat View');
		const frame = flatViewFrame(page);
		const rows = frame.locator('.table-row');
		await rows.first().waitFor({ timeout: 30_000 });
		const hpetRow = rows.filter({ hasText: 'hpet' }).first();
		await frame.locator('.table-row', { hasText: 'ioapic' }).first().waitFor({ timeout: 10_000 });
		await runCommand(page, 'View: Close Primary Side Bar');
		await page.locator('#workbench\\.parts\\.sidebar').waitFor({ state: 'hidden', timeout: 10_000 });
		publish(await screenshot(page, 'flat-view-e2e'), 'flat-view-e2e.png');
		const hpet = positionOf(readWorkspaceFile(folder, 'pc-x86.memmap'), 'io hpet at');
		await goToLine(page, 1);
		await hpetRow.scrollIntoViewIfNeeded();
		await hpetRow.click();
		await waitForCursorLine(page, hpet.line);
		assert.equal((await cursorPosition(page))?.line, hpet.line);
	});

	test('Peek Call Hierarchy on a RAM bank lists the alias windows onto it', async function () {
		// The whole window for the editor and its peek, for the README's screenshot.
		await runCommand(page, 'View: Close All Editor Groups');
		await openFile(page, 'pc-x86.memmap');
		await runCommand(page, 'View: Close Primary Side Bar');
		await page.locator('#workbench\\.parts\\.sidebar').waitFor({ state: 'hidden', timeout: 10_000 });
		const at = positionOf(readWorkspaceFile(folder, 'pc-x86.memmap'), 'ram pc.ram size', 'ram '.length);
		await goToLine(page, at.line, at.column);
		await runCommand(page, 'Peek Call Hierarchy');
		const peek = page.locator('.peekview-widget');
		const rows = peek.locator('.monaco-list-row');
		await rows.filter({ hasText: 'ram-below-4g' }).first().waitFor({ timeout: 15_000 });
		await rows.filter({ hasText: 'of pc.ram at 0xc_0000' }).first().waitFor({ timeout: 10_000 });
		const names = await rows.allInnerTexts();
		assert.ok(names.some((text) => /pam-ram[\s\S]*disabled/.test(text)), names.join('\n'));
		publish(await screenshot(page, 'call-hierarchy-e2e'), 'call-hierarchy-e2e.png');
		await page.keyboard.press('Escape');
		await peek.waitFor({ state: 'hidden', timeout: 10_000 });
	});

	test('F2 renames a region and every reference to it', async function () {
		await openFile(page, 'cortex-m.memmap');
		const before = readWorkspaceFile(folder, 'cortex-m.memmap');
		const at = positionOf(before, 'romd flash at', 'romd '.length);
		await goToLine(page, at.line, at.column);
		await page.keyboard.press('F2');
		const input = page.locator('.rename-box input');
		await input.waitFor({ state: 'visible', timeout: 10_000 });
		await input.fill('eflash');
		await input.press('Enter');
		await input.waitFor({ state: 'hidden', timeout: 10_000 });
		await saveFile(page, 'cortex-m.memmap');
		const after = readWorkspaceFile(folder, 'cortex-m.memmap');
		assert.match(after, /romd eflash at 0x0800_0000/);
		assert.match(after, /of eflash readonly/);
		assert.doesNotMatch(after, /of flash readonly/);
	});

	test('a completion inserts a region name', async function () {
		await openFile(page, 'riscv-board.memmap');
		const at = positionOf(readWorkspaceFile(folder, 'riscv-board.memmap'), 'rom mrom at 0x1000 size 0xf000');
		await goToLine(page, at.line, 1);
		await page.keyboard.press('End');
		await page.keyboard.press('Enter');
		await page.keyboard.type('alias boot-mirror at 0x2000_0000 size 4K of mr');
		await page.keyboard.press('Control+Space');
		const item = page.locator('.suggest-widget .monaco-list-row', { hasText: 'mrom' }).first();
		await item.waitFor({ timeout: 15_000 });
		await page.keyboard.press('Enter');
		await page.locator('.suggest-widget').waitFor({ state: 'hidden', timeout: 10_000 });
		await saveFile(page, 'riscv-board.memmap');
		const after = readWorkspaceFile(folder, 'riscv-board.memmap');
		assert.match(after, /alias boot-mirror at 0x2000_0000 size 4K of mrom\n/, after.slice(0, 600));
	});

	test('the extension reports its activation time', async function () {
		await runCommand(page, 'Developer: Show Running Extensions');
		const row = page.locator('.runtime-extensions-editor .monaco-list-row', { hasText: 'Memory Map (memmap)' });
		await row.first().waitFor({ timeout: 15_000 });
		const text = await row.first().innerText();
		const match = /Activation: (\d+)ms/.exec(text);
		assert.ok(match, `no activation time in: ${text}`);
		mkdirSync(artifactsDir, { recursive: true });
		writeFileSync(join(artifactsDir, 'activation.json'), JSON.stringify({ activationMs: Number(match[1]) }) + '\n');
	});
});
