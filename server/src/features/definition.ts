/**
 * Go to definition: from a reference (after `of`, `map`, `space NAME =`, or any segment of
 * a path) to the region's declaration, and from an include path to the included file.
 */
import type { DefinitionParams, Location } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analysis } from '../../../core/src/index';
import { toLocation, toOffset } from '../convert';
import { analysisFor, guard, type ServerContext } from '../context';
import { regionAtCursor } from '../model';
import { pathAt } from '../syntaxQuery';
import { resolveInclude } from '../workspace';

/** The definition at `offset` of `document`, or null. */
export function definition(analysis: Analysis, document: TextDocument, offset: number): Location | null {
	const found = regionAtCursor(analysis, document.uri, offset);
	if (found) {
		return toLocation(analysis, found.region.nameLocation);
	}
	const file = analysis.documents.get(document.uri)?.file;
	const path = file ? pathAt(file, offset) : [];
	const leaf = path[path.length - 1];
	const parent = path[path.length - 2];
	if (leaf?.kind === 'string' && parent?.kind === 'include') {
		const uri = resolveInclude(document.uri, leaf.value);
		const zero = { line: 0, character: 0 };
		return { uri, range: { start: zero, end: zero } };
	}
	return null;
}

export function registerDefinition(ctx: ServerContext): void {
	ctx.connection.onDefinition(
		guard(ctx, 'definition', null, (params: DefinitionParams) => {
			const found = analysisFor(ctx, params.textDocument.uri);
			return found
				? definition(found.analysis, found.document, toOffset(found.document, params.position))
				: null;
		}),
	);
}
