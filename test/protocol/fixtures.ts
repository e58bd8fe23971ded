/** Fixture access and text positions for the protocol tests. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Position } from 'vscode-languageserver-protocol';
import { fileUri, repoRoot } from './lspClient';

/** A fixture of test/fixtures/server: its `file:` uri and text. */
export function fixture(name: string): { uri: string; text: string } {
	const relative = path.join('test', 'fixtures', 'server', name);
	return { uri: fileUri(relative), text: fs.readFileSync(path.join(repoRoot, relative), 'utf8') };
}

/**
 * The board and the include pair (`includer.memmap` places what `included.memmap`
 * declares) that the navigation and hierarchy suites open, and `at`, a position in the
 * board one character into the `nth` `needle` by default.
 */
export function boardFixtures(): {
	board: { uri: string; text: string };
	includer: { uri: string; text: string };
	included: { uri: string; text: string };
	at: (needle: string, delta?: number, nth?: number) => Position;
} {
	const board = fixture('board.memmap');
	const at = (needle: string, delta = 1, nth = 0): Position => positionOf(board.text, needle, delta, nth);
	return { board, includer: fixture('includer.memmap'), included: fixture('included.memmap'), at };
}

/** The position `delta` characters after the `nth` (0-based) occurrence of `needle`. */
export function positionOf(text: string, needle: string, delta = 0, nth = 0): Position {
	let offset = -1;
	for (let i = 0; i <= nth; i++) {
		offset = text.indexOf(needle, offset + 1);
		if (offset < 0) {
			throw new Error(`'${needle}' #${nth} not in text`);
		}
	}
	offset += delta;
	const before = text.slice(0, offset).split('\n');
	return { line: before.length - 1, character: (before[before.length - 1] ?? '').length };
}

/** The markdown (or plain) text of a hover's contents. */
export function hoverText(contents: unknown): string {
	if (typeof contents === 'object' && contents !== null && 'value' in contents) {
		return String(contents.value);
	}
	return JSON.stringify(contents);
}

/** `info mtree -f` text of one FlatView of the space `memory`, with these range lines. */
export function flatCapture(...ranges: string[]): string {
	return `FlatView #0\n AS "memory", root: system\n Root memory region: system\n${ranges.map((r) => `  ${r}\n`).join('')}\n`;
}

/**
 * Runs `body` with a temporary folder holding `soc.flat.txt` (the QEMU capture) beside the
 * uri of a board `soc.memmap`, which the test opens itself; the folder is removed after.
 */
export async function withCapture(
	capture: string,
	body: (boardUri: string, capturePath: string) => Promise<void>,
): Promise<void> {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'memmap-capture-'));
	try {
		const capturePath = path.join(dir, 'soc.flat.txt');
		fs.writeFileSync(capturePath, capture);
		await body(pathToFileURL(path.join(dir, 'soc.memmap')).href, capturePath);
	} finally {
		fs.rmSync(dir, { recursive: true, force: true });
	}
}
