/**
 * A small argument parser (no dependency): positionals, boolean flags and options with
 * a value (`--format json`, `--format=json`, `-o out`). `--` ends the options.
 */
import { CliFailure } from './failure';

/** Option name (with its dashes, e.g. `--format`, `-o`) to whether it takes a value. */
export type OptionSpec = Readonly<Record<string, 'flag' | 'value'>>;

export interface ParsedArgs {
	readonly positionals: readonly string[];
	readonly flags: ReadonlySet<string>;
	readonly values: ReadonlyMap<string, string>;
}

/** Parses `args` of command `command` against `spec`; throws `CliFailure` on a bad option. */
export function parseArgs(
	command: string,
	args: readonly string[],
	spec: OptionSpec,
): ParsedArgs {
	const positionals: string[] = [];
	const flags = new Set<string>();
	const values = new Map<string, string>();
	for (let i = 0; i < args.length; i++) {
		const arg = args[i] ?? '';
		if (arg === '--') {
			positionals.push(...args.slice(i + 1));
			break;
		}
		if (!arg.startsWith('-') || arg === '-') {
			positionals.push(arg);
			continue;
		}
		const equals = arg.startsWith('--') ? arg.indexOf('=') : -1;
		const name = equals < 0 ? arg : arg.slice(0, equals);
		const kind = spec[name];
		if (kind === undefined) {
			throw new CliFailure(
				`${command}: unknown option '${name}' (see 'memmap ${command} --help')`,
			);
		}
		if (values.has(name) || flags.has(name)) {
			throw new CliFailure(`${command}: option '${name}' given twice`);
		}
		if (kind === 'flag') {
			if (equals >= 0) {
				throw new CliFailure(`${command}: option '${name}' takes no value`);
			}
			flags.add(name);
			continue;
		}
		const value = equals >= 0 ? arg.slice(equals + 1) : args[++i];
		if (value === undefined || value === '') {
			throw new CliFailure(`${command}: option '${name}' needs a value`);
		}
		values.set(name, value);
	}
	return { positionals, flags, values };
}

/** The value of a choice option, checked against `choices`; `fallback` when absent. */
export function choice<T extends string>(
	command: string,
	args: ParsedArgs,
	name: string,
	choices: readonly T[],
	fallback: T,
): T {
	const value = args.values.get(name);
	if (value === undefined) {
		return fallback;
	}
	const found = choices.find((c) => c === value);
	if (found === undefined) {
		throw new CliFailure(
			`${command}: invalid ${name} '${value}' (expected ${choices.join(', ')})`,
		);
	}
	return found;
}

/** Checks the number of positionals; `max` undefined means unbounded. */
export function expectPositionals(
	command: string,
	args: ParsedArgs,
	min: number,
	max: number | undefined,
	what: string,
): void {
	const count = args.positionals.length;
	if (count < min) {
		throw new CliFailure(`${command}: missing ${what} (usage: memmap ${command} --help)`);
	}
	if (max !== undefined && count > max) {
		const extra = args.positionals[max] ?? '';
		throw new CliFailure(`${command}: unexpected argument '${extra}'`);
	}
}
