import type { Diagnostic, DiagnosticCode } from '../diagnostics';

/**
 * Collects the syntax diagnostics of one parse. It keeps at most one diagnostic per
 * offset, so that error recovery never piles several complaints onto the same spot, and
 * clamps every span into the text.
 */
export class DiagnosticSink {
	readonly #uri: string;
	readonly #textLength: number;
	readonly #offsets = new Set<number>();
	readonly #list: Diagnostic[] = [];
	#last = -1;

	constructor(uri: string, textLength: number) {
		this.#uri = uri;
		this.#textLength = textLength;
	}

	/** Records an error unless one is already recorded at `offset`; returns whether it did. */
	error(code: DiagnosticCode, message: string, offset: number, length: number): boolean {
		const start = Math.max(0, Math.min(offset, this.#textLength));
		const end = Math.max(start, Math.min(offset + length, this.#textLength));
		if (this.#offsets.has(start)) {
			return false;
		}
		this.#offsets.add(start);
		this.#last = Math.max(this.#last, start);
		this.#list.push({
			code,
			severity: 'error',
			message,
			uri: this.#uri,
			offset: start,
			length: end - start,
		});
		return true;
	}

	/** The largest offset of a diagnostic recorded so far; -1 when there is none. */
	get lastOffset(): number {
		return this.#last;
	}

	/** The diagnostics sorted by offset. */
	sorted(): Diagnostic[] {
		return [...this.#list].sort((a, b) => a.offset - b.offset);
	}
}
