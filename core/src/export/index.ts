/**
 * Exports of one address space for the code and documents that must agree with the
 * board: a C header of region addresses and sizes, a GNU ld `MEMORY` command, a
 * Markdown memory map, and the QEMU memory-region calls that build the space. Pure: analysis in, text out.
 */
export { cHeader, type ExportOptions } from './cHeader';
export { linkerMemory, memoryStretches, type MemoryStretch } from './linkerMemory';
export { markdownMap, markdownMaps } from './markdownMap';
export { placedRegions, isAddressable, type PlacedRegion } from './placedRegions';
export { identifierOf } from './identifiers';
export { qemuCode } from './qemuCode';
export {
	exportSpace,
	exportCommandLine,
	exportFormats,
	isExportPrefix,
	shellWord,
	type ExportFormat,
	type ExportOutcome,
	type ExportRequest,
} from './exportSpace';
