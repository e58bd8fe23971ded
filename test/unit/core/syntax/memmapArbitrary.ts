/**
 * fast-check generators of valid `.memmap` text with varied layout: random whitespace,
 * comments between tokens, optional semicolons, properties in any order, every number
 * form, bare and quoted names, nested blocks, maps and settings.
 */
import * as fc from 'fast-check';
import { isReservedWord } from '../../../../core/src/syntax/scanner';

const gap: fc.Arbitrary<string> = fc.constantFrom(' ', '  ', '\t', '\n', '\n\n', ' /* c */ ', ' // note\n', '\n\t\t');
const space: fc.Arbitrary<string> = fc.oneof({ weight: 4, arbitrary: fc.constant(' ') }, { weight: 1, arbitrary: gap });

const bareName = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_.-]{0,8}$/).filter((n) => !isReservedWord(n));
const quotedName = fc
	.string({ unit: fc.constantFrom('a', 'Z', ' ', '-', '[', ']', '"', '\\', 'é', 'ram', 'size'), maxLength: 6 })
	.map((s) => `"${s.replace(/[\\"]/g, (c) => '\\' + c)}"`);
const name: fc.Arbitrary<string> = fc.oneof({ weight: 4, arbitrary: bareName }, { weight: 1, arbitrary: quotedName });

const ref: fc.Arbitrary<string> = fc
	.array(fc.tuple(name, fc.option(fc.integer({ min: 1, max: 9 }), { nil: undefined })), { minLength: 1, maxLength: 3 })
	.map((segments) => segments.map(([n, occurrence]) => (occurrence ? `${n}#${occurrence}` : n)).join('/'));

function grouped(digits: string): string {
	return digits.replace(/\B(?=(\w{4})+$)/g, '_');
}

const number: fc.Arbitrary<string> = fc.oneof(
	fc.bigInt({ min: 0n, max: 1n << 64n }).map((v) => v.toString()),
	fc.tuple(fc.bigInt({ min: 0n, max: (1n << 64n) - 1n }), fc.constantFrom('0x', '0X'), fc.boolean(), fc.boolean()).map(
		([v, prefix, upper, group]) => {
			const digits = upper ? v.toString(16).toUpperCase() : v.toString(16);
			return prefix + (group ? grouped(digits) : digits);
		},
	),
	fc.integer({ min: 0, max: 255 }).map((v) => '0b' + v.toString(2)),
	fc.tuple(fc.integer({ min: 1, max: 1023 }), fc.constantFrom('K', 'M', 'G', 'T', 'P', 'E', 'KiB', 'MiB', 'GiB')).map(
		([v, unit]) => `${v}${unit}`,
	),
);
const int: fc.Arbitrary<string> = fc.integer({ min: -2147483648, max: 2147483647 }).map(String);

const prop: fc.Arbitrary<string> = fc.oneof(
	fc.tuple(fc.constantFrom('at', 'size', 'offset'), space, number).map(([k, s, v]) => `${k}${s}${v}`),
	fc.tuple(space, int).map(([s, v]) => `priority${s}${v}`),
	fc.tuple(space, ref).map(([s, r]) => `of${s}${r}`),
	fc.constantFrom('overlap', 'readonly', 'disabled', 'nonvolatile'),
);

const semicolon: fc.Arbitrary<string> = fc.constantFrom('', '', ';', ' ;');
const doc: fc.Arbitrary<string> = fc.constantFrom('', '', '/// Documented.\n', '/// Line one.\n///  line two\n');

const setting: fc.Arbitrary<string> = fc.oneof(
	fc.tuple(fc.constantFrom('valid', 'impl'), space, fc.constantFrom('1', '2', '4', '8'), fc.constantFrom('1', '4', '8'), fc.constantFrom('', ' unaligned'), semicolon).map(
		([k, s, min, max, u, semi]) => `${k}${s}${min}..${max}${u}${semi}`,
	),
	fc.tuple(fc.constantFrom('little', 'big', 'native'), semicolon).map(([v, semi]) => `endian ${v}${semi}`),
	fc.tuple(fc.option(fc.tuple(number, number), { nil: undefined }), semicolon).map(
		([range, semi]) => (range ? `coalesce ${range[0]} size ${range[1]}` : 'coalesce') + semi,
	),
);

const map: fc.Arbitrary<string> = fc
	.tuple(ref, number, fc.array(fc.oneof(int.map((v) => `priority ${v}`), fc.constant('overlap')), { maxLength: 1 }), semicolon)
	.map(([r, at, extra, semi]) => [`map ${r}`, `at ${at}`, ...extra].join(' ') + semi);

const kind = fc.constantFrom('container', 'ram', 'rom', 'romd', 'io', 'alias', 'ramd');

/** A region with up to `depth` levels of nested blocks. */
function region(depth: number): fc.Arbitrary<string> {
	const member: fc.Arbitrary<string> =
		depth <= 0 ? fc.oneof(setting, map) : fc.oneof({ weight: 3, arbitrary: region(depth - 1) }, setting, map);
	const block: fc.Arbitrary<string> = fc
		.tuple(fc.array(fc.tuple(member, gap), { maxLength: 4 }), gap)
		.map(([members, g]) => `{${g}${members.map(([m, sep]) => m + sep).join('')}}`);
	return fc
		.tuple(doc, kind, space, name, fc.array(fc.tuple(space, prop), { maxLength: 5 }), fc.option(block, { nil: undefined }), semicolon)
		.map(([d, k, s, n, props, body, semi]) => {
			const header = `${d}${k}${s}${n}${props.map(([sep, p]) => sep + p).join('')}`;
			return header + (body ? ' ' + body : '') + semi;
		});
}

const item: fc.Arbitrary<string> = fc.oneof(
	{ weight: 5, arbitrary: region(2) },
	fc.tuple(doc, name, ref).map(([d, n, r]) => `${d}space ${n} = ${r}`),
	fc.constantFrom('include "a.memmap"', 'include "dir/b c.memmap";'),
);

/** A whole valid file: items separated by line breaks, blank lines and comments. */
export const validFile: fc.Arbitrary<string> = fc
	.array(fc.tuple(item, fc.constantFrom('\n', '\n\n', '\n\n\n', '\n// between\n', '\n/* block */\n')), { maxLength: 6 })
	.map((items) => items.map(([i, sep]) => i + sep).join(''));
