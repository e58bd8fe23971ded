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
import type { CommentNode, ItemNode, MemberNode } from './ast';
import { layout, measure, rowOf, type Row, type Widths } from './formatRows';
import { parse, type ParseResult } from './parser';

/**
 * Formats `.memmap` text canonically (aligned columns, every comment kept). Idempotent.
 * Returns undefined when the text has syntax errors (formatting would guess). The result
 * uses `\n` line ends and ends with a newline unless it is empty.
 */
export function format(text: string): string | undefined {
	const lines = formatLines(text);
	return lines === undefined ? undefined : formattedText(lines);
}

/** The text `format` returns for these formatted lines. */
function formattedText(lines: FormattedLines): string {
	return lines.text.length === 0 ? '' : lines.text.join('\n') + '\n';
}

/**
 * The formatted lines, each with the span of the source it prints (`[start, end)`; -1 for
 * a blank line): a declaration's header with the comments kept on its line, a comment, a
 * closing brace. A comment moved below its line has that line's span. So the spans start
 * in the output's order. Undefined on syntax errors, as `format`. `parsed` is `text`'s
 * parse, when the caller has it already.
 */
export interface FormattedLines {
	readonly text: readonly string[];
	readonly start: readonly number[];
	readonly end: readonly number[];
}

export function formatLines(text: string, parsed: ParseResult = parse(text)): FormattedLines | undefined {
	const { file, diagnostics } = parsed;
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
	readonly #starts: number[] = [];
	readonly #ends: number[] = [];
	/** The source offset where the last printed unit ended, for blank-line detection. */
	#lastEnd = 0;
	/** False right after `{` (and at the start), where no blank line is kept. */
	#mayBlank = false;
	/** Set after a spilled `///` comment: the next line that has a source offset gets a blank line before it. */
	#forceBlank = false;

	constructor(text: string, comments: readonly CommentNode[]) {
		this.#text = text;
		this.#comments = comments;
	}

	result(): FormattedLines {
		return { text: this.#lines, start: this.#starts, end: this.#ends };
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
	 * them; as in gofmt, a row whose block spans several lines ends its run, and so does a
	 * row followed by a blank line that the formatter adds.
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
				forcesBlank(spillOf(this.#lineComments(previous.offset, this.#headerEnd(previous)))) ||
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
		return body !== undefined && (body.members.length > 0 || this.#hasCommentIn(body));
	}

	/** Where a node's first line ends: after the `{` of a multi-line block, else at the node's end. */
	#headerEnd(node: Node): number {
		const body = node.kind === 'region' ? node.body : undefined;
		return body && this.#isMultiLine(node) ? body.offset + 1 : node.offset + node.length;
	}

	#node(node: Node, row: Row, widths: Widths, depth: number): void {
		this.leading(node.offset, depth);
		const body = node.kind === 'region' ? node.body : undefined;
		const isMultiLine = this.#isMultiLine(node);
		const comments = this.#lineComments(node.offset, this.#headerEnd(node));
		this.#next += comments.length;
		const brace = body ? (isMultiLine ? ' {' : ' {}') : '';
		const header = { start: node.offset, end: endOf(this.#headerEnd(node), comments) };
		this.#push(depth, layout(row, widths) + brace + renderKept(comments), node.offset, header);
		this.#spill(comments, isMultiLine ? depth + 1 : depth, header);
		const end = node.offset + node.length;
		if (body && isMultiLine) {
			this.#mayBlank = false;
			this.nodes(body.members, depth + 1);
			const close = body.offset + body.length - 1;
			this.leading(close, depth + 1);
			const closing = this.#lineComments(close, end);
			this.#next += closing.length;
			const closeLine = { start: close, end: endOf(close + 1, closing) };
			this.#push(depth, '}' + renderKept(closing), -1, closeLine);
			this.#spill(closing, depth, closeLine);
		}
		this.#lastEnd = end;
		this.#mayBlank = true;
	}

	/**
	 * The comments that belong to the line of code spanning `[start, end)`: those inside it
	 * and those after it on the same line. Does not consume them.
	 */
	#lineComments(start: number, end: number): CommentNode[] {
		const result: CommentNode[] = [];
		let position = end;
		for (let index = this.#firstCommentAfter(start - 1); index < this.#comments.length; index++) {
			const comment = this.#comments[index] as CommentNode;
			if (comment.offset >= end && !/^[ \t\f\v]*$/.test(this.#text.slice(position, comment.offset))) {
				break;
			}
			result.push(comment);
			position = Math.max(position, comment.offset + comment.length);
		}
		return result;
	}

	/** True when a comment lies between the block's braces. */
	#hasCommentIn(body: { offset: number; length: number }): boolean {
		const first = this.#comments[this.#firstCommentAfter(body.offset)];
		return first !== undefined && first.offset < body.offset + body.length;
	}

	/** The index of the first comment that starts after `offset` (binary search: comments are sorted). */
	#firstCommentAfter(offset: number): number {
		let low = 0;
		let high = this.#comments.length;
		while (low < high) {
			const middle = (low + high) >> 1;
			if ((this.#comments[middle]?.offset ?? 0) <= offset) {
				low = middle + 1;
			} else {
				high = middle;
			}
		}
		return low;
	}

	/**
	 * Prints the comments of a line that cannot stay at its end on their own lines. A
	 * blank line follows a `///` one so that it does not become the documentation of the
	 * next declaration. They print the source of their line, `span`.
	 */
	#spill(comments: readonly CommentNode[], depth: number, span: { start: number; end: number }): void {
		const spilled = spillOf(comments);
		for (const comment of spilled) {
			this.#push(depth, comment.text.trimEnd(), -1, span);
		}
		this.#forceBlank = forcesBlank(spilled);
	}

	/** Prints the comments before `offset` on their own lines, keeping single blank lines. */
	leading(offset: number, depth: number): void {
		for (const comment of this.#take((c) => c.offset < offset)) {
			this.#push(depth, comment.text.trimEnd(), comment.offset, spanOf(comment));
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

	/**
	 * Adds a line that prints the source `span`; with a source offset, first a blank line
	 * if the source had one there.
	 */
	#push(depth: number, line: string, sourceOffset: number, span: { start: number; end: number }): void {
		const blank =
			sourceOffset >= 0 &&
			(this.#forceBlank || (this.#mayBlank && this.#hasBlankLine(this.#lastEnd, sourceOffset)));
		if (blank) {
			this.#add('', -1, -1);
		}
		this.#forceBlank = false;
		this.#add('\t'.repeat(depth) + line, span.start, span.end);
		this.#mayBlank = true;
	}

	#add(line: string, start: number, end: number): void {
		this.#lines.push(line);
		this.#starts.push(start);
		this.#ends.push(end);
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

function spanOf(comment: CommentNode): { start: number; end: number } {
	return { start: comment.offset, end: comment.offset + comment.length };
}

/** The end of a line's code at `end`, or of the last comment printed with it, if later. */
function endOf(end: number, comments: readonly CommentNode[]): number {
	let result = end;
	for (const comment of comments) {
		result = Math.max(result, comment.offset + comment.length);
	}
	return result;
}

/**
 * What stays at the end of a line: its block comments, then its first line comment (a
 * block comment after a line comment would become part of it).
 */
function renderKept(comments: readonly CommentNode[]): string {
	const lineComment = comments.find((comment) => !comment.block);
	const blocks = comments.filter((comment) => comment.block).map((comment) => ' ' + comment.text);
	return blocks.join('') + (lineComment ? ' ' + lineComment.text.trimEnd() : '');
}

/** The line comments of a line after its first: they go on their own lines below it. */
function spillOf(comments: readonly CommentNode[]): CommentNode[] {
	return comments.filter((comment) => !comment.block).slice(1);
}

/** True when the last spilled comment is a `///` one, which needs a blank line after it. */
function forcesBlank(spilled: readonly CommentNode[]): boolean {
	const last = spilled[spilled.length - 1];
	return last !== undefined && /^\/\/\/(?!\/)/.test(last.text);
}
