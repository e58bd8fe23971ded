/**
 * Every machine of every architecture of QEMU 7.2 (test/fixtures/qemu-7.2-all, captured by
 * scripts/capture-qemu.mjs): `info mtree -D` with `info mtree -f` imports without input
 * errors into a board without errors, whose own prints reproduce both texts (the
 * importer's self-check says `Verified`), and which `memmap diff` finds the same; plain
 * `info mtree` imports without errors too; and `info mtree -o -D` with `info mtree -f -o`
 * imports as well as without the owner fields, each region documented with its owner.
 */
import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { diffFlatSpaces, flatSpacesOfAnalysis, flatSpacesOfText } from '../../core/src/index';
import { repoRoot } from '../util/golden';
import { analysisErrors, importAndAnalyze, importErrors } from './qemuFixtures';

interface Capture {
	readonly mtreeD: string;
	readonly mtree: string;
	readonly flat: string;
	/** `info mtree -o -D` and `info mtree -f -o`; missing where QEMU hangs printing owners. */
	readonly ownersD?: string;
	readonly flatOwners?: string;
}

const corpus = JSON.parse(zlib.gunzipSync(fs.readFileSync(path.join(repoRoot, 'test', 'fixtures', 'qemu-7.2-all', 'machines.json.gz'))).toString('utf8')) as Record<string, Capture>;

/** Verified: both texts reproduced (see the file comment). */
const verified = /Verified: .* reproduces the `info mtree( -D)?` text, and `memmap flat --format qemu` reproduces the `info mtree -f` text/;

/** The importer's header, as one line. */
function header(text: string): string {
	return text
		.split('\n')
		.filter((line) => line.startsWith('//'))
		.map((line) => line.slice(3))
		.join(' ');
}

suite('qemu 7.2: every machine of every architecture', () => {
	const machines = Object.keys(corpus);

	test('the corpus holds every architecture', () => {
		assert.ok(machines.length >= 480, `${machines.length} machines`);
		const architectures = new Set(machines.map((machine) => machine.split('-')[0]));
		assert.ok(architectures.size >= 25, [...architectures].join(' '));
	});

	for (const machine of machines) {
		test(machine, () => {
			const capture = corpus[machine] as Capture;
			const imported = importAndAnalyze(capture.mtreeD, capture.flat);
			assert.deepStrictEqual(importErrors(imported.errors), []);
			assert.deepStrictEqual(analysisErrors(imported.analysis), []);
			const said = header(imported.text);
			assert.doesNotMatch(said, /Not exact|Not checked|Check:/);
			assert.match(said, verified);
			// `memmap diff` and the capture check pair the spaces right, repeated names too.
			const diff = diffFlatSpaces(flatSpacesOfAnalysis(imported.analysis), flatSpacesOfText(capture.flat).spaces);
			assert.deepStrictEqual(diff.filter((space) => space.status !== 'same').map((space) => `${space.name}: ${space.status}`), []);
			const plain = importAndAnalyze(capture.mtree, capture.flat);
			assert.deepStrictEqual(importErrors(plain.errors), []);
			assert.deepStrictEqual(analysisErrors(plain.analysis), []);
			if (capture.ownersD !== undefined && capture.flatOwners !== undefined) {
				const owned = importAndAnalyze(capture.ownersD, capture.flatOwners);
				assert.deepStrictEqual(importErrors(owned.errors), []);
				assert.deepStrictEqual(analysisErrors(owned.analysis), []);
				assert.match(header(owned.text), verified);
				const undocumented = owned.analysis.tree.regions.filter((region) => !/^QEMU (owner:\{|parent:\{|orphan$)/.test(region.doc ?? ''));
				assert.deepStrictEqual(undocumented.map((region) => region.path), []);
			}
		});
	}

	test('the owner texts are there for all machines but the two where QEMU hangs printing them', () => {
		const without = machines.filter((machine) => corpus[machine]?.ownersD === undefined);
		assert.deepStrictEqual(without, ['mips64-magnum', 'mips64-pica61']);
	});
});
