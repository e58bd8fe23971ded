/**
 * The importer on synthetic QEMU output for what the captured 7.2 machines lack: a map is
 * written in the language, printed with the QEMU printers, imported, and printed again;
 * both prints must agree, and the imported text must analyse without errors.
 */
import * as assert from 'node:assert';
import { analyzeText, normalizeFlat, normalizeMtree, printFlatViews, printMtree } from '../../core/src/index';
import { joinLines } from '../util/golden';
import { analysisErrors, importAndAnalyze, importErrors, type Imported } from './qemuFixtures';

/** The imported text with aligned columns squeezed to one space and the header unwrapped. */
function squeeze(text: string): string {
	return text.replace(/ +/g, ' ').replace(/\n\/\/ (?!Kinds|Overlaps|Regions|Readonly|Plain|Verified|Not|Check)/g, ' ');
}

/** Prints `source` as QEMU would, imports that, and checks the round trip. */
function roundTrip(source: string, showDisabled = true): Imported {
	const original = analyzeText(source);
	assert.deepStrictEqual(analysisErrors(original), [], 'the source map itself is clean');
	const tree = printMtree(original, { showDisabled });
	const flat = printFlatViews(original);
	const imported = importAndAnalyze(tree, flat);
	assert.deepStrictEqual(importErrors(imported.errors), []);
	assert.deepStrictEqual(analysisErrors(imported.analysis), [], imported.text);
	assert.strictEqual(normalizeMtree(printMtree(imported.analysis, { showDisabled })), normalizeMtree(tree));
	assert.strictEqual(normalizeFlat(printFlatViews(imported.analysis)), normalizeFlat(flat));
	return { ...imported, text: squeeze(imported.text) };
}

const board = joinLines(
	'space cpu-secure-memory-0 = secure',
	'space memory = system',
	'space cpu-memory-0 = system',
	'space "I/O" = "io"',
	'container secure size 16E {',
	'  romd flash at 0 size 64M',
	'  map system at 0 priority -1',
	'  io pic at 0x9040000 size 4K',
	'}',
	'container system size 16E {',
	'  io pic at 0x1000 size 16',
	'  io pic at 0x2000 size 16',
	'  container "bus master container" at 0x10000 size 64K {',
	'    io pic at 0 size 16',
	'  }',
	'  ram nv at 0x100000 size 4K nonvolatile',
	'  ramd dev at 0x200000 size 4K',
	'  alias a2 at 0x300000 size 4K of a1',
	'  alias pam at 0x400000 size 16K of ram0 offset 0x4000 readonly priority 1',
	'  alias "odd \\"name\\"" at 0x500000 size 16 of system/pic#2',
	'  alias tseg at 0x600000 size 0 of ram0 offset 1M',
	'}',
	'io "io" size 64K {',
	'  io pic at 0x20 size 2',
	'  io pic at 0xa0 size 2',
	'  io "map" at 0xb0 size 2',
	'}',
	'alias a1 size 4K of ram0 offset 0x1000',
	'ram ram0 size 1M',
);

suite('qemu import: synthetic output', () => {
	test('duplicate names, a root mapped elsewhere, nv-, ramd, alias of alias, zero size, readonly path', () => {
		const { text } = roundTrip(board);
		assert.match(text, /^space memory = system$/m);
		assert.match(text, /^\tmap system at 0 priority -1$/m);
		assert.match(text, /^\talias pam at 0x400000 size 16K priority 1 of ram0 offset 0x4000 readonly$/m);
		assert.match(text, /^\tram nv at 0x100000 size 4K nonvolatile$/m);
		assert.match(text, /^\tramd dev at 0x200000 size 4K$/m);
		assert.match(text, /^\talias tseg at 0x600000 size 0 of ram0 offset 0x100000$/m);
		// The alias target is defined at top level (where two regions are named `pic`).
		assert.match(text, /^\tmap pic#1 at 0x2000$/m);
		assert.match(text, / of pic#1$/m);
		assert.match(text, /^\tio "map" at 0xb0 size 2$/m);
		assert.match(text, /^\talias "odd \\"name\\"" /m);
	});

	test('plain info mtree: hidden disabled parents become disabled placeholders', () => {
		const source = joinLines(
			'space memory = sys',
			'container sys size 64K {',
			'  container off at 0x1000 size 4K disabled {',
			'    container deeper at 0 size 4K disabled {',
			'      io inner at 0x10 size 16',
			'    }',
			'  }',
			'  io on at 0x2000 size 16',
			'}',
		);
		const { text } = roundTrip(source, false);
		assert.match(text, /Not printed by plain `info mtree`/);
		assert.match(text, /container "\(hidden\)" at 0 size 64K disabled/);
	});

	test('without -f a leaf i/o region is io, one with subregions or a space root a container, and the header says so', () => {
		const imported = importAndAnalyze(printMtree(analyzeText(board)));
		assert.deepStrictEqual(analysisErrors(imported.analysis), []);
		assert.match(squeeze(imported.text), /without `info mtree -f` text \(--flat\) one with subregions is imported as a `container` and one without as `io`/);
		assert.match(imported.text, /^\tio +pic +at 0x1000 +size 16$/m);
		assert.match(imported.text, /^\tcontainer +"bus master container" +at 0x10000 +size 64K \{$/m);
		assert.match(imported.text, /^container "io" size 64K \{$/m);
		const emptyBus = importAndAnalyze(printMtree(analyzeText(joinLines('space bus = "bus master container"', 'container "bus master container" size 4G'))));
		assert.match(emptyBus.text, /^container "bus master container" size 4G$/m);
		assert.deepStrictEqual(emptyBus.analysis.views[0]?.view.ranges, [], 'an empty bus renders nothing, as QEMU shows it');
	});

	test('a container and an I/O region of the same name get their own kinds', () => {
		const source = joinLines(
			'space memory = system',
			'space "I/O" = "io"',
			'container system size 16E {',
			'  container pci at 0 size 16E priority -1 {',
			'    rom bios at 0x1000 size 4K',
			'  }',
			'}',
			'io "io" size 64K {',
			'  io pci at 0xcf8 size 8',
			'}',
		);
		const { text } = roundTrip(source);
		assert.match(text, /^\tcontainer pci at 0 size 16E priority -1 \{$/m);
		assert.match(text, /^\tio pci at 0xcf8 size 8$/m);
	});

	test('a pasted monitor prompt is skipped, and a KVM accelerator suffix is read', () => {
		const original = analyzeText(board);
		const tree = '(qemu) info mtree -D\n' + printMtree(original);
		const flat = printFlatViews(original);
		const kvm = flat.replace(/^( {2}[0-9a-f]{16}-.*)$/gm, '$1 kvm');
		const imported = importAndAnalyze(tree, kvm);
		assert.deepStrictEqual(importErrors(imported.errors), []);
		assert.strictEqual(normalizeFlat(printFlatViews(imported.analysis)), normalizeFlat(flat));
	});

	test('an unmapped region printed away from 0 is named in the header', () => {
		const tree = joinLines(
			'address-space: memory',
			'  0000000000000000-ffffffffffffffff (prio 0, i/o): system',
			'    0000000000000000-0000000000000fff (prio 0, ram): alias a @r 0000000000000000-0000000000000fff',
			'',
			'memory-region: r',
			'  0000000000001000-0000000000001fff (prio 0, ram): r',
		);
		const imported = importAndAnalyze(tree);
		assert.deepStrictEqual(analysisErrors(imported.analysis), []);
		assert.match(squeeze(imported.text), /Not expressible: QEMU prints r at 0x1000 with priority 0/);
		assert.match(squeeze(imported.text), /Not exact: its plain `info mtree` print \(no disabled lines\) differs from the input, first at "0000000000001000-0000000000001fff/);
	});

	test('an overflowing region imports, and the header says the file has an error', () => {
		const tree = joinLines(
			'address-space: memory',
			'  0000000000000000-ffffffffffffffff (prio 0, i/o): system',
			'[DETECTED OVERFLOW!]     fffffffffffff000-0000000000000fff (prio 0, ram): big',
		);
		const imported = importAndAnalyze(tree);
		assert.deepStrictEqual(importErrors(imported.errors), []);
		assert.deepStrictEqual(analysisErrors(imported.analysis).map((error) => error.split(':')[0]), ['address.overflow']);
		assert.match(squeeze(imported.text), /Check: this file has 1 error/);
		assert.strictEqual(printMtree(imported.analysis), tree + '\n');
	});

	test('the header explains kinds and overlaps', () => {
		const { text } = roundTrip(board);
		assert.match(text, /^\/\/ Kinds: QEMU prints pure containers and I\/O regions both as `i\/o`/m);
		assert.match(text, /^\/\/ Overlaps: QEMU no longer records whether an overlap was intended/m);
		assert.match(text, /^\/\/ Verified: (`memmap tree --format qemu`|its plain `info mtree` print \(no disabled lines\)) reproduces the `info mtree(?: -D)?` text, and `memmap flat --format qemu` reproduces the `info mtree -f` text/m);
	});
});

suite('qemu import: address-space names that repeat', () => {
	// QEMU lets names repeat (`mps2-an505` has six `tz-ppc-port[1]`): each space's
	// flat block is the one of its name and root, not the first of its name.
	test('spaces keep the flat text\'s order inside a shared block, found by name and root', () => {
		const tree = [
			'address-space: x',
			'  0000000000000000-000000000000ffff (prio 0, i/o): other',
			'    0000000000000000-0000000000000fff (prio 0, ram): r',
			'',
			'address-space: memory',
			'address-space: x',
			'  0000000000000000-000000000000ffff (prio 0, i/o): sys',
			'    0000000000000000-0000000000000fff (prio 0, ram): s1',
			'    0000000000002000-0000000000002fff (prio 0, ram): s2',
			'',
		].join('\n');
		// The block of `x` rooted at `other` comes first: a name-only lookup would rank the
		// other `x` before `memory`, which QEMU created first.
		const flat = [
			'FlatView #0',
			' AS "x", root: other',
			' Root memory region: r',
			'  0000000000000000-0000000000000fff (prio 0, ram): r',
			'',
			'FlatView #1',
			' AS "memory", root: sys',
			' AS "x", root: sys',
			' Root memory region: sys',
			'  0000000000000000-0000000000000fff (prio 0, ram): s1',
			'  0000000000002000-0000000000002fff (prio 0, ram): s2',
			'',
		].join('\n');
		const imported = importAndAnalyze(tree, flat);
		assert.deepStrictEqual(importErrors(imported.errors), []);
		assert.strictEqual(normalizeFlat(printFlatViews(imported.analysis)), normalizeFlat(flat));
	});

	test('the readonly path of the second space named x is found in its own block', () => {
		const tree = [
			'address-space: x',
			'  0000000000000000-000000000000ffff (prio 0, i/o): a',
			'    0000000000000000-0000000000000fff (prio 0, ram): r1',
			'',
			'address-space: x',
			'  0000000000000000-000000000000ffff (prio 0, i/o): b',
			'    0000000000001000-0000000000001fff (prio 0, ram): alias w @r2 0000000000000000-0000000000000fff',
			'',
			'memory-region: r2',
			'  0000000000000000-0000000000000fff (prio 0, ram): r2',
			'',
		].join('\n');
		const flat = [
			'FlatView #0',
			' AS "x", root: a',
			' Root memory region: r1',
			'  0000000000000000-0000000000000fff (prio 0, ram): r1',
			'',
			'FlatView #1',
			' AS "x", root: b',
			' Root memory region: b',
			'  0000000000001000-0000000000001fff (prio 0, rom): r2',
			'',
		].join('\n');
		const imported = importAndAnalyze(tree, flat);
		assert.deepStrictEqual(importErrors(imported.errors), []);
		assert.match(imported.text, /^\s*alias w +at 0x1000 size 4K of r2 readonly$/m);
		assert.strictEqual(normalizeFlat(printFlatViews(imported.analysis)), normalizeFlat(flat));
	});
});

suite('qemu import: the flat text decides which overlapping sibling QEMU added last', () => {
	// powernv10's xscom-quad.0 and xscom-core.0: equal priority, overlapping, and QEMU
	// shows the lower one winning; in address order the higher one would.
	const tree = [
		'address-space: memory',
		'  0000000000000000-000000000000ffff (prio 0, i/o): bus',
		'    0000000000001000-0000000000002fff (prio 0, i/o): low',
		'    0000000000002000-0000000000003fff (prio 0, i/o): high',
		'',
	].join('\n');
	const flat = [
		'FlatView #0',
		' AS "memory", root: bus',
		' Root memory region: bus',
		'  0000000000001000-0000000000002fff (prio 0, i/o): low',
		'  0000000000003000-0000000000003fff (prio 0, i/o): high @0000000000001000',
		'',
	].join('\n');

	test('the winner is declared after its sibling, and the print matches QEMU', () => {
		const imported = importAndAnalyze(tree, flat);
		assert.deepStrictEqual(importErrors(imported.errors), []);
		assert.deepStrictEqual(analysisErrors(imported.analysis), []);
		assert.match(imported.text, /^\/\/ Order: low is declared after an overlapping sibling of the same priority/m);
		assert.match(imported.text, /^\tio high at 0x2000 size 8K overlap\n\tio low  at 0x1000 size 8K overlap$/m);
		assert.strictEqual(normalizeFlat(printFlatViews(imported.analysis)), normalizeFlat(flat));
		assert.strictEqual(normalizeMtree(printMtree(imported.analysis)), normalizeMtree(tree));
	});

	test('without the flat text, address order stands', () => {
		const imported = importAndAnalyze(tree);
		assert.doesNotMatch(imported.text, /^\/\/ Order:/m);
		assert.match(imported.text, /^\tio low  at 0x1000 size 8K overlap\n\tio high at 0x2000 size 8K overlap$/m);
	});
});
