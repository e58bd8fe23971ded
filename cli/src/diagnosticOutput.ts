/**
 * Diagnostics as the CLI prints them: `file:line:col: severity: message [code]` lines
 * (with `note:` lines for related locations) or JSON objects with 1-based positions.
 */
import type { Diagnostic, Severity } from '../../core/src/index';
import { displayPath } from './files';
import { LineIndex } from '../../core/src/index';

/** Texts of the documents diagnostics point into (uri to text), for line/column lookups. */
export class SourceTexts {
	readonly #texts = new Map<string, string>();
	readonly #indexes = new Map<string, LineIndex>();

	constructor(readonly cwd: string) {}

	/** Records the text of `uri` (the first text recorded wins). */
	add(uri: string, text: string): void {
		if (!this.#texts.has(uri)) {
			this.#texts.set(uri, text);
		}
	}

	/** The 1-based location of `offset` in `uri` (line 1, column 1 for an unknown document). */
	locate(uri: string, offset: number): { file: string; line: number; column: number } {
		let index = this.#indexes.get(uri);
		if (index === undefined) {
			index = new LineIndex(this.#texts.get(uri) ?? '');
			this.#indexes.set(uri, index);
		}
		return { file: displayPath(uri, this.cwd), ...index.positionAt(offset) };
	}
}

/** A located span in JSON output; `endLine`/`endColumn` point just past the span. */
export interface SpanJson {
	readonly file: string;
	readonly line: number;
	readonly column: number;
	readonly endLine: number;
	readonly endColumn: number;
}

export interface DiagnosticJson extends SpanJson {
	readonly severity: Severity;
	readonly code: string;
	readonly message: string;
	readonly related: readonly (SpanJson & { readonly message: string })[];
}

function spanJson(
	texts: SourceTexts,
	uri: string,
	offset: number,
	length: number,
): SpanJson {
	const start = texts.locate(uri, offset);
	const end = texts.locate(uri, offset + length);
	return { ...start, endLine: end.line, endColumn: end.column };
}

/** One diagnostic as a JSON-ready object. */
export function diagnosticJson(texts: SourceTexts, d: Diagnostic): DiagnosticJson {
	return {
		...spanJson(texts, d.uri, d.offset, d.length),
		severity: d.severity,
		code: d.code,
		message: d.message,
		related: (d.related ?? []).map((r) => ({
			...spanJson(texts, r.uri, r.offset, r.length),
			message: r.message,
		})),
	};
}

/** One diagnostic as compiler-style text lines (each ending in a newline). */
export function diagnosticText(texts: SourceTexts, d: Diagnostic): string {
	const at = texts.locate(d.uri, d.offset);
	let text = `${at.file}:${at.line}:${at.column}: ${d.severity}: ${d.message} [${d.code}]\n`;
	for (const r of d.related ?? []) {
		const where = texts.locate(r.uri, r.offset);
		text += `${where.file}:${where.line}:${where.column}: note: ${r.message}\n`;
	}
	return text;
}

/** A key that identifies a diagnostic, to drop the copies reported through several entries. */
export function diagnosticKey(d: Diagnostic): string {
	return `${d.uri}\u0000${d.offset}\u0000${d.length}\u0000${d.code}\u0000${d.message}`;
}

/**
 * Diagnostics without duplicates, ordered by document (first seen first) then offset, so
 * the output is stable whatever order the core produced them in.
 */
export function orderDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
	const seen = new Set<string>();
	const documentOrder = new Map<string, number>();
	const unique: Diagnostic[] = [];
	for (const d of diagnostics) {
		const key = diagnosticKey(d);
		if (!seen.has(key)) {
			seen.add(key);
			unique.push(d);
			if (!documentOrder.has(d.uri)) {
				documentOrder.set(d.uri, documentOrder.size);
			}
		}
	}
	return unique.sort(
		(a, b) =>
			(documentOrder.get(a.uri) ?? 0) - (documentOrder.get(b.uri) ?? 0) ||
			a.offset - b.offset ||
			a.length - b.length,
	);
}
