/**
 * Named timings of the update phases, visible in DevTools' performance panel and read by
 * the benchmark (`performance.getEntriesByType('measure')`).
 */
export function timed<T>(name: string, work: () => T): T {
	const start = performance.now();
	try {
		return work();
	} finally {
		performance.measure(`memmap:${name}`, { start, end: performance.now() });
	}
}
