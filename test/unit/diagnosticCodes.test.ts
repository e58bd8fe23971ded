import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { diagnosticCodes } from '../../core/src/diagnostics';
import { repoRoot } from '../util/golden';

/**
 * The README must agree with the core's list of codes: its table (the target of each
 * diagnostic's `codeDescription` link) and the count in its prose.
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

suite('diagnostic codes: README', () => {
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
});
