/**
 * Real QEMU output with the `info mtree` options that add to each line or block: `-o`
 * (owner fields) and `-d` (dispatch trees), from test/fixtures/qemu-7.2-options. The
 * importer keeps owners as `///` documentation and otherwise imports exactly what it
 * imports without them; the flat reader and `memmap diff` read past both.
 */
import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { importMtree, normalizeFlat, normalizeMtree } from '../../core/src/index';
import { parseFlat } from '../../core/src/qemu/parseFlat';
import { parseTree } from '../../core/src/qemu/parseTree';
import type { FlatBlock, MtreeNode } from '../../core/src/qemu/mtreeModel';
import { repoRoot } from '../util/golden';
import { analysisErrors, capture, importAndAnalyze, importErrors } from './qemuFixtures';

const optionFixtures = path.join(repoRoot, 'test', 'fixtures', 'qemu-7.2-options');

function option(machine: string, file: string): string {
	return fs.readFileSync(path.join(optionFixtures, `${machine}.${file}.txt`), 'utf8');
}

/** The plain `-D` and `-f` texts of the same machine (see the fixture README). */
function plain(machine: string, kind: 'mtreeD' | 'flat'): string {
	const own = path.join(optionFixtures, `${machine}.${kind}.txt`);
	return fs.existsSync(own) ? fs.readFileSync(own, 'utf8') : capture(machine, kind);
}

/** Owner fields cut off by a rule of this test's own: everything from ` owner:{` or ` parent:{`. */
function cutOwners(text: string): string {
	return text.replace(/ (owner|parent):\{.*$/gm, '');
}

/** An import's body: the text after its header comment, without the owner lines. */
function body(text: string): string {
	const lines = text.split('\n');
	const start = lines.findIndex((line) => !line.startsWith('//'));
	return lines
		.slice(start)
		.filter((line) => !/^\s*\/\/\/ QEMU /.test(line))
		.join('\n');
}

/** The flat blocks without line numbers, sorted (QEMU's block order varies between runs). */
function flatShape(blocks: readonly FlatBlock[]): string[] {
	return blocks
		.map((block) => JSON.stringify({
			spaces: block.spaces.map((space) => [space.name, space.root, space.aliasTarget ?? null]),
			root: block.root ?? null,
			ranges: block.ranges.map((range) => [range.start.toString(16), range.end.toString(16), range.priority, range.type, range.nonvolatile, range.name, range.offset.toString(16)]),
		}))
		.sort();
}

function treeLines(node: MtreeNode | undefined, out: { name: string; owner: string | undefined }[] = []): { name: string; owner: string | undefined }[] {
	if (node?.line) {
		out.push({ name: node.line.name, owner: node.line.owner });
	}
	for (const child of node?.children ?? []) {
		treeLines(child, out);
	}
	return out;
}

const machines = ['x86_64-pc', 'aarch64-virt', 'x86_64-pc-testdev'];

suite('qemu 7.2: info mtree -o (owner fields)', () => {
	for (const machine of machines) {
		suite(machine, () => {
			const owned = importAndAnalyze(option(machine, 'mtree-o-D'), option(machine, 'flat-o'));

			test('imports without errors, and the print back is verified', () => {
				assert.deepStrictEqual(importErrors(owned.errors), []);
				assert.deepStrictEqual(analysisErrors(owned.analysis), []);
				assert.match(owned.text, /^\/\/ Imported from QEMU `info mtree -o -D` and `info mtree -f` output/);
				assert.match(owned.text.replace(/\n\/\/ /g, ' '), /Verified: `memmap tree --format qemu` reproduces the `info mtree -D` text, and `memmap flat --format qemu` reproduces the `info mtree -f` text/);
			});
			test('the same board as the import of the text with the owner fields cut off', () => {
				const cut = importMtree(cutOwners(option(machine, 'mtree-o-D')), cutOwners(option(machine, 'flat-o')));
				assert.deepStrictEqual(importErrors(cut.errors), []);
				assert.doesNotMatch(cut.text, /\/\/\/ QEMU|Owners:/);
				assert.strictEqual(body(owned.text), body(cut.text));
			});
			test('every region QEMU printed documents its owner field', () => {
				const regions = owned.analysis.tree.regions;
				assert.ok(regions.length > 10);
				for (const region of regions) {
					assert.match(region.doc ?? '', /^QEMU (owner|parent):\{(dev|obj) (id|path|type)=[^{}]+\}( parent:\{.*\})?$/, region.path);
				}
			});
			test('-o -D and -D print the same tree apart from the owners', () => {
				assert.strictEqual(normalizeMtree(option(machine, 'mtree-o-D')), normalizeMtree(plain(machine, 'mtreeD')));
				const owners = parseTree(option(machine, 'mtree-o-D'));
				assert.deepStrictEqual(owners.errors, []);
				const lines = owners.groups.flatMap((group) => treeLines(group.root));
				assert.ok(lines.length > 10);
				assert.deepStrictEqual(lines.filter((line) => line.owner === undefined || /owner:|parent:|\}$/.test(line.name)), []);
			});
			test('plain -o imports like plain info mtree', () => {
				const imported = importAndAnalyze(option(machine, 'mtree-o'), option(machine, 'flat-o'));
				assert.deepStrictEqual(importErrors(imported.errors), []);
				assert.deepStrictEqual(analysisErrors(imported.analysis), []);
				assert.strictEqual(body(imported.text), body(importMtree(cutOwners(option(machine, 'mtree-o')), cutOwners(option(machine, 'flat-o'))).text));
			});
		});
	}

	test('a device with an id: owner:{dev id=...}', () => {
		const imported = importAndAnalyze(option('x86_64-pc-testdev', 'mtree-o-D'), option('x86_64-pc-testdev', 'flat-o'));
		const owned = imported.analysis.tree.regions.filter((region) => region.doc === 'QEMU owner:{dev id=td0}');
		assert.deepStrictEqual(owned.map((region) => region.name).sort(), ['bus master', 'bus master container']);
	});

	test('the ioapic of the pc is owned by the i440fx ioapic device', () => {
		const imported = importAndAnalyze(option('x86_64-pc', 'mtree-o-D'));
		const ioapic = imported.analysis.tree.regions.find((region) => region.name === 'ioapic');
		assert.strictEqual(ioapic?.doc, 'QEMU owner:{dev path=/machine/i440fx/ioapic}');
	});
});

suite('qemu 7.2: info mtree -f -o and -f -d', () => {
	for (const machine of machines) {
		for (const file of ['flat-o', 'flat-d', 'flat-d-o']) {
			test(`${machine}.${file}: the ranges of plain -f`, () => {
				const parsed = parseFlat(option(machine, file));
				assert.deepStrictEqual(parsed.errors, []);
				const reference = parseFlat(plain(machine, 'flat'));
				assert.deepStrictEqual(flatShape(parsed.blocks), flatShape(reference.blocks));
				assert.strictEqual(normalizeFlat(option(machine, file)), normalizeFlat(plain(machine, 'flat')));
			});
		}
	}
});

suite('qemu: owner fields and dispatch trees, bad input', () => {
	const tree = [
		'address-space: memory',
		'  0000000000000000-ffffffffffffffff (prio 0, i/o): system parent:{obj path=/machine/unattached}',
		'    0000000000001000-0000000000001fff (prio 0, ram): "odd {name}" orphan',
		'    0000000000002000-0000000000002fff (prio 0, i/o): dev owner:{obj type=my-device}',
		'    0000000000003000-0000000000003fff (prio 0, i/o): both owner:{dev id=d0} parent:{obj path=/machine/peripheral}',
		'    0000000000004000-0000000000004fff (prio 0, ram): alias win @system 0000000000000000-0000000000000fff [disabled] owner:{dev id=d0}',
		'',
	];

	test('every form QEMU prints: orphan, type=, owner and parent, after [disabled]', () => {
		const parsed = parseTree(tree.join('\n'));
		assert.deepStrictEqual(parsed.errors, []);
		const root = parsed.groups[0]?.root;
		const lines = [root, ...(root?.children ?? [])].map((node) => node?.line);
		assert.deepStrictEqual(
			lines.map((line) => [line?.name, line?.owner, line?.disabled]),
			[
				['system', 'parent:{obj path=/machine/unattached}', false],
				['"odd {name}"', 'orphan', false],
				['dev', 'owner:{obj type=my-device}', false],
				['both', 'owner:{dev id=d0} parent:{obj path=/machine/peripheral}', false],
				['win', 'owner:{dev id=d0}', true],
			],
		);
		assert.strictEqual(lines[4]?.alias?.target, 'system');
	});

	test('owners tell apart two prints that are otherwise the same', () => {
		// Two `ram`s of one size at offset 0 of their containers: without owners, the alias
		// target's `memory-region:` block fits both, and the first is taken; its owner says b's.
		const text = [
			'address-space: memory',
			'  0000000000000000-ffffffffffffffff (prio 0, i/o): system parent:{obj path=/machine/unattached}',
			'    0000000000000000-0000000000000fff (prio 0, i/o): a owner:{dev path=/machine/a}',
			'      0000000000000000-0000000000000fff (prio 0, ram): ram owner:{dev path=/machine/a}',
			'    0000000000001000-0000000000001fff (prio 0, i/o): b owner:{dev path=/machine/b}',
			'      0000000000001000-0000000000001fff (prio 0, ram): ram owner:{dev path=/machine/b}',
			'    0000000000010000-0000000000010fff (prio 0, ram): alias win @ram 0000000000000000-0000000000000fff owner:{dev path=/machine/c}',
			'',
			'memory-region: ram',
			'  0000000000000000-0000000000000fff (prio 0, ram): ram owner:{dev path=/machine/b}',
			'',
		].join('\n');
		const targetOf = (tree: string): string | undefined => {
			const imported = importAndAnalyze(tree);
			assert.deepStrictEqual(importErrors(imported.errors), []);
			const regions = imported.analysis.tree.regions;
			const win = regions.find((region) => region.name === 'win');
			const target = win?.alias?.target === undefined ? undefined : regions[win.alias.target];
			const placed = target?.parent === undefined ? undefined : regions[target.parent];
			return placed?.name;
		};
		assert.strictEqual(targetOf(text), 'b');
		assert.strictEqual(targetOf(cutOwners(text)), 'a');
	});

	test('-o -D output is -D output: an indentation jump is an error, not a hidden parent', () => {
		const jump = [...tree];
		jump[3] = '        0000000000002000-0000000000002fff (prio 0, i/o): dev owner:{obj type=my-device}';
		const parsed = parseTree(jump.join('\n'));
		assert.deepStrictEqual(parsed.errors.map((error) => error.line), [4]);
		assert.match(parsed.errors[0]?.message ?? '', /expected an indentation of at most 6 spaces/);
	});

	test('-o output with a line missing its owner field: located error', () => {
		const broken = [...tree];
		broken[3] = '    0000000000002000-0000000000002fff (prio 0, i/o): dev';
		const parsed = parseTree(broken.join('\n'));
		assert.deepStrictEqual(parsed.errors.map((error) => [error.line, error.column]), [[4, broken[3].length + 1]]);
		assert.match(parsed.errors[0]?.message ?? '', /expected an owner field .* as the first region line of this `info mtree -o` output has/);
	});

	test('an owner field on one line of plain output: located error, not a name', () => {
		const text = [
			'address-space: memory',
			'  0000000000000000-ffffffffffffffff (prio 0, i/o): system',
			'    0000000000001000-0000000000001fff (prio 0, ram): ram owner:{dev id=d0}',
			'',
		].join('\n');
		const parsed = parseTree(text);
		assert.deepStrictEqual(parsed.errors.map((error) => error.line), [3]);
		assert.match(parsed.errors[0]?.message ?? '', /expected no owner field: the first region line has none/);
		const flat = parseFlat(['FlatView #0', ' AS "memory", root: system', ' Root memory region: system', '  0000000000000000-0000000000000fff (prio 0, ram): ram', '  0000000000001000-0000000000001fff (prio 0, ram): ram2 owner:{dev id=d0} kvm', ''].join('\n'));
		assert.deepStrictEqual(flat.errors.map((error) => [error.line, error.message.slice(0, 24)]), [[5, 'expected no owner field:']]);
	});

	test('-f -o with KVM marks: owner, offset and name apart', () => {
		const flat = parseFlat(['FlatView #0', ' AS "memory", root: system', ' Root memory region: system', '  00000000000e0000-00000000000fffff (prio 0, rom): pc.bios @0000000000020000 owner:{obj path=/machine/unattached/pc.bios} kvm', '  00000000fee00000-00000000feefffff (prio 4096, i/o): apic-msi orphan', ''].join('\n'));
		assert.deepStrictEqual(flat.errors, []);
		assert.deepStrictEqual(flat.blocks[0]?.ranges.map((range) => [range.name, range.offset]), [['pc.bios', 0x20000n], ['apic-msi', 0n]]);
	});

	test('a line the dispatch tree cannot hold: located error', () => {
		const lines = option('x86_64-pc', 'flat-d').split('\n');
		const at = lines.indexOf('    Physical sections') + 2;
		lines.splice(at, 0, '  0000000000000000-0000000000000fff (prio 0, ram): late');
		const parsed = parseFlat(lines.join('\n'));
		assert.deepStrictEqual(parsed.errors.map((error) => error.line), [at + 1]);
		assert.match(parsed.errors[0]?.message ?? '', /expected a line of the dispatch tree/);
	});
});
