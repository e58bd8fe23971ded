import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { alignmentOf, analyzeText, parse } from '../../../core/src/index';
import { nextFreeAddress } from '../../../server/src/features/codeActionHelpers';
import { literalAt } from '../../../server/src/features/hover';
import { spellName } from '../../../server/src/features/rename';
import { matchesQuery } from '../../../server/src/features/workspaceSymbols';
import { completion } from '../../../server/src/features/completion';
import { readSettings, defaultSettings } from '../../../server/src/settings';
import { forEachStatement, pathAt } from '../../../server/src/syntaxQuery';
import { resolveInclude } from '../../../server/src/workspace';

const uri = 'file:///dir/t.memmap';

suite('server/helpers', () => {
	test('spellName: bare, quoted, rejected', () => {
		assert.equal(spellName('pc.ram'), 'pc.ram');
		assert.equal(spellName('ram-below-4g'), 'ram-below-4g');
		assert.equal(spellName('alias 1'), '"alias 1"');
		assert.equal(spellName('a"b'), '"a\\"b"');
		assert.equal(spellName('size'), '"size"');
		assert.equal(spellName(''), undefined);
		assert.equal(spellName('a\nb'), undefined);
	});

	test('literalAt finds hex literals in any text', () => {
		const text = '// UART at 0x4000_1000 here';
		assert.deepEqual(literalAt(text, 14), { offset: 11, length: 11, value: 0x40001000n, text: '0x4000_1000' });
		assert.equal(literalAt(text, 4), undefined);
		assert.equal(literalAt('1234', 2), undefined);
	});

	test('nextFreeAddress: aligned, past every sibling, inside the container', () => {
		const text = 'space m = s\ncontainer s size 64K {\n\tram a at 0 size 4K\n\tram b at 0x800 size 4K\n\tram c at 0x2000 size 4K\n}\n';
		const analysis = analyzeText(text, uri);
		const b = analysis.tree.regions.find((r) => r.name === 'b');
		assert.ok(b);
		assert.equal(nextFreeAddress(analysis, b), 0x1000n);
		assert.equal(alignmentOf(0x1800n), 0x2000n);
		const full = analyzeText('space m = s\ncontainer s size 8K {\n\tram a at 0 size 4K\n\tram b at 0 size 8K\n}\n', uri);
		const big = full.tree.regions.find((r) => r.name === 'b');
		assert.ok(big);
		assert.equal(nextFreeAddress(full, big), undefined);
	});

	test('matchesQuery is an in-order, case-insensitive subsequence', () => {
		assert.ok(matchesQuery('ram-below-4g', 'rb4'));
		assert.ok(matchesQuery('UART0', 'uart'));
		assert.ok(!matchesQuery('uart', 'tu'));
		assert.ok(matchesQuery('anything', ''));
	});

	test('readSettings: nested, dotted, malformed', () => {
		const nested = readSettings({ diagnostics: { severity: { 'region.overlap': 'error', x: 'loud' }, debounceMs: 50 }, inlayHints: { enabled: false }, codeLens: { enabled: false }, outline: { maxSymbols: 0 } });
		assert.deepEqual(nested, { severity: { 'region.overlap': 'error' }, inlayHints: false, codeLens: false, debounceMs: 50, outlineMaxSymbols: 0 });
		const dotted = readSettings({ 'diagnostics.severity': { a: 'off' }, 'inlayHints.enabled': true, 'codeLens.enabled': false, debounceMs: 0, 'outline.maxSymbols': 500 });
		assert.deepEqual(dotted, { severity: { a: 'off' }, inlayHints: true, codeLens: false, debounceMs: 0, outlineMaxSymbols: 500 });
		for (const maxSymbols of [-1, 1.5, '10', null]) {
			assert.equal(readSettings({ outline: { maxSymbols } }).outlineMaxSymbols, 10_000, `${String(maxSymbols)} keeps the default`);
		}
		assert.equal(readSettings({ codeLens: { enabled: 'no' } }).codeLens, true, 'a malformed value keeps the default');
		assert.deepEqual(readSettings('nonsense'), defaultSettings);
		assert.deepEqual(readSettings({ diagnostics: { debounce: -5 } }), defaultSettings);
	});

	test('pathAt and forEachStatement', () => {
		const text = 'container s size 4K {\n\tram r at 0x10 size 1K\n\tmap q at 0\n}\nram q size 1K\n';
		const { file } = parse(text, uri);
		const kinds = pathAt(file, text.indexOf('0x10') + 1).map((n) => n.kind);
		assert.deepEqual(kinds, ['file', 'region', 'block', 'region', 'prop', 'number']);
		const seen: string[] = [];
		forEachStatement(file, (n) => seen.push(n.kind));
		assert.deepEqual(seen, ['region', 'region', 'map', 'region']);
		const inRange: string[] = [];
		forEachStatement(file, (n) => inRange.push(n.kind), text.indexOf('map'), text.indexOf('map') + 3);
		assert.deepEqual(inRange, ['region', 'map']);
	});

	test('resolveInclude is relative to the including file', () => {
		assert.equal(resolveInclude(uri, 'soc.memmap'), 'file:///dir/soc.memmap');
		assert.equal(resolveInclude(uri, '../x/y.memmap'), 'file:///x/y.memmap');
		assert.equal(resolveInclude(uri, 'has space.memmap'), 'file:///dir/has%20space.memmap');
	});

	test('completion over a TextDocument: units and properties', () => {
		const text = 'ram r size 4';
		const document = TextDocument.create(uri, 'memmap', 1, text);
		const analysis = analyzeText(text, uri);
		const units = completion(analysis, document, text.length).items.map((i) => i.label);
		assert.ok(units.includes('4K') && units.includes('4GiB'));
		const text2 = 'ram r size 4K ';
		const props = completion(analyzeText(text2, uri), TextDocument.create(uri, 'memmap', 1, text2), text2.length);
		const labels = props.items.map((i) => i.label);
		assert.ok(labels.includes('readonly') && !labels.includes('size'));
	});
});
