/**
 * The QEMU samples are the importer's output for the captured machines, so they change
 * only with the importer (regenerate: memmap import-mtree NAME.mtreeD.txt --flat
 * NAME.flat.txt -o samples/qemu-NAME.memmap, run in test/fixtures/qemu-7.2).
 */
import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { importMtree } from '../../core/src/index';
import { repoRoot } from '../util/golden';
import { capture } from './qemuFixtures';

suite('qemu samples', () => {
	for (const machine of ['x86_64-pc', 'aarch64-virt']) {
		test(`samples/qemu-${machine}.memmap is the import of ${machine}`, () => {
			const sample = fs.readFileSync(path.join(repoRoot, 'samples', `qemu-${machine}.memmap`), 'utf8');
			const imported = importMtree(capture(machine, 'mtreeD'), capture(machine, 'flat'), { source: `${machine}.mtreeD.txt` });
			assert.strictEqual(imported.text, sample);
		});
	}
});
