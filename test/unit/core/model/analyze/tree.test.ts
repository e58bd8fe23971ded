import * as assert from 'node:assert';
import { analyzeText, type Analysis, type Region } from '../../../../../core/src/index';

function region(analysis: Analysis, path: string): Region {
	const found = analysis.tree.regions.find((r) => r.path === path);
	assert.ok(found, `no region ${path}`);
	return found;
}

function spanOf(text: string, location: { offset: number; length: number } | undefined): string {
	return location ? text.slice(location.offset, location.offset + location.length) : '<none>';
}

suite('analyze: region tree', () => {
	test('nested regions are placed at their at; map places a top-level region with its own priority', () => {
		const text = 'container sys size 64K {\n  ram low at 0x100 size 4K\n  map dev at 0x2000 priority 3\n}\nio dev size 1K priority 7\n';
		const analysis = analyzeText(text);
		const dev = region(analysis, 'dev');
		assert.strictEqual(dev.parent, region(analysis, 'sys').id);
		assert.strictEqual(dev.addr, 0x2000n);
		assert.strictEqual(dev.priority, 3);
		assert.strictEqual(dev.mayOverlap, true);
		assert.strictEqual(spanOf(text, dev.placement), 'map dev at 0x2000 priority 3');
		assert.strictEqual(spanOf(text, dev.locations.at), '0x2000');
		assert.strictEqual(spanOf(text, dev.locations.priority), '3');
		assert.deepStrictEqual(analysis.diagnostics.map((d) => d.code), ['prop.wrong-kind']);
		const low = region(analysis, 'sys/low');
		assert.strictEqual(low.addr, 0x100n);
		assert.strictEqual(low.mayOverlap, false);
		assert.strictEqual(spanOf(text, low.placement), 'ram low at 0x100 size 4K');
		assert.strictEqual(spanOf(text, low.locations.size), 'size 4K');
	});

	test('locations are those of the parts that count: the first of a repeat, never a rejected one', () => {
		const text = [
			'container sys size 64K {',
			'  io dev at 0x10 size 1K at 0x20 offset 4 { valid 1..4; valid 2..4; endian big }',
			'  ram mem at 0x1000 size 1K { impl 1..4 }',
			'}',
			'ram top at 8 size 4K size 8K',
		].join('\n');
		const analysis = analyzeText(text);
		const dev = region(analysis, 'sys/dev');
		assert.strictEqual(spanOf(text, dev.locations.at), 'at 0x10');
		assert.strictEqual(dev.locations.offset, undefined, 'offset is alias-only');
		assert.strictEqual(spanOf(text, dev.locations.valid), 'valid 1..4;');
		assert.strictEqual(spanOf(text, dev.locations.endian), 'endian big');
		assert.strictEqual(dev.locations.impl, undefined);
		assert.strictEqual(region(analysis, 'sys/mem').locations.impl, undefined, 'settings are io/romd only');
		const top = region(analysis, 'top');
		assert.strictEqual(top.locations.at, undefined, 'a top-level region has no at');
		assert.strictEqual(spanOf(text, top.locations.size), 'size 4K');
		const duplicates = analysis.diagnostics.filter((d) => d.code === 'prop.duplicate');
		assert.deepStrictEqual(
			duplicates.map((d) => [spanOf(text, d), spanOf(text, d.related?.[0])]),
			[
				['at 0x20', 'at 0x10'],
				['valid 2..4;', 'valid 1..4;'],
				['size 8K', 'size 4K'],
			],
		);
	});

	test('a map that closes a cycle is dropped with the locations it gave', () => {
		const text = 'container a size 4K {\n  map b at 0x10 priority 2\n}\ncontainer b size 4K {\n  map a at 0x20\n}\n';
		const analysis = analyzeText(text);
		assert.ok(analysis.diagnostics.some((d) => d.code === 'region.cycle'));
		const dropped = analysis.tree.regions.filter((r) => r.parent === undefined && r.placement === undefined);
		assert.ok(dropped.length > 0);
		for (const r of dropped) {
			assert.strictEqual(r.locations.at, undefined, r.path);
			assert.strictEqual(r.locations.priority, undefined, r.path);
		}
		const placed = analysis.tree.regions.filter((r) => r.parent !== undefined);
		assert.strictEqual(placed.length, 1);
		assert.ok(placed[0]?.locations.at);
	});

	test('children are in QEMU list order: priority descending, later first among equals', () => {
		const text = 'container s size 64K {\n  io a at 0 size 1K overlap\n  io b at 0 size 1K overlap\n  io c at 0 size 1K priority 2\n  io d at 0 size 1K priority -1\n  io e at 0 size 1K priority 2\n}\n';
		const analysis = analyzeText(text);
		const names = region(analysis, 's').children.map((id) => analysis.tree.regions[id]?.name);
		assert.deepStrictEqual(names, ['e', 'c', 'b', 'a', 'd']);
	});

	test('flags, alias fields, access constraints and docs are recorded', () => {
		const text = [
			'/// The boot ROM.',
			'rom boot size 4K',
			'container sys size 64K {',
			'  alias win at 0 size 1K of boot offset 0x400 readonly disabled',
			'  romd flash at 0x1000 size 4K nonvolatile { valid 1..4 unaligned; impl 2..4; endian big; coalesce 0x10 size 0x20 }',
			'}',
		].join('\n');
		const analysis = analyzeText(text);
		// Only the access checks have something to say (a 2-byte impl.min on a writable ROM device).
		assert.deepStrictEqual(analysis.diagnostics.filter((d) => d.severity === 'error'), []);
		const boot = region(analysis, 'boot');
		assert.strictEqual(boot.readonly, true, 'QEMU ROM is readonly RAM');
		assert.strictEqual(boot.doc?.trim(), 'The boot ROM.');
		const win = region(analysis, 'sys/win');
		assert.deepStrictEqual(win.alias, { target: boot.id, offset: 0x400n });
		assert.strictEqual(win.enabled, false);
		assert.strictEqual(win.readonly, true);
		const flash = region(analysis, 'sys/flash');
		assert.strictEqual(flash.readonly, false);
		assert.strictEqual(flash.nonvolatile, true);
		assert.deepStrictEqual(flash.access, {
			valid: { min: 1, max: 4, unaligned: true },
			impl: { min: 2, max: 4, unaligned: false },
			endian: 'big',
			coalesce: { start: 0x10n, size: 0x20n },
		});
		assert.strictEqual(spanOf(text, flash.locations.endian), 'endian big;');
		assert.strictEqual(spanOf(text, flash.nameLocation), 'flash');
	});

	test('sizes up to 2^64 and addresses up to 2^64-1 are exact', () => {
		const text = 'container sys size 16E {\n  io top at 0xffff_ffff_ffff_fff0 size 0x10\n}\n';
		const analysis = analyzeText(text);
		assert.deepStrictEqual(analysis.diagnostics.map((d) => d.code), []);
		assert.strictEqual(region(analysis, 'sys').size, 1n << 64n);
		assert.strictEqual(region(analysis, 'sys/top').addr, 0xffff_ffff_ffff_fff0n);
	});

	test('a containment cycle is cut at its latest map, leaving a tree', () => {
		const text = 'space m = a\ncontainer a size 4K { map b at 0 }\ncontainer b size 4K { map c at 0 }\ncontainer c size 4K { map a at 0 }\n';
		const analysis = analyzeText(text);
		assert.deepStrictEqual(analysis.diagnostics.map((d) => d.code), ['region.cycle']);
		assert.strictEqual(spanOf(text, analysis.diagnostics[0]), 'map a at 0');
		assert.strictEqual(region(analysis, 'a').parent, undefined);
		assert.strictEqual(region(analysis, 'c').parent, region(analysis, 'b').id);
	});

	test('an alias cycle is cut so that no alias reaches itself', () => {
		const text = 'alias a size 4K of b\nalias b size 4K of c\nalias c size 4K of a\ncontainer s size 64K { map a at 0 }\n';
		const analysis = analyzeText(text);
		assert.deepStrictEqual(analysis.diagnostics.map((d) => d.code), ['alias.cycle']);
		const targets = ['a', 'b', 'c'].map((name) => region(analysis, name).alias?.target);
		assert.strictEqual(targets.filter((t) => t === undefined).length, 1);
	});

	test('an alias of a container that holds it indirectly is a cycle (D8)', () => {
		const text = 'container s size 64K {\n  container inner at 0 size 4K { alias back at 0 size 4K of s }\n}\n';
		const analysis = analyzeText(text);
		assert.deepStrictEqual(analysis.diagnostics.map((d) => d.code), ['alias.cycle']);
		assert.strictEqual(region(analysis, 's/inner/back').alias?.target, undefined);
	});

	test('implicit spaces: unreferenced top-level regions, none when a space exists', () => {
		const implicit = analyzeText('ram r size 4K\ncontainer s size 4K { alias a at 0 size 4K of r }\nio lone size 1K\n');
		assert.deepStrictEqual(implicit.tree.spaces.map((s) => `${s.name}:${s.implicit}`), ['s:true', 'lone:true']);
		const explicit = analyzeText('space mem = s\nram r size 4K\ncontainer s size 4K { alias a at 0 size 4K of r }\nio lone size 1K\n');
		assert.deepStrictEqual(explicit.tree.spaces.map((s) => `${s.name}:${s.implicit}`), ['mem:false']);
		assert.deepStrictEqual(explicit.diagnostics.map((d) => `${d.code} ${d.severity} ${d.unnecessary}`), ['region.unused info true']);
		assert.strictEqual(explicit.views.length, 1);
	});

	test('a region can be an address-space root and mapped elsewhere (Arm virt secure)', () => {
		const text = 'space ns = system\nspace s = secure\ncontainer system size 16E { ram dram at 0x4000_0000 size 1G }\ncontainer secure size 16E { map system at 0 priority -1\n ram sram at 0xe00_0000 size 16M }\n';
		const analysis = analyzeText(text);
		assert.deepStrictEqual(analysis.diagnostics.map((d) => d.code), []);
		assert.strictEqual(region(analysis, 'system').priority, -1);
		assert.deepStrictEqual(analysis.tree.spaces.map((s) => analysis.tree.regions[s.root]?.name), ['system', 'secure']);
	});
});

suite('analyze: total on any input', () => {
	const sample = 'include "x"\nspace m = sys\ncontainer sys size 16E {\n  alias a at 0 size 4K of r offset 0x10 priority -1\n  map r at 0x1000 overlap\n  io d at 0x2000 size 4K { valid 1..4; impl 1..8 unaligned; endian little; coalesce }\n}\nram r size 4K\n';

	test('every prefix of a file analyzes without throwing, diagnostics inside the text', () => {
		for (let end = 0; end <= sample.length; end++) {
			const text = sample.slice(0, end);
			const analysis = analyzeText(text, 'p.memmap');
			for (const d of analysis.diagnostics) {
				assert.ok(d.offset >= 0 && d.offset + d.length <= text.length, `${d.code} outside prefix ${end}`);
			}
		}
	});

	test('shuffled tokens analyze without throwing', () => {
		const tokens = sample.split(/(\s+)/);
		let seed = 7;
		for (let round = 0; round < 200; round++) {
			const shuffled = tokens.map((token) => {
				seed = (seed * 1103515245 + 12345) % 2147483648;
				return tokens[seed % tokens.length] ?? token;
			});
			assert.doesNotThrow(() => analyzeText(shuffled.join(' ')));
		}
	});
});
