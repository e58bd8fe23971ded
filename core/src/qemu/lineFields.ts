/**
 * A column-tracking reader for the fields of one `info mtree` line, so that a bad number
 * or a missing piece is reported at its exact column.
 */
import type { MtreeError, MtreeExtent, MtreeType } from './mtreeModel';

const types: ReadonlySet<string> = new Set(['ram', 'rom', 'romd', 'ramd', 'i/o', 'container']);

/**
 * A line of the monitor's own chatter, which captures made with `-monitor stdio` carry:
 * the banner (`QEMU 7.2.0 monitor - type 'help' for more information`) and prompt lines
 * (`(qemu) info mtree -f`, a last bare `(qemu)`). They carry no map and are skipped.
 */
export function isMonitorChatter(line: string): boolean {
	return /^\(qemu\)( |$)/.test(line) || /^QEMU \S+ monitor - type 'help' for more information\s*$/.test(line);
}

/** The index of the first of `lines` that is neither blank nor monitor chatter (-1 if none). */
export function firstContentIndex(lines: readonly string[]): number {
	return lines.findIndex((line) => line.trim() !== '' && !isMonitorChatter(line));
}

/** The lines of `text`, without their `\r` before `\n`. */
export function textLines(text: string): string[] {
	return text.split('\n').map((line) => line.replace(/\r$/, ''));
}

/** The first line that is neither blank nor monitor chatter ('' if none). */
export function firstContentLine(text: string): string {
	const lines = textLines(text);
	return lines[firstContentIndex(lines)] ?? '';
}

/** Shortens input text quoted in an error message. */
export function shown(text: string): string {
	return text.length > 60 ? text.slice(0, 57) + '...' : text;
}

/** Reads `text` left to right; every failure becomes one located error. */
export class LineReader {
	readonly #text: string;
	readonly #line: number;
	#pos: number;

	constructor(text: string, line: number, pos = 0) {
		this.#text = text;
		this.#line = line;
		this.#pos = pos;
	}

	get pos(): number {
		return this.#pos;
	}

	get rest(): string {
		return this.#text.slice(this.#pos);
	}

	/** An error at the current column (1-based). */
	error(message: string): MtreeError {
		return { line: this.#line, column: this.#pos + 1, message };
	}

	/** Consumes `literal` or returns an error naming it. */
	expect(literal: string, what = `"${literal}"`): MtreeError | undefined {
		if (this.#text.startsWith(literal, this.#pos)) {
			this.#pos += literal.length;
			return undefined;
		}
		return this.error(`expected ${what}, found "${shown(this.rest)}"`);
	}

	/** 16 hex digits, as QEMU prints every address. */
	hex16(what: string): bigint | MtreeError {
		const digits = /^[0-9a-fA-F]{16}/.exec(this.rest)?.[0];
		if (!digits || /^[0-9a-fA-F]/.test(this.#text.slice(this.#pos + 16))) {
			return this.error(`expected ${what} as 16 hex digits, found "${shown(this.rest)}"`);
		}
		this.#pos += 16;
		return BigInt('0x' + digits);
	}

	/** A signed 32-bit decimal priority. */
	priority(): number | MtreeError {
		const digits = /^-?[0-9]+/.exec(this.rest)?.[0];
		const value = digits === undefined ? undefined : Number(digits);
		if (value === undefined || !Number.isSafeInteger(value) || value < -(2 ** 31) || value >= 2 ** 31) {
			return this.error(`expected a priority (a signed 32-bit decimal), found "${shown(this.rest)}"`);
		}
		this.#pos += (digits ?? '').length;
		return value;
	}

	/** `[nv-]TYPE` up to the closing parenthesis. */
	type(): { type: MtreeType; nonvolatile: boolean } | MtreeError {
		const close = this.#text.indexOf(')', this.#pos);
		const word = close < 0 ? this.rest : this.#text.slice(this.#pos, close);
		const nonvolatile = word.startsWith('nv-');
		const type = nonvolatile ? word.slice(3) : word;
		if (!types.has(type)) {
			return this.error(`expected a region type (ram, rom, romd, ramd or i/o), found "${shown(word)}"`);
		}
		this.#pos += word.length;
		return { type: type as MtreeType, nonvolatile };
	}
}

/**
 * Reads `START-END (prio P, TYPE): ` and returns the extent fields with the rest of the
 * line (the name part) or the first error.
 */
export function readExtent(reader: LineReader, line: number): { extent: Omit<MtreeExtent, 'name'>; rest: string } | MtreeError {
	const start = reader.hex16('a start address');
	if (typeof start !== 'bigint') {
		return start;
	}
	const dash = reader.expect('-');
	const end = dash ?? reader.hex16('an end address');
	if (typeof end !== 'bigint') {
		return end;
	}
	const open = reader.expect(' (prio ');
	const priority = open ?? reader.priority();
	if (typeof priority !== 'number') {
		return priority;
	}
	const comma = reader.expect(', ');
	const type = comma ?? reader.type();
	if ('message' in type) {
		return type;
	}
	const close = reader.expect('): ');
	if (close) {
		return close;
	}
	return { extent: { line, start, end, priority, ...type }, rest: reader.rest };
}

/**
 * What `info mtree -o` appends to every region and range line (QEMU's
 * `mtree_print_mr_owner`): ` owner:{dev|obj id=|path=|type=...}`, then ` parent:{...}`
 * when the parent object differs, or only the parent, or ` orphan` when there is neither.
 */
const objectField = String.raw`\{(?:dev|obj) (?:id|path|type)=[^{}]*\}`;
const ownerSuffix = new RegExp(` (orphan|owner:${objectField}(?: parent:${objectField})?|parent:${objectField})$`);

/** A range line of `info mtree -f`: two spaces, then an address range. */
export function isRangeLine(text: string): boolean {
	return /^ {2}[0-9a-fA-F]{16}-/.test(text);
}

/** KVM runs append the accelerator's name to ranges backed by a memory slot, last. */
export function withoutAccelerator(text: string): string {
	return text.replace(/ kvm$/, '');
}

/** A line's text without its `-o` owner suffix, and the suffix (without its space), if any. */
export function splitOwner(text: string): { body: string; owner: string | undefined } {
	const found = ownerSuffix.exec(text);
	return found ? { body: text.slice(0, found.index), owner: found[1] } : { body: text, owner: undefined };
}

/**
 * Splits the owner field off the rest of a line: every line of `-o` output has one
 * (`owned`: the text's first region or range line has one), and no line of other output
 * may look as if it had. `kind` (`region`, `range`) and `command` word the errors.
 */
export function ownerField(
	rest: string,
	owned: boolean,
	at: { readonly line: number; readonly offset: number },
	kind: string,
	command: string,
): { body: string; owner: string | undefined } | MtreeError {
	if (!owned) {
		return / (owner|parent):\{.*\}$/.test(rest)
			? { line: at.line, column: at.offset + 1, message: `expected no owner field: the first ${kind} line has none, so this is not all \`${command}\` output` }
			: { body: rest, owner: undefined };
	}
	const split = splitOwner(rest);
	return split.owner !== undefined
		? split
		: { line: at.line, column: at.offset + rest.length + 1, message: `expected an owner field (" owner:{...}", " parent:{...}" or " orphan"), as the first ${kind} line of this \`${command}\` output has` };
}
