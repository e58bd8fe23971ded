/**
 * Document symbols: the region hierarchy as written, each with its kind, size and absolute
 * ranges in `detail`; spaces as namespaces; `map` statements as fields of their container.
 */
import { SymbolKind, type DocumentSymbol, type DocumentSymbolParams } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { formatSize, keywordSpan } from '../../../core/src/index';
import type { Analysis, ItemNode, MemberNode, RegionKind, RegionNode, Span } from '../../../core/src/index';
import { AscendingPositions } from '../convert';
import { analysisFor, cancellableGuard, type ServerContext } from '../context';
import { placementsOf, regionDeclaredAt } from '../model';
import { formatRange } from './regionInfo';

/** The symbol kind of each region kind (the outline's icons; the hierarchies use them too). */
export const regionSymbolKinds: Readonly<Record<RegionKind, SymbolKind>> = {
	container: SymbolKind.Namespace,
	ram: SymbolKind.Array,
	ramd: SymbolKind.Array,
	rom: SymbolKind.Constant,
	romd: SymbolKind.Constant,
	io: SymbolKind.Interface,
	alias: SymbolKind.Field,
};

/**
 * What building the tree needs. Positions come from two cursors, one for the starts (met
 * in pre-order, ascending) and one for the ends (met in post-order, ascending too), so a
 * 100k-region outline converts its 400k offsets without a binary search each.
 */
interface Builder {
	readonly analysis: Analysis;
	readonly uri: string;
	readonly starts: AscendingPositions;
	readonly ends: AscendingPositions;
	readonly budget: DepthBudget;
}

/** Regions nested deeper than this are left out of the outline (stack and reader alike). */
const maxDepth = 256;

/**
 * The symbol tree of `document`, at most `limit` symbols (`memmap.outline.maxSymbols`).
 * Past the limit the outline keeps its upper levels whole: every symbol down to the
 * deepest level that fits, then as many of the next level as remain, in text order; a
 * region whose subregions were left out says how many in its detail. The editor asks for
 * the outline after every edit (breadcrumbs and sticky scroll read it too), and on a
 * 100k-region board the whole tree is 28 MB of JSON.
 */
export function documentSymbols(analysis: Analysis, document: TextDocument, limit = Infinity): DocumentSymbol[] {
	const file = analysis.documents.get(document.uri)?.file;
	if (!file) {
		return [];
	}
	const budget = new DepthBudget(symbolsByDepth(file.items), limit);
	const builder: Builder = { analysis, uri: document.uri, starts: new AscendingPositions(document), ends: new AscendingPositions(document), budget };
	const result: DocumentSymbol[] = [];
	for (const item of file.items) {
		if (!isSymbol(item) || !budget.take(0)) {
			continue;
		}
		if (item.kind === 'region') {
			result.push(regionSymbol(builder, item, 0));
		} else if (item.kind === 'space' && item.name) {
			const root = item.root?.segments.map((s) => s.name.text).join('/') ?? '';
			result.push(finish(builder, symbol(builder, item.name.text || '?', `space = ${root}`, SymbolKind.Module, item, item.name), item));
		}
	}
	return result;
}

/** Whether a node has a symbol: regions, named spaces and `map`s with a target. */
function isSymbol(node: ItemNode | MemberNode): boolean {
	return node.kind === 'region' || (node.kind === 'space' && node.name !== undefined) || (node.kind === 'map' && node.target !== undefined);
}

/** How many symbols the tree has at each depth (0: the file's items). */
function symbolsByDepth(items: readonly ItemNode[]): number[] {
	const counts: number[] = [];
	let level: readonly (ItemNode | MemberNode)[] = items;
	for (let depth = 0; depth <= maxDepth && level.length > 0; depth++) {
		const next: MemberNode[] = [];
		let count = 0;
		for (const node of level) {
			if (isSymbol(node)) {
				count++;
				for (const member of node.kind === 'region' ? (node.body?.members ?? []) : []) {
					next.push(member);
				}
			}
		}
		counts.push(count);
		level = next;
	}
	return counts;
}

/** Which symbols the outline keeps: every one above `whole`, and `partial` more at `whole`. */
class DepthBudget {
	readonly #whole: number;
	#partial: number;

	constructor(counts: readonly number[], limit: number) {
		let depth = 0;
		let left = limit;
		for (; depth < counts.length && (counts[depth] ?? 0) <= left; depth++) {
			left -= counts[depth] ?? 0;
		}
		this.#whole = depth;
		this.#partial = left;
	}

	/** Whether the next symbol at `depth` (in text order) is kept. */
	take(depth: number): boolean {
		if (depth < this.#whole) {
			return true;
		}
		if (depth === this.#whole && this.#partial > 0) {
			this.#partial--;
			return true;
		}
		return false;
	}
}

function regionSymbol(builder: Builder, node: RegionNode, depth: number): DocumentSymbol {
	const { analysis } = builder;
	const region = regionDeclaredAt(analysis, builder.uri, node.offset);
	const details: string[] = [node.regionKind];
	if (region) {
		details.push(formatSize(region.size));
		for (const p of placementsOf(analysis, region).filter((q) => q.visibleStart < q.visibleEnd).slice(0, 3)) {
			details.push(`${p.space.space.name} ${formatRange(p.visibleStart, p.visibleEnd)}`);
		}
	}
	const name = node.name?.text || '(unnamed)';
	const result = symbol(builder, name, '', regionSymbolKinds[node.regionKind], node, node.name ?? keywordSpan(node));
	if (node.body && depth < maxDepth) {
		const children: DocumentSymbol[] = [];
		let left = 0;
		for (const member of node.body.members) {
			if (!isSymbol(member)) {
				continue;
			}
			const child = builder.budget.take(depth + 1) ? memberSymbol(builder, member, depth + 1) : undefined;
			if (child) {
				children.push(child);
			} else {
				left++;
			}
		}
		result.children = children;
		if (left > 0) {
			details.push(`${left} more in the text, past memmap.outline.maxSymbols`);
		}
	}
	result.detail = details.join(' · ');
	return finish(builder, result, node);
}

function memberSymbol(builder: Builder, member: MemberNode, depth: number): DocumentSymbol | undefined {
	if (member.kind === 'region') {
		return regionSymbol(builder, member, depth);
	}
	if (member.kind === 'map' && member.target) {
		const target = member.target.segments.map((s) => s.name.text).join('/');
		const at = member.at ? `at ${member.at.text}` : '';
		return finish(builder, symbol(builder, target || '?', `map ${at}`, SymbolKind.Field, member, member.target), member);
	}
	return undefined;
}

/** A symbol whose range ends where it starts until `finish` gives it its end. */
function symbol(builder: Builder, name: string, detail: string, kind: SymbolKind, whole: Span, selection: Span): DocumentSymbol {
	const start = builder.starts.at(whole.offset);
	const selectionStart = builder.starts.at(selection.offset);
	const selectionEnd = builder.starts.at(selection.offset + selection.length);
	return { name, detail, kind, range: { start, end: start }, selectionRange: { start: selectionStart, end: selectionEnd } };
}

/** Sets the end of `result`'s range, once its children have theirs (post-order). */
function finish(builder: Builder, result: DocumentSymbol, whole: Span): DocumentSymbol {
	result.range.end = builder.ends.at(whole.offset + whole.length);
	return result;
}

export function registerDocumentSymbols(ctx: ServerContext): void {
	ctx.connection.onDocumentSymbol(
		cancellableGuard(ctx, 'documentSymbols', [], (params: DocumentSymbolParams) => {
			const found = analysisFor(ctx, params.textDocument.uri);
			return found ? documentSymbols(found.analysis, found.document, ctx.settings.outlineMaxSymbols) : [];
		}),
	);
}
