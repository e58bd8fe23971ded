import * as assert from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { analyzeText, placedRegions } from '../../core/src/index';
import { repoRoot } from '../util/golden';
import { checkGolden, fixture, memmap } from './run';

suite('cli: export', () => {
	const board = fixture('export.memmap');

	test('--format c: a header of the space', () => {
		assert.strictEqual(checkGolden('export-c', ['export', board, '--space', 'bus']).status, 0);
	});

	test('--format ld: a MEMORY command, with a prefix', () => {
		assert.strictEqual(checkGolden('export-ld-pc-x86', ['export', 'samples/pc-x86.memmap', '--space', 'memory', '--format', 'ld', '--prefix', 'PC_']).status, 0);
	});

	test('--format md: a Markdown memory map of the space', () => {
		assert.strictEqual(checkGolden('export-md-pc-x86', ['export', 'samples/pc-x86.memmap', '--space', 'memory', '--format', 'md']).status, 0);
		const prefixed = memmap(['export', 'samples/pc-x86.memmap', '--space', 'memory', '--format', 'md', '--prefix', 'PC_']);
		assert.deepStrictEqual([prefixed.status, prefixed.stderr], [2, 'memmap: export: --prefix names the C macros and ld regions: it does not apply to --format md\n']);
	});

	test('errors: several spaces, unknown space, bad prefix, bad format, a board with errors', () => {
		assert.strictEqual(checkGolden('export-errors-spaces', ['export', board]).status, 2);
		assert.strictEqual(checkGolden('export-errors-unknown-space', ['export', board, '--space', 'nope']).status, 2);
		assert.strictEqual(checkGolden('export-errors-prefix', ['export', board, '--space', 'bus', '--prefix', '9x']).status, 2);
		assert.strictEqual(checkGolden('export-errors-format', ['export', board, '--format', 'rust']).status, 2);
		assert.strictEqual(checkGolden('export-errors-board', ['export', fixture('errors.memmap')]).status, 1);
	});
});

suite('cli: export --output and --check', () => {
	let dir = '';
	setup(() => {
		dir = fs.mkdtempSync(path.join(os.tmpdir(), 'memmap-export-out-'));
	});
	teardown(() => fs.rmSync(dir, { recursive: true, force: true }));

	const board = path.join(repoRoot, fixture('export.memmap'));
	const exportTo = (out: string, ...more: string[]): ReturnType<typeof memmap> =>
		memmap(['export', board, '--space', 'bus', '--output', out, ...more], dir);

	test('--output writes what stdout would show, naming itself in the banner, and nothing else', () => {
		const printed = memmap(['export', board, '--space', 'bus'], dir);
		const written = exportTo('board.h');
		assert.deepStrictEqual([written.status, written.stdout, written.stderr], [0, '', '']);
		const text = fs.readFileSync(path.join(dir, 'board.h'), 'utf8');
		assert.match(text, /regenerate with\n \* {3}memmap export \S+ --format c --space bus --output board\.h\n/);
		const printedBody = printed.stdout.slice(printed.stdout.indexOf('*/'));
		const writtenBody = text.slice(text.indexOf('*/'));
		assert.ok(printedBody.length > 100);
		assert.strictEqual(writtenBody, printedBody);
	});

	test('--output leaves a current file untouched (its modification time too) and rewrites a stale one', () => {
		const file = path.join(dir, 'board.h');
		assert.strictEqual(exportTo('board.h').status, 0);
		const past = new Date('2020-01-01T00:00:00Z');
		fs.utimesSync(file, past, past);
		assert.strictEqual(exportTo('board.h').status, 0);
		assert.strictEqual(fs.statSync(file).mtimeMs, past.getTime());
		fs.appendFileSync(file, '#define EXTRA 1\n');
		assert.strictEqual(exportTo('board.h').status, 0);
		assert.doesNotMatch(fs.readFileSync(file, 'utf8'), /EXTRA/);
		assert.notStrictEqual(fs.statSync(file).mtimeMs, past.getTime());
	});

	test('--check: exit 0 on a current file, from another directory and path spelling too', () => {
		assert.strictEqual(exportTo('board.h').status, 0);
		const before = fs.readFileSync(path.join(dir, 'board.h'), 'utf8');
		assert.deepStrictEqual([exportTo('board.h', '--check').status, exportTo('board.h', '--check').stdout], [0, '']);
		const elsewhere = memmap(['export', path.relative(repoRoot, board), '--space', 'bus', '--output', path.join(dir, 'board.h'), '--check']);
		assert.deepStrictEqual([elsewhere.status, elsewhere.stdout, elsewhere.stderr], [0, '', '']);
		assert.strictEqual(fs.readFileSync(path.join(dir, 'board.h'), 'utf8'), before, '--check writes nothing');
	});

	test('--check: exit 1 on a stale file, with the first differing line and the command that mends it', () => {
		assert.strictEqual(exportTo('board.ld', '--format', 'ld').status, 0);
		const file = path.join(dir, 'board.ld');
		const lines = fs.readFileSync(file, 'utf8').split('\n');
		const index = lines.findIndex((line) => /ORIGIN = 0x/.test(line));
		assert.ok(index > 0);
		const original = lines[index] as string;
		lines[index] = original.replace(/ORIGIN = 0x/, 'ORIGIN = 0x1');
		fs.writeFileSync(file, lines.join('\n'));
		const result = exportTo('board.ld', '--format', 'ld', '--check');
		assert.strictEqual(result.status, 1);
		assert.strictEqual(
			result.stdout,
			`board.ld:${index + 1}: out of date with the board ${board}\n` +
				`  expected: ${original}\n` +
				`  found:    ${lines[index]}\n` +
				`regenerate with: memmap export ${board} --format ld --space bus --output board.ld\n`,
		);
		fs.writeFileSync(file, lines.slice(0, index).join('\n') + '\n');
		assert.match(exportTo('board.ld', '--format', 'ld', '--check').stdout, /found: {4}\(end of file\)/);
		lines[index] = original;
		fs.writeFileSync(file, lines.join('\n').replace(/\n$/, ''));
		const noFinalBreak = exportTo('board.ld', '--format', 'ld', '--check');
		assert.strictEqual(noFinalBreak.status, 1);
		assert.match(noFinalBreak.stdout, /expected: \(a line break at the end\)\n {2}found: {4}\(none\)\n/);
	});

	test('--check of a Markdown map: its HTML banner comment is left out of the comparison', () => {
		assert.strictEqual(exportTo('map.md', '--format', 'md').status, 0);
		const file = path.join(dir, 'map.md');
		const text = fs.readFileSync(file, 'utf8');
		assert.match(text, /^<!--\n[\s\S]*--format md --space bus --output map\.md\n-->\n/);
		fs.writeFileSync(file, text.replace('--output map.md', '--output elsewhere/map.md'));
		assert.strictEqual(exportTo('map.md', '--format', 'md', '--check').status, 0);
		fs.writeFileSync(file, text.replace('| ram |', '| rom |'));
		const stale = exportTo('map.md', '--format', 'md', '--check');
		assert.strictEqual(stale.status, 1);
		assert.match(stale.stdout, /^map\.md:\d+: out of date with the board /);
		assert.match(stale.stdout, /\n {2}found: {4}\| .* \| rom \|/);
	});

	test('--check: exit 1 on a missing file, which it does not create', () => {
		const result = exportTo('missing.h', '--check');
		assert.strictEqual(result.status, 1);
		assert.match(result.stdout, /^missing\.h: missing; the board \S+ exports to it\nregenerate with: memmap export /);
		assert.ok(!fs.existsSync(path.join(dir, 'missing.h')));
	});

	test('errors: --check without --output, --output onto the board itself, onto a folder', () => {
		const noOutput = memmap(['export', board, '--space', 'bus', '--check'], dir);
		assert.deepStrictEqual([noOutput.status, noOutput.stderr], [2, 'memmap: export: --check needs --output FILE (the file to compare)\n']);
		const boardText = fs.readFileSync(board, 'utf8');
		const ontoBoard = exportTo(board);
		assert.deepStrictEqual([ontoBoard.status, ontoBoard.stderr], [2, `memmap: export: --output '${board}' is a file of the board itself\n`]);
		assert.strictEqual(fs.readFileSync(board, 'utf8'), boardText, 'the board is intact');
		const folder = exportTo(dir);
		assert.deepStrictEqual([folder.status, folder.stderr], [2, `memmap: cannot write '${dir}': is a directory\n`]);
	});
});

/** A tool on PATH; CI installs them (build-essential), so only a developer's machine may lack one. */
function haveTool(name: string): boolean {
	return spawnSync(name, ['--version'], { encoding: 'utf8' }).status === 0;
}

function run(command: string, args: readonly string[], cwd: string): string {
	const result = spawnSync(command, args, { cwd, encoding: 'utf8' });
	assert.strictEqual(result.status, 0, `${command} ${args.join(' ')}:\n${result.stderr}`);
	return result.stdout;
}

suite('cli: export, read by the real gcc and ld', function () {
	// Dozens of compiler and linker runs.
	this.timeout(120_000);
	let dir = '';
	suiteSetup(function () {
		if (!haveTool('gcc') || !haveTool('ld') || !haveTool('objdump')) {
			if (process.env.CI) {
				assert.fail('gcc, ld and objdump are needed (Debian: build-essential)');
			}
			this.skip();
		}
		dir = fs.mkdtempSync(path.join(os.tmpdir(), 'memmap-export-'));
	});
	suiteTeardown(() => {
		if (dir !== '') {
			fs.rmSync(dir, { recursive: true, force: true });
		}
	});

	const boards: [string, string][] = [
		['samples/pc-x86.memmap', 'memory'],
		['samples/cortex-m.memmap', 'soc'],
		['samples/arm-virt.memmap', 'secure-memory'],
		['samples/riscv-board.memmap', 'memory'],
		['samples/qemu-x86_64-pc.memmap', 'memory'],
		[fixture('export.memmap'), 'bus'],
	];

	test('every header compiles as pedantic C11, and each macro has the value the core placed', () => {
		for (const [file, space] of boards) {
			const header = memmap(['export', file, '--space', space]);
			assert.strictEqual(header.status, 0, header.stderr);
			fs.writeFileSync(path.join(dir, 'board.h'), header.stdout);
			const analysis = analyzeText(fs.readFileSync(path.join(repoRoot, file), 'utf8'));
			const view = analysis.views.find((v) => v.space.name === space);
			assert.ok(view, `${file}: space ${space}`);
			const placed = placedRegions(analysis.tree, view.space.root).filter((p) => p.base < 1n << 64n);
			const asserts = placed.map((p) => `_Static_assert(${p.identifier}_BASE == 0x${p.base.toString(16)}ULL, "${p.identifier}");`);
			fs.writeFileSync(path.join(dir, 'check.c'), ['#include "board.h"', ...asserts, 'int unused;', ''].join('\n'));
			run('gcc', ['-std=c11', '-Wall', '-Wextra', '-pedantic', '-Werror', '-fsyntax-only', 'check.c'], dir);
			// Assembler includes the same header.
			fs.writeFileSync(path.join(dir, 'check.S'), `#include "board.h"\n.quad ${placed[0]?.identifier ?? 'X'}_BASE\n`);
			run('gcc', ['-c', 'check.S', '-o', 'check-s.o'], dir);
		}
	});

	test('every MEMORY command links: code placed in a memory region lands at its ORIGIN', () => {
		fs.writeFileSync(path.join(dir, 'code.c'), 'int entry(void) { return 42; }\n');
		run('gcc', ['-c', '-O1', '-fno-asynchronous-unwind-tables', 'code.c', '-o', 'code.o'], dir);
		for (const [file, space] of boards) {
			const memory = memmap(['export', file, '--space', space, '--format', 'ld']);
			assert.strictEqual(memory.status, 0, memory.stderr);
			const lines = [...memory.stdout.matchAll(/^ {2}(\w+) +\((rwx|rx)\) +: ORIGIN = (0x[0-9a-f]+)/gm)];
			if (lines.length === 0) {
				continue;
			}
			// Each memory region in turn receives .text, and the linker must put it there.
			for (const [, name, , origin] of lines) {
				const script = `${memory.stdout}\nSECTIONS\n{\n  .text : { *(.text*) } > ${name}\n  /DISCARD/ : { *(*) }\n}\n`;
				fs.writeFileSync(path.join(dir, 'board.ld'), script);
				run('ld', ['-T', 'board.ld', '-e', 'entry', 'code.o', '-o', 'board.elf'], dir);
				const sections = run('objdump', ['-h', 'board.elf'], dir);
				const text = /\s\.text\s+\S+\s+([0-9a-f]+)/.exec(sections);
				assert.ok(text, `${file}: no .text in\n${sections}`);
				assert.strictEqual(BigInt('0x' + text[1]), BigInt(origin as string), `${file}: .text in ${name}`);
			}
		}
	});
});
