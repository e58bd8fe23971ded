/**
 * The bridge to the QEMU printers and importer of `core/src/qemu` (issue 3), so that the
 * commands depend on one small surface.
 */
import type { Analysis } from '../../core/src/index';
import { importMtree, printFlatViews, printMtree } from '../../core/src/qemu/index';
import type { MtreeError } from '../../core/src/qemu/index';

/** The text of QEMU's `info mtree -D` for the analysed board. */
export function qemuMtree(analysis: Analysis): string {
	return printMtree(analysis);
}

/** The text of QEMU's `info mtree -f` for the analysed board. */
export function qemuFlatViews(analysis: Analysis): string {
	return printFlatViews(analysis);
}

/** A located problem in the imported text; `file` says which of the two inputs. */
export type ImportError = MtreeError;

/**
 * Turns `info mtree [-D]` text (and optionally `info mtree -f`) into `.memmap` text;
 * `source` (the tree file's name) is quoted in the generated header.
 */
export function importQemuMtree(
	treeText: string,
	flatText: string | undefined,
	source: string,
): { readonly text: string; readonly errors: readonly ImportError[] } {
	return importMtree(treeText, flatText, { source });
}
