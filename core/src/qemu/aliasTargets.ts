/**
 * Alias target resolution by replaying QEMU's alias-target queue (R8.8): every visited
 * alias queues its target unless that object is queued already, and the queue is printed
 * as `memory-region:` blocks in order. Walking the printed lines in input order, an alias
 * takes the next block when it has the target's name, else the first queued block of
 * that name (same-named objects that are both queued cannot be told apart by the text).
 */
import type { MtreeError, MtreeGroup } from './mtreeModel';
import type { PrintForest, PrintNode } from './printNodes';

/** For each alias print node (by index): the root print node of its target's block. */
export interface AliasTargets {
	readonly targets: ReadonlyMap<number, PrintNode>;
	readonly errors: readonly MtreeError[];
}

/** Resolves every alias line to a `memory-region:` block; unknown targets are errors. */
export function resolveAliasTargets(forest: PrintForest, groups: readonly MtreeGroup[]): AliasTargets {
	const blocks = groups
		.map((group, index) => ({ group, root: forest.roots[index] }))
		.filter((entry) => entry.group.kind === 'memory-region' && entry.root !== undefined);
	const queued: { name: string; root: PrintNode }[] = [];
	const targets = new Map<number, PrintNode>();
	const errors: MtreeError[] = [];
	let next = 0;
	for (const node of forest.nodes) {
		const alias = node.line?.alias;
		if (!node.line || !alias) {
			continue;
		}
		const known = queued.find((entry) => entry.name === alias.target);
		// Two objects may share a name: when the next block has the target's name, this
		// alias queued it (it cannot have been queued by a later alias), so take it.
		if (known && blocks[next]?.group.names[0] !== alias.target) {
			targets.set(node.index, known.root);
			continue;
		}
		// Aliases hidden by plain `info mtree` (disabled ones) queue targets invisibly, so
		// the block may come after others that no visible alias asked for.
		const found = blocks.findIndex((entry, i) => i >= next && entry.group.names[0] === alias.target);
		const block = blocks[found];
		if (!block?.root) {
			errors.push({ line: node.line.line, column: alias.column, message: `expected a "memory-region: ${alias.target}" block for the target of alias "${node.line.name}", found none` });
			continue;
		}
		for (const skipped of blocks.slice(next, found + 1)) {
			queued.push({ name: skipped.group.names[0] ?? '', root: skipped.root as PrintNode });
		}
		next = found + 1;
		targets.set(node.index, block.root);
	}
	return { targets, errors };
}
