import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { formatEdits } from '../../core/src/syntax/formatEdits';
import { format } from '../../core/src/syntax/format';
import { applyReplacements as apply } from '../../core/src/syntax/formatRange';
import { unifiedDiff } from '../../cli/src/render/unifiedDiff';
import { validFile } from '../unit/core/syntax/memmapArbitrary';

/**
 * Applies a unified diff to `text` the way `patch` does, checking every context and
 * removed line against the text (so a wrong line number or a wrong line fails).
 */
function patched(text: string, diff: string): string {
	const lines = text.length === 0 ? [] : text.replace(/\n$/, '').split('\n');
	const out: string[] = [];
	let next = 0;
	const body = diff.split('\n').slice(2, -1);
	for (let i = 0; i < body.length; ) {
		const header = /^@@ -(\d+),(\d+) \+(\d+),(\d+) @@$/.exec(body[i] ?? '');
		assert.ok(header, `a hunk header: ${body[i]}`);
		const [oldStart, oldCount, newStart, newCount] = header.slice(1).map(Number) as [number, number, number, number];
		const from = oldCount === 0 ? oldStart : oldStart - 1;
		out.push(...lines.slice(next, from));
		assert.equal(newCount === 0 ? newStart : newStart - 1, out.length, 'the new start is where the new text is');
		next = from;
		for (i++; i < body.length && !(body[i] ?? '').startsWith('@@'); i++) {
			const line = body[i] ?? '';
			if (line.startsWith('\\')) {
				continue;
			}
			if (line.startsWith(' ') || line.startsWith('-')) {
				assert.equal(lines[next], line.slice(1), `line ${next + 1} as the diff says`);
				next++;
			}
			if (line.startsWith(' ') || line.startsWith('+')) {
				out.push(line.slice(1));
			}
		}
	}
	out.push(...lines.slice(next));
	return out.length === 0 ? '' : out.join('\n') + '\n';
}

suite('cli: unified diffs of formatting edits', () => {
	test('changes far apart are separate hunks with three lines of context; near ones share one', () => {
		const lines = Array.from({ length: 20 }, (_, i) => `ram r${i + 10} size 4K`);
		lines[2] = 'ram  r12 size 4K';
		lines[15] = 'ram  r25 size 4K';
		lines[17] = 'ram  r27 size 4K';
		const text = lines.join('\n') + '\n';
		const diff = unifiedDiff(text, formatEdits(text) ?? [], 'b.memmap');
		assert.deepEqual(
			diff.split('\n').filter((l) => l.startsWith('@@') || l.startsWith('---') || l.startsWith('+++')),
			['--- b.memmap', '+++ b.memmap', '@@ -1,6 +1,6 @@', '@@ -13,8 +13,8 @@'],
		);
		assert.equal(patched(text, diff), format(text));
	});

	test('changes on neighbouring lines are one block, removals before additions, as diff -u prints them', () => {
		const text = 'ram a size 1\nram  b size 1\nram  c size 1\nram d size 1\n';
		assert.equal(
			unifiedDiff(text, formatEdits(text) ?? [], 'b.memmap'),
			'--- b.memmap\n+++ b.memmap\n@@ -1,4 +1,4 @@\n ram a size 1\n-ram  b size 1\n-ram  c size 1\n+ram b size 1\n+ram c size 1\n ram d size 1\n',
		);
	});

	test('a text that formats to nothing, and one without a final line break', () => {
		assert.equal(unifiedDiff('  \n \n', formatEdits('  \n \n') ?? [], 'e.memmap'), '--- e.memmap\n+++ e.memmap\n@@ -1,2 +0,0 @@\n-  \n- \n');
		const text = 'ram a  size 1';
		assert.equal(
			unifiedDiff(text, formatEdits(text) ?? [], 'n.memmap'),
			'--- n.memmap\n+++ n.memmap\n@@ -1,1 +1,1 @@\n-ram a  size 1\n\\ No newline at end of file\n+ram a size 1\n',
		);
		assert.equal(unifiedDiff(text, [], 'n.memmap'), '');
	});

	test('a CRLF file: its lines keep their \\r in the diff, and only the changed line is in it', () => {
		const lines = Array.from({ length: 9 }, (_, i) => `ram r${i + 10} size 4K`);
		lines[4] = 'ram  r14 size 4K';
		const text = lines.join('\r\n') + '\r\n';
		const edits = formatEdits(text) ?? [];
		const diff = unifiedDiff(text, edits, 'w.memmap');
		assert.deepEqual(diff.split('\n').slice(2, -1), [
			'@@ -2,7 +2,7 @@',
			...[11, 12, 13].map((n) => ` ram r${n} size 4K\r`),
			'-ram  r14 size 4K\r',
			'+ram r14 size 4K\r',
			...[15, 16, 17].map((n) => ` ram r${n} size 4K\r`),
		]);
		assert.equal(patched(text, diff), apply(text, edits));
	});

	test('a lone CR ends no line for patch: such a file is one line, with no final line break', () => {
		const text = 'ram a  size 1\rram b size 2\r';
		const edits = formatEdits(text) ?? [];
		assert.equal(
			unifiedDiff(text, edits, 'l.memmap'),
			'--- l.memmap\n+++ l.memmap\n@@ -1,1 +1,2 @@\n-ram a  size 1\rram b size 2\r\n\\ No newline at end of file\n+ram a size 1\n+ram b size 2\n',
		);
		assert.equal(apply(text, edits), 'ram a size 1\nram b size 2\n');
	});

	test('applied as patch applies it, the diff of any file gives the formatting edits\' result, CRLF too (property)', () => {
		fc.assert(
			fc.property(validFile, fc.boolean(), (lf, crlf) => {
				const text = crlf ? lf.replace(/\r?\n/g, '\r\n') : lf;
				const edits = formatEdits(text) ?? [];
				const diff = unifiedDiff(text, edits, 'f.memmap');
				const result = apply(text, edits);
				assert.equal(diff === '', result === text);
				if (!crlf) {
					assert.equal(result, format(text));
				}
				if (text.endsWith('\n') || text === '') {
					assert.equal(patched(text, diff), result);
				}
			}),
			{ numRuns: 300 },
		);
	});
});
