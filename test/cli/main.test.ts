import * as assert from 'node:assert';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { generateBoard } from '../../bench/generate';
import { main } from '../../cli/src/main';
import type { Command, Io } from '../../cli/src/command';
import { repoRoot } from '../util/golden';
import { fixture, memmap } from './run';

/** An Io that records what a command printed. */
function recorder(): Io & { out: string[]; err: string[] } {
	const out: string[] = [];
	const err: string[] = [];
	return {
		out,
		err,
		cwd: process.cwd(),
		stdout: (t) => out.push(t),
		stderr: (t) => err.push(t),
	};
}

suite('cli: main', () => {
	test('an unexpected exception is an internal error: one line, exit 70', () => {
		const broken: Command = {
			name: 'boom',
			summary: 'throws',
			help: 'usage: memmap boom\n',
			options: {},
			run: () => {
				throw new TypeError('cannot read properties of undefined');
			},
		};
		const io = recorder();
		assert.strictEqual(main(['boom'], io, [broken]), 70);
		assert.deepStrictEqual(io.err, [
			'memmap: internal error: cannot read properties of undefined\n',
		]);
		assert.deepStrictEqual(io.out, []);
	});

	test('in process, the commands write through Io and return the exit code', () => {
		const io = recorder();
		assert.strictEqual(main(['check', fixture('warnings.memmap'), '--strict'], io), 1);
		assert.match(io.out.join(''), /\[region\.overlap\]/);
	});

	test('owner on a board without any address space exits 1', () => {
		const result = memmap(['owner', fixture('empty.memmap'), '0']);
		assert.strictEqual(result.status, 1);
		assert.strictEqual(result.stdout, 'no address space: the board defines no region\n');
	});
});

suite('cli: output pipe', () => {
	test('a reader that stops early ends the output quietly (EPIPE)', async () => {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'memmap-pipe-'));
		const board = path.join(dir, 'big.memmap');
		fs.writeFileSync(board, generateBoard(5_000));
		const child = spawn(process.execPath, [
			path.join(repoRoot, 'bin', 'memmap.js'),
			'flat',
			board,
		]);
		let stderr = '';
		child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
		child.stdout.once('data', () => child.stdout.destroy());
		const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
		assert.strictEqual(stderr, '');
		assert.strictEqual(code, 0);
	});
});
