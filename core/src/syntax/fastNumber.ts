import { parseNumber } from '../model/address';

const unitShifts: Readonly<Record<string, number>> = { K: 10, M: 20, G: 30, T: 40, P: 50, E: 60 };

/**
 * `parseNumber` with a fast path for the common literals (`4096`, `0x1000`, `16K`,
 * `128MiB`: no `_`, at most 13 digits), which are read without a regular expression or a
 * string-to-BigInt conversion. Anything else goes through `parseNumber`, so the two
 * always agree.
 */
export function numberValue(text: string): bigint | undefined {
	let end = text.length;
	let shift = 0;
	if (end > 3 && text.endsWith('iB')) {
		end -= 2;
	}
	const unit = unitShifts[text[end - 1] ?? ''];
	const isHex = text.length > 2 && text[0] === '0' && text[1] === 'x';
	if (unit !== undefined && !isHex) {
		shift = unit;
		end--;
	} else if (end !== text.length) {
		return parseNumber(text);
	}
	const start = isHex ? 2 : 0;
	if (end <= start || end - start > 13) {
		return parseNumber(text);
	}
	let value = 0;
	for (let i = start; i < end; i++) {
		const digit = digitValue(text.charCodeAt(i), isHex);
		if (digit < 0) {
			return parseNumber(text);
		}
		value = value * (isHex ? 16 : 10) + digit;
	}
	const result = BigInt(value);
	return shift === 0 ? result : result << BigInt(shift);
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
