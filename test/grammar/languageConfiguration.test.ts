import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from '../util/golden';

interface LanguageConfiguration {
	readonly comments: { readonly lineComment: string; readonly blockComment: readonly [string, string] };
	readonly brackets: readonly (readonly [string, string])[];
	readonly autoClosingPairs: readonly { readonly open: string; readonly close: string }[];
	readonly wordPattern: string;
	readonly folding: { readonly markers: { readonly start: string; readonly end: string } };
	readonly indentationRules: { readonly increaseIndentPattern: string; readonly decreaseIndentPattern: string };
	readonly onEnterRules: readonly { readonly beforeText: string }[];
}

function load(): LanguageConfiguration {
	return JSON.parse(fs.readFileSync(path.join(repoRoot, 'language-configuration.json'), 'utf8')) as LanguageConfiguration;
}

/** The words VS Code would see in `line` with the configured word pattern. */
function words(line: string): string[] {
	return line.match(new RegExp(load().wordPattern, 'g')) ?? [];
}

suite('language configuration', () => {
	test('declares the comment tokens, brackets and auto-closing pairs', () => {
		const config = load();
		assert.strictEqual(config.comments.lineComment, '//');
		assert.deepStrictEqual(config.comments.blockComment, ['/*', '*/']);
		assert.deepStrictEqual(config.brackets, [['{', '}']]);
		assert.deepStrictEqual(
			config.autoClosingPairs.map((p) => p.open),
			['{', '"', '/*'],
		);
	});

	test('the word pattern keeps names, hex with separators and sizes with units whole', () => {
		assert.deepStrictEqual(words('alias ram-below-4g at 0x1000_0000 size 128M of pc.ram'), [
			'alias',
			'ram-below-4g',
			'at',
			'0x1000_0000',
			'size',
			'128M',
			'of',
			'pc.ram',
		]);
		assert.deepStrictEqual(words('priority -1 size 4KiB valid 1..4'), ['priority', '-1', 'size', '4KiB', 'valid', '1', '4']);
	});

	test('indents after an open brace and outdents a closing one', () => {
		const rules = load().indentationRules;
		assert.match('container soc size 4G {', new RegExp(rules.increaseIndentPattern));
		assert.doesNotMatch('io d size 4 { valid 1..4 }', new RegExp(rules.increaseIndentPattern));
		assert.match('\t}', new RegExp(rules.decreaseIndentPattern));
	});

	test('folding markers and on-enter rules are valid patterns', () => {
		const config = load();
		assert.match('// #region devices', new RegExp(config.folding.markers.start));
		assert.match('// #endregion', new RegExp(config.folding.markers.end));
		assert.match('\t/// doc line', new RegExp(config.onEnterRules[0]?.beforeText ?? '^$'));
	});
});
