/**
 * `memmap export FILE [--format c|ld|md|qemu] [--space NAME] [--prefix P] [--output OUT [--check]]`:
 * one address space as a C header of region addresses, a GNU ld `MEMORY` command, or a
 * Markdown memory map.
 */
import * as path from 'node:path';
import { exportFormats, exportSpace, isExportPrefix } from '../../../core/src/index';
import { choice, expectPositionals } from '../args';
import type { ParsedArgs } from '../args';
import type { Command, Io } from '../command';
import { CliFailure, exitFindings, exitOk } from '../failure';
import { freshness, writeIfChanged, type Freshness } from '../generatedFile';
import { loadBoard, reportErrors } from '../load';

const help = `usage: memmap export FILE [--format c|ld|md|qemu] [--space NAME] [--prefix PREFIX]
                     [--output OUT [--check]]

Writes one address space for the code and documents that must agree with the board:

  c    a C header: NAME_BASE (absolute address) and NAME_SIZE for the space's root and
       every region placed in it through containers, aliases included, in 'info mtree'
       order, each with a comment (kind, size, parent, access sizes, flags and its ///
       documentation). Values are plain hex literals, so assembler can include it too.
  ld   a GNU ld MEMORY command: one line per stretch of RAM or ROM that the space
       really shows (its flat view), rx for ROM and read-only RAM, rwx for RAM, named
       after the alias that windows it (ram-below-4g) or else its region.
  md   a Markdown memory map, as a datasheet prints one: every stretch of addresses in
       order with the region that answers there (its kind, access sizes and ///
       documentation) and the unmapped stretches between them. Without --space, every
       space of the board, a section each.
  qemu the QEMU C code that builds the space: a struct of MemoryRegions and an init
       function of memory_region_init_* calls (alias targets first), then the
       add_subregion[_overlap] calls in the board's order and the set_readonly,
       set_enabled, set_nonvolatile and coalescing calls; io and romd regions get
       MemoryRegionOps with the board's access sizes and endianness and stub callbacks
       that log the access as unimplemented. Alias targets the space shows only through
       an alias are built too.

In c and ld, names are region names in upper case with every other character run
turned into '_' (pc.ram -> PC_RAM); a name shared across containers is prefixed with
its container's (B0_RAM), and what still repeats is numbered (PAM_PCI, PAM_PCI_2).

options:
  --format FORMAT   c (default), ld, md or qemu
  --space NAME      the address space; c, ld and qemu need it when the board has more than one
  --prefix PREFIX   put in front of every name (and of the header's include guard);
                    c, ld and qemu (its type and function names)
  --output OUT      write to OUT instead of stdout (left untouched when already current)
  --check           with --output: write nothing; exit 1 if OUT is missing or differs
                    from what the board gives (its banner comment aside), for CI

A board with errors is not exported: its errors are printed on stderr.
exit status: 0 ok, 1 the board has errors or OUT is out of date (--check),
2 usage or I/O error
`;

function runExport(args: ParsedArgs, io: Io): number {
	expectPositionals('export', args, 1, 1, 'FILE');
	const format = choice('export', args, '--format', exportFormats, 'c');
	const prefix = args.values.get('--prefix') ?? '';
	if (!isExportPrefix(prefix)) {
		// Before reading the board: a usage mistake needs no analysis.
		throw new CliFailure(`export: --prefix '${prefix}' is not an identifier (letters, digits and '_', not starting with a digit)`);
	}
	const output = args.values.get('--output');
	const check = args.flags.has('--check');
	if (check && output === undefined) {
		throw new CliFailure('export: --check needs --output FILE (the file to compare)');
	}
	const file = args.positionals[0] ?? '';
	const board = loadBoard(file, io);
	if (output !== undefined && board.analysis.documents.has(path.resolve(io.cwd, output))) {
		throw new CliFailure(`export: --output '${output}' is a file of the board itself`);
	}
	const request = { format, space: args.values.get('--space'), prefix, file, output };
	const outcome = exportSpace(board.analysis, request);
	if (!outcome.ok && outcome.problem === 'usage') {
		throw new CliFailure(`export: ${outcome.message}`);
	}
	if (!outcome.ok) {
		reportErrors(board, io);
		io.stderr(`memmap: export: ${outcome.message}\n`);
		return exitFindings;
	}
	if (output === undefined) {
		io.stdout(outcome.text);
	} else if (check) {
		return reportFreshness(output, file, outcome.command, freshness(output, io.cwd, outcome.text), io);
	} else {
		writeIfChanged(output, io.cwd, outcome.text);
	}
	return exitOk;
}

/** `--check`: one verdict on stdout, with the first differing line and the way to mend it. */
function reportFreshness(output: string, file: string, command: string, result: Freshness, io: Io): number {
	switch (result.state) {
		case 'current':
			return exitOk;
		case 'missing':
			io.stdout(`${output}: missing; the board ${file} exports to it\n`);
			break;
		case 'stale':
			io.stdout(
				`${output}:${result.line}: out of date with the board ${file}\n` +
					`  expected: ${result.expected}\n` +
					`  found:    ${result.found}\n`,
			);
			break;
	}
	io.stdout(`regenerate with: ${command}\n`);
	return exitFindings;
}

export const exportCommand: Command = {
	name: 'export',
	summary: 'write one address space as a C header, a GNU ld MEMORY command, a Markdown map or QEMU code',
	help,
	options: { '--format': 'value', '--space': 'value', '--prefix': 'value', '--output': 'value', '--check': 'flag' },
	run: runExport,
};
