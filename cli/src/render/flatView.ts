/**
 * The `memmap flat` outputs: per address space, every flat range with its owner and the
 * holes between them, as an aligned table or as JSON.
 */
import { flatPieces, humanSize, paddedAddress, toHex } from '../../../core/src/index';
import type {
	FlatPiece,
	FlatRange,
	Region,
	RegionKind,
	RegionTree,
	SpaceView,
} from '../../../core/src/index';
import type { SourceTexts } from '../diagnosticOutput';
import { alignColumns } from '../table';

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

function pieceCells(tree: RegionTree, piece: FlatPiece): string[] {
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
		const rows = flatPieces(tree, view).map((piece) => pieceCells(tree, piece));
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

function pieceJson(tree: RegionTree, texts: SourceTexts, piece: FlatPiece): FlatRangeJson {
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

/** One flat range as `memmap flat --format json` prints it (for `memmap owner`'s JSON). */
export function rangeJson(tree: RegionTree, texts: SourceTexts, range: FlatRange): FlatRangeJson {
	return pieceJson(tree, texts, { start: range.start, size: range.size, range });
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
		ranges: flatPieces(tree, view).map((piece) => pieceJson(tree, texts, piece)),
	}));
	return JSON.stringify(spaces, null, 2) + '\n';
}
