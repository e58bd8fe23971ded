import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { main } from '../../cli/src/main';
import { repoRoot } from '../util/golden';
import { fixture, memmap } from './run';

const read = (file: string): string => fs.readFileSync(path.join(repoRoot, file), 'utf8');

suite('cli: a FILE written as - is standard input', () => {
	test('fmt - prints the formatted text, as for the file itself', () => {
		const result = memmap(['fmt', '-'], repoRoot, read(fixture('unformatted.memmap')));
		assert.equal(result.status, 0, result.stderr);
		assert.equal(result.stdout, memmap(['fmt', fixture('unformatted.memmap')]).stdout);
		assert.notEqual(result.stdout, read(fixture('unformatted.memmap')));
	});

	test('fmt - --check names <stdin> when it is not formatted, and --lines formats only those lines', () => {
		const unformatted = 'ram  a size 1\nram  b size 2\n';
		assert.deepEqual(pick(memmap(['fmt', '-', '--check'], repoRoot, unformatted)), { status: 1, stdout: '<stdin>\n', stderr: '' });
		assert.deepEqual(pick(memmap(['fmt', '-', '--check'], repoRoot, 'ram a size 1\n')), { status: 0, stdout: '', stderr: '' });
		assert.equal(memmap(['fmt', '-', '--lines', '2'], repoRoot, unformatted).stdout, 'ram  a size 1\nram b size 2\n');
	});

	test('fmt - refuses --write, other FILEs beside it, and text with syntax errors (located in <stdin>)', () => {
		const write = memmap(['fmt', '-', '--write'], repoRoot, 'ram a size 1\n');
		assert.equal(write.status, 2);
		assert.match(write.stderr, /^memmap: fmt: --write cannot rewrite standard input/);
		const mixed = memmap(['fmt', '-', fixture('board.memmap'), '--check'], repoRoot, 'ram a size 1\n');
		assert.equal(mixed.status, 2);
		assert.match(mixed.stderr, /'-' \(standard input\) must be the only FILE/);
		const broken = memmap(['fmt', '-'], repoRoot, 'ram  a size\n');
		assert.deepEqual(pick(broken), {
			status: 1,
			stdout: '',
			stderr: "<stdin>:1:8: error: expected a number after 'size', found end of file [syntax.missing-token]\n",
		});
	});

	test('check - names <stdin> and finds its includes from the working directory', () => {
		const cwd = path.join(repoRoot, fixture(''));
		const board = 'include "inc/part.memmap"\nspace m = top\ncontainer top size 8K {\n\tmap part at 0\n\tram late at 0x800 size 4K\n}\n';
		const result = memmap(['check', '-'], cwd, board);
		assert.equal(result.status, 1);
		assert.match(result.stdout, /^inc\/part\.memmap:3:\d+: error: .*\[access\.invalid-size\]$/m);
		assert.match(result.stdout, /^<stdin>:5:\d+: warning: 'late' .*\[region\.overlap\]$/m);
	});

	test('flat, owner and import-mtree read standard input as they read a file', () => {
		const board = fixture('board.memmap');
		assert.equal(memmap(['flat', '-'], repoRoot, read(board)).stdout, memmap(['flat', board]).stdout);
		assert.equal(memmap(['owner', '-', '0x1000'], repoRoot, read(board)).stdout, memmap(['owner', board, '0x1000']).stdout);
		const capture = fixture('qemu/avr-arduino-uno.mtreeD.txt');
		const piped = memmap(['import-mtree', '-'], repoRoot, read(capture));
		assert.equal(piped.status, 0, piped.stderr);
		// The same import but for the name in its first comment (which wraps with the name's length).
		const body = (text: string): string => text.slice(text.indexOf('// Kinds:'));
		assert.equal(body(piped.stdout), body(memmap(['import-mtree', capture]).stdout));
		assert.match(piped.stdout, /^\/\/ Imported from QEMU `info mtree` output \(<stdin>\)/);
	});

	test('owner FILE - reads the addresses from standard input: spaces, commas, lines; located errors', () => {
		const board = fixture('board.memmap');
		const piped = memmap(['owner', board, '-', '--space', 'memory'], repoRoot, '0xfee00000, 0x1000\r\n\n  0xd0000\n');
		assert.strictEqual(piped.status, 0, piped.stderr);
		assert.strictEqual(piped.stdout, memmap(['owner', board, '0xfee00000', '0x1000', '0xd0000', '--space', 'memory']).stdout);
		// Beside addresses on the command line, in their place.
		const mixed = memmap(['owner', board, '0xd0000', '-', '--space', 'memory', '--format', 'json'], repoRoot, '0x1000');
		assert.deepStrictEqual((JSON.parse(mixed.stdout) as { address: string }[]).map((a) => a.address), ['0xd0000', '0x1000']);
		const bad = memmap(['owner', board, '-'], repoRoot, '0x1000\n0x2000 0xzz\n');
		assert.strictEqual(bad.status, 2);
		assert.strictEqual(bad.stderr, "memmap: owner: invalid address '0xzz' on line 2 of standard input (expected a number such as 0xfee0_0000 or 4G)\n");
		const none = memmap(['owner', board, '-'], repoRoot, ' \n');
		assert.deepStrictEqual([none.status, none.stderr], [2, 'memmap: owner: standard input holds no address\n']);
		const both = memmap(['owner', '-', '-'], repoRoot, read(board));
		assert.strictEqual(both.status, 2);
		assert.match(both.stderr, /cannot hold both the board and the addresses/);
	});

	test('diff - FILE compares standard input with the file', () => {
		const board = fixture('board.memmap');
		const same = memmap(['diff', '-', board], repoRoot, read(board));
		assert.equal(same.status, 0, same.stderr);
		assert.match(same.stdout, /^--- <stdin>\n\+\+\+ /);
		assert.equal(memmap(['diff', '-', board], repoRoot, read(fixture('board-changed.memmap'))).status, 1);
	});

	test('binary input, or none at all, is one clear line and exit 2', () => {
		const binary = memmap(['check', '-'], repoRoot, Buffer.from([0x72, 0x61, 0x6d, 0, 1, 2]));
		assert.deepEqual(pick(binary), { status: 2, stdout: '', stderr: "memmap: cannot read '-' (standard input): is a binary file, not text\n" });
		const err: string[] = [];
		const io = { cwd: repoRoot, stdout: () => undefined, stderr: (t: string) => err.push(t) };
		assert.equal(main(['fmt', '-'], io), 2);
		assert.deepEqual(err, ["memmap: cannot read '-': no standard input\n"]);
	});
});

function pick(result: { status: number | null; stdout: string; stderr: string }): { status: number | null; stdout: string; stderr: string } {
	return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
