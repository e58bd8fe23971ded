import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fixture, memmap } from './run';
import type { CliResult } from './run';

/** A usage or I/O error: exit 2, nothing on stdout, exactly one line on stderr. */
function assertOneLineError(result: CliResult, pattern: RegExp): void {
	assert.strictEqual(result.status, 2, result.stderr);
	assert.strictEqual(result.stdout, '');
	const lines = result.stderr.split('\n').filter((line) => line !== '');
	assert.strictEqual(
		lines.length,
		1,
		`expected one line on stderr, got:\n${result.stderr}`,
	);
	assert.match(lines[0] ?? '', pattern);
	assert.doesNotMatch(result.stderr, /\bat .*\.js:\d+/, 'no stack trace');
}

suite('cli: error paths', () => {
	const board = fixture('board.memmap');

	test('no arguments prints the usage on stderr and exits 2', () => {
		const result = memmap([]);
		assert.strictEqual(result.status, 2);
		assert.match(result.stderr, /^usage: memmap COMMAND/);
		assert.strictEqual(result.stdout, '');
	});

	test('--help prints the usage on stdout and exits 0', () => {
		const result = memmap(['--help']);
		assert.strictEqual(result.status, 0);
		for (const name of ['check', 'flat', 'tree', 'owner', 'diff', 'fmt', 'import-mtree']) {
			assert.match(result.stdout, new RegExp(`^  ${name} `, 'm'));
		}
	});

	test('every command has --help', () => {
		for (const name of ['check', 'flat', 'tree', 'owner', 'diff', 'fmt', 'import-mtree']) {
			const result = memmap([name, '--help']);
			assert.strictEqual(result.status, 0, name);
			assert.match(result.stdout, new RegExp(`^usage: memmap ${name} `), name);
		}
	});

	test('unknown command', () => {
		assertOneLineError(memmap(['frobnicate']), /^memmap: unknown command 'frobnicate'/);
	});

	test('unknown option', () => {
		assertOneLineError(memmap(['check', board, '--bogus']), /unknown option '--bogus'/);
	});

	test('option without its value', () => {
		assertOneLineError(
			memmap(['flat', board, '--space']),
			/option '--space' needs a value/,
		);
	});

	test('missing FILE argument', () => {
		assertOneLineError(memmap(['flat']), /flat: missing FILE/);
		assertOneLineError(memmap(['owner', board]), /owner: missing FILE and ADDRESS/);
	});

	test('too many arguments', () => {
		assertOneLineError(memmap(['tree', board, board]), /unexpected argument/);
	});

	test('missing file', () => {
		assertOneLineError(
			memmap(['check', 'no/such.memmap']),
			/^memmap: cannot read 'no\/such.memmap': no such file$/,
		);
	});

	test('a directory', () => {
		assertOneLineError(
			memmap(['flat', 'test/fixtures/cli']),
			/cannot read 'test\/fixtures\/cli': is a directory/,
		);
	});

	test('a folder with no .memmap file', () => {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'memmap-cli-'));
		fs.writeFileSync(path.join(dir, 'notes.txt'), 'ram r size 4K\n');
		assertOneLineError(memmap(['check', dir]), /^memmap: no \.memmap files in '.*memmap-cli-[^']*'$/);
	});

	test('a binary file', () => {
		const file = path.join(
			fs.mkdtempSync(path.join(os.tmpdir(), 'memmap-cli-')),
			'blob.memmap',
		);
		fs.writeFileSync(file, Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 1, 2, 0xff]));
		assertOneLineError(memmap(['check', file]), /is a binary file/);
	});

	test('bad --format', () => {
		assertOneLineError(
			memmap(['flat', board, '--format', 'xml']),
			/invalid --format 'xml' \(expected text, json, qemu\)/,
		);
		assertOneLineError(
			memmap(['check', board, '--format=yaml']),
			/invalid --format 'yaml'/,
		);
	});

	test('bad address', () => {
		assertOneLineError(memmap(['owner', board, '0xzz']), /owner: invalid address '0xzz'/);
		assertOneLineError(memmap(['owner', board, '16E']), /past the last address/);
	});

	test('unknown space', () => {
		assertOneLineError(
			memmap(['owner', board, '0x1000', '--space', 'nope']),
			/unknown space 'nope' \(spaces: memory, pio\)/,
		);
		assertOneLineError(memmap(['flat', board, '--space', 'nope']), /unknown space 'nope'/);
	});

	test('fmt: --write with --check, and several files without either', () => {
		assertOneLineError(memmap(['fmt', board, '--write', '--check']), /cannot be combined/);
		assertOneLineError(
			memmap(['fmt', board, fixture('warnings.memmap')]),
			/several files need --write, --check or --diff/,
		);
		// One file named twice is one file.
		assert.strictEqual(memmap(['fmt', board, board]).status, 0);
	});

	test('import-mtree: unreadable --flat file', () => {
		assertOneLineError(
			memmap(['import-mtree', fixture('import.mtree.txt'), '--flat', 'missing.flat.txt']),
			/cannot read 'missing.flat.txt'/,
		);
	});

	test('an include of a directory or binary file does not crash', () => {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'memmap-cli-'));
		fs.writeFileSync(path.join(dir, 'blob.bin'), Buffer.from([0, 1, 2, 3]));
		fs.mkdirSync(path.join(dir, 'sub'));
		const main = path.join(dir, 'main.memmap');
		fs.writeFileSync(main, 'include "blob.bin"\ninclude "sub"\nram r size 4K\n');
		const result = memmap(['check', main]);
		assert.strictEqual(result.status, 1, result.stderr);
		assert.strictEqual(result.stderr, '');
		assert.strictEqual(
			result.stdout.match(/\[include\.not-found\]/g)?.length,
			2,
			result.stdout,
		);
	});
});
