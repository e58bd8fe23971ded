import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { diagnosticCodes, diagnosticDocsUrl, severityOverrides } from '../../core/src/diagnostics';
import { repoRoot } from '../util/golden';

/**
 * The three places that list every diagnostic code must agree with the core's list: the
 * README's table (the target of each diagnostic's `codeDescription` link), its count in
 * the README's prose, and the settings schema that completes and checks the codes of
 * `memmap.diagnostics.severity` in settings.json.
 */

const readme = fs.readFileSync(path.join(repoRoot, 'README.md'), 'utf8');

/** The table rows of the README's Diagnostics section: code and severity column. */
function readmeRows(): { code: string; severity: string }[] {
	const rows: { code: string; severity: string }[] = [];
	for (const match of readme.matchAll(/^\| <a id="([^"]+)"><\/a>`([^`]+)` \| ([^|]+) \|/gm)) {
		assert.strictEqual(match[2], match[1], `the anchor and the code of a row differ: ${match[0]}`);
		rows.push({ code: match[1] ?? '', severity: (match[3] ?? '').trim() });
	}
	return rows;
}

interface SeveritySchema {
	readonly markdownDescription: string;
	readonly properties: Record<string, { readonly enum: readonly string[]; readonly markdownDescription: string }>;
	readonly additionalProperties: unknown;
}

function severitySchema(): SeveritySchema {
	const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
	return manifest.contributes.configuration.properties['memmap.diagnostics.severity'];
}

suite('diagnostic codes: README and settings schema', () => {
	test('the README has one table row per code, and no other', () => {
		const codes = readmeRows().map((row) => row.code);
		assert.deepStrictEqual([...codes].sort(), [...diagnosticCodes].sort());
		assert.strictEqual(new Set(codes).size, codes.length);
	});

	test('the README says how many codes there are', () => {
		const counts = [...readme.matchAll(/(\d+) diagnostic codes/g)].map((match) => Number(match[1]));
		assert.ok(counts.length > 0);
		assert.deepStrictEqual(counts, counts.map(() => diagnosticCodes.length));
	});

	test('the severity setting lists every code, in the core order, and rejects others', () => {
		const schema = severitySchema();
		assert.deepStrictEqual(Object.keys(schema.properties), [...diagnosticCodes]);
		assert.strictEqual(schema.additionalProperties, false);
		for (const [code, property] of Object.entries(schema.properties)) {
			assert.deepStrictEqual(property.enum, [...severityOverrides], code);
		}
	});

	test('each code in the settings schema states the README severity and links to its row', () => {
		const schema = severitySchema();
		for (const code of diagnosticCodes) {
			const severity = readmeRows().find((row) => row.code === code)?.severity;
			const description = schema.properties[code]?.markdownDescription ?? '';
			assert.ok(description.startsWith(`Default: ${severity}. `), `${code}: ${description}`);
			assert.ok(description.endsWith(`(${diagnosticDocsUrl(code)})`), `${code}: ${description}`);
		}
	});
});
