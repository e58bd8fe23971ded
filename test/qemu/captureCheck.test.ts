/**
 * The comparison of a board with the QEMU capture beside it (`NAME.flat.txt`), run by
 * `analyze` itself so that the editor and `memmap check` both report it.
 */
import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze, qemuOwnerLine } from '../../core/src/index';
import type { Analysis } from '../../core/src/index';
import { repoRoot } from '../util/golden';
import { capture } from './qemuFixtures';

function analyzeWith(files: Record<string, string>, entry = 'board.memmap'): { analysis: Analysis; reads: string[] } {
	const reads: string[] = [];
	const analysis = analyze(entry, {
		readText: (uri) => {
			reads.push(uri);
			return files[uri];
		},
		resolveInclude: (_from, path) => path,
	});
	return { analysis, reads };
}

function qemuDiagnostics(analysis: Analysis): string[] {
	return analysis.diagnostics
		.filter((d) => d.code.startsWith('qemu.'))
		.map((d) => `${d.code} ${d.uri}:${d.offset}: ${d.message}`);
}

const flatHeader = 'FlatView #0\n AS "memory", root: system\n Root memory region: system\n';

function flat(lines: readonly string[]): string {
	return flatHeader + lines.map((line) => `  ${line}\n`).join('') + '\n';
}

suite('qemu: a board against the capture beside it', () => {
	test('a Windows path names the capture by its file name', () => {
		const board = 'space memory = system\ncontainer system size 16E\n';
		const entry = 'C:\\boards\\soc.memmap';
		const files = { [entry]: board, 'C:\\boards\\soc.flat.txt': flat(['0000000000000000-0000000000000fff (prio 0, ram): sram']) };
		const found = qemuDiagnostics(analyzeWith(files, entry).analysis);
		assert.deepStrictEqual(found.map((line) => line.replace(/^.*?: /, '')), [
			"In space 'memory', [0x0, 0x1000) is a hole in this board but 'sram' (prio 0, ram) in QEMU (soc.flat.txt, line 4).",
		]);
	});

	test('the capture is NAME.flat.txt beside NAME.memmap, and nothing else is read', () => {
		const { reads } = analyzeWith({ 'board.memmap': 'space memory = system\ncontainer system size 4K\n' });
		assert.deepStrictEqual(reads, ['board.memmap', 'board.flat.txt']);
		assert.deepStrictEqual(analyzeWith({ 'untitled:1': '' }, 'untitled:1').reads, ['untitled:1']);
	});

	test('the same rendering gives nothing; a difference lands on the owning region', () => {
		const board = 'space memory = system\ncontainer system size 16E {\n  ram sram at 0 size 4K\n  io uart at 0x1000 size 0x100\n}\n';
		const same = flat(['0000000000000000-0000000000000fff (prio 0, ram): sram', '0000000000001000-00000000000010ff (prio 0, i/o): uart']);
		assert.deepStrictEqual(qemuDiagnostics(analyzeWith({ 'board.memmap': board, 'board.flat.txt': same }).analysis), []);
		const moved = flat(['0000000000000000-0000000000000fff (prio 0, ram): sram', '0000000000002000-00000000000020ff (prio 0, i/o): uart']);
		const uartName = board.indexOf('uart');
		assert.deepStrictEqual(qemuDiagnostics(analyzeWith({ 'board.memmap': board, 'board.flat.txt': moved }).analysis), [
			`qemu.mismatch board.memmap:0: In space 'memory', [0x2000, 0x2100) is a hole in this board but 'uart' (prio 0, i/o) in QEMU (board.flat.txt, line 5).`,
			`qemu.mismatch board.memmap:${uartName}: In space 'memory', [0x1000, 0x1100) is 'uart' (prio 0, i/o) in this board but a hole in QEMU (board.flat.txt).`,
		]);
	});

	test('the real x86 PC: the hand-written sample matches QEMU in memory, not in its simplified I/O', () => {
		const board = fs.readFileSync(path.join(repoRoot, 'samples', 'pc-x86.memmap'), 'utf8');
		const found = qemuDiagnostics(analyzeWith({ 'board.memmap': board, 'board.flat.txt': capture('x86_64-pc', 'flat') }).analysis);
		assert.ok(found.length > 0);
		assert.ok(found.every((line) => line.includes("In space 'I/O'")), found.join('\n'));
	});

	test('past 50 mismatches in a space, one more counts the rest', () => {
		const regions = Array.from({ length: 60 }, (_, i) => `  io r${i} at 0x${(i * 0x100).toString(16)} size 0x10\n`).join('');
		const board = `space memory = system\ncontainer system size 16E {\n${regions}}\n`;
		const found = qemuDiagnostics(analyzeWith({ 'board.memmap': board, 'board.flat.txt': flat([]) }).analysis);
		assert.strictEqual(found.length, 51);
		// Sorted by offset, so the count (on the space) comes first.
		assert.match(found[0] ?? '', /^qemu\.mismatch board\.memmap:0: In space 'memory', 10 more stretches differ from the QEMU capture board\.flat\.txt; `memmap diff` lists them all\.$/);
	});

	test('no space in common, a capture that is not -f text, and a board with errors', () => {
		const board = 'space mem = system\ncontainer system size 4K\n';
		assert.deepStrictEqual(qemuDiagnostics(analyzeWith({ 'board.memmap': board, 'board.flat.txt': flat([]) }).analysis), [
			"qemu.mismatch board.memmap:0: No address space of this board is in the QEMU capture board.flat.txt (its spaces: 'memory'), so nothing is compared: name a space as QEMU does (`space memory = ...`).",
		]);
		assert.deepStrictEqual(qemuDiagnostics(analyzeWith({ 'board.memmap': board, 'board.flat.txt': capture('avr-arduino-uno', 'mtree') }).analysis), [
			'qemu.capture board.memmap:0: The QEMU capture board.flat.txt beside this board is not `info mtree -f` text, so the board is not compared with it: line 1: expected `info mtree -f` text, found `info mtree` tree text.',
		]);
		const broken = 'space memory = system\ncontainer system size 4K {\n  ram r at 0 size\n}\n';
		const result = analyzeWith({ 'board.memmap': broken, 'board.flat.txt': flat([]) }).analysis;
		assert.ok(result.diagnostics.some((d) => d.severity === 'error'));
		assert.deepStrictEqual(qemuDiagnostics(result), []);
	});

	test('the analysis keeps the capture for hovers, also when the board has errors', () => {
		const capture = flat(['0000000000001000-00000000000010ff (prio 0, i/o): uart']);
		const broken = 'space memory = system\ncontainer system size 4K {\n  ram r at 0 size\n}\n';
		for (const board of [broken, 'space memory = system\ncontainer system size 16E\n']) {
			const kept = analyzeWith({ 'board.memmap': board, 'board.flat.txt': capture }).analysis.capture;
			assert.ok(kept);
			assert.strictEqual(qemuOwnerLine(kept, 'memory', 0x1010n), "QEMU (board.flat.txt, line 4): 'uart' (prio 0, i/o, offset 0x10)");
			assert.strictEqual(qemuOwnerLine(kept, 'memory', 0x2000n), 'QEMU (board.flat.txt): a hole');
			assert.strictEqual(qemuOwnerLine(kept, 'I/O', 0n), undefined);
		}
		const unreadable = analyzeWith({ 'board.memmap': broken, 'board.flat.txt': 'not a capture' }).analysis;
		assert.strictEqual(unreadable.capture, undefined);
		// An unreadable board is an error (an empty document): nothing is compared.
		const missing = analyzeWith({ 'board.flat.txt': capture }).analysis;
		assert.deepStrictEqual(missing.diagnostics.map((d) => d.code), ['include.not-found']);
	});
});

suite('qemu: a capture whose address-space names repeat', () => {
	// QEMU lets names repeat (six `tz-ppc-port[1]` on `mps2-an505`): each space of
	// the board is compared with the capture's space of its name and root.
	const board = [
		'space port = timer',
		'space port = uart',
		'io timer size 4K',
		'io uart size 4K',
		'',
	].join('\n');
	const captureText = [
		'FlatView #0',
		' AS "port", root: uart',
		' Root memory region: uart',
		'  0000000000000000-0000000000000fff (prio 0, i/o): uart',
		'',
		'FlatView #1',
		' AS "port", root: timer',
		' Root memory region: timer',
		'  0000000000000000-0000000000000fff (prio 0, i/o): timer',
		'',
	].join('\n');

	test('when content cannot tell them apart, the root does', () => {
		const empty = board.replace('io timer size 4K\nio uart size 4K', 'container timer size 4K\ncontainer uart size 4K');
		const { analysis } = analyzeWith({ 'board.memmap': empty, 'board.flat.txt': captureText });
		const messages = analysis.diagnostics.filter((d) => d.code === 'qemu.mismatch').map((d) => d.message);
		assert.deepStrictEqual(messages, [
			"In space 'port', [0x0, 0x1000) is a hole in this board but 'timer' (prio 0, i/o) in QEMU (board.flat.txt, line 9).",
			"In space 'port', [0x0, 0x1000) is a hole in this board but 'uart' (prio 0, i/o) in QEMU (board.flat.txt, line 4).",
		]);
	});

	test('no mismatch, and each space shows its own QEMU owner', () => {
		const { analysis } = analyzeWith({ 'board.memmap': board, 'board.flat.txt': captureText });
		assert.deepStrictEqual(qemuDiagnostics(analysis), []);
		const capture = analysis.capture;
		assert.ok(capture);
		assert.deepStrictEqual(
			analysis.views.map((view) => qemuOwnerLine(capture, view, 0x10n)),
			["QEMU (board.flat.txt, line 9): 'timer' (prio 0, i/o, offset 0x10)", "QEMU (board.flat.txt, line 4): 'uart' (prio 0, i/o, offset 0x10)"],
		);
	});
});
