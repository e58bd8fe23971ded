import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { normalizeFlat, normalizeMtree } from '../../core/src/qemu/index';
import { repoRoot } from '../util/golden';
import { fixture, memmap } from './run';

const machine = path.join('test', 'fixtures', 'cli', 'qemu', 'avr-arduino-uno');

function read(file: string): string {
	return fs.readFileSync(path.resolve(repoRoot, file), 'utf8');
}

suite('cli: import-mtree and --format qemu', () => {
	const out = path.join(
		fs.mkdtempSync(path.join(os.tmpdir(), 'memmap-qemu-')),
		'avr.memmap',
	);

	suiteSetup(() => {
		const result = memmap([
			'import-mtree',
			`${machine}.mtreeD.txt`,
			'--flat',
			`${machine}.flat.txt`,
			'-o',
			out,
		]);
		assert.strictEqual(result.status, 0, result.stderr);
		assert.strictEqual(result.stdout, '');
	});

	test('the imported board checks without errors', () => {
		const result = memmap(['check', out]);
		assert.strictEqual(result.status, 0, result.stdout);
	});

	test('without -o the import goes to stdout', () => {
		const result = memmap([
			'import-mtree',
			`${machine}.mtreeD.txt`,
			'--flat',
			`${machine}.flat.txt`,
		]);
		assert.strictEqual(result.status, 0);
		assert.strictEqual(result.stdout, fs.readFileSync(out, 'utf8'));
	});

	test('tree --format qemu prints info mtree -D again', () => {
		const result = memmap(['tree', out, '--format', 'qemu']);
		assert.strictEqual(result.status, 0, result.stderr);
		assert.strictEqual(
			normalizeMtree(result.stdout),
			normalizeMtree(read(`${machine}.mtreeD.txt`)),
		);
	});

	test('flat --format qemu prints info mtree -f again', () => {
		const result = memmap(['flat', out, '--format', 'qemu']);
		assert.strictEqual(result.status, 0, result.stderr);
		assert.strictEqual(
			normalizeFlat(result.stdout),
			normalizeFlat(read(`${machine}.flat.txt`)),
		);
	});

	test('a file that is not mtree output: located error, exit 1, nothing written', () => {
		const target = path.join(path.dirname(out), 'bad.memmap');
		const result = memmap(['import-mtree', fixture('bad.mtree.txt'), '-o', target]);
		assert.strictEqual(result.status, 1);
		assert.match(
			result.stderr,
			/^test\/fixtures\/cli\/bad\.mtree\.txt:1:\d+: error: expected /,
		);
		assert.strictEqual(fs.existsSync(target), false);
	});

	test('a broken --flat file names that file', () => {
		const result = memmap([
			'import-mtree',
			fixture('import.mtree.txt'),
			'--flat',
			fixture('bad.mtree.txt'),
		]);
		assert.strictEqual(result.status, 1);
		assert.match(result.stderr, /^test\/fixtures\/cli\/bad\.mtree\.txt:1:\d+: error: /m);
	});
});
