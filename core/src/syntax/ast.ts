/**
 * The syntax tree of a `.memmap` file.
 *
 * Every node is a readonly value with a string discriminant `kind` and a text span
 * `[offset, offset + length)` in UTF-16 code units. Nodes have no parent pointers: a
 * lookup that needs parents builds a side map. The tree is produced by `parse` even for
 * broken input; missing pieces are `undefined` and reported as diagnostics.
 */

/** A half-open text span `[offset, offset + length)` in UTF-16 code units. */
export interface Span {
	readonly offset: number;
	readonly length: number;
}

/** A node that starts with a keyword (a region's kind, a property, `map`, `valid`, ...). */
export interface KeywordNode extends Span {
	readonly keywordLength: number;
}

/**
 * The span of a node's leading keyword. Nodes store only its length: on a big board a
 * span object per keyword was a sixth of the syntax tree's memory.
 */
export function keywordSpan(node: KeywordNode): Span {
	return { offset: node.offset, length: node.keywordLength };
}

/**
 * The region kinds of the language (QEMU: container, RAM, ROM, ROM device, I/O, alias).
 * `ramd` (QEMU's RAM device, `memory_region_init_ram_device_ptr`) is an extension so that
 * imported QEMU maps can say everything `info mtree` prints; it behaves as a terminal.
 */
export type RegionKind = 'container' | 'ram' | 'rom' | 'romd' | 'io' | 'alias' | 'ramd';

export const regionKinds: readonly RegionKind[] = [
	'container',
	'ram',
	'rom',
	'romd',
	'io',
	'alias',
	'ramd',
];

/** A region name, bare (`pc.ram`) or quoted (`"alias 1"`); `text` is the unquoted value. */
export interface NameNode extends Span {
	readonly kind: 'name';
	readonly text: string;
	readonly quoted: boolean;
}

/**
 * One step of a reference path. `occurrence` is the 1-based `#N` suffix that picks the
 * N-th of several same-named regions at that level (an extension for imported QEMU maps,
 * where names repeat); undefined means "the only one".
 */
export interface RefSegment extends Span {
	readonly name: NameNode;
	readonly occurrence?: number;
}

/** A reference to a region: a name or a path `a/b/c` of names starting at a top-level region. */
export interface RefNode extends Span {
	readonly kind: 'ref';
	readonly segments: readonly RefSegment[];
}

/** A numeric literal. `value` is exact (bigint) and undefined when the literal is malformed. */
export interface NumberNode extends Span {
	readonly kind: 'number';
	readonly text: string;
	readonly value: bigint | undefined;
}

/** A double-quoted string literal; `value` has its escapes resolved. */
export interface StringNode extends Span {
	readonly kind: 'string';
	readonly value: string;
}

export type PropName =
	| 'at'
	| 'size'
	| 'priority'
	| 'overlap'
	| 'of'
	| 'offset'
	| 'readonly'
	| 'disabled'
	| 'nonvolatile';

/** A property of a region header; it starts with its keyword (see `keywordSpan`). */
export interface PropNode extends Span {
	readonly kind: 'prop';
	readonly name: PropName;
	readonly keywordLength: number;
	/** `at`, `size`, `priority`, `offset`: a number; `of`: a reference; flags: none. */
	readonly value?: NumberNode | RefNode;
}

/** `KIND NAME prop* block? ';'?` */
export interface RegionNode extends Span {
	readonly kind: 'region';
	readonly regionKind: RegionKind;
	/** The length of the kind keyword, which starts the node (see `keywordSpan`). */
	readonly keywordLength: number;
	readonly name: NameNode | undefined;
	readonly props: readonly PropNode[];
	readonly body: BlockNode | undefined;
	/** The text of the `///` lines directly above, without the slashes; undefined if none. */
	readonly doc: string | undefined;
}

/** `'{' (region | map | setting)* '}'` */
export interface BlockNode extends Span {
	readonly kind: 'block';
	readonly members: readonly MemberNode[];
	/** False when the closing brace is missing. */
	readonly closed: boolean;
}

/** `map REF at NUMBER ('priority' INT | 'overlap')*`: place a region defined elsewhere. */
export interface MapNode extends Span {
	readonly kind: 'map';
	readonly keywordLength: number;
	readonly target: RefNode | undefined;
	readonly at: NumberNode | undefined;
	readonly priority: NumberNode | undefined;
	/** The span of the `overlap` keyword, if written. */
	readonly overlap: Span | undefined;
}

/** `valid|impl MIN..MAX unaligned?`: access sizes in bytes. */
export interface AccessNode extends Span {
	readonly kind: 'access';
	readonly which: 'valid' | 'impl';
	readonly keywordLength: number;
	readonly min: NumberNode | undefined;
	readonly max: NumberNode | undefined;
	readonly unaligned: Span | undefined;
}

/** `endian little|big|native` */
export interface EndianNode extends Span {
	readonly kind: 'endian';
	readonly keywordLength: number;
	readonly value: 'little' | 'big' | 'native' | undefined;
}

/** `coalesce (NUMBER size NUMBER)?`: the whole region, or one range of it. */
export interface CoalesceNode extends Span {
	readonly kind: 'coalesce';
	readonly keywordLength: number;
	readonly start: NumberNode | undefined;
	readonly size: NumberNode | undefined;
}

export type SettingNode = AccessNode | EndianNode | CoalesceNode;
export type MemberNode = RegionNode | MapNode | SettingNode;

/** `include "path"`: relative to the including file. */
export interface IncludeNode extends Span {
	readonly kind: 'include';
	readonly keywordLength: number;
	readonly path: StringNode | undefined;
}

/** `space NAME = REF`: an address space rooted at a region. */
export interface SpaceNode extends Span {
	readonly kind: 'space';
	readonly keywordLength: number;
	readonly name: NameNode | undefined;
	readonly root: RefNode | undefined;
	readonly doc: string | undefined;
}

export type ItemNode = IncludeNode | SpaceNode | RegionNode;

/** A comment; `doc` is true for `///` lines. Kept so that the formatter loses none. */
export interface CommentNode extends Span {
	readonly kind: 'comment';
	readonly text: string;
	readonly doc: boolean;
	readonly block: boolean;
}

export interface FileNode extends Span {
	readonly kind: 'file';
	readonly items: readonly ItemNode[];
	readonly comments: readonly CommentNode[];
}
