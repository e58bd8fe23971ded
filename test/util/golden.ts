import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';

/** The repository root, found from the compiled file's location (out/test/util). */
export const repoRoot = path.resolve(__dirname, '..', '..', '..');

/**
 * Compares `actual` with `test/golden/<stage>/<name>.txt`. With UPDATE_GOLDEN=1 (and
 * not in CI) it writes the file instead; a missing golden fails in CI.
 */
export function assertGolden(stage: string, name: string, actual: string): void {
	const file = path.join(repoRoot, 'test', 'golden', stage, `${name}.txt`);
	const update = process.env.UPDATE_GOLDEN === '1' && !process.env.CI;
	const text = actual.endsWith('\n') ? actual : actual + '\n';
	if (update) {
		fs.mkdirSync(path.dirname(file), { recursive: true });
		fs.writeFileSync(file, text);
		return;
	}
	if (!fs.existsSync(file)) {
		assert.fail(`missing golden ${path.relative(repoRoot, file)}; run: npm run test:update-golden`);
	}
	const expected = fs.readFileSync(file, 'utf8');
	if (expected !== text) {
		assert.strictEqual(
			text,
			expected,
			`golden ${path.relative(repoRoot, file)} differs; if the change is intended run: npm run test:update-golden`,
		);
	}
}

/** Joins lines with '\n' and a trailing newline, for small inline expectations. */
export function joinLines(...lines: string[]): string {
	return lines.join('\n') + '\n';
}
