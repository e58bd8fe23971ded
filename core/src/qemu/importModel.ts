/**
 * The importer's region model: one entry per identified QEMU object, with everything the
 * `.memmap` text needs (kind, size, placement, alias target, flags) and the address
 * spaces. Built from the print forest, the identity classes and the alias targets.
 */
import type { RegionKind } from '../syntax/ast';
import type { AliasTargets } from './aliasTargets';
import type { Identity } from './identify';
import type { MtreeError, MtreeGroup, MtreeType } from './mtreeModel';
import type { PrintForest, PrintNode } from './printNodes';
import { wrap64 } from './regionType';

/** One QEMU region object as the importer will write it. Sizes and addresses are exact. */
export interface ImportRegion {
	readonly id: number;
	/** The first print of the object (a hidden disabled parent has no line). */
	readonly node: PrintNode;
	/** Every print of the object. */
	readonly prints: readonly PrintNode[];
	readonly name: string;
	kind: RegionKind;
	/** The printed type column, which decides the kind. */
	readonly type: MtreeType | undefined;
	size: bigint;
	/** QEMU `addr`: the offset in its container, or the printed start of a top-level print. */
	readonly addr: bigint;
	readonly priority: number;
	readonly enabled: boolean;
	nonvolatile: boolean;
	readonly: boolean;
	/** Marked when it overlaps a sibling (QEMU no longer records intended overlap). */
	overlap: boolean;
	alias?: { readonly target: number; readonly offset: bigint };
	readonly parent: number | undefined;
	/** Subregions in QEMU's print order (address ascending, priority descending, list order). */
	readonly children: number[];
	/** Defined at file level: no container, or also printed as a group root. */
	readonly topLevel: boolean;
	/**
	 * A sibling of equal priority that this region must be declared after, so that it wins
	 * where they overlap: the flat text shows it winning (see `refineKinds`). QEMU prints
	 * siblings by address, which does not say which was added last.
	 */
	declaredAfter?: number;
	/** The owner field that `info mtree -o` printed for it, if the text has them. */
	readonly owner: string | undefined;
}

/** One `address-space:` name and the region that roots it. */
export interface ImportSpace {
	readonly name: string;
	readonly root: number;
	/** The tree group it came from (groups share a root). */
	readonly group: number;
}

/** Everything the importer writes: regions in order of first print, and the spaces. */
export interface ImportModel {
	readonly regions: ImportRegion[];
	readonly spaces: ImportSpace[];
}

/** Builds one region per identity class, in order of first print. */
export function buildModel(
	forest: PrintForest,
	groups: readonly MtreeGroup[],
	identity: Identity,
	aliases: AliasTargets,
	errors: MtreeError[],
): ImportModel {
	const members = new Map<number, PrintNode[]>();
	for (const node of forest.nodes) {
		const cls = identity.find(node.index);
		const list = members.get(cls);
		if (list) {
			list.push(node);
		} else {
			members.set(cls, [node]);
		}
	}
	const idOf = new Map<number, number>([...members.keys()].map((cls, id) => [cls, id]));
	const regionOf = (node: PrintNode): number => idOf.get(identity.find(node.index)) ?? 0;
	const regions: ImportRegion[] = [];
	for (const nodes of members.values()) {
		regions.push(makeRegion(regions, nodes, regionOf, groups));
	}
	for (const region of regions) {
		const target = aliases.targets.get(region.node.index);
		const alias = region.node.line?.alias;
		if (alias && target) {
			region.alias = { target: regionOf(target), offset: alias.start };
			checkWindow(region, errors);
			zeroSizeWindow(region, regions[region.alias.target]);
		}
	}
	const spaces: ImportSpace[] = [];
	groups.forEach((group, index) => {
		const root = forest.roots[index];
		if (group.kind === 'address-space' && root) {
			spaces.push(...group.names.map((name) => ({ name, root: regionOf(root), group: index })));
		}
	});
	return { regions, spaces };
}

function makeRegion(
	regions: readonly ImportRegion[],
	nodes: readonly PrintNode[],
	regionOf: (node: PrintNode) => number,
	groups: readonly MtreeGroup[],
): ImportRegion {
	const node = nodes[0] as PrintNode;
	const nested = nodes.find((member) => member.parent);
	const parent = nested?.parent ? regionOf(nested.parent) : undefined;
	const line = node.line;
	const parentSize = parent === undefined ? 1n << 64n : (regions[parent]?.size ?? 1n << 64n);
	return {
		id: regions.length,
		node,
		prints: nodes,
		name: line?.name ?? hiddenName(node, groups),
		kind: 'container',
		type: line?.type,
		// A hidden placeholder spans its parent from its own offset, never past 2^64.
		size: line ? wrap64(line.end - line.start) + 1n : min(parentSize, (1n << 64n) - (nested ?? node).relAddr),
		addr: (nested ?? node).relAddr,
		priority: node.priority,
		enabled: line ? !line.disabled : false,
		nonvolatile: line?.nonvolatile ?? false,
		readonly: false,
		overlap: false,
		parent,
		children: node.children.map(regionOf),
		topLevel: parent === undefined || nodes.some((member) => !member.parent),
		owner: line?.owner,
	};
}

/** An alias line's window must be as long as its extent (a hand edit breaks that). */
function checkWindow(region: ImportRegion, errors: MtreeError[]): void {
	const line = region.node.line;
	const alias = line?.alias;
	if (line && alias && wrap64(alias.end - alias.start) !== wrap64(line.end - line.start)) {
		errors.push({ line: line.line, column: alias.column, message: `expected the alias window ${alias.start.toString(16)}-... to be as long as the alias (${(wrap64(line.end - line.start) + 1n).toString(16)} bytes)` });
	}
}

/**
 * QEMU prints a zero-size region as one byte. A one-byte alias whose window starts at or
 * past its target's end shows nothing either way; it is taken as zero-size (QEMU q35's
 * `tseg-window` is such an alias), which the language accepts.
 */
function zeroSizeWindow(region: ImportRegion, target: ImportRegion | undefined): void {
	const line = region.node.line;
	if (line?.alias && line.start === line.end && target && line.alias.start >= target.size) {
		region.size = 0n;
	}
}

/** A hidden `memory-region:` root is named by its header; other hidden regions are unnamed. */
function hiddenName(node: PrintNode, groups: readonly MtreeGroup[]): string {
	const group = groups[node.group];
	return !node.parent && group?.kind === 'memory-region' ? (group.names[0] ?? '') : '(hidden)';
}

function min(a: bigint, b: bigint): bigint {
	return a < b ? a : b;
}
