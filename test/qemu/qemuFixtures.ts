/**
 * Helpers of the QEMU fidelity tests: the real QEMU 7.2 outputs in
 * test/fixtures/qemu-7.2 and a one-call import + analyse.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzeText, importMtree, type Analysis, type MtreeError } from '../../core/src/index';
import { repoRoot } from '../util/golden';

export const qemuFixtures = path.join(repoRoot, 'test', 'fixtures', 'qemu-7.2');

/** Every machine with an `info mtree -D` capture, found by globbing the fixture folder. */
export function machines(): string[] {
	return fs
		.readdirSync(qemuFixtures)
		.filter((file) => file.endsWith('.mtreeD.txt'))
		.map((file) => file.slice(0, -'.mtreeD.txt'.length))
		.sort();
}

/** `NAME.mtree.txt` (plain), `NAME.mtreeD.txt` (`-D`) or `NAME.flat.txt` (`-f`). */
export function capture(machine: string, kind: 'mtree' | 'mtreeD' | 'flat'): string {
	return fs.readFileSync(path.join(qemuFixtures, `${machine}.${kind}.txt`), 'utf8');
}

/** The outcome of importing and then analysing the imported text. */
export interface Imported {
	readonly text: string;
	readonly errors: readonly MtreeError[];
	readonly analysis: Analysis;
}

export function importAndAnalyze(tree: string, flat?: string): Imported {
	const result = importMtree(tree, flat, { source: 'test' });
	return { ...result, analysis: analyzeText(result.text, 'imported.memmap') };
}

/** Error diagnostics of an analysis as `code: message` lines (for assertion messages). */
export function analysisErrors(analysis: Analysis): string[] {
	return analysis.diagnostics
		.filter((diagnostic) => diagnostic.severity === 'error')
		.map((diagnostic) => `${diagnostic.code}: ${diagnostic.message}`);
}

/** Formats import errors as `line:column: message`. */
export function importErrors(errors: readonly MtreeError[]): string[] {
	return errors.map((error) => `${error.file === 'flat' ? 'flat ' : ''}${error.line}:${error.column ?? ''}: ${error.message}`);
}

/**
 * Plain `info mtree` hides disabled aliases but still queues their targets, so it lists
 * `memory-region:` blocks that no printed alias names; an import cannot know those
 * aliases, so such blocks are left out of comparisons (docs/qemu.md, Limits).
 */
export function withoutInvisibleQueue(tree: string): string {
	const named = new Set([...tree.matchAll(/: alias .*? @(.*) [0-9a-f]{16}-[0-9a-f]{16}$/gm)].map((match) => match[1]));
	return tree
		.split(/\n\n+/)
		.filter((block) => !block.startsWith('memory-region: ') || named.has(block.split('\n')[0]?.slice(15)))
		.join('\n\n');
}
