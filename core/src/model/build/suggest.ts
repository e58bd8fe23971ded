/** "Did you mean" suggestions for unknown names, by edit distance. */

/** How many candidate names one analysis may compare in total (a bound on the work). */
export interface SuggestBudget {
	comparisons: number;
}

/** The whole budget of one analysis. */
export function analysisBudget(): SuggestBudget {
	return { comparisons: 300_000 };
}

/**
 * The closest of `names` to `name` within a small edit distance, or undefined. Each
 * candidate spends one comparison of `budget`; once it is spent, no more are made, so a
 * huge board full of typos cannot make analysis slow.
 */
export function suggest(name: string, names: Iterable<string>, budget: SuggestBudget): string | undefined {
	const limit = Math.max(1, Math.floor(name.length / 3));
	const rows = new Rows(name.length + limit + 1);
	let best: string | undefined;
	let bestDistance = limit + 1;
	for (const candidate of names) {
		if (budget.comparisons-- <= 0) {
			return undefined;
		}
		if (candidate === name || Math.abs(candidate.length - name.length) > limit) {
			continue;
		}
		const distance = editDistance(name, candidate, bestDistance - 1, rows);
		if (distance < bestDistance) {
			best = candidate;
			bestDistance = distance;
		}
	}
	return best;
}

/** Three reusable dynamic-programming rows, so comparing allocates nothing. */
class Rows {
	previous2: Int32Array;
	previous: Int32Array;
	current: Int32Array;

	constructor(width: number) {
		this.previous2 = new Int32Array(width + 1);
		this.previous = new Int32Array(width + 1);
		this.current = new Int32Array(width + 1);
	}

	rotate(): void {
		const spare = this.previous2;
		this.previous2 = this.previous;
		this.previous = this.current;
		this.current = spare;
	}
}

/**
 * Levenshtein distance with adjacent transpositions; returns `cap + 1` as soon as the
 * distance must exceed `cap`. `b` is at most `rows` wide (the caller filters lengths).
 */
function editDistance(a: string, b: string, cap: number, rows: Rows): number {
	for (let j = 0; j <= b.length; j++) {
		rows.previous[j] = j;
	}
	for (let i = 1; i <= a.length; i++) {
		const { previous2, previous, current } = rows;
		current[0] = i;
		let rowMin = i;
		for (let j = 1; j <= b.length; j++) {
			const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
			let value = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
			if (i > 1 && j > 1 && a.charCodeAt(i - 1) === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1)) {
				value = Math.min(value, (previous2[j - 2] ?? 0) + 1);
			}
			current[j] = value;
			rowMin = Math.min(rowMin, value);
		}
		if (rowMin > cap) {
			return cap + 1;
		}
		rows.rotate();
	}
	return rows.previous[b.length] ?? cap + 1;
}
