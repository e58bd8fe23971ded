// CONTRACT STUB: replaced by the core-model helper.
import type { Diagnostic } from '../diagnostics';
import type { FileNode } from '../syntax/ast';
import type { AddressSpace, FlatView, RegionId, RegionTree } from './types';

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

/** Everything known about a document and the files it includes. */
export interface Analysis {
	readonly entry: string;
	/** The entry document and every document it includes, transitively. */
	readonly documents: ReadonlyMap<string, SourceDocument>;
	/** uri -> the uris it includes (resolved), in order. */
	readonly includes: ReadonlyMap<string, readonly string[]>;
	readonly tree: RegionTree;
	/** One flat view per address space, in `tree.spaces` order. */
	readonly views: readonly SpaceView[];
	readonly references: readonly ResolvedReference[];
	/** Syntax, reference and check diagnostics of every document, each with its `uri`. */
	readonly diagnostics: readonly Diagnostic[];
}

/** Parses `entryUri` and its includes, builds the region tree, flattens and checks. Never throws. */
export function analyze(entryUri: string, host: WorkspaceHost): Analysis {
	void entryUri;
	void host;
	throw new Error('not implemented');
}

/** `analyze` for one document with no include support (includes report not-found). */
export function analyzeText(text: string, uri = 'untitled:memmap'): Analysis {
	void text;
	void uri;
	throw new Error('not implemented');
}
