/**
 * The bridge to the QEMU printers of `core/src/qemu` (issue 3). Kept in one file so that
 * the commands compile before the printers land.
 */
import type { Analysis } from '../../core/src/index';
import { CliFailure } from './failure';

/** The text of QEMU's `info mtree -D` for the analysed board. */
export function qemuMtree(analysis: Analysis): string {
	void analysis;
	throw new CliFailure('--format qemu is not available in this build');
}

/** The text of QEMU's `info mtree -f` for the analysed board. */
export function qemuFlatViews(analysis: Analysis): string {
	void analysis;
	throw new CliFailure('--format qemu is not available in this build');
}

/** A located problem in the `info mtree` text being imported (1-based line and column). */
export interface ImportError {
	readonly line: number;
	readonly column?: number;
	readonly message: string;
}

/** Turns `info mtree [-D]` text (and optionally `info mtree -f`) into `.memmap` text. */
export function importQemuMtree(
	treeText: string,
	flatText: string | undefined,
): { readonly text: string; readonly errors: readonly ImportError[] } {
	void treeText;
	void flatText;
	throw new CliFailure('import-mtree is not available in this build');
}
