/**
 * Aliases of their own ancestor (the spec's D8). QEMU renders one recursively, clipped to
 * its window, so the recursion ends when each pass moves the window (Arm's SSE-200
 * boards rely on it) and never when it does not. The analyzer keeps the first kind and
 * reports the second; the flattener, the reference renderer and the owner explanation
 * all follow the clip.
 */
import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze, analyzeText, explainOwner, flatten, visibility, type Analysis } from '../../../../core/src/index';
import { referenceFlatten } from '../../../../core/src/model/reference';
import { plainView } from '../../../util/plainView';
import { repoRoot } from '../../../util/golden';

const sse = fs.readFileSync(path.join(repoRoot, 'test', 'fixtures', 'check', 'clean', 'self-alias.memmap'), 'utf8');

function ranges(analysis: Analysis): string[] {
	return (analysis.views[0]?.view.ranges ?? []).map((range) => `${range.start.toString(16)}+${range.size.toString(16)} ${analysis.tree.regions[range.region]?.name} @${range.offsetInRegion.toString(16)}`);
}

function codes(analysis: Analysis): string[] {
	return analysis.diagnostics.map((d) => d.code);
}

/** Every diagnostic, and every alias with its target: what an edit must decide anew. */
function decided(analysis: Analysis): string[] {
	const targets = analysis.tree.regions.filter((region) => region.kind === 'alias').map((region) => `${region.path} -> ${region.alias?.target ?? 'none'}`);
	return [...analysis.diagnostics.map((d) => `${d.code}: ${d.message}`), ...targets];
}

suite('aliases of their own ancestor (D8)', () => {
	test('SSE-200 style: each alias renders its window of the container again, higher up', () => {
		const analysis = analyzeText(sse, 'sse.memmap');
		assert.deepStrictEqual(codes(analysis), []);
		assert.deepStrictEqual(ranges(analysis), [
			'0+10000 sram @0',
			'8000000+1000 timer @0',
			'10000000+10000 sram @0',
			'18000000+1000 timer @0',
			'20000000+1000 dualtimer @0',
			'30000000+1000 dualtimer @0',
		]);
		const root = analysis.tree.spaces[0]?.root ?? -1;
		assert.deepStrictEqual(plainView(flatten(analysis.tree, root)), referenceFlatten(analysis.tree, root));
	});

	test('the owner of an address in the window is explained through the alias, with what it hides there', () => {
		const analysis = analyzeText(sse.replace('  ram sram at 0 size 64K', '  ram sram at 0 size 64K\n  ram low at 0 size 4K priority -1'), 'sse.memmap');
		const view = analysis.views[0]?.view;
		assert.ok(view);
		assert.deepStrictEqual(explainOwner(analysis.tree, view, 0x10000010n, 'memory').lines, [
			"0x10000010 in space 'memory' is owned by 'sram' (ram, armsse/sram) at offset 0x10",
			'path: armsse > alias 1 > armsse > sram',
			"alias 'alias 1' maps [0x10000000, 0x20000000) to 'armsse' [0x0, 0x10000000): 0x10000010 -> 'armsse' + 0x10",
			"hides: 'low' (priority -1 < 0)",
		]);
	});

	test('a region is placed once more in the window (hover: where it is visible)', () => {
		const analysis = analyzeText(sse, 'sse.memmap');
		const sram = analysis.tree.regions.findIndex((region) => region.name === 'sram');
		const placements = visibility(analysis.tree, analysis.views, sram).spaces[0]?.placements;
		assert.deepStrictEqual(placements, [
			{ start: 0n, end: 0x10000n },
			{ start: 0x10000000n, end: 0x10010000n },
		]);
	});

	test('a window that moves less than its size renders again on each pass, while the clip lets it', () => {
		const analysis = analyzeText('container s size 64K {\n  ram r at 0 size 4K\n  alias back at 0x4000 size 0xc000 of s\n}\n', 's.memmap');
		assert.deepStrictEqual(codes(analysis), []);
		assert.deepStrictEqual(ranges(analysis), ['0+1000 r @0', '4000+1000 r @0', '8000+1000 r @0', 'c000+1000 r @0']);
	});

	test('an alias declared before the container it is mapped into is found the same way', () => {
		// `c` (and its alias) come first in declaration order, so the cycle search enters the
		// cycle at `c`, not at the alias's target.
		const text = 'space memory = t\ncontainer c size 0x1000 { alias a at 0x800 size 0x800 of t }\ncontainer t size 64K {\n  ram r at 0 size 0x100\n  map c at 0x4000\n}\n';
		const analysis = analyzeText(text, 't.memmap');
		assert.deepStrictEqual(codes(analysis), []);
		assert.deepStrictEqual(ranges(analysis), ['0+100 r @0', '4800+100 r @0']);
	});

	test('up to 64 passes are rendered; one more is reported', () => {
		// A 0x4100-byte window moving 0x100 on each pass is met 64 more times; 0x4101 bytes, 65.
		const at64 = analyzeText('container s size 64K {\n  alias edge at 0x100 size 0x4100 of s\n}\n', 's.memmap');
		assert.deepStrictEqual(codes(at64), []);
		const at65 = analyzeText('container s size 64K {\n  alias edge at 0x100 size 0x4101 of s\n}\n', 's.memmap');
		assert.deepStrictEqual(codes(at65), ['alias.cycle']);
	});

	test('a window that does not move, or moves too little, is reported and cut', () => {
		const still = analyzeText('container s size 64K {\n  ram r at 0x100 size 4K\n  alias back at 0x4000 size 4K of s offset 0x4000\n}\n', 's.memmap');
		assert.deepStrictEqual(codes(still), ['alias.cycle']);
		assert.match(still.diagnostics[0]?.message ?? '', /contains the alias itself at the same address, so QEMU would recurse forever/);
		const creep = analyzeText('container s size 64K {\n  alias creep at 0x8000 size 0x8000 of s offset 0x7f00\n}\n', 's.memmap');
		assert.match(creep.diagnostics[0]?.message ?? '', /each pass moves its 32 KiB window by only 0x100, so QEMU would recurse more than 64 levels deep/);
	});

	test('two self-aliases whose moves cancel out: reported on one of them, and the render ends', () => {
		const text = 'container s size 64K {\n  ram r at 0x1000 size 4K\n  alias up at 0x4000 size 0x4000 of s overlap\n  alias down at 0 size 0x4000 of s offset 0x4000 overlap\n}\n';
		const analysis = analyzeText(text, 's.memmap');
		// `down` and `r` overlap at one priority, which is a warning of its own.
		assert.deepStrictEqual(codes(analysis), ['region.overlap-tie', 'alias.cycle']);
		assert.match(analysis.diagnostics[1]?.message ?? '', /^Alias 's\/(up|down)' reaches itself at the same address: .*QEMU would recurse forever/);
		assert.deepStrictEqual(ranges(analysis), ['1000+1000 r @0', '5000+1000 r @0']);
		const root = analysis.tree.spaces[0]?.root ?? -1;
		assert.deepStrictEqual(plainView(flatten(analysis.tree, root)), referenceFlatten(analysis.tree, root));
	});

	test('an edit of a number along the cycle decides it anew, as a fresh analysis does', () => {
		const uri = 'file:///sse.memmap';
		let text = sse;
		const host = { readText: (wanted: string) => (wanted === uri ? text : undefined), resolveInclude: (_from: string, to: string) => to };
		let previous = analyze(uri, host);
		for (const [from, to] of [
			['size 256M priority -1500 of armsse\n', 'size 256M priority -1500 of armsse offset 0x1000_0000\n'],
			['offset 0x1000_0000\n', 'offset 0x0\n'],
			['alias "alias 2" at 0x3000_0000', 'alias "alias 2" at 0x2000_0000'],
		] as const) {
			assert.ok(text.includes(from), from);
			text = text.replace(from, to);
			const reused = analyze(uri, host, previous);
			const fresh = analyzeText(text, uri);
			assert.deepStrictEqual(decided(reused), decided(fresh), to);
			assert.deepStrictEqual(ranges(reused), ranges(fresh), to);
			previous = reused;
		}
		assert.deepStrictEqual(codes(previous), ['alias.cycle']);
	});
});
