/** `memmap import-mtree TREE.txt [--flat FLAT.txt] [-o OUT.memmap]`: QEMU's map as `.memmap`. */
import { expectPositionals } from '../args';
import type { ParsedArgs } from '../args';
import type { Command, Io } from '../command';
import { exitFindings, exitOk } from '../failure';
import { inputName, readInput, writeTextFile } from '../files';
import { importQemuMtree } from '../qemu';

const help = `usage: memmap import-mtree TREE.txt [--flat FLAT.txt] [-o OUT.memmap]

Turns the text of QEMU's 'info mtree' (best: 'info mtree -D', which lists disabled
regions too) into a .memmap file: every address space, region, priority, alias and
disabled flag. QEMU prints containers and I/O regions alike as 'i/o'; give the matching
'info mtree -f' text with --flat to tell them apart (else one with subregions becomes a
container and one without an I/O region, the common cases). With QEMU's owner fields
('info mtree -o -D'), each region's owner becomes its '///' documentation. The FLAT.txt
text may carry owner fields or dispatch trees too ('info mtree -f -o -d'). Either may be
'-', standard input, so QEMU's monitor output can be piped straight in.

options:
  --flat FLAT.txt   the 'info mtree -f' text of the same machine
  -o OUT.memmap     write the result there instead of stdout

Problems in the input are printed as 'TREE.txt:LINE:COL: error: message' (or with the
FLAT.txt name for problems in that file); then nothing is written.
exit status: 0 ok, 1 the input could not be imported, 2 usage or I/O error
`;

function runImport(args: ParsedArgs, io: Io): number {
	expectPositionals('import-mtree', args, 1, 1, 'TREE.txt');
	const treeFile = args.positionals[0] ?? '';
	const flatFile = args.values.get('--flat');
	const treeText = readInput(treeFile, io);
	const flatText = flatFile === undefined ? undefined : readInput(flatFile, io);
	const result = importQemuMtree(treeText, flatText, inputName(treeFile));
	if (result.errors.length > 0) {
		for (const e of result.errors) {
			const file = inputName(e.file === 'flat' ? (flatFile ?? treeFile) : treeFile);
			io.stderr(`${file}:${e.line}:${e.column ?? 1}: error: ${e.message}\n`);
		}
		return exitFindings;
	}
	const out = args.values.get('-o');
	if (out === undefined) {
		io.stdout(result.text);
	} else {
		writeTextFile(out, io.cwd, result.text);
	}
	return exitOk;
}

export const importMtreeCommand: Command = {
	name: 'import-mtree',
	summary: "turn QEMU 'info mtree' output into a .memmap file",
	help,
	options: { '--flat': 'value', '-o': 'value' },
	run: runImport,
};
