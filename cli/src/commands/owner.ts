/** `memmap owner FILE ADDRESS [--space NAME]`: which region answers an address, and why. */
import { explainOwner, maxAddress, parseNumber, qemuOwnerLine } from '../../../core/src/index';
import { expectPositionals } from '../args';
import type { ParsedArgs } from '../args';
import type { Command, Io } from '../command';
import { CliFailure, exitFindings, exitOk } from '../failure';
import { loadBoard, reportErrors, selectSpaces } from '../load';

const help = `usage: memmap owner FILE ADDRESS [--space NAME]

Explains which region answers ADDRESS in each address space (or only in NAME): the
owning region and the offset inside it, the chain of containers and aliases that leads
there, and the regions that also cover the address but lose (and why). With QEMU's
'info mtree -f' beside the board as NAME.flat.txt, also what QEMU renders there.
ADDRESS is any number of the language: 0xfee00000, 0xfee0_0000, 0b1010, 4G, 64KiB.

options:
  --space NAME      only this address space

exit status: 0 found, 1 the address is a hole in every space asked (or the board has
errors), 2 usage or I/O error (also a malformed ADDRESS or an unknown space)
`;

/** Parses ADDRESS as a number of the language; a usage error when malformed or past 2^64-1. */
function parseAddress(text: string): bigint {
	const value = parseNumber(text.trim());
	if (value === undefined) {
		throw new CliFailure(
			`owner: invalid address '${text}' (expected a number such as 0xfee0_0000 or 4G)`,
		);
	}
	if (value > maxAddress) {
		throw new CliFailure(
			`owner: address '${text}' is past the last address 0xffff_ffff_ffff_ffff`,
		);
	}
	return value;
}

function runOwner(args: ParsedArgs, io: Io): number {
	expectPositionals('owner', args, 2, 2, 'FILE and ADDRESS');
	const address = parseAddress(args.positionals[1] ?? '');
	const board = loadBoard(args.positionals[0] ?? '', io);
	const views = selectSpaces('owner', board.analysis, args.values.get('--space'));
	let found = false;
	const blocks = views.map((view) => {
		const explanation = explainOwner(board.analysis.tree, view.view, address);
		found ||= explanation.range !== undefined;
		const lines = [`space ${view.space.name}:`, ...explanation.lines.map((line) => '  ' + line)];
		const capture = board.analysis.capture;
		const qemu = capture === undefined ? undefined : qemuOwnerLine(capture, view, address);
		return [...lines, ...(qemu === undefined ? [] : [`  ${qemu}`])].join('\n') + '\n';
	});
	io.stdout(
		blocks.length > 0
			? blocks.join('\n')
			: 'no address space: the board defines no region\n',
	);
	const hasErrors = reportErrors(board, io);
	return found && !hasErrors ? exitOk : exitFindings;
}

export const ownerCommand: Command = {
	name: 'owner',
	summary: 'explain which region answers an address, and why',
	help,
	options: { '--space': 'value' },
	run: runOwner,
};
