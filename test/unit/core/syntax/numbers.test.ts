import * as assert from 'node:assert';
import { parse } from '../../../../core/src/syntax/parser';

/** The value of the `size` of a one-region file, or 'invalid'. */
function sizeOf(literal: string): string {
	const result = parse(`ram a size ${literal}`);
	const item = result.file.items[0];
	const value = item?.kind === 'region' ? item.props[0]?.value : undefined;
	if (value?.kind !== 'number') {
		return 'missing';
	}
	return value.value === undefined ? `invalid(${result.diagnostics.map((d) => d.code).join()})` : value.value.toString();
}

suite('number literals', () => {
	test('decimal, hex and binary', () => {
		assert.strictEqual(sizeOf('4096'), '4096');
		assert.strictEqual(sizeOf('0x1000'), '4096');
		assert.strictEqual(sizeOf('0XfeE0_0000'), (0xfee00000).toString());
		assert.strictEqual(sizeOf('0b1010'), '10');
	});

	test('separators', () => {
		assert.strictEqual(sizeOf('1_000_000'), '1000000');
		assert.strictEqual(sizeOf('0x1000_0000'), (0x10000000).toString());
		assert.strictEqual(sizeOf('1__0'), 'invalid(number.invalid)');
		assert.strictEqual(sizeOf('10_'), 'invalid(number.invalid)');
	});

	test('binary units, short and long', () => {
		assert.strictEqual(sizeOf('4K'), '4096');
		assert.strictEqual(sizeOf('4KiB'), '4096');
		assert.strictEqual(sizeOf('128M'), (128 * 1024 * 1024).toString());
		assert.strictEqual(sizeOf('2G'), (2n << 30n).toString());
		assert.strictEqual(sizeOf('1T'), (1n << 40n).toString());
		assert.strictEqual(sizeOf('1PiB'), (1n << 50n).toString());
		assert.strictEqual(sizeOf('16E'), (1n << 64n).toString());
		assert.strictEqual(sizeOf('16EiB'), (1n << 64n).toString());
	});

	test('malformed literals', () => {
		for (const bad of ['0x', '0b102', '12Q', '1.5M', '4k', '4KB', '0xg']) {
			assert.strictEqual(sizeOf(bad), 'invalid(number.invalid)', bad);
		}
	});

	test('priority takes a sign; other numbers do not', () => {
		const result = parse('ram a size 1 priority -12');
		const item = result.file.items[0];
		const priority = item?.kind === 'region' ? item.props[1]?.value : undefined;
		assert.ok(priority?.kind === 'number');
		assert.strictEqual(priority.value, -12n);
		assert.strictEqual(sizeOf('-4'), 'invalid(number.invalid)');
	});

	test('numbers are not range-checked by the parser', () => {
		assert.strictEqual(sizeOf('32E'), (1n << 65n).toString());
	});
});
