/**
 * Document symbols: the region hierarchy as written, each with its kind, size and absolute
 * ranges in `detail`; spaces as namespaces; `map` statements as fields of their container.
 */
import { SymbolKind, type DocumentSymbol, type DocumentSymbolParams } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { formatSize, keywordSpan } from '../../../core/src/index';
import type { Analysis, MemberNode, RegionKind, RegionNode, Span } from '../../../core/src/index';
import { toRange } from '../convert';
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

/** The symbol tree of `document`. */
export function documentSymbols(analysis: Analysis, document: TextDocument): DocumentSymbol[] {
	const file = analysis.documents.get(document.uri)?.file;
	if (!file) {
		return [];
	}
	const result: DocumentSymbol[] = [];
	for (const item of file.items) {
		if (item.kind === 'region') {
			result.push(regionSymbol(analysis, document, item, 0));
		} else if (item.kind === 'space' && item.name) {
			const root = item.root?.segments.map((s) => s.name.text).join('/') ?? '';
			result.push(symbol(document, item.name.text || '?', `space = ${root}`, SymbolKind.Module, item, item.name));
		}
	}
	return result;
}

function regionSymbol(analysis: Analysis, document: TextDocument, node: RegionNode, depth: number): DocumentSymbol {
	const region = regionDeclaredAt(analysis, document.uri, node.offset);
	const details: string[] = [node.regionKind];
	if (region) {
		details.push(formatSize(region.size));
		for (const p of placementsOf(analysis, region).filter((q) => q.visibleStart < q.visibleEnd).slice(0, 3)) {
			details.push(`${p.space.space.name} ${formatRange(p.visibleStart, p.visibleEnd)}`);
		}
	}
	const name = node.name?.text || '(unnamed)';
	const result = symbol(document, name, details.join(' · '), regionSymbolKinds[node.regionKind], node, node.name ?? keywordSpan(node));
	if (node.body && depth < 256) {
		result.children = node.body.members
			.map((m) => memberSymbol(analysis, document, m, depth + 1))
			.filter((s): s is DocumentSymbol => s !== undefined);
	}
	return result;
}

function memberSymbol(
	analysis: Analysis,
	document: TextDocument,
	member: MemberNode,
	depth: number,
): DocumentSymbol | undefined {
	if (member.kind === 'region') {
		return regionSymbol(analysis, document, member, depth);
	}
	if (member.kind === 'map' && member.target) {
		const target = member.target.segments.map((s) => s.name.text).join('/');
		const at = member.at ? `at ${member.at.text}` : '';
		return symbol(document, target || '?', `map ${at}`, SymbolKind.Field, member, member.target);
	}
	return undefined;
}

function symbol(
	document: TextDocument,
	name: string,
	detail: string,
	kind: SymbolKind,
	whole: Span,
	selection: Span,
): DocumentSymbol {
	return {
		name,
		detail,
		kind,
		range: toRange(document, whole.offset, whole.length),
		selectionRange: toRange(document, selection.offset, selection.length),
	};
}

export function registerDocumentSymbols(ctx: ServerContext): void {
	ctx.connection.onDocumentSymbol(
		guard(ctx, 'documentSymbols', [], (params: DocumentSymbolParams) => {
			const found = analysisFor(ctx, params.textDocument.uri);
			return found ? documentSymbols(found.analysis, found.document) : [];
		}),
	);
}
