/**
 * The shared shape of benchmark results and the helpers that measure and print them.
 * `bench/bench.ts` collects `Row`s from the core benchmark and from the optional modules
 * `bench/server.ts` and `bench/webview.ts` (each exports `async function run(): Promise<Row[]>`)
 * and prints them as one table.
 */

/** One line of the benchmark table. */
export interface Row {
	/** What was measured: `parse`, `analyze`, `didChange -> publishDiagnostics`, ... */
	readonly measure: string;
	/** The input size: `10k regions`, `100k lookups`, ... */
	readonly size: string;
	/** The measured value with its unit: `12.3 ms`, `0.41 µs`, `35.2x`, `180 MB`. */
	readonly median: string;
	/** The target with its comparison: `< 50 ms`, `>= 20x`; empty when there is none. */
	readonly target: string;
	/** Whether the target was met; undefined when there is no target. */
	readonly pass: boolean | undefined;
}

/** Options of `measure`: unmeasured warm-up runs, then measured runs. */
export interface MeasureOptions {
	readonly warmup: number;
	readonly runs: number;
}

/** The median of a non-empty list of numbers (the mean of the middle two for even counts). */
export function median(values: readonly number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	if (sorted.length % 2 === 1) {
		return sorted[middle] ?? Number.NaN;
	}
	return ((sorted[middle - 1] ?? Number.NaN) + (sorted[middle] ?? Number.NaN)) / 2;
}

/** Runs `fn` `warmup` times, then `runs` times measured; returns each run's milliseconds. */
export function measure(fn: () => unknown, options: MeasureOptions): number[] {
	for (let i = 0; i < options.warmup; i++) {
		fn();
	}
	const samples: number[] = [];
	for (let i = 0; i < options.runs; i++) {
		const start = process.hrtime.bigint();
		fn();
		samples.push(Number(process.hrtime.bigint() - start) / 1e6);
	}
	return samples;
}

/** Wall-clock and CPU milliseconds of each measured run. */
export interface Timings {
	readonly wall: number[];
	readonly cpu: number[];
}

/**
 * `measure` that also records the process's CPU time per run (user + system), which
 * other work on a busy machine inflates far less than wall-clock time.
 */
export function measureTimes(fn: () => unknown, options: MeasureOptions): Timings {
	for (let i = 0; i < options.warmup; i++) {
		fn();
	}
	const timings: Timings = { wall: [], cpu: [] };
	for (let i = 0; i < options.runs; i++) {
		const cpuStart = process.cpuUsage();
		const start = process.hrtime.bigint();
		fn();
		timings.wall.push(Number(process.hrtime.bigint() - start) / 1e6);
		const cpu = process.cpuUsage(cpuStart);
		timings.cpu.push((cpu.user + cpu.system) / 1000);
	}
	return timings;
}

/** The `measure` of an async function (awaited one run at a time). */
export async function measureAsync(
	fn: () => Promise<unknown>,
	options: MeasureOptions,
): Promise<number[]> {
	for (let i = 0; i < options.warmup; i++) {
		await fn();
	}
	const samples: number[] = [];
	for (let i = 0; i < options.runs; i++) {
		const start = process.hrtime.bigint();
		await fn();
		samples.push(Number(process.hrtime.bigint() - start) / 1e6);
	}
	return samples;
}

/** The value of the `p`-th percentile (0..100) of a non-empty list, nearest rank. */
export function percentile(values: readonly number[], p: number): number {
	const sorted = [...values].sort((a, b) => a - b);
	const rank = Math.min(
		sorted.length - 1,
		Math.max(0, Math.ceil((p / 100) * sorted.length) - 1),
	);
	return sorted[rank] ?? Number.NaN;
}

/** Milliseconds with a precision that suits their magnitude: `0.412 ms`, `12.3 ms`, `702 ms`. */
export function formatMs(ms: number): string {
	if (ms < 1) {
		return `${ms.toFixed(3)} ms`;
	}
	return ms < 100 ? `${ms.toFixed(1)} ms` : `${ms.toFixed(0)} ms`;
}

/** A row for a time measured in milliseconds against an upper bound in milliseconds. */
export function msRow(
	measureName: string,
	size: string,
	ms: number,
	targetMs?: number,
): Row {
	return {
		measure: measureName,
		size,
		median: formatMs(ms),
		target: targetMs === undefined ? '' : `< ${formatMs(targetMs)}`,
		pass: targetMs === undefined ? undefined : ms < targetMs,
	};
}

/** Renders rows as an aligned plain-text table with a header and a pass/fail column. */
export function formatTable(rows: readonly Row[]): string {
	const header = ['measure', 'size', 'median', 'target', 'result'];
	const cells = rows.map((row) => [
		row.measure,
		row.size,
		row.median,
		row.target,
		row.pass === undefined ? '' : row.pass ? 'pass' : 'FAIL',
	]);
	const widths = header.map((title, column) =>
		Math.max(title.length, ...cells.map((line) => (line[column] ?? '').length)),
	);
	const render = (line: readonly string[]): string =>
		line
			.map((cell, column) => cell.padEnd(widths[column] ?? 0))
			.join('  ')
			.trimEnd();
	const rule = widths.map((width) => '-'.repeat(width)).join('  ');
	return [render(header), rule, ...cells.map(render)].join('\n') + '\n';
}
