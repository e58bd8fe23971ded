/** Workspace symbols: the regions of every open document and the files they include. */
import { SymbolKind, type SymbolInformation, type WorkspaceSymbolParams } from 'vscode-languageserver';
import type { Analysis } from '../../../core/src/index';
import { toLocation } from '../convert';
import { guard, type ServerContext } from '../context';
import { regionById } from '../model';

/** At most this many symbols per answer. */
const maxSymbols = 1000;

/** True when the letters of `query` appear in `name` in order (case-insensitive). */
export function matchesQuery(name: string, query: string): boolean {
	const haystack = name.toLowerCase();
	let at = 0;
	for (const c of query.toLowerCase()) {
		at = haystack.indexOf(c, at);
		if (at < 0) {
			return false;
		}
		at++;
	}
	return true;
}

/** Regions of the given analyses whose name matches `query`, deduplicated by location. */
export function workspaceSymbols(analyses: readonly Analysis[], query: string): SymbolInformation[] {
	const result: SymbolInformation[] = [];
	const seen = new Set<string>();
	for (const analysis of analyses) {
		for (const region of analysis.tree.regions) {
			const loc = region.nameLocation;
			const key = `${loc.uri}#${loc.offset}`;
			if (result.length >= maxSymbols || seen.has(key) || !matchesQuery(region.name, query)) {
				continue;
			}
			seen.add(key);
			const parent = regionById(analysis, region.parent);
			result.push({
				name: region.name,
				kind: region.kind === 'container' ? SymbolKind.Namespace : SymbolKind.Variable,
				location: toLocation(analysis, loc),
				...(parent ? { containerName: parent.path } : {}),
			});
		}
	}
	return result;
}

export function registerWorkspaceSymbols(ctx: ServerContext): void {
	ctx.connection.onWorkspaceSymbol(
		guard(ctx, 'workspaceSymbols', [], (params: WorkspaceSymbolParams) => {
			const isOpen = (uri: string): boolean => ctx.documents.get(uri) !== undefined;
			const roots = new Set(ctx.documents.keys().map((uri) => ctx.cache.rootOf(uri, isOpen)));
			const analyses = [...roots].map((root) => ctx.cache.analysis(root));
			return workspaceSymbols(analyses, params.query);
		}),
	);
}
