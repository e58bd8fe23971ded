/**
 * The importer's self-check: the imported text is analysed and printed back with the QEMU
 * printers, and the header comment says whether that reproduces the input, so that a map
 * the heuristics got wrong never passes silently.
 */
import { analyzeText } from '../model/analyze';
import { normalizeFlat, normalizeMtree } from './normalize';
import { printFlatViews } from './printFlatViews';
import { printMtree } from './printMtree';

/** Header sentences about the round trip of `text` against the input texts. */
export function verifyImport(text: string, treeText: string, flatText: string | undefined, plain: boolean, owners = false): string[] {
	const analysis = analyzeText(text, 'import.memmap');
	const errors = analysis.diagnostics.filter((diagnostic) => diagnostic.severity === 'error').length;
	const lines: string[] = [];
	if (errors > 0) {
		lines.push(`Check: this file has ${errors} error${errors === 1 ? '' : 's'} (see \`memmap check\`): QEMU accepts what the language does not (docs/qemu.md, Limits).`);
	}
	const treeCommand = plain ? 'its plain `info mtree` print (no disabled lines)' : '`memmap tree --format qemu`';
	const command = plain ? '`info mtree`' : '`info mtree -D`';
	const tree = firstDifference(normalizeMtree(printMtree(analysis, { showDisabled: !plain })), normalizeMtree(treeText));
	const flat = flatText === undefined ? undefined : firstDifference(normalizeFlat(printFlatViews(analysis)), normalizeFlat(flatText));
	const same: string[] = [];
	if (tree === null) {
		same.push(`${treeCommand} reproduces the ${command} text`);
	} else {
		const hint = plain ? ' (plain `info mtree` hides disabled regions: prefer `info mtree -D`)' : '';
		lines.push(`Not exact: ${treeCommand} differs from the input, first at "${tree}"${hint}.`);
	}
	if (flat === null) {
		same.push('`memmap flat --format qemu` reproduces the `info mtree -f` text');
	} else if (flat !== undefined) {
		lines.push(`Not exact: \`memmap flat --format qemu\` differs from the input, first at "${flat}".`);
	}
	if (same.length > 0) {
		const ownerFields = owners ? ' and the `-o` owner fields, which the printers leave out' : '';
		lines.push(`Verified: ${same.join(', and ')}, up to the block order that varies between QEMU runs${ownerFields}.`);
	}
	return lines;
}

/** null when equal, else the first input line that the print does not match. */
function firstDifference(printed: string, input: string): string | null {
	const a = printed.split('\n');
	const b = input.split('\n');
	for (let i = 0; i < Math.max(a.length, b.length); i++) {
		if (a[i] !== b[i]) {
			return (b[i] ?? '(end of input)').trim().slice(0, 100);
		}
	}
	return null;
}
