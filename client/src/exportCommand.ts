/**
 * "Memory Map: Export C Header, Linker MEMORY, Markdown or QEMU Code…": asks for a format (and a space
 * when the board has several), asks the server for the text (`memmap/export`, the same
 * core code as `memmap export` in CI) and opens it in a new editor, ready to be saved
 * where the firmware or the documentation wants it. Arguments bypass the prompts (used by
 * tests, keybindings and the server's code lenses).
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { activeMemmapUri, argumentReader, pickSpace, tell } from './commands';
import { exportRequest } from './requests';

type Format = 'c' | 'ld' | 'md' | 'qemu';

/** Optional arguments of `memmap.export`; a missing format or space is asked for. */
export interface ExportArgs {
	readonly uri?: string;
	readonly format?: Format;
	readonly space?: string;
	readonly prefix?: string;
}

/** What the command did: the exported text and the editor it opened, or why it stopped. */
export interface ExportOutcome {
	readonly text?: string;
	readonly space?: string;
	readonly document?: string;
	readonly message?: string;
}

function readArgs(value: unknown): ExportArgs {
	const text = argumentReader(value);
	const format = text('format');
	return {
		uri: text('uri'),
		format: format === 'c' || format === 'ld' || format === 'md' || format === 'qemu' ? format : undefined,
		space: text('space'),
		prefix: text('prefix'),
	};
}

async function pickFormat(): Promise<Format | undefined> {
	const items: (vscode.QuickPickItem & { format: Format })[] = [
		{ label: 'C header', description: 'NAME_BASE and NAME_SIZE of every region in the space', format: 'c' },
		{ label: 'GNU ld MEMORY command', description: 'the RAM and ROM the space really shows', format: 'ld' },
		{ label: 'Markdown memory map', description: 'a datasheet table of every stretch of addresses', format: 'md' },
		{ label: 'QEMU memory regions (C)', description: 'the memory_region_init_* and add_subregion calls that build the space', format: 'qemu' },
	];
	const picked = await vscode.window.showQuickPick(items, { title: 'Memory Map: Export', placeHolder: 'Export as' });
	return picked?.format;
}

/**
 * The prefix of every exported name: the arguments' if they give one, else the setting
 * `memmap.export.prefix` for the formats that name things (C, ld and QEMU; a Markdown map has
 * no names to prefix), so that a project sets its prefix once.
 */
function prefixFor(format: Format, args: ExportArgs, uri: string): string | undefined {
	if (args.prefix !== undefined || format === 'md') {
		return args.prefix;
	}
	const configured = vscode.workspace.getConfiguration('memmap', vscode.Uri.parse(uri)).get<string>('export.prefix', '');
	return configured === '' ? undefined : configured;
}

/** The language of the new editor: C, Markdown, or a linker-script language when one is installed. */
async function languageOf(format: Format): Promise<string> {
	if (format !== 'ld') {
		return format === 'md' ? 'markdown' : 'c';
	}
	const languages = await vscode.languages.getLanguages();
	return languages.includes('linkerscript') ? 'linkerscript' : 'plaintext';
}

export async function exportCommand(client: LanguageClient, rawArgs: unknown): Promise<ExportOutcome | undefined> {
	const args = readArgs(rawArgs);
	const uri = args.uri ?? activeMemmapUri();
	if (!uri) {
		return tell('Open a .memmap file to export its address space.', true);
	}
	const format = args.format ?? (await pickFormat());
	if (format === undefined) {
		return undefined;
	}
	// A Markdown document holds every space; C and ld need one.
	const space = args.space ?? (format === 'md' ? null : await pickSpace(client, uri));
	if (space === undefined) {
		return undefined;
	}
	// The banner's "regenerate with" command names the board as a CI job in the workspace would.
	const file = vscode.workspace.asRelativePath(vscode.Uri.parse(uri), false);
	const prefix = prefixFor(format, args, uri);
	const result = await client.sendRequest(exportRequest, { uri, format, space: space ?? undefined, prefix, file });
	if (result.text === undefined) {
		return tell(result.error ?? 'Nothing was exported.', true);
	}
	const document = await vscode.workspace.openTextDocument({ language: await languageOf(format), content: result.text });
	await vscode.window.showTextDocument(document, { preview: false });
	return { text: result.text, space: result.space, document: document.uri.toString() };
}
