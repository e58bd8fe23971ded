/**
 * Bad `info mtree` input: truncated, hand-edited or not mtree at all. Each must give a
 * located error (line, and column where it is known) and no text, never a crash or a
 * silently different map.
 */
import * as assert from 'node:assert';
import * as fc from 'fast-check';
import { importMtree } from '../../core/src/index';
import { joinLines } from '../util/golden';
import { capture, importErrors } from './qemuFixtures';

/** The errors of importing `tree` (and `flat`), as `line:column: message` strings. */
function errorsOf(tree: string, flat?: string): string[] {
	const result = importMtree(tree, flat);
	assert.strictEqual(result.text, '', 'no text when the input has errors');
	return importErrors(result.errors);
}

const good = joinLines(
	'address-space: memory',
	'  0000000000000000-ffffffffffffffff (prio 0, i/o): system',
	'    0000000000000000-0000000000000fff (prio 0, ram): alias low @pc.ram 0000000000000000-0000000000000fff',
	'    0000000000100000-00000000001fffff (prio 0, i/o): dev [disabled]',
	'',
	'memory-region: pc.ram',
	'  0000000000000000-0000000000ffffff (prio 0, ram): pc.ram',
);

function edit(line: number, text: string): string {
	const lines = good.split('\n');
	lines[line - 1] = text;
	return lines.join('\n');
}

suite('qemu import: bad input', () => {
	test('the unedited input imports', () => {
		assert.deepStrictEqual(importErrors(importMtree(good).errors), []);
	});

	test('a file cut in the middle of a line', () => {
		assert.deepStrictEqual(errorsOf(good.slice(0, good.indexOf('@pc.ram') + 4)), [
			'3:54: expected an alias "alias NAME @TARGET START-END", found "alias low @pc."',
		]);
	});

	test('a file cut before the alias-target blocks', () => {
		assert.deepStrictEqual(errorsOf(good.slice(0, good.indexOf('memory-region'))), [
			'3:65: expected a "memory-region: pc.ram" block for the target of alias "low", found none',
		]);
	});

	test('a file cut after a header', () => {
		assert.deepStrictEqual(errorsOf('address-space: memory\n'), [
			'2:1: expected a region line "START-END (prio N, TYPE): NAME" after "address-space: memory"',
		]);
	});

	test('garbage and empty text', () => {
		assert.deepStrictEqual(errorsOf('hello world\n'), [
			'1:1: expected a region line "START-END (prio N, TYPE): NAME", found "hello world"',
		]);
		assert.deepStrictEqual(errorsOf(''), ['1:: expected "address-space: NAME": this is not `info mtree` output']);
	});

	test('a hand-edited line with a bad number, priority or type', () => {
		assert.deepStrictEqual(errorsOf(edit(4, '    0000000000100000-00000000001fXfff (prio 0, i/o): dev')), [
			'4:22: expected an end address as 16 hex digits, found "00000000001fXfff (prio 0, i/o): dev"',
		]);
		assert.deepStrictEqual(errorsOf(edit(4, '    0000000000100000-00000000001fffff (prio x, i/o): dev')), [
			'4:45: expected a priority (a signed 32-bit decimal), found "x, i/o): dev"',
		]);
		assert.deepStrictEqual(errorsOf(edit(4, '    0000000000100000-00000000001fffff (prio 0, mmio): dev')), [
			'4:48: expected a region type (ram, rom, romd, ramd or i/o), found "mmio"',
		]);
	});

	test('wrong indentation', () => {
		assert.deepStrictEqual(errorsOf(edit(4, '   0000000000100000-00000000001fffff (prio 0, i/o): dev')), [
			'4:1: expected an indentation of two spaces per level, found 3 spaces',
		]);
		assert.deepStrictEqual(errorsOf(edit(4, '        0000000000100000-00000000001fffff (prio 0, i/o): dev [disabled]')), [
			'4:1: expected an indentation of at most 6 spaces (one level below the previous region), found 8',
		]);
	});

	test('an alias to an unknown target, and a window that does not fit the alias', () => {
		const unknown = edit(3, '    0000000000000000-0000000000000fff (prio 0, ram): alias low @nowhere 0000000000000000-0000000000000fff');
		assert.deepStrictEqual(errorsOf(unknown), [
			'3:65: expected a "memory-region: nowhere" block for the target of alias "low", found none',
		]);
		const window = edit(3, '    0000000000000000-0000000000000fff (prio 0, ram): alias low @pc.ram 0000000000000000-0000000000001fff');
		assert.deepStrictEqual(errorsOf(window), [
			'3:65: expected the alias window 0-... to be as long as the alias (1000 bytes)',
		]);
	});

	test('a memory-region block whose region has another name', () => {
		assert.deepStrictEqual(errorsOf(edit(7, '  0000000000000000-0000000000ffffff (prio 0, ram): pc.rom')), [
			'7:1: expected the region "pc.ram" of its "memory-region:" header, found "pc.rom"',
			'8:1: expected a region line "START-END (prio N, TYPE): NAME" after "memory-region: pc.ram"',
		]);
	});

	test('bad flat text, or flat text of another machine', () => {
		assert.deepStrictEqual(errorsOf(good, 'FlatView #0\n AS "memory", root: system\n garbage\n'), [
			'flat 3:1: expected " AS ..." or " Root memory region: NAME", found " garbage"',
			'flat 4:: expected " Root memory region: NAME": the FlatView block is truncated',
		]);
		const other = errorsOf(good, capture('x86_64-pc', 'flat'));
		assert.ok(other.some((error) => /^flat \d+:2: expected an address space of the tree text, found AS "I\/O"/.test(error)), other.join('\n'));
	});

	test('swapped texts get one error each, and garbage stops after 20 errors', () => {
		assert.deepStrictEqual(errorsOf(capture('x86_64-pc', 'flat')), [
			'1:1: expected `info mtree` tree text, found `info mtree -f` output (give that with --flat)',
		]);
		assert.deepStrictEqual(errorsOf(good, good), ['flat 1:1: expected `info mtree -f` text, found `info mtree` tree text']);
		const garbage = errorsOf(Array.from({ length: 50 }, (_, i) => `line ${i}`).join('\n'));
		assert.strictEqual(garbage.length, 21);
		assert.strictEqual(garbage[20], '20:: stopped after 20 errors: is this `info mtree` output?');
	});

	test('a flat text cut before some of its FlatView blocks', () => {
		const tree = capture('x86_64-pc', 'mtreeD');
		const flat = capture('x86_64-pc', 'flat');
		const cut = flat.slice(0, flat.indexOf('FlatView #2'));
		assert.deepStrictEqual(errorsOf(tree, cut), [
			`${tree.split('\n').indexOf('address-space: I/O') + 1}:1: expected AS "I/O" in the flat text too, found none: is the flat text truncated, or from another run?`,
			`${tree.split('\n').indexOf('address-space: cpu-smm-0') + 1}:1: expected AS "cpu-smm-0" in the flat text too, found none: is the flat text truncated, or from another run?`,
		]);
	});

	test('any text imports without throwing, with errors inside the text', () => {
		const lines = good.split('\n');
		const arbitrary = fc.array(fc.oneof(fc.constantFrom(...lines), fc.string()), { maxLength: 12 });
		fc.assert(
			fc.property(arbitrary, (parts) => {
				const text = parts.join('\n');
				const result = importMtree(text, text);
				const lineCount = text.split('\n').length;
				return result.errors.every((error) => error.line >= 1 && error.line <= lineCount + 1);
			}),
			{ numRuns: 200 },
		);
	});
});
