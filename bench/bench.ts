/**
 * `npm run bench`: runs the core benchmark and, when present, the language-server and
 * webview benchmarks (`bench/server.ts`, `bench/webview.ts`, each exporting
 * `async function run(): Promise<Row[]>`), then prints one table. Optional arguments
 * name the parts to run: `node out/bench/bench.js core server`.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { run as runCore } from './core';
import { formatTable } from './table';
import type { Row } from './table';

type Part = () => Promise<Row[]>;

/** Loads the optional module `name` (compiled next to this file) if it exists. */
function optionalPart(name: string): Part | undefined {
	const file = path.join(__dirname, `${name}.js`);
	if (!fs.existsSync(file)) {
		return undefined;
	}
	// A runtime require: the module is another engineer's and may not exist in every build.
	const loaded: unknown = require(file);
	const run = (loaded as { run?: unknown } | null)?.run;
	return typeof run === 'function' ? (run as Part) : undefined;
}

async function main(): Promise<number> {
	const wanted = process.argv.slice(2);
	const parts: [string, Part | undefined][] = [
		['core', runCore],
		['server', optionalPart('server')],
		['webview', optionalPart('webview')],
	];
	const rows: Row[] = [];
	let failed = false;
	for (const [name, part] of parts) {
		if (part === undefined || (wanted.length > 0 && !wanted.includes(name))) {
			continue;
		}
		process.stderr.write(`bench: running ${name}...\n`);
		try {
			rows.push(...(await part()));
		} catch (error) {
			failed = true;
			process.stderr.write(
				`bench: ${name} failed: ${error instanceof Error ? error.message : String(error)}\n`,
			);
		}
	}
	// The load average says how much other work competed with the measurements.
	const load = os
		.loadavg()
		.map((value) => value.toFixed(2))
		.join(' ');
	process.stdout.write(
		`node ${process.version}, ${process.platform} ${process.arch}, ${os.cpus().length} CPUs, load average ${load}\n\n`,
	);
	process.stdout.write(formatTable(rows));
	return failed ? 1 : 0;
}

main().then(
	(code) => {
		process.exitCode = code;
	},
	(error: unknown) => {
		process.stderr.write(
			`bench: ${error instanceof Error ? error.message : String(error)}\n`,
		);
		process.exitCode = 1;
	},
);
