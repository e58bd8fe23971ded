/**
 * Real QEMU 7.2 maps taken after the firmware placed the PCI BARs (test/fixtures/
 * qemu-7.2-live): each imports without errors, its own prints reproduce QEMU's texts,
 * and `memmap diff` finds the board and the capture the same.
 */
import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { diffFlatSpaces, explainOwner, flatSpacesOfAnalysis, flatSpacesOfText } from '../../core/src/index';
import { repoRoot } from '../util/golden';
import { analysisErrors, importAndAnalyze, importErrors } from './qemuFixtures';

const folder = path.join(repoRoot, 'test', 'fixtures', 'qemu-7.2-live');
const machines = fs
	.readdirSync(folder)
	.filter((file) => file.endsWith('.mtreeD.txt'))
	.map((file) => file.slice(0, -'.mtreeD.txt'.length));

function read(machine: string, kind: 'mtreeD' | 'flat'): string {
	return fs.readFileSync(path.join(folder, `${machine}.${kind}.txt`), 'utf8');
}

suite('qemu 7.2: machines after their firmware mapped the PCI devices', () => {
	test('the folder has the four captures', () => {
		assert.deepStrictEqual(machines.sort(), ['aarch64-virt-uefi', 'x86_64-pc-pci', 'x86_64-q35-pci', 'x86_64-q35-pcie']);
	});

	for (const machine of machines) {
		test(machine, () => {
			const flat = read(machine, 'flat');
			const imported = importAndAnalyze(read(machine, 'mtreeD'), flat);
			assert.deepStrictEqual(importErrors(imported.errors), []);
			assert.deepStrictEqual(analysisErrors(imported.analysis), []);
			assert.match(imported.text.replace(/\n\/\/ /g, ' '), /Verified: `memmap tree --format qemu` reproduces the `info mtree -D` text, and `memmap flat --format qemu` reproduces the `info mtree -f` text/);
			const diff = diffFlatSpaces(flatSpacesOfAnalysis(imported.analysis), flatSpacesOfText(flat).spaces);
			assert.deepStrictEqual(diff.filter((space) => space.status !== 'same').map((space) => space.name), []);
		});
	}

	test('the e1000 BAR SeaBIOS placed on the PC is explained through the PCI window', () => {
		const imported = importAndAnalyze(read('x86_64-pc-pci', 'mtreeD'), read('x86_64-pc-pci', 'flat'));
		const memory = imported.analysis.views.find((view) => view.space.name === 'memory');
		assert.ok(memory);
		const lines = explainOwner(imported.analysis.tree, memory.view, 0xfebc0010n, 'memory').lines;
		assert.strictEqual(lines[0], "0xfebc0010 in space 'memory' is owned by 'e1000-mmio' (io, pci/e1000-mmio) at offset 0x10");
	});
});
