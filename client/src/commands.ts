/**
 * "Memory Map: Go to Address…": asks for an address (and a space when the document has
 * several), asks the server who owns it (`memmap/owner`) and reveals the owner's
 * definition. Arguments bypass the prompts (used by tests and keybindings).
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { OwnerAnswerDto } from '../../core/src/protocol';
import { validateAddressInput } from './addressSyntax';
import { flatViewRequest, ownerRequest } from './requests';
import { revealLocation } from './reveal';

/** Optional arguments of `memmap.goToAddress`; any missing one is asked for. */
export interface GoToAddressArgs {
	readonly uri?: string;
	readonly address?: string;
	readonly space?: string;
}

/** What the command did: the answer it acted on, or why it stopped. */
export interface GoToAddressOutcome {
	readonly answer?: OwnerAnswerDto;
	readonly message?: string;
}

/**
 * Reads the string fields of a command's argument object: keybindings and other
 * extensions pass anything, and a field that is not a string counts as absent.
 */
export function argumentReader(value: unknown): (key: string) => string | undefined {
	const record = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
	return (key) => (typeof record[key] === 'string' ? (record[key] as string) : undefined);
}

function readArgs(value: unknown): GoToAddressArgs {
	const text = argumentReader(value);
	return { uri: text('uri'), address: text('address'), space: text('space') };
}

/** The active editor's document when it is a `.memmap` board. */
export function activeMemmapUri(): string | undefined {
	const document = vscode.window.activeTextEditor?.document;
	return document?.languageId === 'memmap' ? document.uri.toString() : undefined;
}

/** The space to act on: the only one, null for none, or the user's pick (undefined: cancelled). */
export async function pickSpace(client: LanguageClient, uri: string): Promise<string | null | undefined> {
	const view = await client.sendRequest(flatViewRequest, { uri });
	if (view.spaces.length <= 1) {
		return view.spaces[0]?.name ?? null;
	}
	const picked = await vscode.window.showQuickPick(
		view.spaces.map((space) => ({ label: space.name, description: `root ${space.root}` })),
		{ placeHolder: 'Address space' },
	);
	return picked?.label;
}

/** Tells the user, without waiting for the notification to be dismissed. */
export function tell(message: string, isError = false): { readonly message: string } {
	void (isError ? vscode.window.showErrorMessage(message) : vscode.window.showInformationMessage(message));
	return { message };
}

/** What Go to Address says of a hole: how far it reaches and what lies on each side. */
export function holeMessage(answer: OwnerAnswerDto): string {
	const hole = answer.hole;
	if (!hole) {
		return `${answer.address} is a hole in ${answer.space}: no region owns it.`;
	}
	const sides = [hole.before ? `after ${hole.before.path}` : '', hole.after ? `before ${hole.after.path}` : ''].filter(Boolean);
	const between = sides.length > 0 ? `, ${sides.join(' and ')}` : '';
	return `${answer.address} is a hole in ${answer.space}: no region owns [${hole.start}, ${hole.end})${between}.`;
}

export async function goToAddress(client: LanguageClient, rawArgs: unknown): Promise<GoToAddressOutcome | undefined> {
	const args = readArgs(rawArgs);
	const uri = args.uri ?? activeMemmapUri();
	if (!uri) {
		return tell('Open a .memmap file to go to an address in it.', true);
	}
	const address =
		args.address ??
		(await vscode.window.showInputBox({
			title: 'Memory Map: Go to Address',
			prompt: 'Address (hex 0x…, binary 0b…, decimal; _ separators and K/M/G units allowed)',
			placeHolder: '0xfee0_0000',
			validateInput: validateAddressInput,
		}));
	if (address === undefined) {
		return undefined;
	}
	const space = args.space ?? (await pickSpace(client, uri));
	if (space === undefined) {
		return undefined;
	}
	const result = await client.sendRequest(ownerRequest, { uri, address, space: space ?? undefined });
	if (result.error !== undefined) {
		return tell(result.error, true);
	}
	const answer = result.answers[0];
	if (!answer) {
		return tell(`No address space answers ${address}.`, true);
	}
	if (!answer.range) {
		return { ...tell(holeMessage(answer)), answer };
	}
	if (!answer.range.location) {
		return tell(`${answer.address} in ${answer.space} is owned by ${answer.range.path}, whose definition is unknown.`);
	}
	await revealLocation(answer.range.location);
	void vscode.window.setStatusBarMessage(`${answer.address} in ${answer.space}: ${answer.range.path}`, 5000);
	return { answer };
}
