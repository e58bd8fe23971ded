/**
 * Code lenses on each address space's definition (its `space` line, or for a space that
 * a top-level region makes by itself, that region's line): how much the space shows,
 * opening its flat view, and its four exports. They run the client's commands
 * (`memmap.showFlatView`, `memmap.export`), so the editor offers the views and exports
 * where the space is written, without a trip to the Command Palette. Off when
 * `memmap.codeLens.enabled` is false.
 */
import type { CodeLens, CodeLensParams } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { firstSpaceOfEachName, humanSize, mappedBytes, rangeCount, type Analysis, type SpaceView } from '../../../core/src/index';
import { toRange } from '../convert';
import { analysisFor, guard, type ServerContext } from '../context';

/** The commands a lens runs, with the arguments the client's commands take. */
const exportLenses: readonly { readonly title: string; readonly format: 'c' | 'ld' | 'md' | 'qemu' }[] = [
	{ title: 'C header', format: 'c' },
	{ title: 'ld MEMORY', format: 'ld' },
	{ title: 'Markdown', format: 'md' },
	{ title: 'QEMU code', format: 'qemu' },
];

/**
 * `8 ranges, 4 GiB mapped`: what the flat view holds, counted once per request from the
 * view's columns. The editor asks for lenses after every edit, and building the range
 * objects for two numbers would double the view's memory.
 */
function summary(view: SpaceView): string {
	const mapped = mappedBytes(view.view);
	const ranges = rangeCount(view.view);
	const incomplete = view.view.truncated === true ? ' so far (rendering stopped at its limit)' : '';
	return `${ranges} ${ranges === 1 ? 'range' : 'ranges'}, ${humanSize(mapped)} mapped${incomplete}`;
}

/** The lenses of `document`: five on each space it defines. */
export function codeLenses(analysis: Analysis, document: TextDocument): CodeLens[] {
	const lenses: CodeLens[] = [];
	// A repeated name (`space.duplicate`) is its first space to every tool: lenses there only.
	for (const view of firstSpaceOfEachName(analysis.views)) {
		const space = view.space;
		const at = space.definition ?? (space.implicit ? analysis.tree.regions[space.root]?.definition : undefined);
		if (at === undefined || at.uri !== document.uri) {
			continue;
		}
		const range = toRange(document, at.offset, 0);
		lenses.push({
			range,
			command: { title: `${space.name}: ${summary(view)}`, command: 'memmap.showFlatView', arguments: [document.uri] },
		});
		for (const { title, format } of exportLenses) {
			const args = { uri: document.uri, space: space.name, format };
			lenses.push({ range, command: { title: `Export ${title}`, command: 'memmap.export', arguments: [args] } });
		}
	}
	return lenses;
}

export function registerCodeLens(ctx: ServerContext): void {
	ctx.connection.onCodeLens(
		guard(ctx, 'codeLens', [], (params: CodeLensParams) => {
			const found = analysisFor(ctx, params.textDocument.uri);
			return found && ctx.settings.codeLens ? codeLenses(found.analysis, found.document) : [];
		}),
	);
}
