/** `memmap owner FILE ADDRESS... [--space NAME] [--format text|json]`: which region answers each address, and why. */
import { explainOwner, maxAddress, parseNumber, qemuOwnerLine, spaceExtent, toHex } from '../../../core/src/index';
import type { OwnerExplanation, SpaceView } from '../../../core/src/index';
import { choice, expectPositionals } from '../args';
import type { ParsedArgs } from '../args';
import type { Command, Io } from '../command';
import { CliFailure, exitFindings, exitOk } from '../failure';
import { readInput, stdinArgument } from '../files';
import { loadBoard, reportErrors, selectSpaces, type LoadedBoard } from '../load';
import { rangeJson, type FlatRangeJson } from '../render/flatView';

const help = `usage: memmap owner FILE ADDRESS... [--space NAME] [--format text|json]

Explains which region answers each ADDRESS in each address space (or only in NAME): the
owning region and the offset inside it, the chain of containers and aliases that leads
there, and the regions that also cover the address but lose (and why); for a hole, how
far it reaches. With QEMU's 'info mtree -f' beside the board as NAME.flat.txt, also what
QEMU renders there. ADDRESS is any number of the language: 0xfee00000, 0xfee0_0000,
0b1010, 4G, 64KiB. An ADDRESS written as '-' stands for every address on standard input
(separated by spaces, commas or line breaks): the board is analysed once for all of them,
so a log's faulting addresses can be piped in.

options:
  --space NAME      only this address space
  --format FORMAT   text (default), or json: an array with one object per address and
                    space: {address, space, owner (as 'memmap flat --format json' prints a
                    range, or null), offset, hole ({start, end}, or null), chain, hides,
                    explanation (the text's lines), qemu (with a capture)}

exit status: 0 found, 1 an address is a hole in every space asked (or the board has
errors), 2 usage or I/O error (also a malformed ADDRESS or an unknown space)
`;

/**
 * Parses ADDRESS as a number of the language; a usage error when malformed or past
 * 2^64-1. `where` says where it was read, when not on the command line.
 */
function parseAddress(text: string, where = ''): bigint {
	const value = parseNumber(text.trim());
	if (value === undefined) {
		throw new CliFailure(
			`owner: invalid address '${text}'${where} (expected a number such as 0xfee0_0000 or 4G)`,
		);
	}
	if (value > maxAddress) {
		throw new CliFailure(
			`owner: address '${text}' is past the last address 0xffff_ffff_ffff_ffff`,
		);
	}
	return value;
}

/** The ADDRESS arguments, each '-' replaced by the addresses on standard input. */
function addressesOf(board: string, written: readonly string[], io: Io): bigint[] {
	const addresses: bigint[] = [];
	for (const argument of written) {
		if (argument !== stdinArgument) {
			addresses.push(parseAddress(argument));
			continue;
		}
		if (board === stdinArgument) {
			throw new CliFailure(`owner: standard input ('${stdinArgument}') cannot hold both the board and the addresses`);
		}
		const before = addresses.length;
		// A `\r` before a line feed is a separator like any space.
		readInput(stdinArgument, io)
			.split('\n')
			.forEach((line, i) => {
				for (const token of line.split(/[\s,]+/)) {
					if (token !== '') {
						addresses.push(parseAddress(token, ` on line ${i + 1} of standard input`));
					}
				}
			});
		if (addresses.length === before) {
			throw new CliFailure('owner: standard input holds no address');
		}
	}
	return addresses;
}

/** One address explained in one space. */
interface Answer {
	readonly view: SpaceView;
	readonly explanation: OwnerExplanation;
	/** What QEMU renders there, with a capture beside the board. */
	readonly qemu: string | undefined;
}

function answer(board: LoadedBoard, view: SpaceView, address: bigint): Answer {
	const tree = board.analysis.tree;
	const explanation = explainOwner(tree, view.view, address, undefined, spaceExtent(tree, view));
	const capture = board.analysis.capture;
	return { view, explanation, qemu: capture === undefined ? undefined : qemuOwnerLine(capture, view, address) };
}

function answerText(answer: Answer): string {
	const lines = [`space ${answer.view.space.name}:`, ...answer.explanation.lines, ...(answer.qemu === undefined ? [] : [answer.qemu])];
	return lines.map((line, i) => (i === 0 ? line : `  ${line}`)).join('\n') + '\n';
}

interface AnswerJson {
	readonly address: string;
	readonly space: string;
	readonly owner: FlatRangeJson | null;
	readonly offset: string | null;
	readonly hole: { start: string; end: string } | null;
	readonly chain: readonly string[];
	readonly hides: readonly { region: string; path: string; reason: string }[];
	readonly explanation: readonly string[];
	readonly qemu?: string;
}

function answerJson(board: LoadedBoard, { view, explanation, qemu }: Answer): AnswerJson {
	const tree = board.analysis.tree;
	const { address, range, hole } = explanation;
	return {
		address: toHex(address),
		space: view.space.name,
		owner: range === undefined ? null : rangeJson(tree, board.texts, range),
		offset: range === undefined ? null : toHex(range.offsetInRegion + (address - range.start)),
		hole: hole === undefined ? null : { start: toHex(hole.start), end: toHex(hole.end) },
		chain: explanation.chain.map((id) => tree.regions[id]?.path ?? '?'),
		hides: explanation.hidden.map(({ region, reason }) => ({
			region: tree.regions[region]?.name ?? '?',
			path: tree.regions[region]?.path ?? '?',
			reason,
		})),
		explanation: explanation.lines,
		...(qemu === undefined ? {} : { qemu }),
	};
}

function runOwner(args: ParsedArgs, io: Io): number {
	expectPositionals('owner', args, 2, undefined, 'FILE and ADDRESS');
	const format = choice('owner', args, '--format', ['text', 'json'], 'text');
	const file = args.positionals[0] ?? '';
	const addresses = addressesOf(file, args.positionals.slice(1), io);
	const board = loadBoard(file, io);
	const views = selectSpaces('owner', board.analysis, args.values.get('--space'));
	const answers = addresses.map((address) => views.map((view) => answer(board, view, address)));
	if (format === 'json') {
		io.stdout(JSON.stringify(answers.flat().map((a) => answerJson(board, a)), null, 2) + '\n');
	} else if (views.length === 0) {
		io.stdout('no address space: the board defines no region\n');
	} else {
		io.stdout(answers.map((perSpace) => perSpace.map(answerText).join('\n')).join('\n'));
	}
	const everyFound = answers.every((perSpace) => perSpace.some((a) => a.explanation.range !== undefined));
	const hasErrors = reportErrors(board, io);
	return everyFound && !hasErrors ? exitOk : exitFindings;
}

export const ownerCommand: Command = {
	name: 'owner',
	summary: 'explain which region answers an address (or several), and why',
	help,
	options: { '--space': 'value', '--format': 'value' },
	run: runOwner,
};
