/**
 * Loading: the entry document and, transitively, every file it includes. Each file is
 * read and parsed once (a diamond loads its shared file once); an include that cannot be
 * read is `include.not-found` and one that leads back to a file being loaded is
 * `include.cycle`, both on the include's string. Items come out in textual order with each
 * included file's items in place of its first `include`, as if pasted there.
 */
import type { IncludeNode } from '../../syntax/ast';
import { parse } from '../../syntax/parser';
import { reparse, type ReparseResult, type SyntaxChange } from '../../syntax/reparse';
import type { SourceDocument, WorkspaceHost } from '../analyze';
import type { LoadedItem } from './declare';
import { at, q, report, type BuildState } from './state';

export interface LoadResult {
	readonly documents: Map<string, SourceDocument>;
	readonly includes: Map<string, string[]>;
	readonly items: LoadedItem[];
	/**
	 * Per document, what its parse took over from the previous analysis's parse; no entry
	 * for a document parsed afresh.
	 */
	readonly changes: Map<string, SyntaxChange>;
}

interface Loader {
	readonly host: WorkspaceHost;
	/** The documents of the analysis this one replaces, whose parses may be reused. */
	readonly previous: ReadonlyMap<string, SourceDocument> | undefined;
	readonly state: BuildState;
	readonly result: LoadResult;
	/** The files being loaded right now: an include of one of them is a cycle. */
	readonly active: Set<string>;
}

/**
 * Loads `entryUri` and its includes; syntax diagnostics go into `state`. A document of
 * `previous` is reused when its text is unchanged and re-parsed incrementally otherwise.
 */
export function loadDocuments(
	entryUri: string,
	host: WorkspaceHost,
	state: BuildState,
	previous?: ReadonlyMap<string, SourceDocument>,
): LoadResult {
	const result: LoadResult = { documents: new Map(), includes: new Map(), items: [], changes: new Map() };
	const loader: Loader = { host, previous, state, result, active: new Set() };
	const text = readSafely(host, entryUri);
	addDocument(loader, entryUri, text ?? '');
	if (text === undefined) {
		report(state, 'include.not-found', 'error', { uri: entryUri, offset: 0, length: 0 }, `Cannot read ${q(entryUri)}.`);
	}
	visit(loader, entryUri);
	return result;
}

function addDocument(loader: Loader, uri: string, text: string): void {
	const parsed = parseReusing(loader.previous?.get(uri), text, uri);
	loader.result.documents.set(uri, { uri, text, file: parsed.file, syntaxDiagnostics: parsed.diagnostics });
	if (parsed.change !== undefined) {
		loader.result.changes.set(uri, parsed.change);
	}
	for (const diagnostic of parsed.diagnostics) {
		loader.state.diagnostics.push(diagnostic);
	}
}

function visit(loader: Loader, uri: string): void {
	const document = loader.result.documents.get(uri);
	if (!document) {
		return;
	}
	loader.active.add(uri);
	const includes: string[] = [];
	loader.result.includes.set(uri, includes);
	for (const item of document.file.items) {
		if (item.kind === 'include') {
			const target = include(loader, uri, item);
			if (target !== undefined) {
				includes.push(target);
			}
		} else {
			loader.result.items.push({ uri, item });
		}
	}
	loader.active.delete(uri);
}

/** Follows one include; returns the resolved URI (also when it cannot be read). */
function include(loader: Loader, from: string, node: IncludeNode): string | undefined {
	if (!node.path) {
		return undefined;
	}
	const where = at(from, node.path);
	const target = resolveSafely(loader.host, from, node.path.value);
	if (target === undefined) {
		report(loader.state, 'include.not-found', 'error', where, `Cannot resolve the include ${q(node.path.value)}.`);
		return undefined;
	}
	if (loader.active.has(target)) {
		report(loader.state, 'include.cycle', 'error', where, `Including ${q(node.path.value)} here closes an include cycle: it is already being loaded; this include is ignored.`);
		return target;
	}
	if (loader.result.documents.has(target)) {
		return target;
	}
	const text = readSafely(loader.host, target);
	if (text === undefined) {
		report(loader.state, 'include.not-found', 'error', where, `Cannot read the included file ${q(node.path.value)} (${target}).`);
		return target;
	}
	addDocument(loader, target, text);
	visit(loader, target);
	return target;
}

// The host is outside the core's control; a throwing host must not make analysis throw.
function readSafely(host: WorkspaceHost, uri: string): string | undefined {
	try {
		return host.readText(uri);
	} catch {
		return undefined;
	}
}

function resolveSafely(host: WorkspaceHost, from: string, path: string): string | undefined {
	try {
		return host.resolveInclude(from, path);
	} catch {
		return undefined;
	}
}

/** The parse of `text`, reusing the previous parse of the document if there is one. */
function parseReusing(previous: SourceDocument | undefined, text: string, uri: string): ReparseResult {
	if (previous === undefined) {
		return parseSafely(() => ({ ...parse(text, uri), change: undefined }), text);
	}
	const before = { text: previous.text, file: previous.file, diagnostics: previous.syntaxDiagnostics };
	return parseSafely(() => reparse(before, text, uri), text);
}

/** `parse` never throws by contract; this keeps `analyze` total even if it did. */
function parseSafely(run: () => ReparseResult, text: string): ReparseResult {
	try {
		return run();
	} catch {
		const file = { kind: 'file', offset: 0, length: text.length, items: [], comments: [] } as const;
		return { file, diagnostics: [], change: undefined };
	}
}
