/**
 * The core benchmark (issue 2's Speed section): parse, analyze, owner lookup, flatten
 * against the reference renderer, and heap, on boards from `generateBoard`.
 */
import { analyzeText, findRange, flatten, parse } from '../core/src/index';
import type { Analysis } from '../core/src/index';
import { createRandom, generateBoard } from './generate';
import { measureHeap } from './heap';
import { referenceRenderer } from './reference';
import { formatMs, measureTimes, median, msRow } from './table';
import type { Row } from './table';

/** Board sizes with their analyze targets (ms) and how many runs each gets. */
const sizes = [
	{ regions: 1_000, label: '1k regions', targetMs: 5, warmup: 10, runs: 40 },
	{ regions: 10_000, label: '10k regions', targetMs: 50, warmup: 3, runs: 15 },
	{ regions: 100_000, label: '100k regions', targetMs: 700, warmup: 1, runs: 5 },
] as const;

const lookupCount = 100_000;
const lookupTargetUs = 5;
const speedupTarget = 20;
const heapTargetMb = 300;

function boardRows(
	regions: number,
	label: string,
	targetMs: number,
	runs: { warmup: number; runs: number },
): Row[] {
	const text = generateBoard(regions);
	const parsed = measureTimes(() => parse(text, 'bench:board'), runs);
	const analyzed = measureTimes(() => analyzeText(text, 'bench:board'), runs);
	return [
		msRow(`parse (cpu ${formatMs(median(parsed.cpu))})`, label, median(parsed.wall)),
		msRow(
			`analyze: parse+build+check+flatten (cpu ${formatMs(median(analyzed.cpu))})`,
			label,
			median(analyzed.wall),
			targetMs,
		),
	];
}

/**
 * Addresses to look up: nine in ten inside a random flat range (hits), one in ten
 * anywhere in the 64-bit space (mostly holes), so both paths of the search are timed.
 */
function lookupAddresses(analysis: Analysis): bigint[] {
	const random = createRandom(42);
	const ranges = analysis.views[0]?.view.ranges ?? [];
	const addresses: bigint[] = [];
	for (let i = 0; i < lookupCount; i++) {
		const range = ranges[Math.floor(random() * ranges.length)];
		if (i % 10 === 0 || range === undefined) {
			const high = BigInt(Math.floor(random() * 2 ** 32)) << 32n;
			addresses.push(high | BigInt(Math.floor(random() * 2 ** 32)));
		} else {
			addresses.push(range.start + BigInt(Math.floor(random() * Number(range.size))));
		}
	}
	return addresses;
}

function lookupRow(analysis: Analysis, label: string): Row {
	const view = analysis.views[0]?.view;
	const addresses = lookupAddresses(analysis);
	let found = 0;
	const samples = measureTimes(
		() => {
			for (const address of addresses) {
				found += view !== undefined && findRange(view, address) !== undefined ? 1 : 0;
			}
		},
		{ warmup: 2, runs: 9 },
	);
	const us = (median(samples.wall) * 1000) / lookupCount;
	const cpuUs = (median(samples.cpu) * 1000) / lookupCount;
	const hits = Math.round((found / (11 * lookupCount)) * 100);
	return {
		measure: `owner lookup: findRange, ${hits}% hits (cpu ${cpuUs.toFixed(3)} µs)`,
		size: label,
		median: `${us.toFixed(3)} µs`,
		target: `< ${lookupTargetUs} µs`,
		pass: us < lookupTargetUs,
	};
}

/**
 * Races `flatten` against the reference renderer in interleaved pairs, so that both see
 * the same load on a shared machine, and takes the median of the per-pair CPU-time ratios.
 */
function speedupRow(analysis: Analysis, label: string): Row {
	const tree = analysis.tree;
	const root = analysis.tree.spaces[0]?.root ?? 0;
	const render = referenceRenderer();
	const target = `>= ${speedupTarget}x`;
	if (render === undefined) {
		return {
			measure: 'flatten vs reference',
			size: label,
			median: 'n/a',
			target,
			pass: false,
		};
	}
	const once = { warmup: 0, runs: 1 };
	measureTimes(() => render(tree, root), once);
	measureTimes(() => flatten(tree, root), { warmup: 3, runs: 1 });
	const pairs = { fast: [] as number[], reference: [] as number[], ratio: [] as number[] };
	for (let i = 0; i < 7; i++) {
		const fastCpu = median(
			measureTimes(() => flatten(tree, root), { warmup: 0, runs: 3 }).cpu,
		);
		const referenceCpu = median(measureTimes(() => render(tree, root), once).cpu);
		pairs.fast.push(fastCpu);
		pairs.reference.push(referenceCpu);
		pairs.ratio.push(referenceCpu / Math.max(fastCpu, 0.001));
	}
	const speedup = median(pairs.ratio);
	return {
		measure: `flatten vs reference (cpu ${formatMs(median(pairs.fast))} vs ${formatMs(median(pairs.reference))})`,
		size: label,
		median: `${speedup.toFixed(1)}x`,
		target,
		pass: speedup >= speedupTarget,
	};
}

function heapRow(regions: number, label: string): Row {
	const { before, after } = measureHeap(regions);
	const mb = after / 2 ** 20;
	return {
		measure: `heap used after analyze (analysis: ${((after - before) / 2 ** 20).toFixed(0)} MB)`,
		size: label,
		median: `${mb.toFixed(0)} MB`,
		target: `< ${heapTargetMb} MB`,
		pass: mb < heapTargetMb,
	};
}

/** Runs the core benchmark and returns its rows. */
export async function run(): Promise<Row[]> {
	const rows: Row[] = [];
	for (const size of sizes) {
		rows.push(...boardRows(size.regions, size.label, size.targetMs, size));
	}
	const analysis10k = analyzeText(generateBoard(10_000), 'bench:board');
	rows.push(speedupRow(analysis10k, '10k regions'));
	rows.push(
		lookupRow(
			analyzeText(generateBoard(100_000), 'bench:board'),
			`100k regions, ${lookupCount / 1000}k addresses`,
		),
	);
	rows.push(heapRow(100_000, '100k regions'));
	return rows;
}
