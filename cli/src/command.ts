/**
 * The shape shared by every subcommand: its name, help text, the options it accepts and
 * a `run` that writes through `Io` and returns the exit code.
 */
import type { OptionSpec, ParsedArgs } from './args';

/** Where a command writes, and the directory relative paths are resolved against. */
export interface Io {
	readonly stdout: (text: string) => void;
	readonly stderr: (text: string) => void;
	readonly cwd: string;
	/** The text of standard input, for a FILE given as `-` (read once; absent: none). */
	readonly stdin?: () => string;
}

export interface Command {
	readonly name: string;
	/** One line for the command list of `memmap --help`. */
	readonly summary: string;
	/** The full `memmap NAME --help` text. */
	readonly help: string;
	readonly options: OptionSpec;
	/** Runs with parsed arguments; returns the exit code. May throw `CliFailure`. */
	run(args: ParsedArgs, io: Io): number;
}
