/**
 * Measures the heap held after analysing a generated board, in a fresh process so that
 * nothing else the benchmark allocated is counted. Run as
 * `node --expose-gc out/bench/heap.js REGIONS`; prints `{"before":N,"after":N}` (bytes).
 */
import { spawnSync } from 'node:child_process';
import { analyzeText } from '../core/src/index';
import { generateBoard } from './generate';

/** Heap used (bytes) before and after analysing a board of `regions`, with the analysis alive. */
export interface HeapFigures {
	readonly before: number;
	readonly after: number;
}

function collect(): void {
	const gc = (globalThis as { gc?: () => void }).gc;
	if (gc === undefined) {
		throw new Error('run node with --expose-gc');
	}
	gc();
	gc();
}

function measureHere(regions: number): HeapFigures & { regions: number } {
	const text = generateBoard(regions);
	collect();
	const before = process.memoryUsage().heapUsed;
	const analysis = analyzeText(text, 'bench:board');
	collect();
	const after = process.memoryUsage().heapUsed;
	return { before, after, regions: analysis.tree.regions.length };
}

/** Runs this file in a child process and returns its figures. */
export function measureHeap(regions: number): HeapFigures {
	const child = spawnSync(process.execPath, ['--expose-gc', __filename, String(regions)], {
		encoding: 'utf8',
	});
	if (child.status !== 0) {
		throw new Error(`heap measurement failed: ${child.stderr.trim()}`);
	}
	return JSON.parse(child.stdout) as HeapFigures;
}

if (require.main === module) {
	process.stdout.write(
		JSON.stringify(measureHere(Number(process.argv[2] ?? '100000'))) + '\n',
	);
}
