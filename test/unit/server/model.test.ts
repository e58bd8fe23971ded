import * as assert from 'node:assert/strict';
import { analyzeText } from '../../../core/src/index';
import { occurrencesOf, placementsOf, referenceAt, regionAtCursor, regionDeclaredAt, regionPlacedAt, showsStart } from '../../../server/src/model';

const uri = 'file:///m.memmap';
const text = [
	'space memory = sys',
	'container sys size 4G {',
	'\tcontainer bus at 0x1000_0000 size 64K {',
	'\t\tio uart at 0x1000 size 4K',
	'\t}',
	'\talias bios-low at 0xe0000 size 128K of bios offset 0x20000',
	'\tmap bios at 0xfffc0000',
	'}',
	'rom bios size 256K',
	'',
].join('\n');

suite('server/model', () => {
	const analysis = analyzeText(text, uri);
	const named = (name: string) => {
		const region = analysis.tree.regions.find((r) => r.name === name);
		assert.ok(region, name);
		return region;
	};

	test('placements add up container offsets', () => {
		const [p] = placementsOf(analysis, named('uart'));
		assert.deepEqual([p?.start, p?.visibleStart, p?.visibleEnd], [0x1000_1000n, 0x1000_1000n, 0x1000_2000n]);
	});

	test('an alias places its target shifted, clipped to the window', () => {
		const placements = placementsOf(analysis, named('bios')).map((p) => [p.start, p.visibleStart, p.visibleEnd]);
		assert.deepEqual(placements.sort((a, b) => Number((a[0] ?? 0n) - (b[0] ?? 0n))), [
			[0xc0000n, 0xe0000n, 0x100000n],
			[0xfffc0000n, 0xfffc0000n, 0x100000000n],
		]);
		assert.deepEqual(placementsOf(analysis, named('bios')).filter(showsStart).map((p) => p.start), [0xfffc0000n]);
	});

	test('references and occurrences', () => {
		const offset = text.indexOf('of bios') + 4;
		const hit = referenceAt(analysis, uri, offset);
		assert.equal(hit?.reference.context, 'of');
		assert.equal(regionAtCursor(analysis, uri, offset)?.region.name, 'bios');
		assert.equal(regionAtCursor(analysis, uri, text.indexOf('rom bios') + 5)?.region.name, 'bios');
		assert.equal(occurrencesOf(analysis, named('bios')).length, 3);
		assert.equal(regionAtCursor(analysis, uri, text.indexOf('size 4G')), undefined);
	});

	test('statements find their regions, also where a map places a region declared after it', () => {
		// Declaration order is sys, uart-like 'inner', then 'dev': the placement of 'dev'
		// (the map, line 2) comes before that of 'inner' (line 3) in the text.
		const mapped = ['container sys size 64K {', '\tmap dev at 0x1000', '\tram inner at 0 size 4K', '}', 'ram dev size 4K', ''].join('\n');
		const board = analyzeText(mapped, uri);
		const placed = (statement: string) => regionPlacedAt(board, uri, mapped.indexOf(statement))?.name;
		const declared = (statement: string) => regionDeclaredAt(board, uri, mapped.indexOf(statement))?.name;
		assert.deepEqual([placed('map dev'), placed('ram inner'), placed('ram dev')], ['dev', 'inner', undefined]);
		assert.deepEqual([declared('container sys'), declared('ram inner'), declared('ram dev'), declared('map dev')], ['sys', 'inner', 'dev', undefined]);
		assert.equal(regionPlacedAt(board, 'file:///other.memmap', 0), undefined);
	});

	test('a region reached through many aliases has every placement', () => {
		const aliases = Array.from({ length: 5 }, (_, i) => `\talias w${i} at ${i * 0x1000} size 4K of dev`);
		const many = ['container sys size 64K {', ...aliases, '}', 'ram dev size 4K', ''].join('\n');
		const board = analyzeText(many, uri);
		const dev = board.tree.regions.find((r) => r.name === 'dev');
		assert.ok(dev);
		const starts = placementsOf(board, dev).map((p) => Number(p.start)).sort((a, b) => a - b);
		assert.deepEqual(starts, [0, 0x1000, 0x2000, 0x3000, 0x4000]);
	});
});
