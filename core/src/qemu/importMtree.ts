/**
 * `memmap import-mtree`: QEMU `info mtree -D` text (and optionally the matching
 * `info mtree -f` text) to a clean `.memmap` file. See docs/qemu.md for the heuristics.
 */
import { format } from '../syntax/format';
import { resolveAliasTargets } from './aliasTargets';
import { markOverlaps, orderSpaces } from './decide';
import { emitMemmap } from './emit';
import { identify } from './identify';
import { inferReadonly } from './inferReadonly';
import { decideKinds } from './kinds';
import { refineKinds } from './refineKinds';
import { buildModel, type ImportModel } from './importModel';
import type { FlatBlock, MtreeError, MtreeGroup } from './mtreeModel';
import { parseFlat } from './parseFlat';
import { parseTree } from './parseTree';
import { buildForest } from './printNodes';
import { verifyImport } from './verifyImport';

/** Options of `importMtree`. */
export interface ImportMtreeOptions {
	/** Where the text came from (a file name), quoted in the header comment. */
	readonly source?: string;
}

/** The `.memmap` text (empty when there are errors) and the located input errors. */
export interface ImportMtreeResult {
	readonly text: string;
	readonly errors: readonly MtreeError[];
}

/**
 * Imports `info mtree -D` text (plain `info mtree` works too: hidden disabled parents
 * become placeholder containers), with `flatText` from `info mtree -f` of the same run to
 * tell I/O regions from containers and to recover readonly paths. Any unparseable or
 * inconsistent line yields located errors and an empty text: never a guessed map.
 * Never throws.
 */
export function importMtree(treeText: string, flatText?: string, options: ImportMtreeOptions = {}): ImportMtreeResult {
	const tree = parseTree(treeText);
	const flat = flatText === undefined ? undefined : parseFlat(flatText);
	const errors: MtreeError[] = [...tree.errors, ...(flat?.errors ?? []).map(inFlat)];
	if (errors.length > 0) {
		return { text: '', errors };
	}
	const forest = buildForest(tree.groups);
	const identity = identify(forest, tree.groups);
	const aliases = resolveAliasTargets(forest, tree.groups);
	errors.push(...aliases.errors);
	const model = buildModel(forest, tree.groups, identity, aliases, errors);
	errors.push(...checkFlatSpaces(tree.groups, flat?.blocks));
	if (errors.length > 0) {
		return { text: '', errors };
	}
	const kinds = decideKinds(model, flat?.blocks);
	markOverlaps(model);
	const spaces = orderSpaces(model, flat?.blocks);
	const owners = model.regions.some((region) => region.owner !== undefined);
	const lines = header(model, options, flat !== undefined, treeText, owners);
	const emit = (): ReturnType<typeof emitMemmap> => emitMemmap(model, spaces, lines);
	// The refinements run the analyzer on the imported text; an internal failure there must
	// not lose the import, so it is reported in the header instead.
	lines.push(
		...guarded('refinement', () => {
			if (flat) {
				refineKinds(kinds, flat.blocks, emit);
			}
			const readonly = flat !== undefined && inferReadonly(model, flat.blocks, emit);
			const reordered = model.regions.filter((region) => region.declaredAfter !== undefined).map((region) => region.name);
			return [
				...(readonly ? ['Readonly: `readonly` marks come from ranges that `info mtree -f` prints `rom` (the tree text does not show them).'] : []),
				...(reordered.length > 0 ? [`Order: ${reordered.join(', ')} ${reordered.length === 1 ? 'is' : 'are'} declared after an overlapping sibling of the same priority, out of address order, because \`info mtree -f\` shows ${reordered.length === 1 ? 'it' : 'them'} winning there (QEMU added ${reordered.length === 1 ? 'it' : 'them'} later).`] : []),
			];
		}),
	);
	const body = canonical(emit().text);
	lines.push(...guarded('self-check', () => verifyImport(body, treeText, flatText, !treeText.includes(' [disabled]'), owners)));
	return { text: canonical(emit().text), errors: [] };
}

function guarded(what: string, run: () => string[]): string[] {
	try {
		return run();
	} catch (error) {
		return [`Not checked: the ${what} failed (${error instanceof Error ? error.message : String(error)}); please report it.`];
	}
}

/** The formatter's layout (aligned columns); the raw text if it declines. */
function canonical(text: string): string {
	return format(text) ?? text;
}

function inFlat(error: MtreeError): MtreeError {
	return { ...error, file: 'flat' };
}

/**
 * The two texts must list the same address spaces (one QEMU run, neither truncated):
 * a flat space missing from the tree is reported in the flat text, a tree space missing
 * from the flat text at its `address-space:` line.
 */
function checkFlatSpaces(groups: readonly MtreeGroup[], blocks: readonly FlatBlock[] | undefined): MtreeError[] {
	if (!blocks) {
		return [];
	}
	const treeSpaces = groups.filter((group) => group.kind === 'address-space').flatMap((group) => group.names.map((name, i) => ({ name, line: group.line + i })));
	const names = new Set(treeSpaces.map((space) => space.name));
	const flatNames = new Set(blocks.flatMap((block) => block.spaces.map((space) => space.name)));
	const inFlatText = blocks.flatMap((block) =>
		block.spaces
			.filter((space) => !names.has(space.name))
			.map((space): MtreeError => ({ file: 'flat', line: space.line, column: 2, message: `expected an address space of the tree text, found AS "${space.name}": are both texts from the same QEMU run?` })),
	);
	const inTreeText = treeSpaces
		.filter((space) => !flatNames.has(space.name))
		.map((space): MtreeError => ({ line: space.line, column: 1, message: `expected AS "${space.name}" in the flat text too, found none: is the flat text truncated, or from another run?` }));
	return [...inFlatText, ...inTreeText];
}

function header(model: ImportModel, options: ImportMtreeOptions, hasFlat: boolean, treeText: string, owners: boolean): string[] {
	const plain = !treeText.includes(' [disabled]');
	const lines = [
		`Imported from QEMU \`info mtree${owners ? ' -o' : ''}${plain ? '' : ' -D'}\`${hasFlat ? ' and `info mtree -f`' : ''} output${options.source ? ` (${options.source})` : ''} by \`memmap import-mtree\`.`,
		hasFlat
			? 'Kinds: QEMU prints pure containers and I/O regions both as `i/o`; a region that owns ranges of the `info mtree -f` text is `io`, any other is a `container`.'
			: 'Kinds: QEMU prints pure containers and I/O regions both as `i/o`; without `info mtree -f` text (--flat) one with subregions is imported as a `container` and one without as `io` (a space\'s root as a `container`): give --flat to decide from what QEMU renders.',
		'Overlaps: QEMU no longer records whether an overlap was intended, so every region that overlaps a sibling is marked `overlap` (or carries its `priority`).',
		'Regions printed both as an address-space root or alias target and inside a container are defined at top level and placed with `map`.',
	];
	if (owners) {
		lines.push('Owners: the `/// QEMU owner:{...}` (or `parent:`, `orphan`) line above each region QEMU printed is its `-o` owner field, so a hover on the region shows the QEMU object that owns it.');
	}
	for (const region of model.regions.filter((candidate) => candidate.parent === undefined)) {
		if (region.addr !== 0n || region.priority !== 0) {
			lines.push(`Not expressible: QEMU prints ${region.name} at 0x${region.addr.toString(16)} with priority ${region.priority}, but it is in no container, and a top-level region is at 0 with priority 0.`);
		}
	}
	if (plain && model.regions.some((region) => !region.node.line)) {
		lines.push('Plain `info mtree` hides disabled regions but prints their subregions: each hidden parent is a disabled placeholder container.');
	}
	return lines;
}
