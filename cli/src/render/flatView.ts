/**
 * The `memmap flat` outputs: per address space, every flat range with its owner and the
 * holes between them, as an aligned table or as JSON.
 */
import { formatSize, toHex } from '../../../core/src/index';
import type {
	FlatRange,
	Region,
	RegionKind,
	RegionTree,
	SpaceView,
} from '../../../core/src/index';
import type { SourceTexts } from '../diagnosticOutput';
import { alignColumns } from '../table';

/** A piece of a space: a flat range, or a hole (`range` undefined). */
interface Piece {
	readonly start: bigint;
	readonly size: bigint;
	readonly range: FlatRange | undefined;
}

/** An address as 16 hex digits (more if needed) in groups of four: `0x0000_0000_fee0_0000`. */
export function paddedAddress(value: bigint): string {
	const hex = value.toString(16);
	const width = Math.max(16, Math.ceil(hex.length / 4) * 4);
	return '0x' + hex.padStart(width, '0').replace(/(.{4})(?=.)/g, '$1_');
}

const binaryUnits = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB', 'EiB'];

/**
 * A size in binary units: exact when that reads well (`128 MiB`, `3948 MiB`, `112 B`),
 * else rounded with a `~` (`~16 EiB` for a hole of 2^64 - 4 GiB).
 */
export function humanSize(size: bigint): string {
	const exact = formatSize(size);
	if ((exact.split(' ')[0] ?? '').length <= 5) {
		return exact;
	}
	let unit = 0;
	while (unit < binaryUnits.length - 1 && size >> BigInt(10 * (unit + 1)) > 0n) {
		unit++;
	}
	const scaled =
		Number(size >> BigInt(10 * unit - 10 > 0 ? 10 * unit - 10 : 0)) / (unit > 0 ? 1024 : 1);
	return `~${scaled.toFixed(1).replace(/\.0$/, '')} ${binaryUnits[unit]}`;
}

/**
 * The ranges of a view with the holes between them, covering the declared root's
 * extent `[0, size)` (nothing outside the root can ever be mapped).
 */
export function piecesOf(tree: RegionTree, view: SpaceView): Piece[] {
	const extent = tree.regions[view.space.root]?.size ?? 0n;
	const pieces: Piece[] = [];
	let cursor = 0n;
	for (const range of view.view.ranges) {
		if (range.start > cursor) {
			pieces.push({ start: cursor, size: range.start - cursor, range: undefined });
		}
		pieces.push({ start: range.start, size: range.size, range });
		const end = range.start + range.size;
		cursor = end > cursor ? end : cursor;
	}
	if (cursor < extent) {
		pieces.push({ start: cursor, size: extent - cursor, range: undefined });
	}
	return pieces;
}

/** The aliases passed through on the way to a range's owner, outermost first. */
function aliasesOf(tree: RegionTree, range: FlatRange): Region[] {
	return range.path
		.map((id) => tree.regions[id])
		.filter((r): r is Region => r !== undefined && r.kind === 'alias');
}

function attributesOf(
	tree: RegionTree,
	range: FlatRange,
	owner: Region | undefined,
): string {
	const attributes: string[] = [];
	if (range.readonly) {
		attributes.push('readonly');
	}
	if (range.nonvolatile) {
		attributes.push('nonvolatile');
	}
	if (owner?.kind === 'romd' && !range.romdMode) {
		attributes.push('i/o mode');
	}
	const aliases = aliasesOf(tree, range);
	if (aliases.length > 0) {
		attributes.push('via alias ' + aliases.map((a) => a.name).join(', '));
	}
	return attributes.join(', ');
}

const header = [
	'start',
	'end',
	'size',
	'owner',
	'path',
	'kind',
	'prio',
	'offset',
	'attributes',
];

function pieceCells(tree: RegionTree, piece: Piece): string[] {
	const span = [
		paddedAddress(piece.start),
		paddedAddress(piece.start + piece.size - 1n),
		humanSize(piece.size),
	];
	if (piece.range === undefined) {
		return [...span, '-- hole --'];
	}
	const owner = tree.regions[piece.range.region];
	return [
		...span,
		owner?.name ?? '?',
		owner?.path ?? '?',
		owner?.kind ?? '?',
		String(owner?.priority ?? 0),
		toHex(piece.range.offsetInRegion),
		attributesOf(tree, piece.range, owner),
	];
}

function spaceTitle(tree: RegionTree, view: SpaceView): string {
	const root = tree.regions[view.space.root];
	const flatRoot = view.view.root === undefined ? undefined : tree.regions[view.view.root];
	let title = `space ${view.space.name} (root ${root?.path ?? '?'}`;
	if (flatRoot !== undefined && flatRoot !== root) {
		title += `, renders ${flatRoot.path}`;
	}
	if (view.view.truncated) {
		title += ', incomplete: rendering stopped at its work limit, see space.truncated';
	}
	return title + ')';
}

/** The text table of `views`, one block per space separated by blank lines. */
export function flatText(tree: RegionTree, views: readonly SpaceView[]): string {
	const blocks = views.map((view) => {
		const rows = piecesOf(tree, view).map((piece) => pieceCells(tree, piece));
		const lines = rows.length > 0 ? alignColumns([header, ...rows]) : ['(empty)'];
		return [spaceTitle(tree, view), ...lines].join('\n') + '\n';
	});
	return blocks.join('\n');
}

/** One range (or hole, `kind: 'hole'`) in `memmap flat --format json`; `end` is exclusive. */
export interface FlatRangeJson {
	readonly start: string;
	readonly end: string;
	readonly size: string;
	readonly kind: RegionKind | 'hole';
	readonly region: string;
	readonly path: string;
	readonly priority: number;
	readonly offsetInRegion: string;
	readonly readonly: boolean;
	readonly nonvolatile: boolean;
	readonly aliases: readonly {
		alias: string;
		aliasPath: string;
		target: string;
		offset: string;
	}[];
	/** Where the owner is declared (1-based); absent for holes. */
	readonly definition?: { file: string; line: number; column: number };
}

function aliasStep(tree: RegionTree, alias: Region): FlatRangeJson['aliases'][number] {
	const target =
		alias.alias?.target === undefined ? undefined : tree.regions[alias.alias.target];
	return {
		alias: alias.name,
		aliasPath: alias.path,
		target: target?.path ?? '',
		offset: toHex(alias.alias?.offset ?? 0n),
	};
}

function pieceJson(tree: RegionTree, texts: SourceTexts, piece: Piece): FlatRangeJson {
	const range = piece.range;
	const owner = range === undefined ? undefined : tree.regions[range.region];
	const at =
		owner === undefined
			? undefined
			: texts.locate(owner.definition.uri, owner.definition.offset);
	return {
		start: toHex(piece.start),
		end: toHex(piece.start + piece.size),
		size: toHex(piece.size),
		kind: owner?.kind ?? 'hole',
		region: owner?.name ?? '',
		path: owner?.path ?? '',
		priority: owner?.priority ?? 0,
		offsetInRegion: toHex(range?.offsetInRegion ?? 0n),
		readonly: range?.readonly ?? false,
		nonvolatile: range?.nonvolatile ?? false,
		aliases:
			range === undefined ? [] : aliasesOf(tree, range).map((a) => aliasStep(tree, a)),
		...(at === undefined ? {} : { definition: at }),
	};
}

/** `memmap flat --format json`: one object per space with its ranges and holes. */
export function flatJson(
	tree: RegionTree,
	texts: SourceTexts,
	views: readonly SpaceView[],
): string {
	const spaces = views.map((view) => ({
		name: view.space.name,
		root: tree.regions[view.space.root]?.path ?? '',
		flatRoot:
			view.view.root === undefined ? null : (tree.regions[view.view.root]?.path ?? null),
		...(view.view.truncated ? { truncated: true } : {}),
		ranges: piecesOf(tree, view).map((piece) => pieceJson(tree, texts, piece)),
	}));
	return JSON.stringify(spaces, null, 2) + '\n';
}
