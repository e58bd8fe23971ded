/**
 * The built webview bundle in headless Chromium, fed real flat views: blocks and rows,
 * escaping of hostile names, reveal on click and Enter, the address box, the filter, tabs,
 * live updates that keep unchanged DOM, cursor highlight, copy/export, state restore,
 * CSP cleanliness and light/dark screenshots.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Browser } from 'playwright-core';
import type { FlatViewResult, FromWebview } from '../../core/src/protocol';
import { flatViewOf } from './flatViews';
import { frames, inPage, launchChromium, openWebview, repoRoot, type WebviewPage } from './harness';

const hostile = '<img src=x onerror=alert(1)>';
const boardFile = path.join(repoRoot, 'test/webview/fixtures/board.memmap');

function texts(webview: WebviewPage, selector: string): Promise<string[]> {
	return inPage(webview.page, `Array.from(document.querySelectorAll(${JSON.stringify(selector)}), (e) => e.textContent)`);
}

function reveals(posted: readonly FromWebview[]): FromWebview[] {
	return posted.filter((m) => m.type === 'reveal');
}

suite('webview in Chromium', function () {
	this.timeout(60_000);
	let browser: Browser;
	let webview: WebviewPage;
	let view: FlatViewResult;
	let dialogs = 0;

	suiteSetup(async () => {
		view = flatViewOf(boardFile);
		browser = await launchChromium();
	});

	suiteTeardown(async () => {
		await browser?.close();
	});

	setup(async () => {
		webview = await openWebview(browser);
		webview.page.on('dialog', (dialog) => {
			dialogs++;
			void dialog.dismiss();
		});
		await webview.post({ type: 'update', view, title: 'board.memmap' });
	});

	teardown(async () => {
		await webview.close();
	});

	test('announces itself, then draws one tab per space, blocks and table rows', async () => {
		assert.deepEqual((await webview.posted())[0], { type: 'ready' });
		assert.deepEqual(await texts(webview, '.tab'), ['memory', 'pio']);
		const memory = view.spaces[0];
		assert.ok(memory);
		const titles = await texts(webview, '.map-row .block-title');
		assert.ok(titles.includes('ioapic'), titles.join());
		assert.ok(titles.includes('ram-below-4g → pc.ram'), titles.join());
		assert.ok(titles.includes('isa-bios → pc.bios +0x2_0000'), titles.join());
		const rowCount = await inPage<string>(webview.page, `document.querySelector('.table-body').getAttribute('aria-rowcount')`);
		assert.equal(Number(rowCount), memory.ranges.length);
		const owners = await texts(webview, '.table-row .owner-name');
		assert.ok(owners.includes('uart1') && owners.includes('(unassigned)'));
		assert.ok((await texts(webview, '.break')).length > 0, 'compressed ranges are marked on the ruler');
	});

	test('ranges that the QEMU capture beside the board renders differently are marked', async () => {
		const qemuView = flatViewOf(path.join(repoRoot, 'samples/mistakes-qemu.memmap'));
		await webview.post({ type: 'update', view: qemuView, title: 'mistakes-qemu.memmap' });
		await webview.page.locator('.table-row.qemu-differs').first().waitFor();
		const titles = await inPage<string[]>(webview.page, `Array.from(document.querySelectorAll('.table-row.qemu-differs .owner-qemu'), (e) => e.title)`);
		assert.deepEqual(titles, [
			"QEMU (mistakes-qemu.flat.txt, line 6): 'pc.rom' (prio 1, rom)",
			"QEMU (mistakes-qemu.flat.txt, line 10): 'hpet' (prio 0, i/o)",
		]);
		assert.equal(await inPage<number>(webview.page, `document.querySelectorAll('.block.qemu-differs').length`), 2);
		assert.equal(await inPage<number>(webview.page, `document.querySelectorAll('.table-row:not(.qemu-differs) .owner-qemu').length`), 0);
		await webview.page.locator('.table-row.qemu-differs', { hasText: 'pc.ram' }).hover();
		const card = await texts(webview, '.tooltip:not([hidden]) .tooltip-line');
		assert.ok(card.includes("differs from QEMU (mistakes-qemu.flat.txt, line 6): 'pc.rom' (prio 1, rom)"), card.join(' | '));
	});

	test('renders a hostile region name as text, never as markup', async () => {
		const titles = await texts(webview, '.block-title');
		assert.ok(titles.includes(hostile));
		assert.equal(await inPage<number>(webview.page, `document.querySelectorAll('img').length`), 0);
		assert.equal(dialogs, 0);
		assert.deepEqual(await inPage(webview.page, 'window.__violations'), []);
	});

	test('a click on a block posts a reveal of its definition', async () => {
		const ioapic = view.spaces[0]?.ranges.find((r) => r.region === 'ioapic');
		await webview.page.locator('.map-row .block', { hasText: 'ioapic' }).click();
		const posted = reveals(await webview.posted());
		assert.deepEqual(posted, [{ type: 'reveal', location: ioapic?.location }]);
	});

	test('hover shows the details and asks the server to explain the address', async () => {
		const ioapic = view.spaces[0]?.ranges.find((r) => r.region === 'ioapic');
		assert.ok(ioapic);
		await webview.page.locator('.map-row .block', { hasText: 'ioapic' }).hover();
		const card = await texts(webview, '.tooltip:not([hidden]) .tooltip-line');
		assert.equal(card[0], 'ioapic (I/O)');
		assert.ok(card.includes('path: system/ioapic'), card.join(' | '));
		const asked = (await webview.posted()).filter((m) => m.type === 'owner');
		assert.deepEqual(asked, [{ type: 'owner', space: 'memory', address: ioapic.start }]);
		const explanation = ['system → ioapic', '<b>hides</b> nothing'];
		await webview.post({ type: 'owner', answer: { space: 'memory', address: ioapic.start, range: ioapic, hole: null, explanation } });
		assert.deepEqual(await texts(webview, '.tooltip-explanation .tooltip-line'), explanation);
		assert.equal(await inPage<number>(webview.page, `document.querySelectorAll('.tooltip b').length`), 0);
	});

	test('tabs and the table are usable by keyboard: arrows move, Enter reveals', async () => {
		await webview.page.focus('.tab[aria-selected="true"]');
		await webview.page.keyboard.press('ArrowRight');
		await frames(webview.page);
		assert.deepEqual(await texts(webview, '.tab[aria-selected="true"]'), ['pio']);
		await webview.page.focus('.table-body');
		await webview.page.keyboard.press('Home');
		await webview.page.keyboard.press('ArrowDown');
		await webview.page.keyboard.press('Enter');
		const pic = view.spaces[1]?.ranges.find((r) => r.region === 'pic');
		assert.deepEqual(reveals(await webview.posted()), [{ type: 'reveal', location: pic?.location }]);
		assert.deepEqual(await texts(webview, '.table-row.is-selected .owner-name'), ['pic']);
		assert.match((await webview.page.textContent('.status')) ?? '', /^pic \(I\/O\) — \[0x20, 0x22\)  2 B$/);
	});

	test('the address box scrolls to and marks the owner of an address', async () => {
		await webview.page.fill('.address', '0xfec0_1010');
		await webview.page.press('.address', 'Enter');
		await frames(webview.page);
		assert.deepEqual(await texts(webview, '.table-row.is-target .owner-name'), ['uart0']);
		assert.deepEqual(await texts(webview, '.map-row.is-target .block-title'), ['uart0']);
		assert.match(await webview.page.textContent('.status') ?? '', /0xfec0_1010 in memory is owned by system\/uart0/);
		await webview.page.fill('.address', '0x9000_0000');
		await webview.page.press('.address', 'Enter');
		assert.match(await webview.page.textContent('.status') ?? '', /unassigned \(a hole\)/);
		await webview.page.fill('.address', '0xzz');
		await webview.page.press('.address', 'Enter');
		assert.match(await webview.page.textContent('.status') ?? '', /Not an address/);
		assert.equal(await webview.page.getAttribute('.address', 'aria-invalid'), 'true');
	});

	test('the filter keeps matching rows only', async () => {
		await webview.page.fill('.filter', 'UART');
		await frames(webview.page);
		assert.deepEqual(await texts(webview, '.table-row .owner-name'), ['uart0', 'uart1']);
		await webview.page.fill('.filter', '');
		await frames(webview.page);
		assert.equal((await texts(webview, '.table-row')).length, view.spaces[0]?.ranges.length);
	});

	test('a live update keeps the DOM of unchanged ranges', async () => {
		await inPage(webview.page, `
			for (const row of document.querySelectorAll('.map-row, .table-row')) row.__kept = true;`);
		const changed: FlatViewResult = {
			...view,
			version: 2,
			spaces: view.spaces.map((space) => ({
				...space,
				ranges: space.ranges.map((r) => (r.region === 'uart1' ? { ...r, priority: 7 } : r)),
			})),
		};
		await webview.post({ type: 'update', view: changed, title: 'board.memmap' });
		const kept = await inPage<Record<string, boolean>>(webview.page, `
			Object.fromEntries(Array.from(document.querySelectorAll('.table-row'),
				(row) => [row.querySelector('.owner-name').textContent + '@' + row.dataset.index, row.__kept === true]))`);
		const entries = Object.entries(kept);
		assert.ok(entries.length > 5);
		for (const [name, isKept] of entries) {
			assert.equal(isKept, !name.startsWith('uart1@'), name);
		}
	});

	test('the region under the editor cursor is highlighted', async () => {
		await webview.post({ type: 'highlight', path: 'system/uart1' });
		assert.deepEqual(await texts(webview, '.table-row.is-highlighted .owner-name'), ['uart1']);
		// pc.bios shows twice: at its own address and through the isa-bios alias.
		await webview.post({ type: 'highlight', path: 'system/pc.bios' });
		assert.deepEqual(await texts(webview, '.table-row.is-highlighted .owner-name'), ['pc.bios', 'pc.bios']);
		await webview.post({ type: 'highlight', path: null });
		assert.equal((await texts(webview, '.is-highlighted')).length, 0);
	});

	test('copy and export post info mtree -f text and an escaped SVG', async () => {
		await webview.page.click('.copy');
		await webview.page.click('.export');
		const posted = await webview.posted();
		const copy = posted.find((m) => m.type === 'copyQemu');
		const svg = posted.find((m) => m.type === 'exportSvg');
		assert.ok(copy?.type === 'copyQemu' && svg?.type === 'exportSvg');
		assert.match(copy.text, /^FlatView #0\n AS "memory", root: system\n/);
		assert.match(copy.text, /  00000000000e0000-00000000000fffff \(prio 0, rom\): pc.bios @0000000000020000\n/);
		assert.ok(svg.svg.startsWith('<svg'));
		assert.ok(svg.svg.includes('&#60;img src=x onerror=alert(1)&#62;'));
		assert.ok(!svg.svg.includes(hostile));
	});

	test('the state is saved and restored after a reload', async () => {
		await webview.page.locator('.tab', { hasText: 'pio' }).click();
		await webview.page.fill('.filter', 'pi');
		await frames(webview.page);
		const state = await webview.state();
		const restored = await openWebview(browser, state);
		try {
			await restored.post({ type: 'update', view, title: 'board.memmap' });
			assert.equal(await restored.page.inputValue('.filter'), 'pi');
			assert.deepEqual(await texts(restored, '.tab[aria-selected="true"]'), ['pio']);
			assert.deepEqual(await texts(restored, '.table-row .owner-name'), ['pic', 'pit']);
		} finally {
			await restored.close();
		}
	});

	test('an empty message replaces the map with its reason', async () => {
		await webview.post({ type: 'empty', reason: 'Nothing to show.' });
		assert.equal(await webview.page.textContent('.empty'), 'Nothing to show.');
		assert.equal(await webview.page.isHidden('.panes'), true);
	});

	test('light and dark screenshots', async () => {
		const artifacts = path.join(repoRoot, 'artifacts');
		const images = path.join(repoRoot, 'docs/images');
		fs.mkdirSync(artifacts, { recursive: true });
		fs.mkdirSync(images, { recursive: true });
		await webview.post({ type: 'highlight', path: 'system/ioapic' });
		for (const theme of ['light', 'dark'] as const) {
			await webview.setTheme(theme);
			await frames(webview.page);
			const file = path.join(artifacts, `webview-${theme}.png`);
			await webview.page.screenshot({ path: file });
			assert.ok(fs.statSync(file).size > 10_000);
			fs.copyFileSync(file, path.join(images, `webview-${theme}.png`));
		}
	});
});
