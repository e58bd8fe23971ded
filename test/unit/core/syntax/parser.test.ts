import * as assert from 'node:assert';
import { parse } from '../../../../core/src/syntax/parser';
import type { RegionNode } from '../../../../core/src/syntax/ast';
import { printAst } from '../../../util/astPrinter';

/** `code@text` for each diagnostic: short and readable in assertions. */
function diagnostics(text: string): string[] {
	return parse(text, 'test.memmap').diagnostics.map(
		(d) => `${d.code}@${text.slice(d.offset, d.offset + d.length)}`,
	);
}

function firstRegion(text: string): RegionNode {
	const item = parse(text).file.items[0];
	assert.ok(item && item.kind === 'region');
	return item;
}

suite('parser', () => {
	test('parses the example of the language issue without diagnostics', () => {
		const text = [
			'space memory = system',
			'container system size 16E {',
			'  alias ram-below-4g at 0 size 128M of pc.ram',
			'  container pci at 0 size 16E priority -1 {',
			'    rom pc.rom at 0xc0000 size 128K priority 1',
			'    alias isa-bios at 0xe0000 size 128K of pc.bios offset 0x20000 priority 1',
			'    map pc.bios at 0xfffc0000',
			'  }',
			'  io ioapic at 0xfec00000 size 4K { valid 1..4; impl 4..4; endian little }',
			'  io apic-msi at 0xfee00000 size 1M priority 4096',
			'}',
			'ram pc.ram size 128M',
			'rom pc.bios size 256K',
		].join('\n');
		const result = parse(text, 'x.memmap');
		assert.deepStrictEqual(result.diagnostics, []);
		assert.strictEqual(result.file.items.length, 4);
		const system = result.file.items[1] as RegionNode;
		assert.strictEqual(system.body?.members.length, 4);
		assert.strictEqual(system.props[0]?.value?.kind === 'number' && system.props[0].value.value, 1n << 64n);
	});

	test('records properties in source order, duplicates included', () => {
		const region = firstRegion('ram a size 4K at 0 size 8K readonly');
		assert.deepStrictEqual(
			region.props.map((p) => p.name),
			['size', 'at', 'size', 'readonly'],
		);
	});

	test('a property spans its keyword and value, a comment between them included', () => {
		const text = 'ram a sise /* four */ 4K at -0x10 priority -2 readonly of b';
		const region = firstRegion(text);
		const shown = region.props.map((p) => [p.kind, p.name, text.slice(p.offset, p.offset + p.length), p.keywordLength]);
		assert.deepStrictEqual(shown, [
			['prop', 'size', 'sise /* four */ 4K', 4],
			['prop', 'at', 'at -0x10', 2],
			['prop', 'priority', 'priority -2', 8],
			['prop', 'readonly', 'readonly', 8],
			['prop', 'of', 'of b', 2],
		]);
		const size = region.props[0]?.value;
		assert.ok(size?.kind === 'number');
		assert.strictEqual(text.slice(size.offset, size.offset + size.length), '4K');
		assert.strictEqual(size.value, 4096n);
	});

	test('attaches /// lines directly above a declaration as its doc', () => {
		const text = '/// First.\n///   Indented.\n///\nram a size 1\n/// Not attached.\n\nrom b size 1';
		const items = parse(text).file.items as RegionNode[];
		assert.strictEqual(items[0]?.doc, 'First.\n  Indented.\n');
		assert.strictEqual(items[1]?.doc, undefined);
		assert.strictEqual(parse(text).file.comments.length, 4);
	});

	test('parses references with paths and occurrences', () => {
		const region = firstRegion('alias a size 4 of "pci bus"/dev#2/bar');
		const value = region.props[1]?.value;
		assert.ok(value && value.kind === 'ref');
		assert.deepStrictEqual(
			value.segments.map((s) => [s.name.text, s.occurrence]),
			[
				['pci bus', undefined],
				['dev', 2],
				['bar', undefined],
			],
		);
	});

	test('keeps pc.ram and ram-below-4g as single names', () => {
		assert.strictEqual(firstRegion('ram pc.ram size 1').name?.text, 'pc.ram');
		assert.strictEqual(firstRegion('alias ram-below-4g size 1').name?.text, 'ram-below-4g');
	});

	test('accepts quoted keywords as names and rejects bare ones with a hint', () => {
		assert.deepStrictEqual(diagnostics('ram "ram" size 1'), []);
		assert.deepStrictEqual(diagnostics('ram ram size 1'), ['syntax.unexpected-token@ram']);
		assert.match(parse('ram ram size 1').diagnostics[0]?.message ?? '', /write "ram"/);
	});

	test('reports a missing name once when a property follows', () => {
		assert.deepStrictEqual(diagnostics('ram size 4K'), ['syntax.missing-token@size']);
	});

	test('guesses a mistyped kind and parses the rest of the region', () => {
		assert.deepStrictEqual(diagnostics('contaner a size 4 { ram b at 0 size 1 }'), ['syntax.unexpected-token@contaner']);
		assert.strictEqual(firstRegion('contaner a size 4 { ram b at 0 size 1 }').regionKind, 'container');
	});

	test('reads a mistyped property as the one it is close to, with one diagnostic', () => {
		assert.deepStrictEqual(diagnostics('ram a sise 4K at 0\nrom b size 1'), ['syntax.unexpected-token@sise']);
		assert.match(parse('ram a sise 4K').diagnostics[0]?.message ?? '', /did you mean 'size'/);
		assert.deepStrictEqual(
			firstRegion('ram a sise 4K at 0').props.map((p) => p.name),
			['size', 'at'],
		);
	});

	test('skips an unknown word in a header with one diagnostic and keeps the later properties', () => {
		assert.deepStrictEqual(diagnostics('ram a bogus 4K at 0\nrom b size 1'), ['syntax.unexpected-token@bogus']);
		assert.deepStrictEqual(
			firstRegion('ram a bogus 4K at 0').props.map((p) => p.name),
			['at'],
		);
	});

	test('reports a missing closing brace on the opening brace', () => {
		const text = 'container a size 1 {\n  ram b at 0 size 1\n';
		assert.deepStrictEqual(diagnostics(text), ['syntax.missing-token@{']);
		assert.strictEqual(firstRegion(text).body?.closed, false);
	});

	test('reports unterminated strings and comments, and stray characters', () => {
		assert.deepStrictEqual(diagnostics('include "a.memmap'), ['syntax.unterminated-string@"a.memmap']);
		assert.deepStrictEqual(diagnostics('ram a size 1 /* open'), ['syntax.unterminated-comment@/*']);
		assert.deepStrictEqual(diagnostics('ram a@$ size 1'), ['syntax.invalid-character@@$']);
	});

	test('reports malformed numbers with an undefined value', () => {
		assert.deepStrictEqual(diagnostics('ram a size 12Q'), ['number.invalid@12Q']);
		const size = firstRegion('ram a size 12Q').props[0]?.value;
		assert.ok(size && size.kind === 'number');
		assert.strictEqual(size.value, undefined);
		assert.deepStrictEqual(diagnostics('ram a size -1'), ['number.invalid@-1']);
		assert.deepStrictEqual(diagnostics('ram a size 1 priority -1'), []);
	});

	test('parses map and settings', () => {
		const text = 'io d size 4K { map x at 0x10 overlap priority 2; valid 1..4 unaligned; impl 4..4; endian big; coalesce 0 size 4 }';
		assert.deepStrictEqual(diagnostics(text), []);
		assert.strictEqual(
			printAst(parse(text).file),
			[
				'io d [0,113)',
				'  size 4K=4096',
				'  { [13,113)',
				'    map x [19,20) at 0x10=16 priority 2=2 overlap [15,48)',
				'    valid 1=1..4=4 unaligned [49,70)',
				'    impl 4=4..4=4 [71,81)',
				'    endian big [82,93)',
				'    coalesce 0=0 size 4=4 [94,111)',
				'',
			].join('\n'),
		);
	});
});
