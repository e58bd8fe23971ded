import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { assertGolden, repoRoot } from '../util/golden';

/** What one run of the CLI printed and returned. */
export interface CliResult {
	readonly status: number | null;
	readonly stdout: string;
	readonly stderr: string;
}

const bin = path.join(repoRoot, 'bin', 'memmap.js');

/**
 * Runs `node bin/memmap.js ...args` as a child process, from the repository root by
 * default, with `input` (if given) on its standard input.
 */
export function memmap(args: readonly string[], cwd = repoRoot, input?: string | Buffer): CliResult {
	const result = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', input });
	return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The path of a CLI fixture, relative to the repository root (as the goldens show it). */
export function fixture(name: string): string {
	return path.join('test', 'fixtures', 'cli', name);
}

/** The run as golden text: the command line, stdout, stderr (if any) and the exit code. */
export function transcript(args: readonly string[], result: CliResult): string {
	const parts = [`$ memmap ${args.join(' ')}`, result.stdout.trimEnd()];
	if (result.stderr !== '') {
		parts.push('--- stderr', result.stderr.trimEnd());
	}
	parts.push(`--- exit ${result.status}`);
	return parts.filter((part) => part !== '').join('\n') + '\n';
}

/** Runs the CLI and compares its transcript with `test/golden/cli/<name>.txt`. */
export function checkGolden(name: string, args: readonly string[]): CliResult {
	const result = memmap(args);
	assertGolden('cli', name, transcript(args, result));
	return result;
}
