import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzeText, cHeader, exportCommandLine, exportSpace, identifierOf, linkerMemory, markdownMap, memoryStretches, placedRegions } from '../../../../core/src/index';
import { renderTable } from '../../../util/markdownTable';
import { defines } from '../../../util/cDefines';
import { repoRoot } from '../../../util/golden';

function board(name: string): ReturnType<typeof analyzeText> {
	const file = path.join(repoRoot, name);
	return analyzeText(fs.readFileSync(file, 'utf8'), name);
}

suite('export: identifiers', () => {
	test('region names become upper-case C identifiers', () => {
		assert.strictEqual(identifierOf('pc.ram'), 'PC_RAM');
		assert.strictEqual(identifierOf('ram-below-4g'), 'RAM_BELOW_4G');
		assert.strictEqual(identifierOf('tz-ppc-port[0]'), 'TZ_PPC_PORT_0');
		assert.strictEqual(identifierOf('*/ regs'), 'REGS');
		assert.strictEqual(identifierOf('0ram'), 'R_0RAM');
		assert.strictEqual(identifierOf(''), 'R');
		assert.strictEqual(identifierOf('---'), 'R');
		assert.strictEqual(identifierOf('a  b'), 'A_B');
	});

	test('a name shared across containers is qualified; same-named siblings are numbered', () => {
		const analysis = board('test/fixtures/cli/export.memmap');
		const space = analysis.views.find((v) => v.space.name === 'bus');
		assert.ok(space);
		const names = placedRegions(analysis.tree, space.space.root).map((p) => `${p.region.path}=${p.identifier}`);
		assert.deepStrictEqual(names, [
			'soc=SOC',
			'soc/boot=BOOT',
			'soc/flash=FLASH',
			'soc/vectors=VECTORS',
			'soc/sram bank[0]=SRAM_BANK_0',
			'soc/0ram=R_0RAM',
			'soc/apb=APB',
			'soc/apb/regs=APB_REGS',
			'soc/ahb=AHB',
			'soc/ahb/regs=AHB_REGS',
			'soc/ahb/*/ regs=AHB_REGS_2',
			'soc/win#1=WIN',
			'soc/win#2=WIN_2',
		]);
	});

	test('a plain name is never taken by a qualified or numbered one', () => {
		const analysis = analyzeText(
			['container s size 64K {', '  ram x_2 at 0 size 4K', '  ram x at 0x1000 size 4K', '  ram x at 0x2000 size 4K', '  ram x at 0x3000 size 4K', '}'].join('\n'),
		);
		const root = analysis.views[0]?.space.root ?? -1;
		assert.deepStrictEqual(
			placedRegions(analysis.tree, root).map((p) => p.identifier),
			['S', 'X_2', 'X', 'X_3', 'X_4'],
		);
	});
});

suite('export: C header and ld MEMORY', () => {
	test('the header names every placed region once, with its absolute base and size', () => {
		const analysis = board('samples/pc-x86.memmap');
		const space = analysis.views[0];
		assert.ok(space);
		const header = cHeader(analysis.tree, space, { source: 'pc-x86.memmap', prefix: 'PC_' });
		const found = defines(header);
		assert.strictEqual(found.get('PC_PC_X86_MEMMAP_H'), '');
		assert.strictEqual(found.get('PC_PC_ROM_BASE'), '0xc0000');
		assert.strictEqual(found.get('PC_PC_ROM_SIZE'), '0x20000');
		assert.strictEqual(found.get('PC_ISA_BIOS_BASE'), '0xe0000');
		assert.strictEqual(found.get('PC_PC_BIOS_BASE'), '0xfffc0000');
		assert.strictEqual(found.get('PC_APIC_MSI_BASE'), '0xfee00000');
		// 2^64 has no 64-bit literal: no SIZE macro, a comment instead.
		assert.strictEqual(found.get('PC_SYSTEM_SIZE'), undefined);
		assert.match(header, /PC_SYSTEM_SIZE would be 2\^64/);
		// pc.ram is placed only through aliases: it has no address of its own.
		assert.strictEqual(found.get('PC_PC_RAM_BASE'), undefined);
	});

	test('comments cannot be closed early by a name or a doc line', () => {
		const analysis = board('test/fixtures/cli/export.memmap');
		const space = analysis.views.find((v) => v.space.name === 'bus');
		assert.ok(space);
		const header = cHeader(analysis.tree, space, { source: 'a*/b.memmap', command: "memmap export '*/'" });
		const outsideComments = header.replace(/\/\*[\s\S]*?\*\//g, '');
		assert.deepStrictEqual(
			outsideComments.split('\n').filter((l) => l.trim() !== '' && !l.startsWith('#')),
			[],
		);
	});

	test('a region past the end of the 64-bit space gets no macros', () => {
		const analysis = analyzeText(['container s size 16E {', '  container c at 0xffff_ffff_ffff_f000 size 8K {', '    ram r at 0x1000 size 4K', '  }', '}'].join('\n'));
		const space = analysis.views[0];
		assert.ok(space);
		const header = cHeader(analysis.tree, space, { source: 'x.memmap' });
		assert.match(header, /starts at 0x10000000000000000, past the end of the 64-bit space: no macros/);
		assert.strictEqual(defines(header).get('R_BASE'), undefined);
		assert.strictEqual(defines(header).get('C_BASE'), '0xfffffffffffff000');
	});

	test('ld MEMORY: the RAM and ROM the space shows, named by the alias that windows them', () => {
		const analysis = board('samples/pc-x86.memmap');
		const space = analysis.views[0];
		assert.ok(space);
		const stretches = memoryStretches(analysis.tree, space).map(
			(s) => `${s.name} ${s.attributes} ${s.range.start.toString(16)}+${s.range.size.toString(16)} ${s.region.name}`,
		);
		assert.deepStrictEqual(stretches, [
			'RAM_BELOW_4G rwx 0+c0000 pc.ram',
			'PC_ROM rx c0000+20000 pc.rom',
			'ISA_BIOS rx e0000+20000 pc.bios',
			'RAM_BELOW_4G_2 rwx 100000+7f00000 pc.ram',
			'PC_BIOS rx fffc0000+40000 pc.bios',
		]);
		const text = linkerMemory(analysis.tree, space, { source: 'pc-x86.memmap' });
		assert.match(text, /^ {2}RAM_BELOW_4G {3}\(rwx\) : ORIGIN = 0x0, LENGTH = 0xc0000$/m);
	});

	test('ld MEMORY: read-only RAM is rx, I/O is left out, a 2^64 length is a comment', () => {
		const analysis = analyzeText(
			['container s size 16E {', '  ram a at 0 size 4K readonly', '  io b at 0x1000 size 4K', '  ram c at 0x2000 size 4K nonvolatile', '}', 'ram all size 16E', 'space all = all', 'space s = s'].join('\n'),
		);
		const [all, s] = analysis.views;
		assert.ok(all && s);
		assert.deepStrictEqual(
			memoryStretches(analysis.tree, s).map((m) => `${m.name} ${m.attributes}`),
			['A rx', 'C rwx'],
		);
		const text = linkerMemory(analysis.tree, all, { source: 'x' });
		assert.match(text, /ALL: a length of 2\^64 does not fit/);
		assert.doesNotMatch(text, /ORIGIN/);
	});
});

suite('export: one request for the CLI and the editor', () => {
	const twoSpaces = analyzeText('space a = r\nspace b = r\nram r size 4K\n', 'file:///b/board.memmap');

	test('the regenerating command quotes what a shell would split or expand, and options come in one order', () => {
		assert.strictEqual(
			exportCommandLine({ format: 'ld', file: "my boards/it's.memmap", output: 'out dir/m.ld', prefix: 'X_', space: 'a b' }),
			"memmap export 'my boards/it'\\''s.memmap' --format ld --space 'a b' --prefix X_ --output 'out dir/m.ld'",
		);
		assert.strictEqual(exportCommandLine({ format: 'c', file: 'b.memmap', prefix: '' }), 'memmap export b.memmap --format c');
	});

	test('refusals: unknown space and bad prefix are usage; errors are errors; several spaces need one', () => {
		const usage = (outcome: ReturnType<typeof exportSpace>): string => (outcome.ok ? 'ok' : `${outcome.problem}: ${outcome.message}`);
		assert.strictEqual(usage(exportSpace(twoSpaces, { format: 'c', file: 'b', space: 'c' })), "usage: unknown space 'c' (spaces: a, b)");
		assert.strictEqual(usage(exportSpace(twoSpaces, { format: 'c', file: 'b', prefix: 'a-b' })), "usage: --prefix 'a-b' is not an identifier (letters, digits and '_', not starting with a digit)");
		assert.strictEqual(usage(exportSpace(twoSpaces, { format: 'c', file: 'b' })), 'usage: the board has 2 address spaces; choose one with --space (a, b)');
		const twice = analyzeText('space a = r\nspace a = q\nram r size 4K\nrom q size 8K\n', 'file:///b/twice.memmap');
		const first = exportSpace(twice, { format: 'ld', file: 'b', space: 'a' });
		assert.ok(first.ok && /ORIGIN = 0x0, LENGTH = 0x1000$/m.test(first.text), 'a repeated space name means its first space');
		const broken = analyzeText('space a = r\nram r size 4K\nalias x size 4K of nowhere\n', 'file:///b/broken.memmap');
		assert.strictEqual(usage(exportSpace(broken, { format: 'c', file: 'b', space: 'a' })), 'errors: the board has errors; nothing exported');
	});

	test('the banner names the file by its base name and quotes the command inside the comment', () => {
		const outcome = exportSpace(twoSpaces, { format: 'c', file: 'dir/boards */x.memmap', space: 'b' });
		assert.ok(outcome.ok);
		assert.match(outcome.text, /Generated by memmap from x\.memmap: address space 'b'/);
		assert.strictEqual(outcome.command, "memmap export 'dir/boards */x.memmap' --format c --space b");
		// Only the banner's own end closes the comment: the file name's `*/` is broken up.
		assert.strictEqual(outcome.text.slice(0, outcome.text.indexOf('*/\n')).split('*/').length, 1);
	});
});

suite('export: Markdown memory map', () => {
	test('the PC sample: a datasheet table of the flat view, with the unmapped stretches', () => {
		const analysis = analyzeText(fs.readFileSync(path.join(repoRoot, 'samples/pc-x86.memmap'), 'utf8'), 'file:///s/pc-x86.memmap');
		const space = analysis.views.find((v) => v.space.name === 'memory');
		assert.ok(space);
		const table = renderTable(markdownMap(analysis.tree, space, { source: 'pc-x86.memmap' }));
		assert.deepStrictEqual(table.header, ['Start', 'End', 'Size', 'Region', 'Kind', 'Notes']);
		assert.deepStrictEqual(table.rows[0]?.slice(0, 5), ['0x0000_0000_0000_0000', '0x0000_0000_000b_ffff', '768 KiB', 'pc.ram through ram-below-4g', 'ram']);
		assert.deepStrictEqual(table.rows[2]?.slice(0, 5), ['0x0000_0000_000e_0000', '0x0000_0000_000f_ffff', '128 KiB', 'pc.bios through isa-bios', 'rom']);
		assert.match(table.rows[2]?.[5] ?? '', /^From offset 0x20000\. /);
		const ioapic = table.rows.find((row) => row[3] === 'ioapic');
		assert.match(ioapic?.[5] ?? '', /^Access 4\.\.4 bytes, little endian\. I\/O APIC/);
		const last = table.rows[table.rows.length - 1];
		assert.deepStrictEqual(last?.slice(0, 4), ['0x0000_0001_0000_0000', '0xffff_ffff_ffff_ffff', '~16 EiB', 'unmapped']);
	});

	test('without --space, a board of several spaces is one document with a section per space', () => {
		const board = analyzeText('space a = r\nspace b = q\nspace a = q\nram r size 4K\nrom q size 8K\n', 'file:///b/two.memmap');
		const outcome = exportSpace(board, { format: 'md', file: 'boards/two.memmap' });
		assert.ok(outcome.ok);
		assert.deepStrictEqual(outcome.text.match(/^#+ .*$/gm), ['# Memory maps of `two.memmap`', '## Address space `a`', '## Address space `b`']);
		assert.match(outcome.text, /Generated by memmap from two\.memmap: its 2 address spaces\./);
		const html = renderTable(outcome.text).html;
		assert.strictEqual(html.split('<table>').length - 1, 2);
		assert.match(html, /<code>r<\/code>[\s\S]*<code>q<\/code>/, 'each space lists its own region');
		// C and ld still need one space: their names would clash.
		assert.ok(!exportSpace(board, { format: 'c', file: 'b' }).ok);
	});

	test('hostile names and documentation show as written, never as markup or outside their cell', () => {
		const board = joinBoard([
			'space "s|p" = top',
			'container top size 64K {',
			'  /// *bold* | <img src=x onerror=alert(1)> [link](http://x) `tick` ~~gone~~ &amp; --> \\ end',
			'  ram "a|b" at 0 size 4K',
			'  rom "`tick`" at 0x1000 size 4K',
			'  io "<script>x</script>" at 0x2000 size 4K',
			'  ram "x  y " at 0x3000 size 4K',
			'  ram "" at 0x4000 size 4K',
			'}',
		]);
		const analysis = analyzeText(board, 'file:///b/--> x.memmap');
		const space = analysis.views[0];
		assert.ok(space);
		const text = markdownMap(analysis.tree, space, { source: '--> x.memmap', command: 'memmap export "--> x.memmap"' });
		const table = renderTable(text);
		assert.doesNotMatch(table.html, /<(img|script|a|strong|s|del)\b/);
		assert.strictEqual(table.html.split('<em>').length - 1, 1, 'only the unmapped row is in italics');
		assert.deepStrictEqual(table.rows.map((row) => row.length), [6, 6, 6, 6, 6, 6]);
		assert.deepStrictEqual(table.rows.map((row) => row[3]), ['a|b', '`tick`', '<script>x</script>', 'x  y ', '""', 'unmapped']);
		assert.strictEqual(table.rows[0]?.[5], '*bold* | <img src=x onerror=alert(1)> [link](http://x) `tick` ~~gone~~ &amp; --> \\ end');
		// The banner is one HTML comment: nothing in it ends the comment early, so no reader sees it.
		assert.strictEqual(text.indexOf('-->'), text.indexOf('-->\n\n# Memory map'));
		assert.match(table.html, /^<!--[\s\S]*-->\n<h1>Memory map of address space <code>s\|p<\/code><\/h1>/);
	});
});

function joinBoard(lines: string[]): string {
	return lines.join('\n') + '\n';
}
