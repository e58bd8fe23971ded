import { parseNumber } from '../model/address';

/**
 * `parseNumber` with a fast path for the common literals (`4096`, `0x1000`, `16K`,
 * `128MiB`: no `_`, at most 13 digits), which are read without a regular expression, a
 * substring or a string-to-BigInt conversion. Anything else goes through `parseNumber`,
 * so the two always agree.
 */
export function numberValue(text: string): bigint | undefined {
	const length = text.length;
	let end = length;
	if (end > 3 && text.charCodeAt(end - 1) === 66 && text.charCodeAt(end - 2) === 105) {
		// `KiB`..`EiB`
		end -= 2;
	}
	const isHex = length > 2 && text.charCodeAt(0) === 48 && text.charCodeAt(1) === 120;
	const shift = isHex ? 0 : unitShift(text.charCodeAt(end - 1));
	if (shift > 0) {
		end--;
	} else if (end !== length) {
		return parseNumber(text);
	}
	const start = isHex ? 2 : 0;
	if (end <= start || end - start > 13) {
		return parseNumber(text);
	}
	const base = isHex ? 16 : 10;
	let value = 0;
	for (let i = start; i < end; i++) {
		const digit = digitValue(text.charCodeAt(i), isHex);
		if (digit < 0) {
			return parseNumber(text);
		}
		value = value * base + digit;
	}
	// value < 2^53 and the scale is a power of two, so the product is an exact double
	// (only its exponent changes; 16E is 2^64) and one BigInt conversion is exact.
	return bigintOf(shift === 0 ? value : value * 2 ** shift);
}

/**
 * BigInts of the values seen so far (at most `cacheLimit` of them). A map writes the same
 * few sizes and offsets over and over (`4K`, `0x1000`, `0`), and every NUMBER node keeps
 * its value: sharing one BigInt per value keeps a big syntax tree smaller, and a BigInt
 * is immutable, so sharing cannot be observed.
 */
const cache = new Map<number, bigint>();
const cacheLimit = 4096;

function bigintOf(value: number): bigint {
	let result = cache.get(value);
	if (result === undefined) {
		result = BigInt(value);
		if (cache.size < cacheLimit) {
			cache.set(value, result);
		}
	}
	return result;
}

/** The shift of a unit letter `K` `M` `G` `T` `P` `E`, or 0. */
function unitShift(c: number): number {
	switch (c) {
		case 75:
			return 10;
		case 77:
			return 20;
		case 71:
			return 30;
		case 84:
			return 40;
		case 80:
			return 50;
		case 69:
			return 60;
		default:
			return 0;
	}
}

function digitValue(c: number, isHex: boolean): number {
	if (c >= 48 && c <= 57) {
		return c - 48;
	}
	if (isHex && c >= 97 && c <= 102) {
		return c - 87;
	}
	if (isHex && c >= 65 && c <= 70) {
		return c - 55;
	}
	return -1;
}

/**
 * Values by literal text, for the parser: `-` negates. The scanner hands out one string
 * per repeated literal, and V8 keeps a string's hash in the string, so a repeated
 * literal's lookup hashes nothing and parses nothing. Bounded: once full, texts not seen
 * yet are parsed every time.
 */
const valueByText = new Map<string, bigint | undefined>();
const valueByTextLimit = 4096;

/**
 * The longest text a module-level cache may keep. V8 makes a slice of 13 or more
 * characters a view of the whole string it was cut from, so keeping a longer literal
 * would keep its whole document alive after the analysis.
 */
export const keptTextMaxLength = 12;

/** The exact value of a literal written with an optional leading `-`; undefined if malformed. */
export function signedNumberValue(text: string): bigint | undefined {
	const known = valueByText.get(text);
	if (known !== undefined || valueByText.has(text)) {
		return known;
	}
	const negative = text.charCodeAt(0) === 45;
	const magnitude = numberValue(negative ? text.slice(1) : text);
	const value = magnitude === undefined || !negative ? magnitude : -magnitude;
	if (valueByText.size < valueByTextLimit && text.length <= keptTextMaxLength) {
		valueByText.set(text, value);
	}
	return value;
}
