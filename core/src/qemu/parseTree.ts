/**
 * The line parser of `info mtree` / `info mtree -D` text (tree mode) into groups of
 * region nodes. Every line must be a header, a region line or blank; anything else is a
 * located error, so a truncated or hand-edited file is never read as a different map.
 */
import { firstContentIndex, isMonitorChatter, LineReader, ownerField, readExtent, shown, splitOwner, textLines } from './lineFields';
import type { MtreeError, MtreeGroup, MtreeLine, MtreeNode } from './mtreeModel';

/** The parsed tree text: groups in input order, and every error found. */
export interface ParsedTree {
	readonly groups: readonly MtreeGroup[];
	readonly errors: readonly MtreeError[];
}

const overflowPrefix = '[DETECTED OVERFLOW!] ';
/** Past this many errors the text is not worth reading on (a file of another kind). */
export const maxErrors = 20;
const regionShape = 'a region line "START-END (prio N, TYPE): NAME"';

interface TreeState {
	readonly groups: MtreeGroup[];
	readonly errors: MtreeError[];
	/** The names of every `memory-region:` block: they disambiguate `alias A @T` splits. */
	readonly targets: ReadonlySet<string>;
	/**
	 * True for `-D` output (some line says ` [disabled]`): nothing is hidden, so an
	 * indentation jump is an error rather than a hidden disabled parent.
	 */
	readonly showsDisabled: boolean;
	/** True for `-o` output (the first region line has an owner field): every line must. */
	readonly showsOwners: boolean;
	group: MtreeGroup | undefined;
	/** The open nodes of the current group, by level (index 0 unused). */
	stack: MtreeNode[];
}

/** Parses tree-mode text. Never throws. */
export function parseTree(text: string): ParsedTree {
	const lines = textLines(text);
	const targets = new Set(
		lines.filter((line) => line.startsWith('memory-region: ')).map((line) => line.slice(15)),
	);
	const showsOwners = splitOwner(lines.find(isRegionLine) ?? '').owner !== undefined;
	// `-o -D` prints ` [disabled]` before the owner field.
	const showsDisabled = lines.some((line) => (showsOwners ? splitOwner(line).body : line).endsWith(' [disabled]'));
	const state: TreeState = { groups: [], errors: [], targets, showsDisabled, showsOwners, group: undefined, stack: [] };
	const first = firstContentIndex(lines);
	if (/^FlatView #\d+$/.test(lines[first] ?? '')) {
		return { groups: [], errors: [{ line: first + 1, column: 1, message: 'expected `info mtree` tree text, found `info mtree -f` output (give that with --flat)' }] };
	}
	for (let index = 0; index < lines.length && state.errors.length < maxErrors; index++) {
		parseLine(state, lines[index] ?? '', index + 1);
	}
	closeGroup(state, lines.length);
	if (state.errors.length >= maxErrors) {
		state.errors.push({ line: state.errors[state.errors.length - 1]?.line ?? 1, message: `stopped after ${maxErrors} errors: is this \`info mtree\` output?` });
	}
	if (state.groups.length === 0 && state.errors.length === 0) {
		state.errors.push({ line: 1, message: 'expected "address-space: NAME": this is not `info mtree` output' });
	}
	return { groups: state.groups, errors: state.errors };
}

/** A region line: an address range after the indentation (or QEMU's overflow mark). */
function isRegionLine(text: string): boolean {
	return /^(\[DETECTED OVERFLOW!\] )? *[0-9a-fA-F]{16}-/.test(text);
}

function parseLine(state: TreeState, text: string, line: number): void {
	if (text.trim() === '') {
		closeGroup(state, line);
		return;
	}
	if (isMonitorChatter(text)) {
		// A pasted monitor banner or prompt line (`(qemu) info mtree -D`) carries no map.
		return;
	}
	const header = /^(address-space|memory-region): (.*)$/.exec(text);
	if (header) {
		openHeader(state, header[1] as MtreeGroup['kind'], header[2] ?? '', line);
		return;
	}
	const region = parseRegionLine(state, text, line);
	if (region) {
		addRegion(state, region, text);
	}
}

function openHeader(state: TreeState, kind: MtreeGroup['kind'], name: string, line: number): void {
	const group = state.group;
	if (group && kind === 'address-space' && group.kind === kind && !group.root) {
		group.names.push(name);
		return;
	}
	if (group) {
		state.errors.push({ line, column: 1, message: `expected a blank line before "${shown(`${kind}: ${name}`)}"` });
		closeGroup(state, line);
	}
	state.group = { kind, line, names: [name], root: undefined };
}

function closeGroup(state: TreeState, line: number): void {
	const group = state.group;
	if (!group) {
		return;
	}
	if (!group.root) {
		state.errors.push({ line, column: 1, message: `expected ${regionShape} after "${group.kind}: ${shown(group.names[0] ?? '')}"` });
	}
	state.groups.push(group);
	state.group = undefined;
	state.stack = [];
}

function parseRegionLine(state: TreeState, text: string, line: number): MtreeLine | undefined {
	const overflow = text.startsWith(overflowPrefix);
	const body = overflow ? overflowPrefix.length : 0;
	const indent = /^ */.exec(text.slice(body))?.[0].length ?? 0;
	const reader = new LineReader(text, line, body + indent);
	if (!/^[0-9a-fA-F]{16}-/.test(reader.rest)) {
		state.errors.push({ line, column: 1, message: `expected ${regionShape}, found "${shown(text)}"` });
		return undefined;
	}
	if (indent < 2 || indent % 2 !== 0) {
		state.errors.push({ line, column: body + 1, message: `expected an indentation of two spaces per level, found ${indent} spaces` });
		return undefined;
	}
	const read = readExtent(reader, line);
	if ('message' in read) {
		state.errors.push(read);
		return undefined;
	}
	const rest = splitRest(state, read.rest, line, text.length - read.rest.length);
	return rest && { ...read.extent, ...rest, level: indent / 2, overflow };
}

type NamePart = Pick<MtreeLine, 'name' | 'disabled' | 'alias' | 'owner'>;

/**
 * The part after `): `: `NAME[ [disabled]]` or `alias NAME @TARGET OSTART-OEND[ [disabled]]`,
 * then the owner field in `-o` output.
 */
function splitRest(state: TreeState, rest: string, line: number, offset: number): NamePart | undefined {
	const owned = ownerField(rest, state.showsOwners, { line, offset }, 'region', 'info mtree -o');
	if ('message' in owned) {
		state.errors.push(owned);
		return undefined;
	}
	const { owner } = owned;
	const disabled = owned.body.endsWith(' [disabled]');
	const body = disabled ? owned.body.slice(0, -' [disabled]'.length) : owned.body;
	if (!body.startsWith('alias ')) {
		return { name: body, disabled, owner };
	}
	const alias = /^alias (.+) ([0-9a-fA-F]{16})-([0-9a-fA-F]{16})$/.exec(body);
	const split = alias ? splitAliasNames(state.targets, alias[1] ?? '') : undefined;
	if (!alias || !split) {
		state.errors.push({ line, column: offset + 1, message: `expected an alias "alias NAME @TARGET START-END", found "${shown(body)}"` });
		return undefined;
	}
	const column = offset + 'alias '.length + split.name.length + 3;
	const window = { start: BigInt('0x' + alias[2]), end: BigInt('0x' + alias[3]) };
	return { name: split.name, disabled, owner, alias: { target: split.target, ...window, column } };
}

/**
 * Splits `NAME @TARGET` at the ` @` whose right side names a `memory-region:` block
 * (names may contain ` @`); without such a block, at the first ` @`.
 */
function splitAliasNames(targets: ReadonlySet<string>, text: string): { name: string; target: string } | undefined {
	let first: { name: string; target: string } | undefined;
	for (let at = text.indexOf(' @'); at >= 0; at = text.indexOf(' @', at + 1)) {
		const split = { name: text.slice(0, at), target: text.slice(at + 2) };
		if (targets.has(split.target)) {
			return split;
		}
		first ??= split;
	}
	return first;
}

function addRegion(state: TreeState, region: MtreeLine, text: string): void {
	const group = state.group;
	if (!group) {
		state.errors.push({ line: region.line, column: 1, message: `expected "address-space: NAME" or "memory-region: NAME" before "${shown(text)}"` });
		return;
	}
	const node: MtreeNode = { line: region, level: region.level, children: [] };
	if (!group.root) {
		if (state.showsDisabled && region.level > 1) {
			state.errors.push({ line: region.line, column: 1, message: `expected the root region at an indentation of 2 spaces, found ${2 * region.level}` });
			return;
		}
		if (group.kind === 'memory-region' && region.level === 1 && region.name !== group.names[0]) {
			state.errors.push({ line: region.line, column: 1, message: `expected the region "${shown(group.names[0] ?? '')}" of its "memory-region:" header, found "${shown(region.name)}"` });
			return;
		}
		group.root = withHiddenParents(state, node, 1);
		return;
	}
	if (region.level <= 1) {
		state.errors.push({ line: region.line, column: 1, message: `expected a deeper indentation: "${group.kind}: ${shown(group.names[0] ?? '')}" has one root region` });
		return;
	}
	const parentLevel = Math.min(region.level - 1, state.stack.length - 1);
	if (state.showsDisabled && region.level > parentLevel + 1) {
		state.errors.push({ line: region.line, column: 1, message: `expected an indentation of at most ${2 * parentLevel + 2} spaces (one level below the previous region), found ${2 * region.level}` });
		return;
	}
	const parent = nextHiddenSibling(state, state.stack[parentLevel] as MtreeNode, region);
	state.stack.length = parent.level + 1;
	parent.children.push(withHiddenParents(state, node, parent.level + 1));
}

/**
 * Subregions print by address, then priority descending, and not below their parent's
 * start. In plain `info mtree`, a line that breaks that under its parent belongs to a
 * hidden disabled sibling of that parent (whose own line is missing): opens one and
 * returns it, else returns `parent`.
 */
function nextHiddenSibling(state: TreeState, parent: MtreeNode, region: MtreeLine): MtreeNode {
	const last = parent.children[parent.children.length - 1]?.line;
	// A subregion never starts below its parent's start without QEMU's overflow mark.
	const below = parent.line !== undefined && region.start < parent.line.start && !region.overflow;
	const outOfOrder = below || (last !== undefined && (region.start < last.start || (region.start === last.start && region.priority > last.priority)));
	if (state.showsDisabled || region.level !== parent.level + 1 || !outOfOrder) {
		return parent;
	}
	// The hidden sibling goes after the deepest open region that may precede it in print
	// order: a hidden one, or a printed one that does not start after the line.
	for (let level = parent.level; level >= 2; level--) {
		const open = state.stack[level];
		const grand = state.stack[level - 1];
		const fits = open && (open === parent ? !below : !open.line || open.line.start <= region.start);
		if (grand && fits) {
			const fresh: MtreeNode = { line: undefined, level, children: [] };
			grand.children.push(fresh);
			state.stack[level] = fresh;
			state.stack.length = level + 1;
			return fresh;
		}
	}
	return parent;
}

/**
 * Plain `info mtree` hides a disabled region's own line but prints its subregions one
 * level deeper than the missing line: a jump of two or more levels means hidden parents.
 * Returns the outermost node (at `level`) and records every node on the stack.
 */
function withHiddenParents(state: TreeState, node: MtreeNode, level: number): MtreeNode {
	let outer = node;
	for (let hidden = node.level - 1; hidden >= level; hidden--) {
		outer = { line: undefined, level: hidden, children: [outer] };
	}
	for (let current: MtreeNode | undefined = outer; current; current = current.line ? undefined : current.children[0]) {
		state.stack[current.level] = current;
	}
	state.stack.length = node.level + 1;
	return outer;
}
