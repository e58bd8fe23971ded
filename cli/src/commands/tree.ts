/** `memmap tree FILE [--format text|json|qemu]`: the region tree with absolute addresses. */
import { choice, expectPositionals } from '../args';
import type { ParsedArgs } from '../args';
import type { Command, Io } from '../command';
import { exitFindings, exitOk } from '../failure';
import { loadBoard, reportErrors } from '../load';
import { qemuMtree } from '../qemu';
import { treeJson, treeText } from '../render/treeView';

const help = `usage: memmap tree FILE [--format text|json|qemu]

Prints the region tree of each address space with absolute addresses: start-end
(inclusive), size, kind, priority, the region name indented by depth, and its alias
target and flags (disabled, readonly, nonvolatile, overlap). Children are listed as
'info mtree' lists them: by address, then higher priority first. Top-level
regions in no space (alias targets) follow, with addresses relative to their start.

options:
  --format FORMAT   text (default), json (end exclusive, hex strings), or qemu
                    (the text of QEMU's 'info mtree -D')

Errors in the board are printed on stderr and the output is best effort.
exit status: 0 ok, 1 the board has errors, 2 usage or I/O error
`;

function runTree(args: ParsedArgs, io: Io): number {
	expectPositionals('tree', args, 1, 1, 'FILE');
	const format = choice('tree', args, '--format', ['text', 'json', 'qemu'], 'text');
	const board = loadBoard(args.positionals[0] ?? '', io);
	const tree = board.analysis.tree;
	if (format === 'qemu') {
		io.stdout(qemuMtree(board.analysis));
	} else {
		io.stdout(format === 'json' ? treeJson(tree) : treeText(tree));
	}
	return reportErrors(board, io) ? exitFindings : exitOk;
}

export const treeCommand: Command = {
	name: 'tree',
	summary: 'print the region tree with absolute addresses',
	help,
	options: { '--format': 'value' },
	run: runTree,
};
