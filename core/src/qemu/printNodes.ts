/**
 * Flattens the parsed groups into numbered print nodes (input order, pre-order) with
 * their parents, relative addresses and structural signatures: the raw material for
 * telling which printed lines are the same QEMU object.
 */
import type { MtreeGroup, MtreeLine, MtreeNode } from './mtreeModel';
import { wrap64 } from './regionType';

/** One printed occurrence of a region (or a hidden disabled parent, `line` undefined). */
export interface PrintNode {
	readonly index: number;
	readonly group: number;
	readonly line: MtreeLine | undefined;
	readonly parent: PrintNode | undefined;
	readonly children: PrintNode[];
	/** The printed start of this node (a hidden node starts where its parent starts). */
	readonly start: bigint;
	/** QEMU `addr`: the start relative to the parent's start (to 0 for a group root). */
	readonly relAddr: bigint;
	/** The printed priority, or a hidden node's chosen one (see `hiddenPlacement`). */
	readonly priority: number;
	/**
	 * The printed extent clipped by every ancestor's in the same print, inclusive
	 * (`clipEnd < clipStart` when nothing is left): where the region can show in a view
	 * whose root this print's group root is.
	 */
	readonly clipStart: bigint;
	readonly clipEnd: bigint;
	/** Equal for nodes whose whole printed subtrees are equal (relative addresses included). */
	signature: number;
}

/** Every print node in input order, and each group's root node. */
export interface PrintForest {
	readonly nodes: readonly PrintNode[];
	readonly roots: readonly (PrintNode | undefined)[];
}

/** Numbers the nodes of `groups` and computes their signatures. */
export function buildForest(groups: readonly MtreeGroup[]): PrintForest {
	const nodes: PrintNode[] = [];
	const roots = groups.map((group, index) =>
		group.root ? addNode(nodes, group.root, index, undefined, []) : undefined,
	);
	const interned = new Map<string, number>();
	for (let i = nodes.length - 1; i >= 0; i--) {
		const node = nodes[i] as PrintNode;
		const key = `${lineKey(node.line)}|${node.relAddr}|${node.children.map((child) => child.signature).join(',')}`;
		let id = interned.get(key);
		if (id === undefined) {
			id = interned.size;
			interned.set(key, id);
		}
		node.signature = id;
	}
	return { nodes, roots };
}

function addNode(
	nodes: PrintNode[],
	source: MtreeNode,
	group: number,
	parent: PrintNode | undefined,
	following: readonly MtreeNode[],
): PrintNode {
	const parentStart = parent?.start ?? 0n;
	const placed = source.line
		? { start: source.line.start, priority: source.line.priority }
		: hiddenPlacement(source, parentStart, parent?.children[parent.children.length - 1], following);
	const start = placed.start;
	const end = source.line ? start + wrap64(source.line.end - source.line.start) : (parent?.clipEnd ?? maxAddress);
	const node: PrintNode = {
		index: nodes.length,
		group,
		line: source.line,
		parent,
		children: [],
		start,
		relAddr: wrap64(start - parentStart),
		priority: placed.priority,
		clipStart: parent && parent.clipStart > start ? parent.clipStart : start,
		clipEnd: min(min(end, parent?.clipEnd ?? maxAddress), maxAddress),
		signature: -1,
	};
	nodes.push(node);
	source.children.forEach((child, i) => {
		node.children.push(addNode(nodes, child, group, node, source.children.slice(i + 1)));
	});
	return node;
}

/**
 * Where a parent hidden by plain `info mtree` goes: right after the previous sibling in
 * print order (same address and priority: ties keep their order) when its subregions
 * allow it, else at its parent's start, ahead of the siblings there. It is disabled, so
 * it renders nothing wherever it is.
 */
function hiddenPlacement(
	source: MtreeNode,
	parentStart: bigint,
	previous: PrintNode | undefined,
	following: readonly MtreeNode[],
): { start: bigint; priority: number } {
	const first = firstStart(source);
	if (previous && (first === undefined || previous.start <= first)) {
		return { start: previous.start, priority: previous.priority };
	}
	const rivals = following.flatMap((node) => (node.line && node.line.start === parentStart ? [node.line.priority] : []));
	return { start: parentStart, priority: rivals.length > 0 ? Math.min(2 ** 31 - 1, Math.max(...rivals) + 1) : 0 };
}

function firstStart(source: MtreeNode): bigint | undefined {
	let first: bigint | undefined;
	for (const child of source.children) {
		const start = child.line?.start ?? firstStart(child);
		if (start !== undefined && (first === undefined || start < first)) {
			first = start;
		}
	}
	return first;
}

const maxAddress = (1n << 64n) - 1n;

function min(a: bigint, b: bigint): bigint {
	return a < b ? a : b;
}

function lineKey(line: MtreeLine | undefined): string {
	if (!line) {
		return 'hidden';
	}
	const alias = line.alias ? `${line.alias.target}@${line.alias.start}-${line.alias.end}` : '';
	const size = wrap64(line.end - line.start);
	// An object has one owner: prints with different owner fields (`-o`) are never one region.
	return JSON.stringify([line.name, line.type, line.nonvolatile, line.priority, line.disabled, size.toString(), alias, line.owner ?? '']);
}
