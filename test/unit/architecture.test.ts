import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from '../util/golden';

/**
 * The architecture invariants of the README, enforced: each folder may import only what
 * its layer is allowed to see. tsconfig references and `types` catch most of this at
 * compile time; this test catches the rest (a package that brings its own types).
 */

function sourceFiles(folder: string): string[] {
	const root = path.join(repoRoot, folder);
	const out: string[] = [];
	const walk = (dir: string): void => {
		for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
			const full = path.join(dir, entry.name);
			if (entry.isDirectory()) {
				walk(full);
			} else if (entry.name.endsWith('.ts')) {
				out.push(full);
			}
		}
	};
	walk(root);
	return out;
}

function importsOf(file: string): string[] {
	const text = fs.readFileSync(file, 'utf8');
	const specifiers: string[] = [];
	for (const match of text.matchAll(/(?:from|import|require\()\s*['"]([^'"]+)['"]/g)) {
		specifiers.push(match[1] ?? '');
	}
	return specifiers;
}

function violations(folder: string, isAllowed: (specifier: string) => boolean): string[] {
	const bad: string[] = [];
	for (const file of sourceFiles(folder)) {
		for (const specifier of importsOf(file)) {
			if (!isAllowed(specifier)) {
				bad.push(`${path.relative(repoRoot, file)} imports '${specifier}'`);
			}
		}
	}
	return bad;
}

suite('architecture', () => {
	test('core is pure: only relative imports, no VS Code, LSP or Node built-ins', () => {
		assert.deepStrictEqual(
			violations('core/src', (s) => s.startsWith('./') || s.startsWith('../')),
			[],
		);
	});

	test('the client imports only protocol.ts from core', () => {
		assert.deepStrictEqual(
			violations('client/src', (s) => !s.includes('core/src') || s.endsWith('core/src/protocol')),
			[],
		);
	});

	test('the webview knows only the DOM, protocol.ts and the pure number helpers', () => {
		assert.deepStrictEqual(
			violations(
				'webview/src',
				(s) =>
					(s.startsWith('./') && !s.includes('vscode')) ||
					s.endsWith('core/src/protocol') ||
					s.endsWith('core/src/model/address'),
			),
			[],
		);
	});

	test('the server never writes to the console (stdout is the LSP transport)', () => {
		const bad = sourceFiles('server/src').filter((file) =>
			/(^|[^.\w])console\.(log|error|warn|info|debug)\(/m.test(
				fs.readFileSync(file, 'utf8').replace(/\/\/.*$|\/\*[\s\S]*?\*\//gm, ''),
			),
		);
		assert.deepStrictEqual(bad, []);
	});
});
