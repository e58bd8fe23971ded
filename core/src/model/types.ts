/**
 * The resolved region tree: what QEMU would hold in memory after every
 * `memory_region_init_*`, `add_subregion*` and `address_space_init` call of a board.
 *
 * Addresses and sizes are bigint and exact. Ranges are half-open `[start, end)`.
 * Regions are identified by their index in `RegionTree.regions` (a `RegionId`), so the
 * tree can be walked both ways without parent pointers inside compared or printed data.
 */
import type { PropName, RegionKind } from '../syntax/ast';

export type RegionId = number;

/** 2^64: the size of a full 64-bit address space, and the largest region size. */
export const addressSpaceSize = 1n << 64n;

/** Where something was written: a document and a half-open UTF-16 span in it. */
export interface SourceLocation {
	readonly uri: string;
	readonly offset: number;
	readonly length: number;
}

/** Access sizes in bytes, as in QEMU's `MemoryRegionOps.valid` / `.impl`. 0 means unset. */
export interface AccessSizes {
	readonly min: number;
	readonly max: number;
	readonly unaligned: boolean;
}

/** Access constraints of an `io` or `romd` region; absent fields take QEMU's defaults. */
export interface AccessConstraints {
	readonly valid?: AccessSizes;
	readonly impl?: AccessSizes;
	readonly endian?: 'little' | 'big' | 'native';
	/** Coalesced MMIO: the whole region (`size` undefined) or `[start, start + size)`. */
	readonly coalesce?: { readonly start: bigint; readonly size: bigint | undefined };
}

export interface Region {
	readonly id: RegionId;
	readonly name: string;
	readonly kind: RegionKind;
	/** 0..2^64. A region without a valid size gets 0 (and a diagnostic). */
	readonly size: bigint;
	/** Offset inside the parent container (QEMU `addr`); 0 when not mapped. */
	readonly addr: bigint;
	/** Signed 32-bit; only compared among siblings. */
	readonly priority: number;
	/** True when placed with `overlap` or an explicit `priority` (intended overlap). */
	readonly mayOverlap: boolean;
	readonly parent: RegionId | undefined;
	/**
	 * Children in QEMU list order (R3.2): priority descending, and among equal
	 * priorities the later-declared first (it wins).
	 */
	readonly children: readonly RegionId[];
	readonly enabled: boolean;
	readonly readonly: boolean;
	readonly nonvolatile: boolean;
	/** For `alias`: the target (undefined if unresolved) and the window start in it. */
	readonly alias?: { readonly target: RegionId | undefined; readonly offset: bigint };
	readonly access?: AccessConstraints;
	/** `romd_mode` of a ROM device (always true in the language; kept for imported maps). */
	readonly romdMode: boolean;
	/** The `///` documentation, if any. */
	readonly doc?: string;
	/** The region's declaration (whole node) and its name token. */
	readonly definition: SourceLocation;
	readonly nameLocation: SourceLocation;
	/** Where it was placed in its parent: the nested declaration or the `map` statement. */
	readonly placement?: SourceLocation;
	/** The slash path from its top-level region, e.g. `system/pci/pc.rom`. */
	readonly path: string;
	/** Where individual properties and settings were written, for precise diagnostics. */
	readonly locations: Partial<Record<LocatedPart, SourceLocation>>;
}

/** The parts of a region whose source location is recorded in `Region.locations`. */
export type LocatedPart = PropName | 'valid' | 'impl' | 'endian' | 'coalesce';

/** `space NAME = REF`, or an implicit space for an unreferenced top-level region. */
export interface AddressSpace {
	readonly name: string;
	readonly root: RegionId;
	readonly implicit: boolean;
	readonly definition: SourceLocation | undefined;
}

export interface RegionTree {
	readonly regions: readonly Region[];
	/** Top-level (declared at file level, not nested) regions in declaration order. */
	readonly topLevel: readonly RegionId[];
	/** Address spaces in declaration order (implicit ones after the explicit ones). */
	readonly spaces: readonly AddressSpace[];
}

/**
 * One range of a flat view (QEMU `FlatRange`): `[start, start + size)` absolute, owned by
 * a terminal region. `size` is at least 1 and at most 2^64.
 */
export interface FlatRange {
	readonly start: bigint;
	readonly size: bigint;
	/** The terminal region (never an alias or a pure container). */
	readonly region: RegionId;
	/** The position of `start` inside `region`. */
	readonly offsetInRegion: bigint;
	readonly readonly: boolean;
	readonly nonvolatile: boolean;
	readonly romdMode: boolean;
	/**
	 * The render path of the first byte: every region passed through from the flat view
	 * root down to `region` (containers and aliases, then `region`). Used to explain
	 * ownership; not part of QEMU's FlatRange identity.
	 */
	readonly path: readonly RegionId[];
}

/**
 * The flattened view of one root (QEMU `FlatView`); ranges sorted, disjoint, merged.
 * `flatten` returns a `PackedFlatView`, whose `ranges` are built from typed-array columns
 * on first read; importers and tests may give a plain object.
 */
export interface FlatView {
	/** The flat-view root after R4.8's shortcut, or undefined for "No rendered FlatView". */
	readonly root: RegionId | undefined;
	readonly ranges: readonly FlatRange[];
	/**
	 * Set when rendering stopped at its work limit (`renderBudget`): aliases multiplied
	 * the tree past anything a real board needs. `ranges` is then incomplete.
	 */
	readonly truncated?: true;
	/**
	 * Set when an alias came back to where it already renders, through self-aliases whose
	 * passes cancel out (QEMU would recurse forever): that alias, whose repeat rendered
	 * nothing (reported as `alias.cycle`).
	 */
	readonly recursion?: RegionId;
}
