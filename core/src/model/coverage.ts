/**
 * The set of addresses already claimed while rendering a flat view (R4.4 "first come,
 * first served"), kept as disjoint, sorted, maximal spans `[start, end)` in a chunked
 * sorted array. Operations are O(log n) plus the number of spans they absorb, so a whole
 * render is O(n log n) even when regions arrive out of address order; the common case,
 * a region past everything claimed so far, is O(1).
 *
 * Every gap handed out becomes a piece, numbered 0, 1, 2... in the order of the gaps.
 * Each span keeps its pieces as a linked list in address order, so `order()` lists all
 * pieces sorted by address without a sort.
 */

/** A half-open span `[start, end)` of absolute addresses, and its first and last piece. */
interface CoveredSpan {
	start: bigint;
	end: bigint;
	head: number;
	tail: number;
}

/** Chunks split above this length; small enough that a splice inside one stays cheap. */
const chunkLimit = 512;

/** Receives each unclaimed part `[start, end)` of a fill, in increasing order. */
export type GapSink = (start: bigint, end: bigint) => void;

/** Claimed addresses of one render, plus the address order of the pieces handed out. */
export class CoverageSet {
	readonly #chunks: CoveredSpan[][] = [];
	/** `#next[p]` is the piece after piece `p` in address order, or -1. */
	readonly #next: number[] = [];

	/**
	 * Claims `[start, end)` and reports the parts of it that were not claimed before, in
	 * increasing order, to `sink`. An empty or inverted span claims nothing.
	 */
	fill(start: bigint, end: bigint, sink: GapSink): void {
		if (start >= end) {
			return;
		}
		const last = this.#last();
		const first = this.#chunks[0]?.[0];
		if (last === undefined || start > last.end) {
			const piece = this.#piece(start, end, sink);
			this.#append({ start, end, head: piece, tail: piece });
		} else if (start === last.end) {
			const piece = this.#piece(start, end, sink);
			this.#next[last.tail] = piece;
			last.tail = piece;
			last.end = end;
		} else if (first !== undefined && end < first.start) {
			// Regions of equal priority render later-declared first, which is often in
			// descending address order: claiming before everything is the other fast path.
			const piece = this.#piece(start, end, sink);
			this.#prepend({ start, end, head: piece, tail: piece });
		} else if (first !== undefined && end === first.start) {
			const piece = this.#piece(start, end, sink);
			this.#next[piece] = first.head;
			first.head = piece;
			first.start = start;
		} else {
			this.#fillInside(start, end, sink);
		}
	}

	/** True when every address of the non-empty span `[start, end)` is already claimed. */
	covers(start: bigint, end: bigint): boolean {
		const last = this.#last();
		if (last === undefined || start >= last.end || end <= (this.#chunks[0]?.[0] ?? last).start) {
			return false;
		}
		const chunk = this.#chunks[this.#chunkAtOrBefore(start)];
		if (chunk === undefined) {
			return false;
		}
		const span = chunk[indexAtOrBefore(chunk, start)];
		return span !== undefined && span.start <= start && span.end >= end;
	}

	/** Every piece number, in increasing address order. */
	order(): number[] {
		const out: number[] = [];
		for (const chunk of this.#chunks) {
			for (const span of chunk) {
				for (let p = span.head; p >= 0; p = this.#next[p] ?? -1) {
					out.push(p);
				}
			}
		}
		return out;
	}

	#piece(start: bigint, end: bigint, sink: GapSink): number {
		const piece = this.#next.length;
		this.#next.push(-1);
		sink(start, end);
		return piece;
	}

	/** Absorbs every span touching `[start, end)` into one, creating pieces for the gaps. */
	#fillInside(start: bigint, end: bigint, sink: GapSink): void {
		let chunk = this.#chunkAtOrBefore(start);
		let index = 0;
		const spans = this.#chunks[chunk];
		if (spans !== undefined) {
			index = indexAtOrBefore(spans, start);
			const span = spans[index];
			if (span !== undefined && span.start <= start && span.end < start) {
				index++;
			}
			if (index >= spans.length) {
				chunk++;
				index = 0;
			}
		} else {
			chunk = 0;
		}
		const firstChunk = chunk;
		const firstIndex = index;
		const merged: CoveredSpan = { start, end, head: -1, tail: -1 };
		let cursor = start;
		let count = 0;
		for (let span = this.#at(chunk, index); span !== undefined && span.start <= end; ) {
			if (span.start > cursor) {
				const piece = this.#piece(cursor, span.start < end ? span.start : end, sink);
				this.#link(merged, piece, piece);
			}
			this.#link(merged, span.head, span.tail);
			cursor = span.end > cursor ? span.end : cursor;
			if (span.start < merged.start) {
				merged.start = span.start;
			}
			if (span.end > merged.end) {
				merged.end = span.end;
			}
			count++;
			index++;
			if (index >= (this.#chunks[chunk]?.length ?? 0)) {
				chunk++;
				index = 0;
			}
			span = this.#at(chunk, index);
		}
		if (cursor < end) {
			const piece = this.#piece(cursor, end, sink);
			this.#link(merged, piece, piece);
		}
		this.#replace(firstChunk, firstIndex, count, merged);
	}

	/** Appends the pieces `head..tail` (already linked) to the pieces of `merged`. */
	#link(merged: CoveredSpan, head: number, tail: number): void {
		if (merged.tail < 0) {
			merged.head = head;
		} else {
			this.#next[merged.tail] = head;
		}
		merged.tail = tail;
	}

	/** The last chunk whose first span starts at or before `address` (0 if none). */
	#chunkAtOrBefore(address: bigint): number {
		const chunks = this.#chunks;
		let low = 0;
		let high = chunks.length - 1;
		let found = 0;
		while (low <= high) {
			const mid = (low + high) >> 1;
			const head = chunks[mid]?.[0];
			if (head !== undefined && head.start <= address) {
				found = mid;
				low = mid + 1;
			} else {
				high = mid - 1;
			}
		}
		return found;
	}

	#at(chunk: number, index: number): CoveredSpan | undefined {
		return this.#chunks[chunk]?.[index];
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

	#prepend(span: CoveredSpan): void {
		const chunk = this.#chunks[0];
		if (chunk === undefined || chunk.length >= chunkLimit) {
			this.#chunks.unshift([span]);
		} else {
			chunk.unshift(span);
		}
	}

	/** Replaces `count` consecutive spans from (chunk, index) by `span` (0: an insert). */
	#replace(chunkIndex: number, index: number, count: number, span: CoveredSpan): void {
		const chunks = this.#chunks;
		if (chunkIndex >= chunks.length) {
			this.#append(span);
			return;
		}
		const home = chunks[chunkIndex] ?? [];
		const here = Math.min(count, home.length - index);
		replaceInPlace(home, index, here, span);
		let remaining = count - here;
		let chunk = chunkIndex + 1;
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
			chunks.splice(chunkIndex + 1, 0, home.splice(chunkLimit));
		}
	}
}

/**
 * `spans.splice(index, count, span)` without the array of removed elements that `splice`
 * allocates: a render replaces spans thousands of times.
 */
function replaceInPlace(spans: CoveredSpan[], index: number, count: number, span: CoveredSpan): void {
	if (count === 0) {
		spans.push(span);
		for (let i = spans.length - 1; i > index; i--) {
			spans[i] = spans[i - 1] as CoveredSpan;
		}
	} else if (count > 1) {
		spans.copyWithin(index + 1, index + count);
		spans.length -= count - 1;
	}
	spans[index] = span;
}

/** The index of the last span starting at or before `address` (0 when none does). */
function indexAtOrBefore(spans: readonly CoveredSpan[], address: bigint): number {
	let low = 0;
	let high = spans.length - 1;
	let found = 0;
	while (low <= high) {
		const mid = (low + high) >> 1;
		if ((spans[mid]?.start ?? address) <= address) {
			found = mid;
			low = mid + 1;
		} else {
			high = mid - 1;
		}
	}
	return found;
}
