/**
 * The wire contract between the language server, the client and the webview: JSON-safe
 * DTOs and the names of the custom LSP methods and webview messages.
 *
 * Addresses, sizes and offsets travel as lower-case `0x` hex strings (never numbers: a
 * JSON number cannot hold 64 bits exactly). Every range is half-open `[start, end)`, so
 * `end` may be `0x10000000000000000` (2^64). Locations use LSP's shape (0-based line and
 * UTF-16 character) without importing LSP types, so this file stays pure.
 */

/** `memmap/flatView`: the flattened ranges of every address space of a document. */
export const flatViewMethod = 'memmap/flatView';
/** `memmap/owner`: which region answers an address, in each space (or one). */
export const ownerMethod = 'memmap/owner';
/** `memmap/export`: one address space as a C header or a GNU ld `MEMORY` command. */
export const exportMethod = 'memmap/export';
/** Notification from server to client: a document's flat view changed (carries its uri). */
export const flatViewChangedMethod = 'memmap/flatViewChanged';

export interface PositionDto {
	readonly line: number;
	readonly character: number;
}

export interface RangeDto {
	readonly start: PositionDto;
	readonly end: PositionDto;
}

export interface LocationDto {
	readonly uri: string;
	readonly range: RangeDto;
}

/** A `0x`-prefixed lower-case hex string holding an exact unsigned integer. */
export type HexString = string;

export type RangeKindDto = 'ram' | 'rom' | 'romd' | 'io' | 'hole';

/** Flat ranges a truncated space sends at most (its full view can be millions). */
export const maxTruncatedRanges = 10_000;

/** Alias steps a flat range lists at most (chains of aliases of aliases can be long). */
export const maxAliasSteps = 8;

/** One alias passed through on the way to a range's owner. */
export interface AliasStepDto {
	readonly alias: string;
	readonly aliasPath: string;
	readonly target: string;
	/** The alias's window start inside its target. */
	readonly offset: HexString;
	readonly location?: LocationDto;
}

/** One entry of a flat view: a range owned by a terminal region, or a hole (`kind: 'hole'`). */
export interface FlatRangeDto {
	readonly start: HexString;
	/** Exclusive end. */
	readonly end: HexString;
	readonly size: HexString;
	readonly kind: RangeKindDto;
	/** Owner name and slash path; empty for holes. */
	readonly region: string;
	readonly path: string;
	readonly priority: number;
	readonly offsetInRegion: HexString;
	readonly readonly: boolean;
	readonly nonvolatile: boolean;
	/**
	 * The aliases on the render path, outermost first. A path through more than
	 * `maxAliasSteps` aliases keeps the outermost and innermost halves; `aliasesElided`
	 * counts the ones left out between them.
	 */
	readonly aliases: readonly AliasStepDto[];
	readonly aliasesElided?: number;
	/** The owner's definition; absent for holes. */
	readonly location?: LocationDto;
	/**
	 * When the board has QEMU's `info mtree -f` beside it (`NAME.flat.txt`) and QEMU renders
	 * part of this range differently: what QEMU has at the first such address, e.g.
	 * `QEMU (pc.flat.txt, line 10): 'hpet' (prio 0, i/o)`.
	 */
	readonly qemu?: string;
}

export interface SpaceViewDto {
	readonly name: string;
	/** The declared root region's path. */
	readonly root: string;
	/** The flat-view root after QEMU's shortcut (R4.8), or null for "No rendered FlatView". */
	readonly flatRoot: string | null;
	/**
	 * True when rendering stopped at its work limit (`space.truncated`). The ranges are
	 * then the first `maxTruncatedRanges` rendered ones, and the holes between and after
	 * them may hold addresses the render never reached.
	 */
	readonly truncated?: boolean;
	/** Sorted, disjoint, covering `[0, 2^64)` with holes included. */
	readonly ranges: readonly FlatRangeDto[];
}

export interface FlatViewParams {
	readonly uri: string;
}

export interface FlatViewResult {
	readonly uri: string;
	readonly version: number | null;
	readonly spaces: readonly SpaceViewDto[];
}

export interface OwnerParams {
	readonly uri: string;
	/** Any number form of the language (`0xfee00000`, `4G`, `1_000`). */
	readonly address: string;
	/** Restrict to one space; all spaces when absent. */
	readonly space?: string;
}

export interface OwnerAnswerDto {
	readonly space: string;
	readonly address: HexString;
	/** The owning range, or null when the address is a hole in that space. */
	readonly range: FlatRangeDto | null;
	/** The hole that holds the address, when no range does (and the view is complete). */
	readonly hole: OwnerHoleDto | null;
	/** Human-readable lines: the chain of containers and aliases, what it hides, constraints. */
	readonly explanation: readonly string[];
}

/** A hole of a flat view, `[start, end)` within the space's root, and the ranges around it. */
export interface OwnerHoleDto {
	readonly start: HexString;
	readonly end: HexString;
	/** The range that ends where the hole starts, if any. */
	readonly before: FlatRangeDto | null;
	/** The range that starts where the hole ends, if any. */
	readonly after: FlatRangeDto | null;
}

export interface OwnerResult {
	readonly answers: readonly OwnerAnswerDto[];
	/** Set when `address` could not be parsed or the space is unknown. */
	readonly error?: string;
}

export interface ExportParams {
	readonly uri: string;
	/**
	 * `c`: a header of NAME_BASE and NAME_SIZE; `ld`: a GNU ld MEMORY command; `md`: a Markdown
	 * memory map; `qemu`: the QEMU memory-region calls that build the space.
	 */
	readonly format: 'c' | 'ld' | 'md' | 'qemu';
	/** The address space; may be left out when the board has exactly one. */
	readonly space?: string;
	/** Put in front of every generated name (a C identifier). */
	readonly prefix?: string;
	/**
	 * The board as the banner's "regenerate with" command should name it (a path relative
	 * to the workspace folder); the board file's base name when absent, or when `uri` is a
	 * file that an open board includes (that board is exported).
	 */
	readonly file?: string;
}

export interface ExportResult {
	/** The exported text; absent when `error` says why there is none. */
	readonly text?: string;
	/** The space exported. */
	readonly space?: string;
	readonly error?: string;
}

/** Messages from the extension to the webview. */
export type ToWebview =
	| { readonly type: 'update'; readonly view: FlatViewResult; readonly title: string }
	| { readonly type: 'highlight'; readonly path: string | null }
	| { readonly type: 'empty'; readonly reason: string }
	/** The server's explanation of an address the webview asked about (hover details). */
	| { readonly type: 'owner'; readonly answer: OwnerAnswerDto };

/** Messages from the webview to the extension. */
export type FromWebview =
	| { readonly type: 'ready' }
	| { readonly type: 'reveal'; readonly location: LocationDto }
	| { readonly type: 'copyQemu'; readonly text: string }
	| { readonly type: 'exportSvg'; readonly svg: string }
	/** Asks for `memmap/owner` of one address in one space (answered with `owner`). */
	| { readonly type: 'owner'; readonly space: string; readonly address: HexString };
