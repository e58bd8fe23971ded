/**
 * Exact integer helpers for addresses and sizes. Everything is bigint; nothing here ever
 * goes through a JavaScript number, so 64-bit values and 2^64 stay exact.
 */

/** 2^64. */
export const twoTo64 = 1n << 64n;
/** The largest address, 2^64 - 1. */
export const maxAddress = twoTo64 - 1n;

const unitShift: Readonly<Record<string, bigint>> = {
	K: 10n,
	M: 20n,
	G: 30n,
	T: 40n,
	P: 50n,
	E: 60n,
};

const numberPattern = /^(0[xX][0-9a-fA-F_]+|0[bB][01_]+|[0-9][0-9_]*)(?:([KMGTPE])(?:iB)?)?$/;

/**
 * Parses a number literal of the language: decimal, `0x` hex or `0b` binary, with `_`
 * separators, optionally followed by a binary unit (`K`..`E`, or `KiB`..`EiB`).
 * Returns undefined for malformed text (the caller reports it); never throws. The value
 * is not range-checked here.
 */
export function parseNumber(text: string): bigint | undefined {
	const match = numberPattern.exec(text);
	if (!match) {
		return undefined;
	}
	const digits = match[1] ?? '';
	if (digits.startsWith('_') || digits.endsWith('_') || digits.includes('__')) {
		return undefined;
	}
	const body = digits.replace(/_/g, '');
	if (/^0[xXbB]$/.test(body)) {
		return undefined;
	}
	const value = BigInt(body);
	const unit = match[2];
	return unit ? value << (unitShift[unit] ?? 0n) : value;
}

/** Formats as QEMU does in `info mtree`: 16 lower-case hex digits, zero-padded, no prefix. */
export function formatHex16(value: bigint): string {
	return value.toString(16).padStart(16, '0');
}

/** `0x`-prefixed lower-case hex, for DTOs and messages: `0xfee00000`. */
export function toHex(value: bigint): string {
	return '0x' + value.toString(16);
}

/** Reads a `0x` hex DTO string back; undefined when malformed. */
export function fromHex(text: string): bigint | undefined {
	return /^0x[0-9a-f]+$/i.test(text) ? BigInt(text) : undefined;
}

/** Hex with `_` every four digits, as people write addresses: `0xfee0_0000`. */
export function formatAddress(value: bigint): string {
	const hex = value.toString(16);
	// Left to right: a short first group, then whole groups of four.
	let end = hex.length % 4 || 4;
	let text = '0x' + hex.slice(0, end);
	for (; end < hex.length; end += 4) {
		text += '_' + hex.slice(end, end + 4);
	}
	return text;
}

const sizeUnits = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB', 'EiB'];

/**
 * A size in human binary units: `128 MiB`, `4 KiB`, `16 EiB`; non-round sizes keep the
 * exact byte count in the largest unit that divides them, else bytes (`0x1234 B` shows
 * as `4660 B`).
 */
export function formatSize(size: bigint): string {
	let unit = 0;
	let value = size;
	while (unit < sizeUnits.length - 1 && value >= 1024n && value % 1024n === 0n) {
		value /= 1024n;
		unit++;
	}
	return `${value} ${sizeUnits[unit]}`;
}

/** Size in the language's own literal syntax: `128M`, `4K`, `16E`, `0x1234`. */
export function formatSizeLiteral(size: bigint): string {
	const units = ['', 'K', 'M', 'G', 'T', 'P', 'E'];
	let unit = 0;
	let value = size;
	while (unit < units.length - 1 && value >= 1024n && value % 1024n === 0n) {
		value /= 1024n;
		unit++;
	}
	return unit === 0 ? (size < 10n ? size.toString() : toHex(size)) : `${value}${units[unit]}`;
}
