/**
 * Document symbols: the region hierarchy as written, each with its kind, size and absolute
 * ranges in `detail`; spaces as namespaces; `map` statements as fields of their container.
 */
import { SymbolKind, type DocumentSymbol, type DocumentSymbolParams } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { formatSize, keywordSpan } from '../../../core/src/index';
import type { Analysis, MemberNode, RegionKind, RegionNode, Span } from '../../../core/src/index';
import { AscendingPositions } from '../convert';
import { analysisFor, guard, type ServerContext } from '../context';
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
}

/** The symbol tree of `document`. */
export function documentSymbols(analysis: Analysis, document: TextDocument): DocumentSymbol[] {
	const file = analysis.documents.get(document.uri)?.file;
	if (!file) {
		return [];
	}
	const builder: Builder = { analysis, uri: document.uri, starts: new AscendingPositions(document), ends: new AscendingPositions(document) };
	const result: DocumentSymbol[] = [];
	for (const item of file.items) {
		if (item.kind === 'region') {
			result.push(regionSymbol(builder, item, 0));
		} else if (item.kind === 'space' && item.name) {
			const root = item.root?.segments.map((s) => s.name.text).join('/') ?? '';
			result.push(finish(builder, symbol(builder, item.name.text || '?', `space = ${root}`, SymbolKind.Module, item, item.name), item));
		}
	}
	return result;
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
	const result = symbol(builder, name, details.join(' · '), regionSymbolKinds[node.regionKind], node, node.name ?? keywordSpan(node));
	if (node.body && depth < 256) {
		result.children = node.body.members
			.map((m) => memberSymbol(builder, m, depth + 1))
			.filter((s): s is DocumentSymbol => s !== undefined);
	}
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
		guard(ctx, 'documentSymbols', [], (params: DocumentSymbolParams) => {
			const found = analysisFor(ctx, params.textDocument.uri);
			return found ? documentSymbols(found.analysis, found.document) : [];
		}),
	);
}
