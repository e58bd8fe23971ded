/**
 * The canonical layout of `.memmap` text: tabs, one declaration per line, properties in
 * canonical order, columns aligned within runs of sibling lines, at most one blank line
 * kept between lines, and every comment kept.
 *
 * Comments are placed by where they were written: a comment on its own line stays on its
 * own line before the code that follows it; a comment after code on the same line stays
 * at the end of that line; a comment inside a multi-line header moves to the end of the
 * joined line (a second line comment goes on its own line after it).
 */
import type { CommentNode, ItemNode, MemberNode, RegionNode } from './ast';
import { layout, measure, rowOf, type Row, type Widths } from './formatRows';
import { parse } from './parser';

/**
 * Formats `.memmap` text canonically (aligned columns, every comment kept). Idempotent.
 * Returns undefined when the text has syntax errors (formatting would guess). The result
 * uses `\n` line ends and ends with a newline unless it is empty.
 */
export function format(text: string): string | undefined {
	const { file, diagnostics } = parse(text);
	if (diagnostics.length > 0) {
		return undefined;
	}
	const printer = new Printer(text, file.comments);
	printer.nodes(file.items, 0);
	printer.leading(text.length, 0);
	return printer.result();
}

type Node = ItemNode | MemberNode;

class Printer {
	readonly #text: string;
	readonly #comments: readonly CommentNode[];
	#next = 0;
	readonly #lines: string[] = [];
	/** The source offset where the last printed unit ended, for blank-line detection. */
	#lastEnd = 0;
	/** False right after `{` (and at the start), where no blank line is kept. */
	#mayBlank = false;

	constructor(text: string, comments: readonly CommentNode[]) {
		this.#text = text;
		this.#comments = comments;
	}

	result(): string {
		return this.#lines.length === 0 ? '' : this.#lines.join('\n') + '\n';
	}

	/** Prints a list of siblings, aligning runs of rows of one family. */
	nodes(nodes: readonly Node[], depth: number): void {
		const rows = nodes.map((node) => rowOf(this.#text, node));
		const widths = this.#groupWidths(nodes, rows);
		nodes.forEach((node, index) => {
			this.#node(node, rows[index] as Row, widths[index] as Widths, depth);
		});
	}

	/**
	 * Widths per node: one measure per run of same-family rows with no blank line between
	 * them; as in gofmt, a row whose block spans several lines ends its run.
	 */
	#groupWidths(nodes: readonly Node[], rows: readonly Row[]): Widths[] {
		const result: Widths[] = [];
		let start = 0;
		for (let index = 1; index <= nodes.length; index++) {
			const previous = nodes[index - 1] as Node;
			const node = nodes[index];
			const breaks =
				node === undefined ||
				rows[index]?.family !== rows[start]?.family ||
				this.#isMultiLine(previous) ||
				this.#hasBlankLine(previous.offset + previous.length, node.offset);
			if (breaks) {
				const widths = measure(rows.slice(start, index));
				for (let k = start; k < index; k++) {
					result.push(widths);
				}
				start = index;
			}
		}
		return result;
	}

	/** True for a region whose block prints on several lines (members or comments inside). */
	#isMultiLine(node: Node): boolean {
		const body = node.kind === 'region' ? node.body : undefined;
		if (!body) {
			return false;
		}
		return body.members.length > 0 || /\/[/*]/.test(this.#text.slice(body.offset, body.offset + body.length));
	}

	#node(node: Node, row: Row, widths: Widths, depth: number): void {
		this.leading(node.offset, depth);
		const body = node.kind === 'region' ? node.body : undefined;
		const headerEnd = body ? body.offset + 1 : node.offset + node.length;
		const isEmpty = body !== undefined && body.members.length === 0 && !this.#hasCommentIn(body);
		const inner = this.#take((c) => c.offset < headerEnd);
		let line = layout(row, widths) + (body ? (isEmpty ? ' {}' : ' {') : '');
		const spill: CommentNode[] = [];
		line = this.#trailing(line, inner, headerEnd, spill);
		this.#push(depth, line, node.offset);
		this.#lastEnd = headerEnd;
		for (const comment of spill) {
			this.#push(body ? depth + 1 : depth, comment.text.trimEnd(), -1);
		}
		if (body) {
			this.#block(node as RegionNode, depth, isEmpty);
		}
		this.#lastEnd = node.offset + node.length;
		this.#mayBlank = true;
	}

	#block(region: RegionNode, depth: number, isEmpty: boolean): void {
		const body = region.body;
		if (!body || isEmpty) {
			this.#trailingOf(region, depth);
			return;
		}
		this.#mayBlank = false;
		this.nodes(body.members, depth + 1);
		const close = body.offset + body.length - 1;
		this.leading(close, depth + 1);
		this.#push(depth, '}', -1);
		this.#trailingOf(region, depth);
	}

	/** Appends the comments after a region's `}` on the same line to the last printed line. */
	#trailingOf(region: RegionNode, depth: number): void {
		const end = region.offset + region.length;
		const spill: CommentNode[] = [];
		const last = this.#lines.pop() ?? '';
		const line = this.#trailing(last.trimStart(), [], end, spill);
		this.#push(depth, line, -1);
		for (const comment of spill) {
			this.#push(depth, comment.text.trimEnd(), -1);
		}
	}

	/** True when a comment lies between the block's braces. */
	#hasCommentIn(body: { offset: number; length: number }): boolean {
		const next = this.#comments[this.#next];
		return next !== undefined && next.offset < body.offset + body.length;
	}

	/**
	 * Ends `line` with the header's inner comments and the comments that follow `end` on
	 * the same line: block comments first, then one line comment (a block comment after
	 * it would become part of it); further line comments go to `spill`, to be printed on
	 * their own lines.
	 */
	#trailing(line: string, inner: readonly CommentNode[], end: number, spill: CommentNode[]): string {
		let position = end;
		const after = this.#take((c) => {
			const onLine = /^[ \t\f\v]*$/.test(this.#text.slice(position, c.offset));
			if (onLine) {
				position = c.offset + c.length;
			}
			return onLine;
		});
		const all = [...inner, ...after];
		const lineComment = all.find((comment) => !comment.block);
		for (const comment of all) {
			if (comment.block) {
				line += ' ' + comment.text;
			} else if (comment !== lineComment) {
				spill.push(comment);
			}
		}
		return lineComment ? `${line} ${lineComment.text.trimEnd()}` : line;
	}

	/** Prints the comments before `offset` on their own lines, keeping single blank lines. */
	leading(offset: number, depth: number): void {
		for (const comment of this.#take((c) => c.offset < offset)) {
			this.#push(depth, comment.text.trimEnd(), comment.offset);
			this.#lastEnd = comment.offset + comment.length;
			this.#mayBlank = true;
		}
	}

	/** Takes the next comments while `accept` holds. */
	#take(accept: (comment: CommentNode) => boolean): CommentNode[] {
		const taken: CommentNode[] = [];
		for (let c = this.#comments[this.#next]; c !== undefined && accept(c); c = this.#comments[this.#next]) {
			taken.push(c);
			this.#next++;
		}
		return taken;
	}

	/** Adds a line; with a source offset, first a blank line if the source had one there. */
	#push(depth: number, line: string, sourceOffset: number): void {
		if (sourceOffset >= 0 && this.#mayBlank && this.#hasBlankLine(this.#lastEnd, sourceOffset)) {
			this.#lines.push('');
		}
		this.#lines.push('\t'.repeat(depth) + line);
		this.#mayBlank = true;
	}

	/** True when the source between two offsets (whitespace and comments) has a blank line. */
	#hasBlankLine(from: number, to: number): boolean {
		return /\n[ \t\f\v\r]*\n/.test(this.#stripComments(from, to));
	}

	/** The source between two offsets with each comment replaced by a non-blank mark. */
	#stripComments(from: number, to: number): string {
		const text = this.#text.slice(from, to);
		return text.indexOf('/') < 0 ? text : text.replace(/\/\/[^\r\n]*|\/\*[\s\S]*?\*\//g, '#');
	}
}
