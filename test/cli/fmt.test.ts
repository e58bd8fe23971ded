import * as assert from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { repoRoot } from '../util/golden';
import { checkGolden, fixture, memmap } from './run';

/** Copies fixtures into a fresh temporary directory; returns the copies' paths. */
function copies(...names: string[]): string[] {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'memmap-fmt-'));
	return names.map((name) => {
		const target = path.join(dir, path.basename(name));
		fs.copyFileSync(path.join(repoRoot, fixture(name)), target);
		return target;
	});
}

suite('cli: fmt', () => {
	test('prints the formatted text of one file', () => {
		const result = checkGolden('fmt-unformatted', ['fmt', fixture('unformatted.memmap')]);
		assert.strictEqual(result.status, 0);
	});

	test('is idempotent on its own output', () => {
		const [file = ''] = copies('unformatted.memmap');
		fs.writeFileSync(file, memmap(['fmt', file]).stdout);
		const again = memmap(['fmt', file, '--check']);
		assert.strictEqual(again.status, 0, again.stdout);
		assert.strictEqual(again.stdout, '');
	});

	test('a folder stands for its .memmap files; hidden folders and node_modules are skipped', () => {
		const [unformatted = '', formatted = ''] = copies('unformatted.memmap', 'board.memmap');
		fs.writeFileSync(formatted, memmap(['fmt', formatted]).stdout);
		const dir = path.dirname(unformatted);
		for (const skipped of ['.git', 'node_modules']) {
			fs.mkdirSync(path.join(dir, skipped));
			fs.copyFileSync(unformatted, path.join(dir, skipped, 'skipped.memmap'));
		}
		fs.mkdirSync(path.join(dir, 'sub'));
		fs.copyFileSync(unformatted, path.join(dir, 'sub', 'nested.memmap'));
		// A link back to the folder is not followed (no loop); a link to a file counts.
		fs.symlinkSync(dir, path.join(dir, 'sub', 'loop'));
		fs.symlinkSync(path.join(dir, 'sub', 'nested.memmap'), path.join(dir, 'sub', 'linked.memmap'));
		fs.writeFileSync(path.join(dir, 'readme.txt'), 'not a board');
		// The folder and one of its files: each file is listed once.
		const result = memmap(['fmt', dir, unformatted, '--check']);
		assert.strictEqual(result.status, 1);
		assert.strictEqual(
			result.stdout,
			[path.join(dir, 'sub', 'linked.memmap'), path.join(dir, 'sub', 'nested.memmap'), unformatted, ''].join('\n'),
		);
		const print = memmap(['fmt', dir]);
		assert.strictEqual(print.status, 2);
		assert.match(print.stderr, /several files need --write, --check or --diff/);
	});

	test('--diff prints what formatting would change as a patch, and exits 1 if anything', () => {
		const result = checkGolden('fmt-diff', ['fmt', fixture('unformatted.memmap'), fixture('board.memmap'), '--diff']);
		assert.strictEqual(result.status, 1);
		const [file = ''] = copies('unformatted.memmap');
		fs.writeFileSync(file, memmap(['fmt', file]).stdout);
		assert.deepStrictEqual([memmap(['fmt', file, '--diff']).status, memmap(['fmt', file, '--diff']).stdout], [0, '']);
	});

	test('--diff with --lines shows only those lines', () => {
		const lines = memmap(['fmt', fixture('unformatted.memmap'), '--lines', '2', '--diff']);
		assert.strictEqual(lines.status, 1);
		assert.deepStrictEqual(
			lines.stdout.split('\n').filter((l) => /^[-+][^-+]/.test(l)),
			['-ram a at 0 size 4K // the RAM', '+\tram a    at 0      size 4K // the RAM'],
		);
	});

	test('a CRLF file keeps its line ends: formatted, nothing to do; one line off, one line changes', () => {
		const [file = ''] = copies('board.memmap');
		const formatted = memmap(['fmt', file]).stdout.replace(/\n/g, '\r\n');
		fs.writeFileSync(file, formatted);
		for (const mode of ['--check', '--diff']) {
			assert.deepStrictEqual([memmap(['fmt', file, mode]).status, memmap(['fmt', file, mode]).stdout], [0, ''], mode);
		}
		assert.strictEqual(memmap(['fmt', file]).stdout, formatted);
		const lines = formatted.split('\r\n');
		const line = lines.findIndex((l) => /^\t\S+ +\S+ +at /.test(l));
		lines[line] = (lines[line] as string).replace(/ at /, '   at ');
		fs.writeFileSync(file, lines.join('\r\n'));
		const diff = memmap(['fmt', file, '--diff']);
		assert.strictEqual(diff.status, 1);
		assert.deepStrictEqual(
			diff.stdout.split('\n').filter((l) => /^[-+][^-+]/.test(l)),
			[`-${lines[line]}\r`, `+${formatted.split('\r\n')[line]}\r`],
		);
		// patch(1) applies it byte for byte, and gives what --write writes.
		const patchedCopy = `${file}.patched`;
		fs.copyFileSync(file, patchedCopy);
		const patch = spawnSync('patch', ['-s', patchedCopy], { input: diff.stdout, encoding: 'utf8' });
		assert.strictEqual(patch.status, 0, patch.stderr + patch.stdout);
		assert.strictEqual(memmap(['fmt', file, '--write']).status, 0);
		assert.strictEqual(fs.readFileSync(file, 'utf8'), formatted);
		assert.strictEqual(fs.readFileSync(patchedCopy, 'utf8'), formatted);
	});

	test('--check lists unformatted files and exits 1', () => {
		const [unformatted = '', formatted = ''] = copies('unformatted.memmap', 'board.memmap');
		fs.writeFileSync(formatted, memmap(['fmt', formatted]).stdout);
		const result = memmap(['fmt', unformatted, formatted, '--check']);
		assert.strictEqual(result.status, 1);
		assert.strictEqual(result.stdout, `${unformatted}\n`);
		assert.strictEqual(
			fs.readFileSync(unformatted, 'utf8'),
			fs.readFileSync(path.join(repoRoot, fixture('unformatted.memmap')), 'utf8'),
		);
	});

	test('--write rewrites in place', () => {
		const [file = ''] = copies('unformatted.memmap');
		const expected = memmap(['fmt', file]).stdout;
		const result = memmap(['fmt', file, '--write']);
		assert.strictEqual(result.status, 0);
		assert.strictEqual(result.stdout, '');
		assert.strictEqual(fs.readFileSync(file, 'utf8'), expected);
	});

	test('refuses a file with syntax errors and prints them', () => {
		const [file = ''] = copies('syntax.memmap');
		const before = fs.readFileSync(file, 'utf8');
		const result = memmap(['fmt', file, '--write']);
		assert.strictEqual(result.status, 1);
		assert.match(result.stderr, /syntax\.memmap:2:\d+: error: .*\[syntax\./);
		assert.strictEqual(fs.readFileSync(file, 'utf8'), before);
	});

	test('--lines formats only those lines of one file, in every mode', () => {
		const [file = ''] = copies('unformatted.memmap');
		const before = fs.readFileSync(file, 'utf8');
		const whole = memmap(['fmt', file]).stdout.split('\n');
		const lines = before.split('\n');
		// Line 2 alone: it becomes what the whole file's formatting makes of it.
		const second = memmap(['fmt', file, '--lines', '2']);
		assert.strictEqual(second.status, 0, second.stderr);
		assert.deepStrictEqual(second.stdout.split('\n'), [lines[0], whole[1], ...lines.slice(2)]);
		// --check: lines 2 to 3 are not formatted; --write formats them, the first line stays.
		assert.strictEqual(memmap(['fmt', file, '--check', '--lines=2:3']).status, 1);
		assert.strictEqual(memmap(['fmt', file, '--write', '--lines', '2:3']).status, 0);
		const written = fs.readFileSync(file, 'utf8').split('\n');
		assert.strictEqual(written[0], lines[0]);
		assert.deepStrictEqual(written.slice(1), whole.slice(1));
		assert.strictEqual(memmap(['fmt', file, '--check', '--lines', '2:99']).status, 0);
	});

	test('--lines: a bad range, or several files, is a usage error', () => {
		const [one = '', two = ''] = copies('unformatted.memmap', 'board.memmap');
		for (const bad of ['0', '3:2', '2:', 'a', '1:2:3', '-1']) {
			const result = memmap(['fmt', one, `--lines=${bad}`]);
			assert.strictEqual(result.status, 2, bad);
			assert.match(result.stderr, /fmt: invalid --lines/, bad);
		}
		const several = memmap(['fmt', one, two, '--check', '--lines', '1']);
		assert.strictEqual(several.status, 2);
		assert.match(several.stderr, /--lines needs exactly one FILE/);
	});
});
