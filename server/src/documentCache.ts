/**
 * One analysis per document state: `analyze` runs once for each combination of versions of
 * a document and the files it includes (VS Code's `languageModelCache` idea, keyed by the
 * stamps of every file the analysis read), each reusing the parses of the one it replaces
 * (an edit re-parses only the block it is in). Features ask for the analysis *in context*: an
 * open file that another open file includes is analysed as part of its includer, so its
 * references to the includer's regions resolve.
 */
import { analyze } from '../../core/src/index';
import type { Analysis } from '../../core/src/index';
import type { Stamp, Workspace } from './workspace';

interface Entry {
	readonly analysis: Analysis;
	/** uri -> stamp of every document the analysis read. */
	readonly read: ReadonlyMap<string, Stamp>;
}

export class DocumentCache {
	readonly #workspace: Workspace;
	readonly #entries = new Map<string, Entry>();
	/** included uri -> the entries whose last analysis included it. */
	readonly #includers = new Map<string, Set<string>>();

	constructor(workspace: Workspace) {
		this.#workspace = workspace;
	}

	/** The current analysis with `uri` as its entry document; computed when stale. */
	analysis(uri: string): Analysis {
		const entry = this.#entries.get(uri);
		if (entry && this.#isCurrent(entry)) {
			return entry.analysis;
		}
		const read = new Map<string, Stamp>();
		// The stale analysis lends its parses (an edit re-parses one block); it is replaced
		// below and never used again, as `analyze` requires of a `previous` analysis.
		const analysis = analyze(uri, this.#workspace.recordingHost(read), entry?.analysis);
		read.set(uri, this.#workspace.stamp(uri));
		this.#store(uri, { analysis, read });
		return analysis;
	}

	/** The analysis to answer requests on `uri` with: the includer's when one is open. */
	contextFor(uri: string, isOpen: (uri: string) => boolean): Analysis {
		const includer = this.rootOf(uri, isOpen);
		return this.analysis(includer);
	}

	/** The outermost open document whose analysis includes `uri` (or `uri` itself). */
	rootOf(uri: string, isOpen: (uri: string) => boolean): string {
		let current = uri;
		const seen = new Set<string>([uri]);
		for (;;) {
			const next = [...(this.#includers.get(current) ?? [])].find(
				(e) => e !== current && isOpen(e) && !seen.has(e),
			);
			if (next === undefined) {
				return current;
			}
			seen.add(next);
			current = next;
		}
	}

	/** Entries (analysed documents) whose last analysis read `uri`, other than `uri`. */
	includersOf(uri: string): readonly string[] {
		return [...(this.#includers.get(uri) ?? [])].filter((e) => e !== uri);
	}

	/** Drops the analysis of a closed document. */
	delete(uri: string): void {
		const entry = this.#entries.get(uri);
		if (entry) {
			this.#unlink(uri, entry);
			this.#entries.delete(uri);
		}
	}

	#isCurrent(entry: Entry): boolean {
		for (const [uri, stamp] of entry.read) {
			if (this.#workspace.stamp(uri) !== stamp) {
				return false;
			}
		}
		return true;
	}

	#store(uri: string, entry: Entry): void {
		const old = this.#entries.get(uri);
		if (old) {
			this.#unlink(uri, old);
		}
		this.#entries.set(uri, entry);
		for (const included of entry.read.keys()) {
			let set = this.#includers.get(included);
			if (!set) {
				set = new Set();
				this.#includers.set(included, set);
			}
			set.add(uri);
		}
	}

	#unlink(uri: string, entry: Entry): void {
		for (const included of entry.read.keys()) {
			const set = this.#includers.get(included);
			set?.delete(uri);
			if (set && set.size === 0) {
				this.#includers.delete(included);
			}
		}
	}
}
