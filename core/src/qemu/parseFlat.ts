/**
 * The line parser of `info mtree -f` text (flat mode) into FlatView blocks. Anything that
 * is not one of QEMU's flat-mode lines is a located error.
 */
import { firstContentIndex, isMonitorChatter, isRangeLine, LineReader, ownerField, readExtent, shown, splitOwner, textLines, withoutAccelerator } from './lineFields';
import { maxErrors } from './parseTree';
import type { FlatBlock, FlatRangeLine, MtreeError } from './mtreeModel';

/** The parsed flat text: blocks in input order, and every error found. */
export interface ParsedFlat {
	readonly blocks: readonly FlatBlock[];
	readonly errors: readonly MtreeError[];
}

interface FlatState {
	readonly blocks: FlatBlock[];
	readonly errors: MtreeError[];
	/** True for `-o` output (the first range line has an owner field): every range line must. */
	readonly showsOwners: boolean;
	block: FlatBlock | undefined;
	/**
	 * What the current block has seen: spaces, the root line, ranges, "No rendered", or
	 * the `  Dispatch` line that starts the `-d` dispatch tree.
	 */
	phase: 'spaces' | 'ranges' | 'empty' | 'dispatch' | 'closed';
}

/** Parses flat-mode text. Never throws. */
export function parseFlat(text: string): ParsedFlat {
	const lines = textLines(text);
	const firstRange = lines.find(isRangeLine) ?? '';
	const showsOwners = splitOwner(withoutAccelerator(firstRange)).owner !== undefined;
	const state: FlatState = { blocks: [], errors: [], showsOwners, block: undefined, phase: 'closed' };
	const first = firstContentIndex(lines);
	if (/^(address-space|memory-region): /.test(lines[first] ?? '')) {
		return { blocks: [], errors: [{ line: first + 1, column: 1, message: 'expected `info mtree -f` text, found `info mtree` tree text' }] };
	}
	for (let index = 0; index < lines.length && state.errors.length < maxErrors; index++) {
		parseLine(state, lines[index] ?? '', index + 1);
	}
	if (state.errors.length >= maxErrors) {
		state.errors.push({ line: state.errors[state.errors.length - 1]?.line ?? 1, message: `stopped after ${maxErrors} errors: is this \`info mtree -f\` output?` });
	}
	if (state.block && state.phase === 'spaces') {
		state.errors.push({ line: text.split('\n').length, message: 'expected " Root memory region: NAME": the FlatView block is truncated' });
	}
	if (state.blocks.length === 0 && state.errors.length === 0) {
		state.errors.push({ line: 1, message: 'expected "FlatView #N": this is not `info mtree -f` output' });
	}
	return { blocks: state.blocks, errors: state.errors };
}

function parseLine(state: FlatState, text: string, line: number): void {
	if (text.trim() === '' || isMonitorChatter(text)) {
		// Blank lines, and the monitor's banner and prompts in a `-monitor stdio` capture.
		return;
	}
	if (/^FlatView #\d+$/.test(text)) {
		state.block = { line, spaces: [], root: undefined, ranges: [] };
		state.blocks.push(state.block);
		state.phase = 'spaces';
		return;
	}
	const block = state.block;
	if (!block || state.phase === 'closed') {
		state.errors.push({ line, column: 1, message: `expected "FlatView #N", found "${shown(text)}"` });
		return;
	}
	if (state.phase === 'spaces') {
		parseHeader(state, block, text, line);
	} else if (state.phase === 'ranges' && text === '  Dispatch') {
		state.phase = 'dispatch';
	} else if (state.phase === 'dispatch' && (text.startsWith('    ') || text.startsWith('\t'))) {
		// The `-d` dispatch tree (sections and page-table nodes) says nothing a range does not.
	} else if (state.phase === 'ranges' && text.startsWith('  ') && !text.startsWith('   ')) {
		parseRange(state, block, text, line);
	} else {
		const what = {
			empty: 'a blank line after "No rendered FlatView"',
			dispatch: 'a line of the dispatch tree (indented by four spaces or a tab) or a blank line',
			ranges: 'a range line "  START-END (prio N, TYPE): NAME"',
		}[state.phase];
		state.errors.push({ line, column: 1, message: `expected ${what}, found "${shown(text)}"` });
	}
}

function parseHeader(state: FlatState, block: FlatBlock, text: string, line: number): void {
	const space = /^ AS "(.*)", root: (.*)$/.exec(text);
	if (space) {
		const rootPart = space[2] ?? '';
		const aliasAt = rootPart.indexOf(', alias ');
		const root = aliasAt < 0 ? rootPart : rootPart.slice(0, aliasAt);
		const aliasTarget = aliasAt < 0 ? undefined : rootPart.slice(aliasAt + ', alias '.length);
		block.spaces.push({ line, name: space[1] ?? '', root, aliasTarget });
		return;
	}
	const root = /^ Root memory region: (.*)$/.exec(text);
	if (root && block.spaces.length > 0) {
		block.root = root[1] === '(none)' ? undefined : root[1];
		state.phase = 'ranges';
		return;
	}
	const expected = block.spaces.length === 0 ? '" AS "NAME", root: REGION"' : '" AS ..." or " Root memory region: NAME"';
	state.errors.push({ line, column: 1, message: `expected ${expected}, found "${shown(text)}"` });
}

function parseRange(state: FlatState, block: FlatBlock, text: string, line: number): void {
	if (text === '  No rendered FlatView') {
		if (block.ranges.length > 0) {
			state.errors.push({ line, column: 3, message: 'expected a range line: "No rendered FlatView" follows ranges' });
		}
		state.phase = 'empty';
		return;
	}
	const reader = new LineReader(text, line, 2);
	const read = readExtent(reader, line);
	if ('message' in read) {
		state.errors.push(read);
		return;
	}
	const owned = ownerField(withoutAccelerator(read.rest), state.showsOwners, { line, offset: text.length - read.rest.length }, 'range', 'info mtree -f -o');
	if ('message' in owned) {
		state.errors.push(owned);
		return;
	}
	const rest = owned.body;
	const offset = / @([0-9a-fA-F]{16})$/.exec(rest);
	const name = offset ? rest.slice(0, offset.index) : rest;
	const range: FlatRangeLine = { ...read.extent, name, offset: offset ? BigInt('0x' + offset[1]) : 0n };
	if (range.end < range.start) {
		state.errors.push({ line, column: 3, message: `expected an end address not below the start, found ${text.slice(2, 35)}` });
		return;
	}
	block.ranges.push(range);
}
