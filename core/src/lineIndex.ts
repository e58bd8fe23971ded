/**
 * Offsets to 1-based line and column, as compilers print them. Columns count UTF-16 code
 * units (the core's offsets), so they match an editor's column for most text.
 */

export interface Position {
	/** 1-based line. */
	readonly line: number;
	/** 1-based column. */
	readonly column: number;
}

/**
 * Line starts of a text, for repeated offset lookups by binary search (the CLI's
 * locations, the formatter's edits). `\r\n`, `\n` and a lone `\r` end a line; with
 * `lineFeedOnly`, only `\n` does, as `diff` and `patch` count lines (a `\r` before it
 * is then the line's last character).
 */
export class LineIndex {
	readonly #starts: number[];
	readonly #length: number;

	constructor(text: string, lineFeedOnly = false) {
		this.#length = text.length;
		this.#starts = [0];
		for (let i = 0; i < text.length; i++) {
			const ch = text.charCodeAt(i);
			// CR LF counts once; a lone CR ends a line too, as in LSP.
			if (ch === 10 || (ch === 13 && !lineFeedOnly && text.charCodeAt(i + 1) !== 10)) {
				this.#starts.push(i + 1);
			}
		}
	}

	/** The position of `offset`, clamped into the text. */
	positionAt(offset: number): Position {
		const clamped = Math.max(0, Math.min(offset, this.#length));
		const line = this.lineAt(clamped);
		return { line, column: clamped - (this.#starts[line - 1] ?? 0) + 1 };
	}

	/** The 1-based line that holds `offset` (clamped into the text); no object made. */
	lineAt(offset: number): number {
		const clamped = Math.max(0, Math.min(offset, this.#length));
		let low = 0;
		let high = this.#starts.length - 1;
		while (low < high) {
			const mid = (low + high + 1) >> 1;
			if ((this.#starts[mid] ?? 0) <= clamped) {
				low = mid;
			} else {
				high = mid - 1;
			}
		}
		return low + 1;
	}

	/** How many lines the text has (a final line break starts an empty last one). */
	get lineCount(): number {
		return this.#starts.length;
	}

	/** The offset where 1-based `line` starts; the text's end past its last line. */
	offsetOfLine(line: number): number {
		return line < 1 ? 0 : (this.#starts[line - 1] ?? this.#length);
	}
}
