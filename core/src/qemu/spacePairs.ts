/**
 * Which address space of one side is which of the other. Names are the key, but QEMU
 * lets them repeat (QEMU's `mps2-an505` has six `tz-ppc-port[1]`, each rooted at another
 * device, and four `tz-mpc-blocked-io` of different sizes): a space whose name is not
 * unique on both sides is paired with one of the same name and root, else of the same
 * name, whose ranges fit in the space's root, the one whose ranges differ least, in order.
 * `memmap diff`, the capture check and the importer's referees all pair this way.
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
		const named = unique || rooted.length === 0 ? free : rooted;
		// A space renders nothing past its root's end (R4.2: the root's extent is the first clip).
		const fitting = named.filter((index) => space.size === undefined || (after[index]?.ranges ?? []).every((range) => range.end <= (space.size as bigint)));
		const candidates = unique || fitting.length === 0 ? named : fitting;
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
