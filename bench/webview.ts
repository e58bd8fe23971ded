/**
 * Webview benchmark: the real bundle (dist/webview.js + .css) in headless Chromium, fed a
 * flat view of 100k ranges. Measures the first screen (message to second painted frame),
 * a live update with one range changed, and frame gaps while scrolling map and table.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import type { FlatRangeDto, FlatViewResult } from '../core/src/protocol';
import { launchChromium } from './chromium';
import { median, msRow, percentile, type Row } from './table';

const rangeCount = 100_000;
const runs = 5;
const dist = path.resolve(__dirname, '../../dist');
const kinds: FlatRangeDto['kind'][] = ['ram', 'rom', 'romd', 'io'];

function hex(value: bigint): string {
	return '0x' + value.toString(16);
}

function rangeDto(start: bigint, size: bigint, kind: FlatRangeDto['kind'], name: string, i: number): FlatRangeDto {
	const isHole = kind === 'hole';
	const line = { start: { line: i, character: 2 }, end: { line: i, character: 8 } };
	return {
		start: hex(start),
		end: hex(start + size),
		size: hex(size),
		kind,
		region: name,
		path: isHole ? '' : `system/bus${i % 64}/${name}`,
		priority: 0,
		offsetInRegion: '0x0',
		readonly: kind === 'rom',
		nonvolatile: false,
		aliases:
			i % 10 === 0 && !isHole
				? [{ alias: `win${i}`, aliasPath: `system/win${i}`, target: name, offset: '0x0' }]
				: [],
		...(isHole ? {} : { location: { uri: 'file:///bench.memmap', range: line } }),
	};
}

/** A deterministic view of `count` ranges: devices of varied sizes with holes between. */
export function syntheticView(count: number, changed = -1): FlatViewResult {
	const ranges: FlatRangeDto[] = [];
	let cursor = 0n;
	for (let i = 0; ranges.length < count - 1; i++) {
		const size = 0x100n << BigInt(i % 13);
		const kind = i % 3 === 2 ? 'hole' : (kinds[i % 4] as FlatRangeDto['kind']);
		const range = rangeDto(cursor, size, kind, kind === 'hole' ? '' : `dev${i}`, i);
		ranges.push(i === changed ? { ...range, priority: 1 } : range);
		cursor += size;
	}
	ranges.push(rangeDto(cursor, (1n << 64n) - cursor, 'hole', '', count));
	const space = { name: 'memory', root: 'system', flatRoot: 'system', ranges };
	return { uri: 'file:///bench.memmap', version: 1, spaces: [space] };
}

function pageUrl(): string {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'memmap-bench-'));
	const stub = 'window.acquireVsCodeApi = () => ({ postMessage() {}, getState() { return null; }, setState() {} });';
	fs.writeFileSync(path.join(dir, 'stub.js'), stub);
	const file = (name: string): string => pathToFileURL(path.join(dist, name)).toString();
	fs.writeFileSync(
		path.join(dir, 'index.html'),
		`<!DOCTYPE html><html><head><meta charset="UTF-8"><link rel="stylesheet" href="${file('webview.css')}"></head>` +
			`<body><div id="root"></div><script src="stub.js"></script><script src="${file('webview.js')}"></script></body></html>`,
	);
	return pathToFileURL(path.join(dir, 'index.html')).toString();
}

/**
 * Posts the view stored under `key` and resolves with the ms from the message event's
 * arrival (its timeStamp) to the second frame after it: receiving (structured-clone
 * deserialisation), building, layout and paint. Serialising on the sender's side is the
 * extension host's cost in VS Code, so it is left out.
 */
function timedPost(page: Page, key: string): Promise<number> {
	return page.evaluate(`(async () => {
		const arrived = new Promise((resolve) => window.addEventListener('message', (e) => resolve(e.timeStamp), { once: true }));
		window.postMessage({ type: 'update', view: window.${key}, title: 'bench' }, '*');
		const t0 = await arrived;
		await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
		if (document.querySelectorAll('.table-row').length === 0) throw new Error('no rows rendered');
		return performance.now() - t0;
	})()`) as Promise<number>;
}

/** Scrolls map and table 100 times by large steps; resolves with the gaps between frames. */
function scrollGaps(page: Page): Promise<number[]> {
	return page.evaluate(`(async () => {
		const map = document.querySelector('.map');
		const table = document.querySelector('.table-body');
		const gaps = [];
		let last = performance.now();
		for (let i = 0; i < 100; i++) {
			map.scrollTop += 7919;
			table.scrollTop += 7919;
			await new Promise((r) => requestAnimationFrame(r));
			const now = performance.now();
			gaps.push(now - last);
			last = now;
		}
		return gaps;
	})()`) as Promise<number[]>;
}

/** Stores a view in the page as `window[key]`; one JSON string crosses the wire (fast). */
async function store(page: Page, key: string, view: FlatViewResult): Promise<void> {
	await page.evaluate(
		([k, json]) => void ((globalThis as Record<string, unknown>)[k] = JSON.parse(json)),
		[key, JSON.stringify(view)] as const,
	);
}

export async function run(): Promise<Row[]> {
	const browser = await launchChromium();
	try {
		const url = pageUrl();
		const view = syntheticView(rangeCount);
		const changed = syntheticView(rangeCount, 50_001);
		const first: number[] = [];
		const updates: number[] = [];
		let gaps: number[] = [];
		for (let i = 0; i < runs; i++) {
			const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
			await page.goto(url);
			await store(page, 'view', view);
			await store(page, 'changed', changed);
			first.push(await timedPost(page, 'view'));
			updates.push(await timedPost(page, 'changed'));
			gaps = gaps.concat(await scrollGaps(page));
			await page.close();
		}
		const size = '100k ranges';
		return [
			msRow('webview first screen (message in -> painted)', size, median(first), 500),
			msRow('webview update (1 range changed)', size, median(updates), 500),
			{ ...msRow('webview scroll frame gap p95', size, percentile(gaps, 95), 50) },
		];
	} finally {
		await browser.close();
	}
}
