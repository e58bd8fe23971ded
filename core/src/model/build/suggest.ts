/** "Did you mean" suggestions for unknown names, by edit distance. */

/** The closest of `names` to `name` within a small edit distance, or undefined. */
export function suggest(name: string, names: Iterable<string>): string | undefined {
	const limit = Math.max(1, Math.floor(name.length / 3));
	let best: string | undefined;
	let bestDistance = limit + 1;
	for (const candidate of names) {
		if (candidate === name || Math.abs(candidate.length - name.length) > limit) {
			continue;
		}
		const distance = editDistance(name, candidate, bestDistance);
		if (distance < bestDistance) {
			best = candidate;
			bestDistance = distance;
		}
	}
	return best;
}

/** Levenshtein distance with adjacent transpositions, giving up once above `cap`. */
function editDistance(a: string, b: string, cap: number): number {
	let previous2: number[] = [];
	let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
	for (let i = 1; i <= a.length; i++) {
		const row = [i];
		let rowMin = i;
		for (let j = 1; j <= b.length; j++) {
			const cost = a[i - 1] === b[j - 1] ? 0 : 1;
			let value = Math.min((previous[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
			if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
				value = Math.min(value, (previous2[j - 2] ?? 0) + 1);
			}
			row.push(value);
			rowMin = Math.min(rowMin, value);
		}
		if (rowMin > cap) {
			return cap + 1;
		}
		previous2 = previous;
		previous = row;
	}
	return previous[b.length] ?? cap + 1;
}
