/** `memmap flat FILE [--space NAME] [--format text|json|qemu]`: the flattened views. */
import { choice, expectPositionals } from '../args';
import type { ParsedArgs } from '../args';
import type { Command, Io } from '../command';
import { exitFindings, exitOk } from '../failure';
import { loadBoard, reportErrors, selectSpaces } from '../load';
import { flatJson, flatText } from '../render/flatView';
import { qemuFlatViews } from '../qemu';

const help = `usage: memmap flat FILE [--space NAME] [--format text|json|qemu]

Prints the flattened view of each address space (as QEMU's FlatView): one row per
range with its start, end (inclusive, as QEMU prints), size, owning region (name and
path), kind, priority, offset inside the owner and attributes (readonly, nonvolatile,
via alias ...), and a '-- hole --' row for each gap inside the space's root region.

options:
  --space NAME      only this address space
  --format FORMAT   text (default), json (end exclusive, hex strings), or qemu
                    (the text of QEMU's 'info mtree -f'; every space, --space ignored)

Errors in the board are printed on stderr and the output is best effort.
exit status: 0 ok, 1 the board has errors, 2 usage or I/O error
`;

function runFlat(args: ParsedArgs, io: Io): number {
	expectPositionals('flat', args, 1, 1, 'FILE');
	const format = choice('flat', args, '--format', ['text', 'json', 'qemu'], 'text');
	const board = loadBoard(args.positionals[0] ?? '', io);
	const views = selectSpaces('flat', board.analysis, args.values.get('--space'));
	const tree = board.analysis.tree;
	if (format === 'qemu') {
		io.stdout(qemuFlatViews(board.analysis));
	} else if (format === 'json') {
		io.stdout(flatJson(tree, board.texts, views));
	} else {
		io.stdout(flatText(tree, views));
	}
	return reportErrors(board, io) ? exitFindings : exitOk;
}

export const flatCommand: Command = {
	name: 'flat',
	summary: 'print the flattened view of each address space, with holes',
	help,
	options: { '--space': 'value', '--format': 'value' },
	run: runFlat,
};
