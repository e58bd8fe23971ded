/**
 * Exact address helpers for the webview. Addresses arrive as `0x` hex strings and become
 * bigint here; nothing in this file turns an address into a JavaScript number. The
 * webview may import only protocol types from the core, so these few helpers live here.
 */

/** 2^64, the exclusive end of every address space. */
export const twoTo64 = 1n << 64n;

/** Reads a `0x` hex DTO string; undefined when malformed (never throws). */
export function parseHex(text: string): bigint | undefined {
	return /^0x[0-9a-f]+$/i.test(text) ? BigInt(text) : undefined;
}

const unitShift: Readonly<Record<string, bigint>> = {
	K: 10n,
	M: 20n,
	G: 30n,
	T: 40n,
	P: 50n,
	E: 60n,
};

const userNumber = /^(0x[0-9a-f_]+|0b[01_]+|[0-9][0-9_]*)(?:([KMGTPE])(?:iB)?)?$/i;

/**
 * Reads an address typed by the user in the language's number forms (`0xfee0_0000`,
 * `4G`, `1_000`, `0b1010`). Undefined for malformed text or a value outside `[0, 2^64)`.
 */
export function parseUserAddress(text: string): bigint | undefined {
	const match = userNumber.exec(text.trim());
	if (!match) {
		return undefined;
	}
	const digits = match[1] ?? '';
	if (/(^_|_$|__|^0[xb]_)/i.test(digits)) {
		return undefined;
	}
	const body = digits.replace(/_/g, '');
	if (/^0[xb]$/i.test(body)) {
		return undefined;
	}
	const unit = match[2]?.toUpperCase();
	const value = unit ? BigInt(body) << (unitShift[unit] ?? 0n) : BigInt(body);
	return value < twoTo64 ? value : undefined;
}

/** 16 lower-case hex digits, zero-padded, no prefix: QEMU's `info mtree` form. */
export function formatHex16(value: bigint): string {
	return value.toString(16).padStart(16, '0');
}

/** `0x` hex with `_` every four digits: `0xfee0_0000`. */
export function formatAddress(value: bigint): string {
	const hex = value.toString(16);
	const groups: string[] = [];
	for (let end = hex.length; end > 0; end -= 4) {
		groups.unshift(hex.slice(Math.max(0, end - 4), end));
	}
	return '0x' + groups.join('_');
}

const sizeUnits = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB', 'EiB'];

/** A size in the largest binary unit that divides it exactly: `4 KiB`, `16 EiB`, `4660 B`. */
export function formatSize(size: bigint): string {
	let unit = 0;
	let value = size;
	while (unit < sizeUnits.length - 1 && value >= 1024n && value % 1024n === 0n) {
		value /= 1024n;
		unit++;
	}
	return `${value} ${sizeUnits[unit]}`;
}

/**
 * log2 of a positive bigint as a float, for pixel geometry only (never for addresses):
 * exact enough for heights, and safe above 2^53.
 */
export function log2Big(value: bigint): number {
	if (value <= 0n) {
		return 0;
	}
	if (value < 1n << 53n) {
		return Math.log2(Number(value));
	}
	const shift = value.toString(2).length - 53;
	return Math.log2(Number(value >> BigInt(shift))) + shift;
}

/**
 * log2 of a `0x` hex DTO string as a float, straight from the digits (no bigint), for
 * laying out 100k ranges quickly. 0 for zero or malformed text. Geometry only.
 */
export function log2Hex(text: string): number {
	let first = 2;
	while (first < text.length && text.charCodeAt(first) === 48) {
		first++;
	}
	const digits = text.length - first;
	if (digits <= 0 || !text.startsWith('0x')) {
		return 0;
	}
	const head = parseInt(text.slice(first, first + 13), 16);
	if (!Number.isFinite(head) || head <= 0) {
		return 0;
	}
	return Math.log2(head) + 4 * Math.max(0, digits - 13);
}
