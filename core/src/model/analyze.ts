/**
 * The core's entry point: load a document and its includes, build the QEMU region tree,
 * flatten every address space and run every check. Pure and total: the host is the only
 * way out to files, and nothing here throws on any input.
 */
import type { Diagnostic } from '../diagnostics';
import type { FileNode } from '../syntax/ast';
import type { AddressSpace, FlatView, RegionId, RegionTree } from './types';
import { buildTree, compareText } from './build/buildTree';
import { loadDocuments } from './build/load';
import { createState } from './build/state';
import { checkTree } from './checks/index';
import { flatten } from './flatten';
import { rememberStages, reuseBuild } from './reuse';
import { captureUriOf, checkAgainstCapture, type QemuCapture } from '../qemu/captureCheck';

/**
 * What the core needs from its host to follow `include`s. The core never touches a
 * file system: the server answers from open documents and disk, the CLI from disk,
 * tests from a map.
 */
export interface WorkspaceHost {
	/** The text of a document, or undefined when it cannot be read. */
	readText(uri: string): string | undefined;
	/** The URI of `path` written in an `include` of `fromUri` (relative to that file). */
	resolveInclude(fromUri: string, path: string): string;
}

export interface SourceDocument {
	readonly uri: string;
	readonly text: string;
	readonly file: FileNode;
	/** The syntax diagnostics of `text` (kept so that a later analysis can reuse the parse). */
	readonly syntaxDiagnostics: readonly Diagnostic[];
}

/** A written reference (after `of`, `map` or `space NAME =`), resolved or not. */
export interface ResolvedReference {
	readonly uri: string;
	/** The whole reference text span. */
	readonly offset: number;
	readonly length: number;
	readonly context: 'of' | 'map' | 'space';
	/** Each path segment with the region it resolved to (undefined when unresolved). */
	readonly segments: readonly {
		readonly offset: number;
		readonly length: number;
		readonly region: RegionId | undefined;
	}[];
	/** The region of the last segment, if the whole path resolved to exactly one. */
	readonly target: RegionId | undefined;
}

export interface SpaceView {
	readonly space: AddressSpace;
	readonly view: FlatView;
}

/**
 * The first space of each name, in order. A name declared twice (`space.duplicate`) means
 * its first space to every tool that picks a space by name, as it does to QEMU's.
 */
export function firstSpaceOfEachName(views: readonly SpaceView[]): SpaceView[] {
	const seen = new Set<string>();
	const result: SpaceView[] = [];
	for (const view of views) {
		if (!seen.has(view.space.name)) {
			seen.add(view.space.name);
			result.push(view);
		}
	}
	return result;
}

/** Everything known about a document and the files it includes. */
export interface Analysis {
	readonly entry: string;
	/** The entry document and every document it includes, transitively. */
	readonly documents: ReadonlyMap<string, SourceDocument>;
	/**
	 * uri -> the uris it includes (resolved by the host), in order, including ones that
	 * could not be read or that close a cycle (those have no entry in `documents`, or
	 * are already loaded).
	 */
	readonly includes: ReadonlyMap<string, readonly string[]>;
	readonly tree: RegionTree;
	/** One flat view per address space, in `tree.spaces` order. */
	readonly views: readonly SpaceView[];
	readonly references: readonly ResolvedReference[];
	/**
	 * Syntax, reference and check diagnostics of every document, each with its `uri`,
	 * sorted by uri then offset.
	 */
	readonly diagnostics: readonly Diagnostic[];
	/** QEMU's `info mtree -f` beside the entry file (`NAME.flat.txt`), when it parses. */
	readonly capture?: QemuCapture;
}

/**
 * Parses `entryUri` and its includes, builds the region tree, flattens every address
 * space and checks. Never throws. An unreadable entry yields an empty document and one
 * `include.not-found` diagnostic.
 *
 * `previous`, an earlier analysis of the same entry, lets the parse of each document be
 * reused: taken as is when its text has not changed, else re-parsed incrementally
 * (`reparse`). When the edit left the shape of the tree alone (a comment, spacing, a
 * number in a region header), the build is reused too, and with it, if no number
 * changed, the flat views and checks (`reuse.ts`); so is it when the edit added or
 * removed one region line that nothing refers to. That consumes the previous analysis
 * (its syntax trees and region records are updated in place), so a caller passes the
 * analysis it is replacing and uses only the new one afterwards.
 */
export function analyze(entryUri: string, host: WorkspaceHost, previous?: Analysis): Analysis {
	const state = createState();
	const loaded = loadDocuments(entryUri, host, state, previous?.documents);
	const syntax = state.diagnostics.length;
	const reused = previous === undefined || previous.entry !== entryUri ? undefined : reuseBuild(previous, loaded);
	const { tree, references } = reused ?? buildTree(state, loaded.items);
	const build = reused?.build ?? state.diagnostics.slice(syntax);
	const views = reused?.checked?.views ?? tree.spaces.map((space) => ({ space, view: flatten(tree, space.root) }));
	const checks = reused?.checked?.checks ?? checkTree(tree, views);
	const diagnostics = [...state.diagnostics.slice(0, syntax), ...build, ...checks];
	const compared = compareWithCapture(entryUri, host, tree, views, diagnostics);
	diagnostics.push(...compared.diagnostics);
	diagnostics.sort((a, b) => compareText(a.uri, b.uri) || a.offset - b.offset);
	const analysis: Analysis = {
		entry: entryUri,
		documents: loaded.documents,
		includes: loaded.includes,
		tree,
		views,
		references,
		diagnostics,
		...(compared.capture === undefined ? {} : { capture: compared.capture }),
	};
	rememberStages(analysis, { build, checks });
	return analysis;
}

/**
 * The comparison with the QEMU capture beside the entry file (`NAME.flat.txt`), if there
 * is one. A board with errors is not compared: its flat view is a best guess, and a flood
 * of mismatches would bury the errors that cause them.
 */
function compareWithCapture(
	entry: string,
	host: WorkspaceHost,
	tree: RegionTree,
	views: readonly SpaceView[],
	found: readonly Diagnostic[],
): { capture?: QemuCapture; diagnostics: Diagnostic[] } {
	const captureUri = captureUriOf(entry);
	const captureText = captureUri === undefined ? undefined : host.readText(captureUri);
	if (captureUri === undefined || captureText === undefined) {
		return { diagnostics: [] };
	}
	const compare = !found.some((d) => d.severity === 'error');
	return checkAgainstCapture({ entry, captureUri, captureText, tree, views, compare });
}

/** `analyze` for one document with no include support (includes report not-found). */
export function analyzeText(text: string, uri = 'untitled:memmap'): Analysis {
	return analyze(uri, {
		readText: (wanted) => (wanted === uri ? text : undefined),
		resolveInclude: (_from, path) => path,
	});
}
