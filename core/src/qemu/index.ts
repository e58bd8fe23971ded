/**
 * QEMU fidelity: import `info mtree` text into `.memmap`, and print QEMU 7.2's own
 * `info mtree -D` and `info mtree -f` formats from an analysis. Pure: text in, text out.
 */
export { importMtree, type ImportMtreeOptions, type ImportMtreeResult } from './importMtree';
export type { MtreeError } from './mtreeModel';
export { printMtree, type PrintMtreeOptions } from './printMtree';
export { printFlatViews } from './printFlatViews';
export { normalizeMtree, normalizeFlat } from './normalize';
export {
	diffFlatSpaces,
	flatOwnerText,
	flatSpacesOfAnalysis,
	flatSpacesOfText,
	type FlatDifference,
	type FlatOwner,
	type FlatSpace,
	type SpaceDiff,
	type SpaceStatus,
} from './flatDiff';
export { findMoves, type FlatMove } from './flatMoves';
export { captureSpace, qemuOwnerLine, qemuRangeAt, type QemuCapture } from './captureCheck';
export { firstContentLine, isMonitorChatter } from './lineFields';
