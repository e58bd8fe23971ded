/**
 * Which address space of one side is which of the other. Names are the key, but QEMU
 * lets them repeat (QEMU's `mps2-an505` has six `tz-ppc-port[1]`, each rooted at another
 * device): a space whose name is not unique on both sides is paired with one of the same
 * name and root, else of the same name, the one whose ranges differ least, in order.
 */
import type { FlatDifference, FlatSpace } from './flatDiff';

/** For each `before` space (by index), its `after` space's index, or undefined. */
export function pairSpaces(
	before: readonly FlatSpace[],
	after: readonly FlatSpace[],
	differ: (a: FlatSpace, b: FlatSpace) => readonly FlatDifference[],
): (number | undefined)[] {
	const byName = new Map<string, number[]>();
	after.forEach((space, index) => {
		const list = byName.get(space.name);
		if (list) {
			list.push(index);
		} else {
			byName.set(space.name, [index]);
		}
	});
	const taken = new Set<number>();
	const beforeCount = new Map<string, number>();
	for (const space of before) {
		beforeCount.set(space.name, (beforeCount.get(space.name) ?? 0) + 1);
	}
	return before.map((space) => {
		const free = (byName.get(space.name) ?? []).filter((index) => !taken.has(index));
		if (free.length === 0) {
			return undefined;
		}
		const unique = free.length === 1 && beforeCount.get(space.name) === 1;
		const rooted = free.filter((index) => after[index]?.root === space.root);
		const candidates = unique || rooted.length === 0 ? free : rooted;
		let best = candidates[0] as number;
		if (!unique && candidates.length > 1) {
			let fewest = Number.POSITIVE_INFINITY;
			for (const index of candidates) {
				const count = differ(space, after[index] as FlatSpace).length;
				if (count < fewest) {
					best = index;
					fewest = count;
				}
			}
		}
		taken.add(best);
		return best;
	});
}
