/**
 * A board checked against the QEMU machine it describes, while you type: when the entry
 * file `NAME.memmap` has `NAME.flat.txt` beside it (the text of QEMU's `info mtree -f`),
 * every stretch of addresses that the two render differently is a `qemu.mismatch` warning
 * on the board's region that owns it there (on the space where the board has a hole).
 * A capture that is not `info mtree -f` text is one `qemu.capture` warning.
 */
import type { Diagnostic } from '../diagnostics';
import type { SpaceView } from '../model/analyze';
import { uriFileName } from '../fileNames';
import { toHex } from '../model/address';
import { findRange } from '../model/owner';
import type { RegionTree, SourceLocation } from '../model/types';
import { diffRanges, flatSpaceOf, flatSpacesOfText } from './flatDiff';
import { pairSpaces } from './spacePairs';
import type { FlatDifference, FlatOwner, FlatSpace, OwnedRange } from './flatDiff';

/** Past this many mismatches in one space, one more diagnostic counts the rest. */
const maxPerSpace = 50;

/** The capture a board is compared with: `NAME.flat.txt` beside `NAME.memmap`. */
export function captureUriOf(entryUri: string): string | undefined {
	return entryUri.endsWith('.memmap') ? `${entryUri.slice(0, -'.memmap'.length)}.flat.txt` : undefined;
}

/** A capture read and parsed: kept on the analysis, so hovers can show QEMU's owner too. */
export interface QemuCapture {
	readonly uri: string;
	/** The file name, for messages. */
	readonly name: string;
	readonly spaces: readonly FlatSpace[];
	/** The capture's space of each space view of the board that it has (see `pairSpaces`). */
	readonly paired: ReadonlyMap<SpaceView, FlatSpace>;
	/**
	 * For each space view of the board that the capture also has, where the two differ
	 * (computed once here, for the diagnostics and for the flat view's marks alike).
	 */
	readonly differences: ReadonlyMap<SpaceView, readonly FlatDifference[]>;
}

export interface CaptureInput {
	readonly entry: string;
	readonly captureUri: string;
	readonly captureText: string;
	readonly tree: RegionTree;
	readonly views: readonly SpaceView[];
	/** False for a board with errors: its flat view is a guess, so it is not compared. */
	readonly compare: boolean;
}

/**
 * Parses the capture and compares the board's flat views with it. Never throws. The
 * capture is returned when it parses, even if the board was not compared.
 */
export function checkAgainstCapture(input: CaptureInput): { capture?: QemuCapture; diagnostics: Diagnostic[] } {
	const name = uriFileName(input.captureUri);
	const fallback = firstLocation(input);
	const { spaces, errors } = flatSpacesOfText(input.captureText);
	const firstError = errors[0];
	if (firstError !== undefined) {
		const more = errors.length > 1 ? ` (and ${errors.length - 1} more problems)` : '';
		const message = `The QEMU capture ${name} beside this board is not \`info mtree -f\` text, so the board is not compared with it: line ${firstError.line}: ${firstError.message}${more}.`;
		return { diagnostics: [{ code: 'qemu.capture', severity: 'warning', message, ...fallback }] };
	}
	const board = input.views.map((view) => flatSpaceOf(input.tree, view));
	const pairs = pairSpaces(board, spaces, (a, b) => diffRanges(a.ranges, b.ranges));
	const paired = new Map<SpaceView, FlatSpace>();
	const differences = new Map<SpaceView, FlatDifference[]>();
	input.views.forEach((view, i) => {
		const qemu = spaces[pairs[i] ?? -1];
		if (qemu !== undefined) {
			paired.set(view, qemu);
			differences.set(view, diffRanges((board[i] as FlatSpace).ranges, qemu.ranges));
		}
	});
	const capture: QemuCapture = { uri: input.captureUri, name, spaces, paired, differences };
	if (!input.compare) {
		return { capture, diagnostics: [] };
	}
	if (differences.size === 0) {
		const names = spaces.map((space) => `'${space.name}'`).join(', ') || 'none';
		const message = `No address space of this board is in the QEMU capture ${name} (its spaces: ${names}), so nothing is compared: name a space as QEMU does (\`space memory = ...\`).`;
		return { capture, diagnostics: [{ code: 'qemu.mismatch', severity: 'warning', message, ...fallback }] };
	}
	const diagnostics = [...differences].flatMap(([view, found]) => spaceMismatches(input, capture, view, found));
	return { capture, diagnostics };
}

/**
 * The capture's view of a board's space (the one paired with it), or of the first space
 * named `name` (QEMU's `AS "name"`), if it has one.
 */
export function captureSpace(capture: QemuCapture, space: SpaceView | string): FlatSpace | undefined {
	if (typeof space !== 'string') {
		return capture.paired.get(space) ?? captureSpace(capture, space.space.name);
	}
	return capture.spaces.find((candidate) => candidate.name === space);
}

/**
 * What QEMU renders at `address` in its space `name`, for hovers and `memmap owner`:
 * `QEMU (pc.flat.txt, line 6): 'pc.rom' (prio 1, rom)` or `...: a hole`; undefined when
 * the capture lacks the space.
 */
export function qemuOwnerLine(capture: QemuCapture, name: SpaceView | string, address: bigint): string | undefined {
	const space = captureSpace(capture, name);
	if (space === undefined) {
		return undefined;
	}
	const range = rangeAt(space.ranges, address);
	const owner = range === undefined ? undefined : { ...range.owner, offset: range.owner.offset + (address - range.start) };
	const where = range?.line === undefined ? capture.name : `${capture.name}, line ${range.line}`;
	return `QEMU (${where}): ${side(owner)}`;
}

function spaceMismatches(input: CaptureInput, capture: QemuCapture, view: SpaceView, differences: readonly FlatDifference[]): Diagnostic[] {
	const name = capture.name;
	const qemu = captureSpace(capture, view) as FlatSpace;
	const spaceAt = spaceLocation(input.tree, view) ?? firstLocation(input);
	const out: Diagnostic[] = differences.slice(0, maxPerSpace).map((difference) => {
		const owner = difference.before === undefined ? undefined : ownerLocation(input.tree, view, difference.start);
		const line = rangeAt(qemu.ranges, difference.start)?.line;
		const where = line === undefined ? name : `${name}, line ${line}`;
		const message =
			`In space '${view.space.name}', [${toHex(difference.start)}, ${toHex(difference.end)}) is ${side(difference.before)} in this board ` +
			`but ${side(difference.after)} in QEMU (${where}).`;
		const subject = { space: view.space.name, start: difference.start, end: difference.end };
		return { code: 'qemu.mismatch', severity: 'warning', message, ...(owner ?? spaceAt), subject };
	});
	const rest = differences.length - maxPerSpace;
	if (rest > 0) {
		const message = `In space '${view.space.name}', ${rest} more stretches differ from the QEMU capture ${name}; \`memmap diff\` lists them all.`;
		out.push({ code: 'qemu.mismatch', severity: 'warning', message, ...spaceAt });
	}
	return out;
}

/** How one side renders a stretch, in the terms of `info mtree -f`. */
function side(owner: FlatOwner | undefined): string {
	if (owner === undefined) {
		return 'a hole';
	}
	const offset = owner.offset === 0n ? '' : `, offset ${toHex(owner.offset)}`;
	return `'${owner.name}' (prio ${owner.priority}, ${owner.nonvolatile ? 'nv-' : ''}${owner.type}${offset})`;
}

/** The name of the board region that owns `address` in `view`. */
function ownerLocation(tree: RegionTree, view: SpaceView, address: bigint): SourceLocation | undefined {
	const range = findRange(view.view, address);
	return range === undefined ? undefined : tree.regions[range.region]?.nameLocation;
}

/** The range of QEMU's space `name` that covers `address`, if any. */
export function qemuRangeAt(capture: QemuCapture, name: SpaceView | string, address: bigint): OwnedRange | undefined {
	const space = captureSpace(capture, name);
	return space === undefined ? undefined : rangeAt(space.ranges, address);
}

/** The QEMU range that covers `address` (the ranges are sorted and disjoint). */
function rangeAt(ranges: readonly OwnedRange[], address: bigint): OwnedRange | undefined {
	let low = 0;
	let high = ranges.length - 1;
	while (low <= high) {
		const mid = (low + high) >>> 1;
		const range = ranges[mid] as OwnedRange;
		if (address < range.start) {
			high = mid - 1;
		} else if (address >= range.end) {
			low = mid + 1;
		} else {
			return range;
		}
	}
	return undefined;
}

/** Where a space is written: its `space` item, or the name of its root region. */
function spaceLocation(tree: RegionTree, view: SpaceView): SourceLocation | undefined {
	return view.space.definition ?? tree.regions[view.space.root]?.nameLocation;
}

/** The first space's location, else the start of the entry file. */
function firstLocation(input: Pick<CaptureInput, 'entry' | 'tree' | 'views'>): SourceLocation {
	const first = input.views[0];
	return (first === undefined ? undefined : spaceLocation(input.tree, first)) ?? { uri: input.entry, offset: 0, length: 0 };
}
