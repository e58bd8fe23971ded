/**
 * The `memmap tree` outputs: each address space's region tree with absolute addresses,
 * then the top-level regions that no space contains (alias targets such as `pc.ram`),
 * whose addresses are relative to their own start.
 */
import { humanSize, listRegions, paddedAddress, toHex } from '../../../core/src/index';
import type { ListedRegion, Region, RegionId, RegionKind, RegionTree } from '../../../core/src/index';
import { alignColumns } from '../table';

/** Top-level regions outside every space: not mapped anywhere and not a space root. */
function unmappedRoots(tree: RegionTree): RegionId[] {
	const roots = new Set(tree.spaces.map((s) => s.root));
	return tree.topLevel.filter(
		(id) => tree.regions[id]?.parent === undefined && !roots.has(id),
	);
}

function details(tree: RegionTree, region: Region): string {
	const parts: string[] = [];
	if (region.alias !== undefined) {
		const target =
			region.alias.target === undefined ? undefined : tree.regions[region.alias.target];
		parts.push(`-> ${target?.path ?? '?'} @${toHex(region.alias.offset)}`);
	}
	const flags: [boolean, string][] = [
		[!region.enabled, 'disabled'],
		[region.readonly, 'readonly'],
		[region.nonvolatile, 'nonvolatile'],
		[region.mayOverlap, 'overlap'],
	];
	parts.push(...flags.filter(([on]) => on).map(([, name]) => name));
	return parts.join(' ');
}

function entryCells(tree: RegionTree, entry: ListedRegion): string[] {
	const { region, base: start } = entry;
	// As QEMU prints it, a zero-size region shows as the one byte at its start.
	const last = start + (region.size > 0n ? region.size - 1n : 0n);
	return [
		`${paddedAddress(start)}-${paddedAddress(last)}`,
		humanSize(region.size),
		region.kind,
		`prio ${region.priority}`,
		'  '.repeat(entry.depth) + region.name,
		details(tree, region),
	];
}

function block(tree: RegionTree, title: string, entries: readonly ListedRegion[]): string {
	const lines = alignColumns(entries.map((entry) => entryCells(tree, entry)));
	return [title, ...lines].join('\n') + '\n';
}

/** The text tree: one block per space, then one per region outside every space. */
export function treeText(tree: RegionTree): string {
	const blocks = tree.spaces.map((space) =>
		block(
			tree,
			`space ${space.name} = ${tree.regions[space.root]?.path ?? '?'}`,
			listRegions(tree, space.root),
		),
	);
	for (const id of unmappedRoots(tree)) {
		const title = `region ${tree.regions[id]?.path ?? '?'} (in no space; addresses relative to its start)`;
		blocks.push(block(tree, title, listRegions(tree, id)));
	}
	return blocks.join('\n');
}

/** A region of `memmap tree --format json`; `end` is exclusive, numbers are hex strings. */
export interface TreeNodeJson {
	readonly name: string;
	readonly path: string;
	readonly kind: RegionKind;
	readonly start: string;
	readonly end: string;
	readonly size: string;
	readonly priority: number;
	readonly enabled: boolean;
	readonly readonly: boolean;
	readonly nonvolatile: boolean;
	readonly overlap: boolean;
	readonly alias?: { readonly target: string; readonly offset: string };
	readonly children: readonly TreeNodeJson[];
}

function nodeJson(
	tree: RegionTree,
	entries: readonly ListedRegion[],
	index: number,
): [TreeNodeJson, number] {
	const entry = entries[index] as ListedRegion;
	const { region } = entry;
	const children: TreeNodeJson[] = [];
	let next = index + 1;
	while ((entries[next]?.depth ?? -1) > entry.depth) {
		const [child, after] = nodeJson(tree, entries, next);
		children.push(child);
		next = after;
	}
	const target =
		region.alias?.target === undefined ? undefined : tree.regions[region.alias.target];
	const node: TreeNodeJson = {
		name: region.name,
		path: region.path,
		kind: region.kind,
		start: toHex(entry.base),
		end: toHex(entry.base + region.size),
		size: toHex(region.size),
		priority: region.priority,
		enabled: region.enabled,
		readonly: region.readonly,
		nonvolatile: region.nonvolatile,
		overlap: region.mayOverlap,
		...(region.alias === undefined
			? {}
			: { alias: { target: target?.path ?? '', offset: toHex(region.alias.offset) } }),
		children,
	};
	return [node, next];
}

function rootJson(tree: RegionTree, root: RegionId): TreeNodeJson | null {
	const entries = listRegions(tree, root);
	return entries.length === 0 ? null : nodeJson(tree, entries, 0)[0];
}

/** `memmap tree --format json`: `{ spaces: [{ name, root }], unmapped: [...] }`. */
export function treeJson(tree: RegionTree): string {
	const result = {
		spaces: tree.spaces.map((space) => ({
			name: space.name,
			root: rootJson(tree, space.root),
		})),
		unmapped: unmappedRoots(tree).map((id) => rootJson(tree, id)),
	};
	return JSON.stringify(result, null, 2) + '\n';
}
