/**
 * The `memmap` command line: dispatches to one command per file in `commands/`, turns
 * `CliFailure`s into one line on stderr (exit 2) and anything unexpected into
 * `memmap: internal error: <message>` (exit 70), never a stack trace.
 */
import { parseArgs } from './args';
import type { Command, Io } from './command';
import { checkCommand } from './commands/check';
import { diffCommand } from './commands/diff';
import { exportCommand } from './commands/export';
import { flatCommand } from './commands/flat';
import { fmtCommand } from './commands/fmt';
import { importMtreeCommand } from './commands/importMtree';
import { ownerCommand } from './commands/owner';
import { treeCommand } from './commands/tree';
import { CliFailure, exitInternal, exitOk, exitUsage } from './failure';
import { readStandardInput } from './files';

const allCommands: readonly Command[] = [
	checkCommand,
	flatCommand,
	treeCommand,
	ownerCommand,
	diffCommand,
	exportCommand,
	fmtCommand,
	importMtreeCommand,
];

function usage(commands: readonly Command[]): string {
	const width = Math.max(...commands.map((c) => c.name.length));
	const list = commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n');
	const stdin = "A FILE (or TREE.txt, FLAT.txt, OLD, NEW) written as '-' is standard input, named <stdin>.";
	return `usage: memmap COMMAND [ARGS...]\n\ncommands:\n${list}\n\n${stdin}\nRun 'memmap COMMAND --help' for a command's options.\n`;
}

function dispatch(argv: readonly string[], io: Io, commands: readonly Command[]): number {
	const [name, ...rest] = argv;
	if (name === undefined) {
		io.stderr(usage(commands));
		return exitUsage;
	}
	if (name === '--help' || name === '-h' || name === 'help') {
		io.stdout(usage(commands));
		return exitOk;
	}
	const command = commands.find((c) => c.name === name);
	if (command === undefined) {
		throw new CliFailure(
			`unknown command '${name}' (commands: ${commands.map((c) => c.name).join(', ')})`,
		);
	}
	if (rest.includes('--help') || rest.includes('-h')) {
		io.stdout(command.help);
		return exitOk;
	}
	return command.run(parseArgs(name, rest, command.options), io);
}

/**
 * Runs the CLI on `argv` (without `node` and the script) and returns the exit code;
 * `commands` is replaceable so that tests can reach the internal-error path.
 */
export function main(
	argv: readonly string[],
	io: Io,
	commands: readonly Command[] = allCommands,
): number {
	try {
		return dispatch(argv, io, commands);
	} catch (error) {
		if (error instanceof CliFailure) {
			io.stderr(`memmap: ${error.message}\n`);
			return error.exitCode;
		}
		const message = error instanceof Error ? error.message : String(error);
		io.stderr(`memmap: internal error: ${message}\n`);
		return exitInternal;
	}
}

/** Runs the CLI on this process's arguments and sets its exit code (used by `bin/memmap.js`). */
export function runCli(): void {
	// A reader that stops early (`memmap flat big.memmap | head`) closes the pipe: that is
	// the end of the output, not an error worth a stack trace.
	process.stdout.on('error', (error: NodeJS.ErrnoException) => {
		if (error.code === 'EPIPE') {
			process.exit(process.exitCode ?? 0);
		}
		process.stderr.write(`memmap: cannot write the output: ${error.message}\n`);
		process.exit(exitUsage);
	});
	// process.exitCode (not process.exit) lets piped stdout drain before the process ends.
	process.exitCode = main(process.argv.slice(2), {
		stdout: (text) => process.stdout.write(text),
		stderr: (text) => process.stderr.write(text),
		cwd: process.cwd(),
		stdin: once(readStandardInput),
	});
}

/** `read`, called at most once (a FILE `-` may be read by several steps). */
function once(read: () => string): () => string {
	let text: string | undefined;
	return () => (text ??= read());
}

if (require.main === module) {
	runCli();
}
