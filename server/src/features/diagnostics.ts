/**
 * Diagnostics as the user types: each change schedules a debounced re-analysis of the
 * document's root (the outermost open file that includes it) and of every open file that
 * includes it; each analysis publishes for all of its documents, so a fault lands on the
 * file that holds it. A `memmap/flatViewChanged` follows each re-analysis.
 */
import type { Diagnostic as LspDiagnostic } from 'vscode-languageserver';
import type { Analysis } from '../../../core/src/index';
import { toLspDiagnostic } from '../convert';
import { logError, type ServerContext } from '../context';
import { flatViewChangedNotification } from './flatView';

/** At most this many diagnostics are published per file (a binary include yields floods). */
export const maxDiagnosticsPerFile = 1000;

/** Groups an analysis's diagnostics by document, converted and with overrides applied. */
export function diagnosticsByUri(
	analysis: Analysis,
	severity: Readonly<Record<string, string>>,
): Map<string, LspDiagnostic[]> {
	const result = new Map<string, LspDiagnostic[]>();
	for (const uri of analysis.documents.keys()) {
		result.set(uri, []);
	}
	for (const diagnostic of analysis.diagnostics) {
		const list = result.get(diagnostic.uri) ?? [];
		result.set(diagnostic.uri, list);
		if (list.length >= maxDiagnosticsPerFile) {
			continue;
		}
		const override = severity[diagnostic.code] as Parameters<typeof toLspDiagnostic>[2];
		const converted = toLspDiagnostic(analysis, diagnostic, override);
		if (converted) {
			list.push(converted);
		}
	}
	return result;
}

export class DiagnosticsFeature {
	readonly #ctx: ServerContext;
	readonly #pending = new Set<string>();
	readonly #opening = new Set<string>();
	/** root uri -> the uris it published to. */
	readonly #published = new Map<string, Set<string>>();
	#timer: NodeJS.Timeout | undefined;

	constructor(ctx: ServerContext) {
		this.#ctx = ctx;
		// TextDocuments fires a content change right after each open: the open is not debounced.
		ctx.documents.onDidOpen((e) => this.#opening.add(e.document.uri));
		ctx.documents.onDidChangeContent((e) =>
			this.schedule(e.document.uri, this.#opening.delete(e.document.uri)),
		);
		ctx.documents.onDidClose((e) => this.#closed(e.document.uri));
		ctx.onSettingsChanged.push(() => this.scheduleAll());
	}

	/** Re-checks `uri` (and what includes it) after the debounce delay, or now. */
	schedule(uri: string, immediate: boolean): void {
		this.#pending.add(uri);
		this.#arm(immediate ? 0 : this.#ctx.settings.debounceMs);
	}

	/** Re-checks every open document (after a settings change or a file on disk changed). */
	scheduleAll(): void {
		for (const document of this.#ctx.documents.all()) {
			this.#pending.add(document.uri);
		}
		this.#arm(0);
	}

	#arm(delay: number): void {
		if (this.#timer) {
			clearTimeout(this.#timer);
		}
		this.#timer = setTimeout(() => this.#flush(), delay);
	}

	#isOpen = (uri: string): boolean => this.#ctx.documents.get(uri) !== undefined;

	#flush(): void {
		this.#timer = undefined;
		const roots = new Set<string>();
		for (const uri of this.#pending) {
			for (const affected of [uri, ...this.#ctx.cache.includersOf(uri)]) {
				if (this.#isOpen(affected)) {
					roots.add(this.#ctx.cache.rootOf(affected, this.#isOpen));
				}
			}
		}
		this.#pending.clear();
		const done = new Set<string>();
		for (const root of roots) {
			this.#check(root, done);
		}
	}

	#check(root: string, done: Set<string>): void {
		if (done.has(root) || !this.#isOpen(root)) {
			return;
		}
		done.add(root);
		try {
			const analysis = this.#ctx.cache.analysis(root);
			const byUri = diagnosticsByUri(analysis, this.#ctx.settings.severity);
			const previous = this.#published.get(root) ?? new Set<string>();
			this.#published.set(root, new Set(byUri.keys()));
			for (const uri of byUri.keys()) {
				// A former root that this one now includes publishes through this one.
				if (uri !== root) {
					this.#published.delete(uri);
				}
			}
			for (const [uri, diagnostics] of byUri) {
				this.#send(uri, diagnostics);
			}
			for (const uri of previous) {
				if (!byUri.has(uri)) {
					this.#send(uri, []);
					// A file no longer included becomes its own root again.
					this.#check(uri, done);
				}
			}
			for (const uri of byUri.keys()) {
				if (this.#isOpen(uri)) {
					void this.#ctx.connection.sendNotification(flatViewChangedNotification, { uri });
				}
			}
		} catch (error) {
			logError(this.#ctx, 'diagnostics', error);
		}
	}

	#publishedElsewhere(uri: string): boolean {
		for (const set of this.#published.values()) {
			if (set.has(uri)) {
				return true;
			}
		}
		return false;
	}

	#send(uri: string, diagnostics: LspDiagnostic[]): void {
		const version = this.#ctx.documents.get(uri)?.version;
		void this.#ctx.connection.sendDiagnostics({ uri, diagnostics, version });
	}

	#closed(uri: string): void {
		const published = this.#published.get(uri);
		this.#published.delete(uri);
		for (const includer of this.#ctx.cache.includersOf(uri)) {
			// The includers now read the file from disk instead of the closed editor.
			this.#pending.add(includer);
		}
		this.#ctx.cache.delete(uri);
		for (const other of published ?? []) {
			if (this.#isOpen(other) && other !== uri) {
				this.#pending.add(other);
			} else if (!this.#publishedElsewhere(other)) {
				this.#send(other, []);
			}
		}
		if (this.#pending.size > 0) {
			this.#arm(0);
		}
	}
}
