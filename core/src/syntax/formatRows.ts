/**
 * The formatter's view of one line of code: a row of named cells (kind, name, `at 0x1000`,
 * ...) in canonical order, and the column alignment of consecutive rows.
 */
import { propertyKeywords } from './scanner';
import type { MapNode, MemberNode, NameNode, NumberNode, PropName, RefNode, RegionNode, ItemNode } from './ast';

/** A line of code as cells keyed by column; `family` says which rows align with it. */
export interface Row {
	readonly family: 'region' | 'map' | 'other';
	readonly cells: ReadonlyMap<string, string>;
}

/** The canonical order of region properties, which is also their column order. */
export const propOrder: readonly PropName[] = propertyKeywords;

const columns: Readonly<Record<Row['family'], readonly string[]>> = {
	region: ['kind', 'name', ...propOrder],
	map: ['map', 'ref', 'at', 'priority', 'overlap'],
	other: ['text'],
};

/** A number as written, with the `0x`/`0b` prefix in lower case. */
export function numberText(node: NumberNode | undefined): string {
	if (!node) {
		return '';
	}
	const text = node.text;
	const at = text.startsWith('-') ? 1 : 0;
	const prefix = text[at + 1];
	const isUpper = text[at] === '0' && (prefix === 'X' || prefix === 'B');
	return isUpper ? text.slice(0, at + 1) + (prefix ?? '').toLowerCase() + text.slice(at + 2) : text;
}

function nameText(text: string, node: NameNode | undefined): string {
	return node ? text.slice(node.offset, node.offset + node.length) : '';
}

function refText(text: string, node: RefNode | undefined): string {
	if (!node) {
		return '';
	}
	return node.segments
		.map((s) => nameText(text, s.name) + (s.occurrence !== undefined ? `#${s.occurrence}` : ''))
		.join('/');
}

function regionRow(text: string, region: RegionNode): Row {
	const cells = new Map<string, string>([
		['kind', region.regionKind],
		['name', nameText(text, region.name)],
	]);
	for (const prop of region.props) {
		const value = prop.value?.kind === 'ref' ? refText(text, prop.value) : numberText(prop.value);
		const cell = value ? `${prop.name} ${value}` : prop.name;
		const previous = cells.get(prop.name);
		cells.set(prop.name, previous === undefined ? cell : `${previous} ${cell}`);
	}
	return { family: 'region', cells };
}

function mapRow(text: string, map: MapNode): Row {
	const cells = new Map<string, string>([
		['map', 'map'],
		['ref', refText(text, map.target)],
		['at', `at ${numberText(map.at)}`],
	]);
	if (map.priority) {
		cells.set('priority', `priority ${numberText(map.priority)}`);
	}
	if (map.overlap) {
		cells.set('overlap', 'overlap');
	}
	return { family: 'map', cells };
}

function other(line: string): Row {
	return { family: 'other', cells: new Map([['text', line]]) };
}

/** The row of a top-level item or block member (a region's row excludes its block). */
export function rowOf(text: string, node: ItemNode | MemberNode): Row {
	switch (node.kind) {
		case 'region':
			return regionRow(text, node);
		case 'map':
			return mapRow(text, node);
		case 'include':
			return other(`include ${node.path ? text.slice(node.path.offset, node.path.offset + node.path.length) : ''}`);
		case 'space':
			return other(`space ${nameText(text, node.name)} = ${refText(text, node.root)}`);
		case 'access': {
			const range = `${numberText(node.min)}..${numberText(node.max)}`;
			return other(`${node.which} ${range}${node.unaligned ? ' unaligned' : ''}`);
		}
		case 'endian':
			return other(`endian ${node.value ?? ''}`);
		case 'coalesce':
			return other(node.start ? `coalesce ${numberText(node.start)} size ${numberText(node.size)}` : 'coalesce');
	}
}

/** Column widths of a group of rows of one family. */
export type Widths = ReadonlyMap<string, number>;

export function measure(rows: readonly Row[]): Widths {
	const widths = new Map<string, number>();
	for (const row of rows) {
		for (const [key, cell] of row.cells) {
			widths.set(key, Math.max(widths.get(key) ?? 0, cell.length));
		}
	}
	return widths;
}

/**
 * Lays a row out in its group's columns: every cell but the row's last is padded to the
 * column width, and a column the row lacks is left blank when a later cell follows.
 */
export function layout(row: Row, widths: Widths): string {
	const order: string[] = [];
	let lastIndex = -1;
	for (const key of columns[row.family]) {
		if (widths.has(key)) {
			if (row.cells.has(key)) {
				lastIndex = order.length;
			}
			order.push(key);
		}
	}
	const parts: string[] = [];
	for (let index = 0; index <= lastIndex; index++) {
		const key = order[index] ?? '';
		const cell = row.cells.get(key) ?? '';
		parts.push(index === lastIndex ? cell : cell.padEnd(widths.get(key) ?? 0));
	}
	return parts.join(' ');
}
