/**
 * `memmap diff OLD NEW [--space NAME] [--format text|json]`: where two sets of flat views
 * disagree. Each side is a board or the `info mtree -f` text of a QEMU machine, so the
 * same command reviews a change to a board and checks a board against what QEMU renders.
 */
import { diffFlatSpaces, firstContentLine, flatSpacesOfAnalysis, flatSpacesOfText } from '../../../core/src/qemu/index';
import type { FlatSpace } from '../../../core/src/qemu/index';
import { choice, expectPositionals } from '../args';
import type { ParsedArgs } from '../args';
import type { Command, Io } from '../command';
import { CliFailure, exitFindings, exitOk, exitUsage } from '../failure';
import { inputName, readInput } from '../files';
import { loadBoard, reportErrors } from '../load';
import { diffJson, diffText } from '../render/flatDiff';

const help = `usage: memmap diff OLD NEW [--space NAME] [--format text|json]

Compares the flattened views of two memory maps, address by address, and prints every
stretch of addresses whose owner differs: the owning region's name, type, priority and
offset, as QEMU's 'info mtree -f' prints them, or a hole. OLD and NEW are each a .memmap
board or the text of 'info mtree -f', with or without -o and -d (recognised by its first
line, 'FlatView #0'), so one command reviews a change to a board and checks a board
against the QEMU machine it describes. Spaces are matched by name (where a name repeats,
as QEMU allows, by its root's name and then by content); ranges split differently but
owned the same way are equal. A region that only moved (one stretch left, one of the
same length taken) is named on a 'moved' line after its space's differences.

options:
  --space NAME      only this address space
  --format FORMAT   text (default) or json (hex strings, end exclusive)

exit status: 0 the same, 1 different, 2 usage or I/O error, or an input with errors
(printed on stderr; the comparison is still printed, best effort)
`;

/** One side of the comparison, and whether reading it found errors. */
interface Side {
	readonly spaces: readonly FlatSpace[];
	readonly troubled: boolean;
}

function readSide(file: string, io: Io): Side {
	const text = readInput(file, io);
	const head = firstContentLine(text);
	if (/^(address-space|memory-region): /.test(head)) {
		throw new CliFailure(
			`diff: '${inputName(file)}' is 'info mtree' text: give the 'info mtree -f' text, or import it first (memmap import-mtree)`,
		);
	}
	if (/^FlatView #\d+\s*$/.test(head)) {
		const { spaces, errors } = flatSpacesOfText(text);
		for (const e of errors) {
			io.stderr(`${inputName(file)}:${e.line}:${e.column ?? 1}: error: ${e.message}\n`);
		}
		return { spaces, troubled: errors.length > 0 };
	}
	const board = loadBoard(file, io);
	const troubled = reportErrors(board, io);
	return { spaces: flatSpacesOfAnalysis(board.analysis), troubled };
}

/** Both sides restricted to space `name`; a usage error when neither has it. */
function onlySpace(name: string, before: readonly FlatSpace[], after: readonly FlatSpace[]): [FlatSpace[], FlatSpace[]] {
	const pick = (spaces: readonly FlatSpace[]): FlatSpace[] => spaces.filter((s) => s.name === name);
	const picked: [FlatSpace[], FlatSpace[]] = [pick(before), pick(after)];
	if (picked[0].length === 0 && picked[1].length === 0) {
		const known = [...new Set([...before, ...after].map((s) => s.name))];
		throw new CliFailure(`diff: unknown space '${name}' (spaces: ${known.length > 0 ? known.join(', ') : 'none'})`);
	}
	return picked;
}

function runDiff(args: ParsedArgs, io: Io): number {
	expectPositionals('diff', args, 2, 2, 'OLD and NEW');
	const format = choice('diff', args, '--format', ['text', 'json'], 'text');
	const [oldFile = '', newFile = ''] = args.positionals;
	const before = readSide(oldFile, io);
	const after = readSide(newFile, io);
	const space = args.values.get('--space');
	const [a, b] = space === undefined ? [before.spaces, after.spaces] : onlySpace(space, before.spaces, after.spaces);
	const spaces = diffFlatSpaces(a, b);
	const [oldName, newName] = [inputName(oldFile), inputName(newFile)];
	io.stdout(format === 'json' ? diffJson(spaces, oldName, newName) : diffText(spaces, oldName, newName));
	if (before.troubled || after.troubled) {
		return exitUsage;
	}
	return spaces.every((s) => s.status === 'same') ? exitOk : exitFindings;
}

export const diffCommand: Command = {
	name: 'diff',
	summary: 'compare the flat views of two boards, or of a board and QEMU',
	help,
	options: { '--space': 'value', '--format': 'value' },
	run: runDiff,
};
