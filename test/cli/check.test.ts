import * as assert from 'node:assert';
import { checkGolden, fixture, memmap } from './run';

interface JsonDiagnostic {
	file: string;
	line: number;
	column: number;
	endLine: number;
	endColumn: number;
	severity: string;
	code: string;
	message: string;
	related: unknown[];
}

suite('cli: check', () => {
	test('a clean board prints nothing and exits 0', () => {
		const result = checkGolden('check-board', ['check', fixture('board.memmap')]);
		assert.strictEqual(result.status, 0);
	});

	test('errors, from included files too, with their own file name; exit 1', () => {
		const result = checkGolden('check-errors', ['check', fixture('errors.memmap')]);
		assert.strictEqual(result.status, 1);
		assert.match(
			result.stdout,
			/^test\/fixtures\/cli\/inc\/part\.memmap:3:\d+: error: .*\[access\.invalid-size\]$/m,
		);
		assert.match(
			result.stdout,
			/^test\/fixtures\/cli\/errors\.memmap:7:\d+: error: .*\[ref\.unknown\]$/m,
		);
	});

	test('a syntax error is located 1-based', () => {
		const result = checkGolden('check-syntax', ['check', fixture('syntax.memmap')]);
		assert.strictEqual(result.status, 1);
		assert.match(result.stdout, /^test\/fixtures\/cli\/syntax\.memmap:2:\d+: error: /m);
	});

	test('warnings exit 0, and 1 with --strict', () => {
		const plain = memmap(['check', fixture('warnings.memmap')]);
		assert.strictEqual(plain.status, 0, plain.stdout);
		assert.match(plain.stdout, /: warning: .*\[region\.overlap\]/);
		const strict = memmap(['check', fixture('warnings.memmap'), '--strict']);
		assert.strictEqual(strict.status, 1);
		assert.strictEqual(strict.stdout, plain.stdout);
	});

	test('several files: each checked, shared diagnostics printed once', () => {
		const result = memmap([
			'check',
			fixture('errors.memmap'),
			fixture('inc/part.memmap'),
			fixture('board.memmap'),
		]);
		assert.strictEqual(result.status, 1);
		const single = memmap(['check', fixture('errors.memmap')]);
		assert.strictEqual(result.stdout, single.stdout);
	});

	test('--format json: positions, codes and related locations', () => {
		const result = memmap(['check', fixture('errors.memmap'), '--format', 'json']);
		assert.strictEqual(result.status, 1);
		const diagnostics = JSON.parse(result.stdout) as JsonDiagnostic[];
		const text = memmap(['check', fixture('errors.memmap')]).stdout;
		const lines = text.split('\n').filter((line) => / (error|warning|info): /.test(line));
		assert.strictEqual(diagnostics.length, lines.length);
		diagnostics.forEach((d, i) => {
			assert.ok(
				lines[i]?.startsWith(
					`${d.file}:${d.line}:${d.column}: ${d.severity}: ${d.message} [${d.code}]`,
				),
			);
			assert.ok(d.endLine > d.line || (d.endLine === d.line && d.endColumn >= d.column));
			assert.ok(Array.isArray(d.related));
		});
	});

	test('--format json of a clean board is an empty array', () => {
		const result = memmap(['check', fixture('board.memmap'), '--format=json']);
		assert.strictEqual(result.status, 0);
		assert.deepStrictEqual(JSON.parse(result.stdout), []);
	});
});
