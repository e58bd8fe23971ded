/**
 * The public API of the memmap core: a pure library (no VS Code, no LSP, no file system)
 * that parses `.memmap` text, builds the QEMU region tree, flattens it exactly and
 * checks it. Consumers import from here (and from `protocol.ts` for wire types) only.
 */
export * from './diagnostics';
export { baseName, uriFileName } from './fileNames';
export * from './syntax/ast';
export { parse, type ParseResult } from './syntax/parser';
export { format, formatLines, type FormattedLines } from './syntax/format';
export { applyReplacements, formatRange, formatRangeOf, type TextReplacement } from './syntax/formatRange';
export { LineIndex, type Position } from './lineIndex';
export { formatEdits, formatEditsOf } from './syntax/formatEdits';
export { formatOnType, onTypeTriggers } from './syntax/formatOnType';
export {
	tokenize,
	isKeyword,
	isReservedWord,
	kindKeywords,
	propertyKeywords,
	memberKeywords,
	itemKeywords,
	contextualKeywords,
	type Token,
	type TokenKind,
	type TokenizeResult,
} from './syntax/scanner';
export * from './model/types';
export * from './model/address';
export * from './model/analyze';
export { flatten } from './model/flatten';
export { mappedBytes, PackedFlatView, rangeCount, rangeRegions } from './model/packedView';
export { flatPieces, humanSize, paddedAddress, spaceExtent, type FlatPiece } from './model/flatPieces';
export { listRegions, printOrder, type ListedRegion } from './model/treeOrder';
export * from './model/owner';
export { alignmentOf, fittingStarts, freeGaps } from './model/freeSpace';
export { suggest } from './model/build/suggest';
export * from './qemu';
export * from './export';
