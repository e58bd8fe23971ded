/**
 * Golden-text printers for analysis results: diagnostics (with 1-based line:col spans)
 * and the resolved region tree (indented, with absolute `[start, end)` addresses).
 */
import type { Analysis, Diagnostic, Region, RegionTree } from '../../core/src/index';
import { formatAddress } from '../../core/src/index';

/** 1-based line and column (UTF-16 units) of `offset` in `text`. */
export function lineCol(text: string, offset: number): string {
	let line = 1;
	let lineStart = 0;
	for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
		line++;
		lineStart = i + 1;
	}
	return `${line}:${offset - lineStart + 1}`;
}

/** The file name shown for a URI other than the entry: its last path segment. */
function shortName(uri: string): string {
	return uri.slice(uri.lastIndexOf('/') + 1);
}

function spanText(analysis: Analysis, uri: string, offset: number, length: number): string {
	const text = analysis.documents.get(uri)?.text ?? '';
	const where = `${lineCol(text, offset)}..${lineCol(text, offset + length)}`;
	return uri === analysis.entry ? where : `${shortName(uri)}:${where}`;
}

/**
 * One line per diagnostic: `error ref.ambiguous 4:3..4:17 message`, then one indented
 * `related` line per related location. Spans in other files than the entry are prefixed
 * with the file name (`b.memmap:2:9..2:20`).
 */
export function printDiagnostics(analysis: Analysis, header: string): string {
	const lines = [`# ${header}`, '# severity code line:col..line:col (1-based, end exclusive) message'];
	for (const d of analysis.diagnostics) {
		lines.push(diagnosticLine(analysis, d));
		for (const r of d.related ?? []) {
			lines.push(`    related ${spanText(analysis, r.uri, r.offset, r.length)} ${r.message}`);
		}
	}
	return lines.join('\n') + '\n';
}

function diagnosticLine(analysis: Analysis, d: Diagnostic): string {
	const span = spanText(analysis, d.uri, d.offset, d.length);
	return `${d.severity} ${d.code} ${span} ${d.message}${d.unnecessary ? ' [unnecessary]' : ''}`;
}

/**
 * The region tree: the spaces, then every unplaced top-level region with its subtree.
 * Each line: `name kind [start, end) prio P` and flags; `start` is absolute (the sum of
 * `at`s from the printed root), `end` exclusive and unclipped. Children are printed in
 * `info mtree` order. A top-level region placed by `map` is marked `mapped`.
 */
export function printTree(tree: RegionTree, header: string): string {
	const lines = [
		`# ${header}`,
		'# name kind [absolute start, end) prio P flags; indentation = parent; children by address, then priority',
	];
	for (const space of tree.spaces) {
		const root = tree.regions[space.root];
		lines.push(`space ${space.name} = ${root?.path ?? '?'}${space.implicit ? ' (implicit)' : ''}`);
	}
	const topLevel = new Set(tree.topLevel);
	for (const id of tree.topLevel) {
		if (tree.regions[id]?.parent === undefined) {
			printRegion(tree, topLevel, id, 0n, 0, lines);
		}
	}
	return lines.join('\n') + '\n';
}

function printRegion(
	tree: RegionTree,
	topLevel: ReadonlySet<number>,
	id: number,
	base: bigint,
	depth: number,
	lines: string[],
): void {
	const region = tree.regions[id];
	if (!region) {
		return;
	}
	const start = base + region.addr;
	const range = `[${formatAddress(start)}, ${formatAddress(start + region.size)})`;
	const flags = regionFlags(tree, region, topLevel.has(id) && region.parent !== undefined);
	lines.push(`${'  '.repeat(depth)}${region.name} ${region.kind} ${range} prio ${region.priority}${flags}`);
	for (const child of printOrder(tree, region.children)) {
		printRegion(tree, topLevel, child, start, depth + 1, lines);
	}
}

/**
 * `info mtree` order (R8.6): address ascending, then priority descending; ties keep QEMU
 * list order (the later-declared first). `children` itself is in list order.
 */
function printOrder(tree: RegionTree, children: readonly number[]): number[] {
	const addr = (id: number): bigint => tree.regions[id]?.addr ?? 0n;
	const priority = (id: number): number => tree.regions[id]?.priority ?? 0;
	return [...children].sort((a, b) => (addr(a) < addr(b) ? -1 : addr(a) > addr(b) ? 1 : priority(b) - priority(a)));
}

function regionFlags(tree: RegionTree, region: Region, mapped: boolean): string {
	const flags: string[] = [];
	if (mapped) {
		flags.push('mapped');
	}
	if (region.mayOverlap) {
		flags.push('overlap');
	}
	for (const flag of ['disabled', 'readonly', 'nonvolatile'] as const) {
		if (flag === 'disabled' ? !region.enabled : region[flag]) {
			flags.push(flag);
		}
	}
	if (region.alias) {
		const target = region.alias.target === undefined ? '?' : tree.regions[region.alias.target]?.path;
		flags.push(`of ${target ?? '?'} +${formatAddress(region.alias.offset)}`);
	}
	const access = region.access;
	for (const which of ['valid', 'impl'] as const) {
		const sizes = access?.[which];
		if (sizes) {
			flags.push(`${which} ${sizes.min}..${sizes.max}${sizes.unaligned ? ' unaligned' : ''}`);
		}
	}
	if (access?.endian) {
		flags.push(`endian ${access.endian}`);
	}
	if (access?.coalesce) {
		const { start, size } = access.coalesce;
		flags.push(size === undefined ? 'coalesce' : `coalesce ${formatAddress(start)} size ${formatAddress(size)}`);
	}
	return flags.length > 0 ? ' ' + flags.join(' ') : '';
}
