/**
 * The set of addresses already claimed while rendering a flat view (R4.4 "first come,
 * first served"), kept as disjoint, sorted, maximal spans `[start, end)` in a chunked
 * sorted array. Operations are O(log n) plus the number of spans they absorb, so a whole
 * render is O(n log n) even when regions arrive out of address order; the common case,
 * a region past everything claimed so far, is O(1).
 */

/** A half-open span `[start, end)` of absolute addresses. */
export interface CoveredSpan {
	start: bigint;
	end: bigint;
}

/** Chunks split above this length; small enough that a splice inside one stays cheap. */
const chunkLimit = 512;

/** Where a span lives: chunk index and index inside the chunk. */
interface Position {
	chunk: number;
	index: number;
}

export class CoverageSet {
	readonly #chunks: CoveredSpan[][] = [];

	/**
	 * Claims `[start, end)` and returns the parts of it that were not claimed before, in
	 * increasing order. An empty or inverted span claims nothing.
	 */
	fill(start: bigint, end: bigint): CoveredSpan[] {
		if (start >= end) {
			return [];
		}
		const last = this.#last();
		if (last === undefined || start > last.end) {
			this.#append({ start, end });
			return [{ start, end }];
		}
		if (start === last.end) {
			last.end = end;
			return [{ start, end }];
		}
		return this.#fillInside(start, end);
	}

	/** True when every address of the non-empty span `[start, end)` is already claimed. */
	covers(start: bigint, end: bigint): boolean {
		const position = this.#lastAtOrBefore(start);
		if (position === undefined) {
			return false;
		}
		const span = this.#at(position);
		return span !== undefined && span.end >= end;
	}

	#fillInside(start: bigint, end: bigint): CoveredSpan[] {
		const first = this.#firstTouching(start);
		const gaps: CoveredSpan[] = [];
		let cursor = start;
		let count = 0;
		let merged: CoveredSpan = { start, end };
		const walk: Position = { ...first };
		for (let span = this.#at(walk); span !== undefined && span.start <= end; ) {
			if (span.start > cursor) {
				gaps.push({ start: cursor, end: span.start < end ? span.start : end });
			}
			if (span.end > cursor) {
				cursor = span.end;
			}
			merged = {
				start: span.start < merged.start ? span.start : merged.start,
				end: span.end > merged.end ? span.end : merged.end,
			};
			count++;
			span = this.#next(walk);
		}
		if (cursor < end) {
			gaps.push({ start: cursor, end });
		}
		this.#replace(first, count, merged);
		return gaps;
	}

	/** The position of the first span whose end reaches `start` (it may touch or overlap). */
	#firstTouching(start: bigint): Position {
		const before = this.#lastAtOrBefore(start);
		if (before === undefined) {
			return { chunk: 0, index: 0 };
		}
		const span = this.#at(before);
		if (span !== undefined && span.end >= start) {
			return before;
		}
		const after = { ...before };
		this.#next(after);
		return after;
	}

	/** The position of the last span with `span.start <= address`, if any. */
	#lastAtOrBefore(address: bigint): Position | undefined {
		const chunks = this.#chunks;
		let low = 0;
		let high = chunks.length - 1;
		let chunk = -1;
		while (low <= high) {
			const mid = (low + high) >> 1;
			const head = chunks[mid]?.[0];
			if (head !== undefined && head.start <= address) {
				chunk = mid;
				low = mid + 1;
			} else {
				high = mid - 1;
			}
		}
		const spans = chunks[chunk];
		if (spans === undefined) {
			return undefined;
		}
		low = 0;
		high = spans.length - 1;
		let index = 0;
		while (low <= high) {
			const mid = (low + high) >> 1;
			if ((spans[mid]?.start ?? address) <= address) {
				index = mid;
				low = mid + 1;
			} else {
				high = mid - 1;
			}
		}
		return { chunk, index };
	}

	#at(position: Position): CoveredSpan | undefined {
		return this.#chunks[position.chunk]?.[position.index];
	}

	/** Advances `position` in place and returns the span there (undefined past the end). */
	#next(position: Position): CoveredSpan | undefined {
		position.index++;
		if (position.index >= (this.#chunks[position.chunk]?.length ?? 0)) {
			position.chunk++;
			position.index = 0;
		}
		return this.#at(position);
	}

	#last(): CoveredSpan | undefined {
		const chunk = this.#chunks[this.#chunks.length - 1];
		return chunk?.[chunk.length - 1];
	}

	#append(span: CoveredSpan): void {
		const chunk = this.#chunks[this.#chunks.length - 1];
		if (chunk === undefined || chunk.length >= chunkLimit) {
			this.#chunks.push([span]);
		} else {
			chunk.push(span);
		}
	}

	/** Replaces `count` consecutive spans from `at` by `span` (count may be 0: an insert). */
	#replace(at: Position, count: number, span: CoveredSpan): void {
		const chunks = this.#chunks;
		if (at.chunk >= chunks.length) {
			this.#append(span);
			return;
		}
		const home = chunks[at.chunk] ?? [];
		const here = Math.min(count, home.length - at.index);
		home.splice(at.index, here, span);
		let remaining = count - here;
		let chunk = at.chunk + 1;
		while (remaining > 0 && chunk < chunks.length) {
			const spans = chunks[chunk] ?? [];
			const removed = Math.min(remaining, spans.length);
			spans.splice(0, removed);
			remaining -= removed;
			if (spans.length === 0) {
				chunks.splice(chunk, 1);
			} else {
				chunk++;
			}
		}
		if (home.length > 2 * chunkLimit) {
			chunks.splice(at.chunk + 1, 0, home.splice(chunkLimit));
		}
	}
}
