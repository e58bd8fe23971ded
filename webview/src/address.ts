/**
 * Exact address helpers for the webview. Addresses arrive as `0x` hex strings and become
 * bigint here; nothing in this file turns an address into a JavaScript number. Parsing
 * and formatting come from the core's pure `address.ts` (no imports, no DOM, no Node), so
 * the panel reads and prints numbers exactly as the language and the editor do.
 */
import { formatAddress, formatHex16, formatSize, fromHex, parseNumber, twoTo64 } from '../../core/src/model/address';

export { formatAddress, formatHex16, formatSize, twoTo64 };

/** Reads a `0x` hex DTO string; undefined when malformed (never throws). */
export const parseHex = fromHex;

/**
 * Reads an address typed by the user in the language's number forms (`0xfee0_0000`,
 * `4G`, `1_000`, `0b1010`). Undefined for malformed text or a value outside `[0, 2^64)`.
 */
export function parseUserAddress(text: string): bigint | undefined {
	const value = parseNumber(text.trim());
	return value !== undefined && value < twoTo64 ? value : undefined;
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
