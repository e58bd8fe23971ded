import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { format } from '../../../../core/src/syntax/format';
import { parse } from '../../../../core/src/syntax/parser';
import { repoRoot } from '../../../util/golden';
import { astShape } from './astShape';
import { memmapFiles, memmapFilesDeep, type Fixture } from './syntaxFixtures';

/** Valid inputs: syntax fixtures without diagnostics, format fixtures, and every sample. */
function validFiles(): Fixture[] {
	const all = [
		...memmapFiles('test/fixtures/syntax'),
		...memmapFiles('test/fixtures/syntax/format').filter((f) => !f.name.endsWith('.expected')),
		...memmapFilesDeep('samples'),
	];
	return all.filter((f) => parse(f.text).diagnostics.length === 0);
}

suite('format', () => {
	test('lays out the example of the language issue', () => {
		const text = fs.readFileSync(path.join(repoRoot, 'test/fixtures/syntax/example.memmap'), 'utf8');
		assert.strictEqual(
			format(text),
			[
				'space memory = system',
				'container system size 16E {',
				'\talias     ram-below-4g at 0 size 128M             of pc.ram',
				'\tcontainer pci          at 0 size 16E  priority -1 {',
				'\t\trom   pc.rom   at 0xc0000 size 128K priority 1',
				'\t\talias isa-bios at 0xe0000 size 128K priority 1 of pc.bios offset 0x20000',
				'\t\tmap pc.bios at 0xfffc0000',
				'\t}',
				'\tio ioapic at 0xfec00000 size 4K {',
				'\t\tvalid 1..4',
				'\t\timpl 4..4',
				'\t\tendian little',
				'\t}',
				'\tio apic-msi at 0xfee00000 size 1M priority 4096',
				'}',
				'ram pc.ram  size 128M',
				'rom pc.bios size 256K',
				'',
			].join('\n'),
		);
	});

	test('returns undefined for text with syntax errors', () => {
		assert.strictEqual(format('ram a size 4K {'), undefined);
		assert.strictEqual(format('ram a size 1.5M'), undefined);
		assert.strictEqual(format('ram a "open'), undefined);
	});

	test('normalizes the 0x and 0b prefixes and keeps the digits as written', () => {
		assert.strictEqual(format('ram a at 0XfeE0_0000 size 0B1_0 ;'), 'ram a at 0xfeE0_0000 size 0b1_0\n');
	});

	test('keeps at most one blank line between items and none at the ends', () => {
		assert.strictEqual(format('\n\nram a size 1\n\n\n\nram b size 1\nram c size 1\n\n'), 'ram a size 1\n\nram b size 1\nram c size 1\n');
	});

	test('moves comments inside a header to the end of its line', () => {
		assert.strictEqual(
			format('ram a // first\n  size 4 /* second */ // third\n'),
			'ram a size 4 /* second */ // first\n// third\n',
		);
	});

	test('formats an empty file and a comment-only file', () => {
		assert.strictEqual(format(''), '');
		assert.strictEqual(format('  \n\n'), '');
		assert.strictEqual(format('// only\n\n\n/* two */'), '// only\n\n/* two */\n');
	});

	for (const fixture of memmapFiles('test/fixtures/syntax/format').filter((f) => !f.name.endsWith('.expected'))) {
		test(`formats ${fixture.file} as in ${fixture.name}.expected.memmap`, () => {
			const expected = fs.readFileSync(path.join(repoRoot, 'test/fixtures/syntax/format', `${fixture.name}.expected.memmap`), 'utf8');
			assert.strictEqual(format(fixture.text), expected);
		});
	}

	test('is idempotent, keeps every comment and the tree on every valid fixture and sample', () => {
		const files = validFiles();
		assert.ok(files.length >= 5, 'expected valid fixtures to format');
		for (const file of files) {
			const once = format(file.text);
			assert.ok(once !== undefined, file.file);
			assert.strictEqual(format(once), once, `${file.file}: format is not idempotent`);
			assert.deepStrictEqual(astShape(parse(once).file), astShape(parse(file.text).file), file.file);
		}
	});
});
