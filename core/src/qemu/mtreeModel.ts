/**
 * The intermediate model of `info mtree` text: what the line parsers produce and the
 * importer consumes. Addresses are the printed 64-bit values; lines are 1-based.
 */

/** A located problem in `info mtree` input: 1-based line, optional 1-based column. */
export interface MtreeError {
	/** Which input the line is in: the tree text (the default) or the `--flat` text. */
	readonly file?: 'tree' | 'flat';
	readonly line: number;
	readonly column?: number;
	readonly message: string;
}

/** The type column of a region or range line (`nv-` is split off; HEAD adds `container`). */
export type MtreeType = 'ram' | 'rom' | 'romd' | 'ramd' | 'i/o' | 'container';

/** The fields every region line and flat range line share: `START-END (prio P, TYPE): `. */
export interface MtreeExtent {
	/** 1-based line number in the input. */
	readonly line: number;
	readonly start: bigint;
	/** Inclusive, as printed. */
	readonly end: bigint;
	readonly priority: number;
	readonly nonvolatile: boolean;
	readonly type: MtreeType;
	readonly name: string;
}

/** One region line of tree mode. */
export interface MtreeLine extends MtreeExtent {
	/** Indentation level: two spaces each, so a group's root has level 1. */
	readonly level: number;
	readonly disabled: boolean;
	readonly overflow: boolean;
	/** The owner field of `info mtree -o` as printed (`owner:{dev path=/machine/i440fx}`), if shown. */
	readonly owner?: string | undefined;
	/** `alias NAME @TARGET OSTART-OEND`: the target's name and the window (inclusive). */
	readonly alias?: { readonly target: string; readonly start: bigint; readonly end: bigint; readonly column: number };
}

/**
 * A printed region with the regions printed under it. `line` is undefined for a region
 * that plain `info mtree` hid (a disabled parent, seen as a two-level indentation jump).
 */
export interface MtreeNode {
	readonly line: MtreeLine | undefined;
	readonly level: number;
	readonly children: MtreeNode[];
}

/** An `address-space:` group (one or more names sharing a root) or a `memory-region:` block. */
export interface MtreeGroup {
	readonly kind: 'address-space' | 'memory-region';
	/** The header line of the first name. */
	readonly line: number;
	readonly names: string[];
	root: MtreeNode | undefined;
}

/** One `AS "NAME", root: ROOT[, alias TARGET]` line of flat mode. */
export interface FlatSpaceLine {
	readonly line: number;
	readonly name: string;
	readonly root: string;
	readonly aliasTarget: string | undefined;
}

/** One range line of flat mode: `START-END (prio P, TYPE): NAME[ @OFFSET]`. */
export interface FlatRangeLine extends MtreeExtent {
	readonly offset: bigint;
}

/** A `FlatView #n` block. `root` is undefined for `(none)`. */
export interface FlatBlock {
	readonly line: number;
	readonly spaces: FlatSpaceLine[];
	root: string | undefined;
	readonly ranges: FlatRangeLine[];
}
