/**
 * Moves among the differences of two flat views: a region that left one stretch and took
 * another of the same length, showing the same bytes (the same offsets inside it). A
 * reviewer of a board change reads "ioapic moved by +0x1000" more easily than the two or
 * three stretches that the move leaves in the address-by-address comparison.
 */
import type { FlatDifference, FlatOwner } from './flatDiff';

/** One region's move: it owned `[from, from + size)` before and `[to, to + size)` after. */
export interface FlatMove {
	readonly name: string;
	readonly type: string;
	readonly priority: number;
	readonly nonvolatile: boolean;
	readonly from: bigint;
	readonly to: bigint;
	readonly size: bigint;
}

/** A stretch that one side's owner held, with the owner's offset at its start. */
interface Piece {
	readonly start: bigint;
	end: bigint;
	readonly offset: bigint;
}

function ownerKey(owner: FlatOwner): string {
	return `${owner.name}\u0000${owner.type}\u0000${owner.priority}\u0000${owner.nonvolatile}`;
}

/**
 * Adds the stretch to the owner's pieces, extending the last piece when the stretch
 * continues it (adjacent, and the offsets run on), as a region read further on does.
 */
function addPiece(pieces: Map<string, Piece[]>, owner: FlatOwner, start: bigint, end: bigint): void {
	const key = ownerKey(owner);
	const list = pieces.get(key) ?? [];
	pieces.set(key, list);
	const last = list[list.length - 1];
	if (last !== undefined && last.end === start && last.offset + (start - last.start) === owner.offset) {
		last.end = end;
	} else {
		list.push({ start, end, offset: owner.offset });
	}
}

/**
 * The moves among `differences` (sorted, as `diffRanges` gives them): an owner (name, type,
 * priority) that lost exactly one stretch and gained exactly one, of the same length and
 * starting at the same offset inside it. When same-named regions (QEMU's PAM windows) lose
 * or gain several stretches, which went where is unknown and none is taken for a move. In
 * order of the old address.
 */
export function findMoves(differences: readonly FlatDifference[]): FlatMove[] {
	const lost = new Map<string, Piece[]>();
	const gained = new Map<string, Piece[]>();
	const owners = new Map<string, FlatOwner>();
	for (const difference of differences) {
		if (difference.before !== undefined) {
			addPiece(lost, difference.before, difference.start, difference.end);
			owners.set(ownerKey(difference.before), difference.before);
		}
		if (difference.after !== undefined) {
			addPiece(gained, difference.after, difference.start, difference.end);
		}
	}
	const moves: FlatMove[] = [];
	for (const [key, pieces] of lost) {
		const to = gained.get(key);
		const from = pieces[0];
		const target = to?.[0];
		const owner = owners.get(key);
		if (pieces.length !== 1 || to?.length !== 1 || !from || !target || !owner) {
			continue;
		}
		const size = from.end - from.start;
		if (target.end - target.start === size && target.offset === from.offset && target.start !== from.start) {
			const { name, type, priority, nonvolatile } = owner;
			moves.push({ name, type, priority, nonvolatile, from: from.start, to: target.start, size });
		}
	}
	return moves.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
}
