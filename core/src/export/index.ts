/**
 * Exports of one address space for the code that must agree with the board: a C header
 * of region addresses and sizes, and a GNU ld `MEMORY` command. Pure: analysis in, text
 * out.
 */
export { cHeader, type ExportOptions } from './cHeader';
export { linkerMemory, memoryStretches, type MemoryStretch } from './linkerMemory';
export { placedRegions, isAddressable, type PlacedRegion } from './placedRegions';
export { identifierOf } from './identifiers';
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
