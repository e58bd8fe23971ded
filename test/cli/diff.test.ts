import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { checkGolden, fixture, memmap } from './run';

const board = fixture('board.memmap');
const changed = fixture('board-changed.memmap');
const qemuPc = path.join('test', 'fixtures', 'qemu-7.2', 'x86_64-pc.flat.txt');

function scratch(name: string, text: string): string {
	const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'memmap-diff-')), name);
	fs.writeFileSync(file, text);
	return file;
}

suite('cli: diff', () => {
	test('two versions of a board: every stretch whose owner changed, exit 1', () => {
		assert.strictEqual(checkGolden('diff-board', ['diff', board, changed]).status, 1);
	});

	test('--format json --space', () => {
		const result = checkGolden('diff-board-json', ['diff', board, changed, '--space', 'pio', '--format', 'json']);
		assert.strictEqual(result.status, 1);
		const json = JSON.parse(result.stdout) as { same: boolean; spaces: { name: string }[] };
		assert.strictEqual(json.same, false);
		assert.deepStrictEqual(json.spaces.map((s) => s.name), ['pio']);
	});

	test('--format json lists a move with hex addresses', () => {
		const result = memmap(['diff', board, changed, '--space', 'memory', '--format', 'json']);
		assert.strictEqual(result.status, 1);
		const json = JSON.parse(result.stdout) as { spaces: { moves: unknown[] }[] };
		assert.deepStrictEqual(json.spaces[0]?.moves, [
			{ name: 'ioapic', type: 'i/o', priority: 0, nonvolatile: false, from: '0xfec00000', to: '0xfec01000', size: '0x1000' },
		]);
	});

	test('a board against itself is the same, exit 0', () => {
		const result = memmap(['diff', board, board]);
		assert.strictEqual(result.status, 0, result.stdout);
		assert.match(result.stdout, /^2 address spaces: 0 different, 2 same$/m);
	});

	test('the hand-written PC sample renders memory exactly as QEMU 7.2 does', () => {
		assert.strictEqual(checkGolden('diff-pc-x86-qemu', ['diff', 'samples/pc-x86.memmap', qemuPc, '--space', 'memory']).status, 0);
	});

	test('info mtree -f -d -o of the same machine: owner fields and dispatch trees read past', () => {
		const options = path.join('test', 'fixtures', 'qemu-7.2-options', 'x86_64-pc.flat-d-o.txt');
		const result = memmap(['diff', 'samples/pc-x86.memmap', options, '--space', 'memory']);
		assert.strictEqual(result.status, 0, result.stdout + result.stderr);
		assert.strictEqual(result.stderr, '');
		assert.match(result.stdout, /^1 address space: 0 different, 1 same$/m);
	});

	test('QEMU text against QEMU text', () => {
		const moved = scratch(
			'moved.flat.txt',
			fs.readFileSync(qemuPc, 'utf8').replace('00000000fee00000-00000000feefffff (prio 4096, i/o): apic-msi', '00000000fee00000-00000000feefffff (prio 4095, i/o): apic-msi'),
		);
		const result = memmap(['diff', qemuPc, moved, '--space', 'memory']);
		assert.strictEqual(result.status, 1);
		assert.match(result.stdout, /^ {2}00000000fee00000-00000000feefffff\n {2}- \(prio 4096, i\/o\): apic-msi\n {2}\+ \(prio 4095, i\/o\): apic-msi$/m);
	});

	test('info mtree tree text is refused with a hint', () => {
		const tree = path.join('test', 'fixtures', 'qemu-7.2', 'x86_64-pc.mtreeD.txt');
		const result = memmap(['diff', board, tree]);
		assert.strictEqual(result.status, 2);
		assert.strictEqual(result.stdout, '');
		assert.match(result.stderr, /^memmap: diff: '.*x86_64-pc\.mtreeD\.txt' is 'info mtree' text: give the 'info mtree -f' text, or import it first \(memmap import-mtree\)\n$/);
	});

	test('flat text with errors: located errors, best-effort output, exit 2', () => {
		const bad = scratch('bad.flat.txt', 'FlatView #0\n AS "memory", root: system\n Root memory region: system\n  0000000000001000-0000000000000fff (prio 0, ram): x\n');
		const result = memmap(['diff', bad, board]);
		assert.strictEqual(result.status, 2);
		assert.match(result.stderr, /bad\.flat\.txt:4:3: error: expected an end address not below the start/);
		assert.match(result.stdout, /^space "memory": /m);
	});

	test('a board with errors: its errors on stderr, exit 2', () => {
		const result = memmap(['diff', fixture('errors.memmap'), board]);
		assert.strictEqual(result.status, 2);
		assert.match(result.stderr, /errors\.memmap:\d+:\d+: error: /);
		assert.match(result.stdout, /^--- /);
	});

	test('usage errors: one line, exit 2', () => {
		for (const [args, pattern] of [
			[['diff', board], /^memmap: diff: missing OLD and NEW/],
			[['diff', board, changed, '--space', 'nowhere'], /^memmap: diff: unknown space 'nowhere' \(spaces: memory, pio\)$/],
			[['diff', board, changed, '--format', 'xml'], /^memmap: diff: invalid --format 'xml'/],
			[['diff', board, 'no-such-file.memmap'], /^memmap: cannot read 'no-such-file\.memmap'/],
		] as const) {
			const result = memmap(args);
			assert.strictEqual(result.status, 2, args.join(' '));
			assert.strictEqual(result.stdout, '', args.join(' '));
			assert.match(result.stderr.trimEnd(), pattern, args.join(' '));
		}
	});
});
