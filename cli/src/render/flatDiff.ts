/**
 * `memmap diff` output: text in the words of `info mtree -f` (so a difference can be
 * found again in QEMU's own output with a search), or JSON.
 */
import { formatHex16 as plx, toHex } from '../../../core/src/index';
import { flatOwnerText } from '../../../core/src/qemu/index';
import type { FlatDifference, FlatMove, FlatOwner, SpaceDiff } from '../../../core/src/qemu/index';

/** A range's owner as the tail of an `info mtree -f` line, or `(hole)`. */
function ownerText(owner: FlatOwner | undefined): string {
	return owner === undefined ? '(hole)' : flatOwnerText(owner);
}

/** The stretch with its end inclusive, as QEMU prints, then the owner on each side. */
function differenceText(difference: FlatDifference): string {
	return (
		`  ${plx(difference.start)}-${plx(difference.end - 1n)}\n` +
		`  - ${ownerText(difference.before)}\n` +
		`  + ${ownerText(difference.after)}\n`
	);
}

/** A signed distance in hex: `+0x1000`, `-0x800`. */
function signedHex(value: bigint): string {
	return value < 0n ? `-${toHex(-value)}` : `+${toHex(value)}`;
}

/** A move, after the differences it explains: the region, where it was and where it is. */
function moveText(move: FlatMove): string {
	const owner = flatOwnerText({ ...move, offset: 0n });
	const span = (start: bigint): string => `${plx(start)}-${plx(start + move.size - 1n)}`;
	return `  moved ${signedHex(move.to - move.from)}: ${owner}, ${span(move.from)} -> ${span(move.to)}\n`;
}

function movedNote(count: number): string {
	return count === 0 ? '' : ` (${count === 1 ? '1 region' : `${count} regions`} moved)`;
}

function plural(count: number, word: string): string {
	return `${count} ${word}${count === 1 ? '' : 's'}`;
}

function spaceText(space: SpaceDiff, before: string, after: string): string {
	const title = `space ${JSON.stringify(space.name)}`;
	switch (space.status) {
		case 'same':
			return `${title}: same (${plural(space.rangeCount, 'range')})\n`;
		case 'only-before':
			return `${title}: only in ${before} (${plural(space.rangeCount, 'range')})\n`;
		case 'only-after':
			return `${title}: only in ${after} (${plural(space.rangeCount, 'range')})\n`;
		case 'different':
			return (
				`${title}: ${plural(space.differences.length, 'difference')}${movedNote(space.moves.length)}\n` +
				space.differences.map(differenceText).join('') +
				space.moves.map(moveText).join('')
			);
	}
}

function summary(spaces: readonly SpaceDiff[], before: string, after: string): string {
	const count = (status: SpaceDiff['status']): number => spaces.filter((s) => s.status === status).length;
	const parts = [`${count('different')} different`, `${count('same')} same`];
	if (count('only-before') > 0) {
		parts.push(`${count('only-before')} only in ${before}`);
	}
	if (count('only-after') > 0) {
		parts.push(`${count('only-after')} only in ${after}`);
	}
	return `${plural(spaces.length, 'address space')}: ${parts.join(', ')}\n`;
}

/** The text report: a `---`/`+++` header, each space with its differences, a summary line. */
export function diffText(spaces: readonly SpaceDiff[], before: string, after: string): string {
	const body = spaces.map((space) => spaceText(space, before, after)).join('');
	return `--- ${before}\n+++ ${after}\n${body}${summary(spaces, before, after)}`;
}

function ownerJson(owner: FlatOwner | undefined): object | null {
	if (owner === undefined) {
		return null;
	}
	const { name, type, priority, nonvolatile, offset } = owner;
	return { name, type, priority, nonvolatile, offset: toHex(offset) };
}

/** `--format json`: hex strings, `end` exclusive (as `memmap flat --format json`). */
export function diffJson(spaces: readonly SpaceDiff[], before: string, after: string): string {
	const json = {
		before,
		after,
		same: spaces.every((space) => space.status === 'same'),
		spaces: spaces.map((space) => ({
			name: space.name,
			status: space.status,
			differences: space.differences.map((d) => ({
				start: toHex(d.start),
				end: toHex(d.end),
				before: ownerJson(d.before),
				after: ownerJson(d.after),
			})),
			moves: space.moves.map((m) => ({
				name: m.name,
				type: m.type,
				priority: m.priority,
				nonvolatile: m.nonvolatile,
				from: toHex(m.from),
				to: toHex(m.to),
				size: toHex(m.size),
			})),
		})),
	};
	return JSON.stringify(json, null, 2) + '\n';
}
