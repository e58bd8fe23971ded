import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { IGrammar } from 'vscode-textmate';
import {
	contextualKeywords,
	itemKeywords,
	kindKeywords,
	memberKeywords,
	propertyKeywords,
} from '../../core/src/syntax/scanner';
import { assertGolden, repoRoot } from '../util/golden';
import { loadMemmapGrammar, printTokens, tokenizeText } from './tokenizer';

/** Every `name`/`contentName` in the grammar JSON, wherever it is nested. */
function scopeNames(value: unknown, found: string[] = []): string[] {
	if (Array.isArray(value)) {
		value.forEach((v) => scopeNames(v, found));
	} else if (value && typeof value === 'object') {
		for (const [key, field] of Object.entries(value)) {
			if ((key === 'name' || key === 'contentName') && typeof field === 'string') {
				found.push(field);
			} else {
				scopeNames(field, found);
			}
		}
	}
	return found;
}

function scopesOf(grammar: IGrammar, line: string, word: string): string {
	const token = tokenizeText(grammar, line).find((t) => t.text === word);
	return token ? token.scopes.join(' ') : '(no token)';
}

suite('TextMate grammar', () => {
	let grammar: IGrammar;
	suiteSetup(async () => {
		grammar = await loadMemmapGrammar();
	});

	const dir = path.join(repoRoot, 'test', 'grammar');
	for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.memmap')).sort()) {
		test(`scopes of ${file} (test/golden/grammar)`, () => {
			const text = fs.readFileSync(path.join(dir, file), 'utf8');
			assertGolden('grammar', file.replace(/\.memmap$/, ''), printTokens(tokenizeText(grammar, text)));
		});
	}

	test('every scope ends in .memmap', () => {
		const raw: unknown = JSON.parse(fs.readFileSync(path.join(repoRoot, 'syntaxes/memmap.tmLanguage.json'), 'utf8'));
		const names = scopeNames(raw).filter((n) => n !== 'memmap');
		assert.ok(names.length > 20);
		for (const name of names) {
			for (const scope of name.split(/\s+/)) {
				assert.match(scope, /\.memmap$/, `scope '${scope}' does not end in .memmap`);
			}
		}
	});

	test('colours every keyword of the scanner', () => {
		for (const kind of kindKeywords) {
			assert.strictEqual(scopesOf(grammar, `${kind} a size 1`, kind), 'storage.type.region.memmap', kind);
		}
		for (const prop of propertyKeywords) {
			assert.match(scopesOf(grammar, `ram a ${prop} 1`, prop), /^(keyword\.other\.property|storage\.modifier)\.memmap$/, prop);
		}
		for (const word of [...memberKeywords, ...itemKeywords, ...contextualKeywords]) {
			assert.match(scopesOf(grammar, `\t${word} `, word), /^(keyword|storage|constant)\.[a-z.]+\.memmap$/, word);
		}
	});

	test('colours whole number forms with their units', () => {
		for (const literal of ['0x1000_0000', '0b1010', '4096', '1_000', '-1']) {
			assert.match(scopesOf(grammar, `ram a size ${literal}`, literal), /^constant\.numeric\.\w+\.memmap$/, literal);
		}
		for (const [literal, digits, unit] of [['128M', '128', 'M'], ['4KiB', '4', 'KiB'], ['16E', '16', 'E']] as const) {
			const tokens = tokenizeText(grammar, `ram a size ${literal}`);
			const index = tokens.findIndex((t) => t.text === digits);
			assert.strictEqual(tokens[index]?.scopes.join(' '), 'constant.numeric.decimal.memmap', literal);
			assert.deepStrictEqual([tokens[index + 1]?.text, tokens[index + 1]?.scopes.join(' ')], [unit, 'keyword.other.unit.memmap']);
		}
		assert.strictEqual(scopesOf(grammar, 'ram a size 12Q', '12Q'), 'invalid.illegal.number.memmap');
	});

	test('keeps names with dots and dashes whole', () => {
		assert.strictEqual(scopesOf(grammar, 'ram pc.ram size 1', 'pc.ram'), 'entity.name.type.region.memmap');
		assert.strictEqual(scopesOf(grammar, 'alias x size 1 of ram-below-4g', 'ram-below-4g'), 'variable.other.reference.memmap');
	});
});
