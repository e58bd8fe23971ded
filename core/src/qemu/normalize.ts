/**
 * Order normalisation of `info mtree` text, for comparing two outputs of the same machine.
 * QEMU prints address-space groups and FlatView blocks in hash-table order, which differs
 * between runs; nothing else varies. These helpers sort exactly those blocks. The
 * monitor's banner and prompt lines of a `-monitor stdio` capture are dropped, and so is
 * what the options `-o` (owner fields), `-d` (dispatch trees) and a KVM run (` kvm` marks)
 * add, which no board says and no printer prints.
 */
import { isMonitorChatter, isRangeLine, splitOwner, withoutAccelerator } from './lineFields';

/** Splits text into blank-line separated blocks (each without its trailing newline). */
function blocks(text: string): string[] {
	const lines = text.replace(/\r\n/g, '\n').split('\n');
	const body = lines.filter((line) => !isMonitorChatter(line)).join('\n').replace(/^\n+/, '').replace(/\n+$/, '');
	return body === '' ? [] : body.split(/\n\n+/);
}

function byText(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * `info mtree [-D]` with its `address-space:` groups sorted, and its `memory-region:`
 * blocks sorted too: QEMU fills the alias-target queue while it prints the groups, so the
 * queue's order is a consequence of the group order and varies with it. The text of every
 * block is kept as is. Trailing blank lines are ignored (QEMU ends with one; captures
 * often strip it); the result ends with one newline.
 */
export function normalizeMtree(text: string): string {
	const all = blocks(text).map(withoutOwners);
	const groups = all.filter((block) => !block.startsWith('memory-region: ')).sort(byText);
	const queued = all.filter((block) => block.startsWith('memory-region: ')).sort(byText);
	return join([...groups, ...queued]);
}

/**
 * `info mtree -f` with its FlatView blocks sorted by their text after the `FlatView #n`
 * line, then renumbered from 0 in that order. Everything else is kept as is (the order of
 * the `AS` lines inside a block is QEMU's creation order, not hash order).
 */
export function normalizeFlat(text: string): string {
	const bodies = blocks(text).map((block) => withoutOwners(withoutDispatch(block).replace(/^FlatView #\d+\n/, '')));
	bodies.sort(byText);
	return join(bodies.map((body, index) => `FlatView #${index}\n${body}`));
}

/** A FlatView block up to its `-d` dispatch tree, which follows the ranges. */
function withoutDispatch(block: string): string {
	const at = block.indexOf('\n  Dispatch\n');
	return at < 0 ? block : block.slice(0, at);
}

/** Every line without its `-o` owner field (and, first, a range's ` kvm` mark). */
function withoutOwners(block: string): string {
	return block
		.split('\n')
		.map((line) => splitOwner(isRangeLine(line) ? withoutAccelerator(line) : line).body)
		.join('\n');
}

function join(parts: readonly string[]): string {
	return parts.length === 0 ? '' : parts.join('\n\n') + '\n';
}
