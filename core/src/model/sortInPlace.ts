/**
 * A stable in-place sort that allocates nothing for short lists. Children lists and
 * sibling groups are short (a board has thousands of them, a dozen entries each), and
 * `Array.prototype.sort` copies every list it sorts into scratch storage: on a big board
 * that scratch was several megabytes of garbage per analysis.
 */

/** Lists up to this length are insertion-sorted; longer ones go to `Array.prototype.sort`. */
const insertionLimit = 32;

/** Sorts `items` in place by `compare`, keeping equal elements in their order; returns `items`. */
export function sortInPlace<T>(items: T[], compare: (a: T, b: T) => number): T[] {
	if (items.length > insertionLimit) {
		return items.sort(compare);
	}
	for (let i = 1; i < items.length; i++) {
		const item = items[i] as T;
		let j = i - 1;
		// Strictly greater moves: an equal element stays after the one before it (stable).
		while (j >= 0 && compare(items[j] as T, item) > 0) {
			items[j + 1] = items[j] as T;
			j--;
		}
		items[j + 1] = item;
	}
	return items;
}

/**
 * A copy of `items`, sorted by `compare`, with `item` put in its place: after every
 * element that does not sort after it (so after its equals, as a stable sort would).
 */
export function insertedInOrder<T>(items: readonly T[], item: T, compare: (a: T, b: T) => number): T[] {
	const after = items.findIndex((other) => compare(other, item) > 0);
	const at = after < 0 ? items.length : after;
	return [...items.slice(0, at), item, ...items.slice(at)];
}
