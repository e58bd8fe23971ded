import * as assert from 'node:assert/strict';
import { formatAddress, formatHex16, formatSize, log2Big, log2Hex, parseHex, parseUserAddress, twoTo64 } from '../../../webview/src/address';

suite('webview address helpers', () => {
	test('hex DTO strings read back to exact bigint, including 2^64', () => {
		assert.equal(parseHex('0x10000000000000000'), twoTo64);
		assert.equal(parseHex('0xffffffffffffffff'), twoTo64 - 1n);
		assert.equal(parseHex('0x1fffffffffffff1'), 0x1fffffffffffff1n);
		assert.equal(parseHex('12'), undefined);
		assert.equal(parseHex('0x'), undefined);
	});

	test('user addresses accept the language number forms', () => {
		assert.equal(parseUserAddress('0xfee0_0000'), 0xfee00000n);
		assert.equal(parseUserAddress(' 4G '), 4n << 30n);
		assert.equal(parseUserAddress('4GiB'), 4n << 30n);
		assert.equal(parseUserAddress('1_000'), 1000n);
		assert.equal(parseUserAddress('0b1010'), 10n);
		// The language allows a separator right after the prefix, so the panel does too.
		assert.equal(parseUserAddress('0x_1'), 1n);
		assert.equal(parseUserAddress('0xffff_ffff_ffff_ffff'), twoTo64 - 1n);
	});

	test('user addresses reject malformed text and values past the last address', () => {
		for (const text of ['', 'x', '0x', '1__0', '1_', '16E', '0x10000000000000000', '-1', '1.5']) {
			assert.equal(parseUserAddress(text), undefined, text);
		}
	});

	test('formats as QEMU and as people write addresses', () => {
		assert.equal(formatHex16(0xfee00000n), '00000000fee00000');
		assert.equal(formatAddress(0xfee00000n), '0xfee0_0000');
		assert.equal(formatAddress(twoTo64), '0x1_0000_0000_0000_0000');
		assert.equal(formatSize(4096n), '4 KiB');
		assert.equal(formatSize(twoTo64), '16 EiB');
		assert.equal(formatSize(0x1234n), '4660 B');
	});

	test('log2 of hex DTO strings matches the bigint log2', () => {
		for (const value of [1n, 0x1000n, 0x7ff00000n, (1n << 64n) - (1n << 32n), 1n << 64n, 0x123456789abcdef0123n]) {
			assert.ok(Math.abs(log2Hex('0x' + value.toString(16)) - log2Big(value)) < 1e-9, value.toString(16));
		}
		assert.equal(log2Hex('0x0'), 0);
		assert.equal(log2Hex('0x000010'), 4);
		assert.equal(log2Hex('zz'), 0);
	});

	test('log2 stays accurate above 2^53', () => {
		assert.equal(log2Big(1n << 60n), 60);
		assert.equal(log2Big(twoTo64), 64);
		assert.ok(Math.abs(log2Big((1n << 63n) + (1n << 62n)) - Math.log2(1.5 * 2 ** 63)) < 1e-9);
	});
});
