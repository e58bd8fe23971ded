/**
 * Captures made through `-monitor stdio` carry the monitor's banner and prompt lines
 * around the output; the QEMU parsers skip them, so such a file imports, compares and
 * normalises exactly like the bare output.
 */
import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { flatSpacesOfText, importMtree, isMonitorChatter, normalizeFlat, normalizeMtree } from '../../core/src/index';
import { memmap } from '../cli/run';
import { capture } from './qemuFixtures';

const banner = "QEMU 7.2.0 monitor - type 'help' for more information";

function asCaptured(output: string, command: string): string {
	return `${banner}\n(qemu) ${command}\n${output}(qemu) \n`;
}

suite('qemu: captures with the monitor banner and prompts', () => {
	test('which lines are chatter', () => {
		assert.ok(isMonitorChatter(banner));
		assert.ok(isMonitorChatter('(qemu) info mtree -f'));
		assert.ok(isMonitorChatter('(qemu)'));
		assert.ok(!isMonitorChatter('FlatView #0'));
		assert.ok(!isMonitorChatter('  0000000000000000-0000000000000fff (prio 0, ram): (qemu)'));
		assert.ok(!isMonitorChatter('(qemu)x'));
	});

	test('a captured -f text gives the same spaces, and normalises to the bare text', () => {
		const flat = capture('x86_64-pc', 'flat');
		const captured = flatSpacesOfText(asCaptured(flat, 'info mtree -f'));
		assert.deepStrictEqual(captured.errors, []);
		const bare = flatSpacesOfText(flat).spaces;
		assert.deepStrictEqual(
			captured.spaces.map((s) => [s.name, s.ranges.map((r) => [r.start, r.end, r.owner])]),
			bare.map((s) => [s.name, s.ranges.map((r) => [r.start, r.end, r.owner])]),
		);
		assert.strictEqual(normalizeFlat(asCaptured(flat, 'info mtree -f')), normalizeFlat(flat));
	});

	test('captured tree and -f texts import as the bare ones, and verify', () => {
		const tree = capture('arm-stm32vldiscovery', 'mtreeD');
		const flat = capture('arm-stm32vldiscovery', 'flat');
		const bare = importMtree(tree, flat);
		const captured = importMtree(asCaptured(tree, 'info mtree -D'), asCaptured(flat, 'info mtree -f'));
		assert.deepStrictEqual(captured.errors, []);
		assert.strictEqual(captured.text, bare.text);
		assert.match(captured.text, /^\/\/ Verified: /m);
		assert.strictEqual(normalizeMtree(asCaptured(tree, 'info mtree -D')), normalizeMtree(tree));
	});

	test('memmap diff recognises a captured -f text', () => {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'memmap-chatter-'));
		try {
			const file = path.join(dir, 'pc.flat.txt');
			fs.writeFileSync(file, asCaptured(capture('x86_64-pc', 'flat'), 'info mtree -f'));
			const result = memmap(['diff', 'samples/pc-x86.memmap', file, '--space', 'memory']);
			assert.strictEqual(result.status, 0, result.stdout + result.stderr);
		} finally {
			fs.rmSync(dir, { recursive: true, force: true });
		}
	});
});
