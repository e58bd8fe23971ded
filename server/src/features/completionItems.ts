/** The larger completion item lists: region names (with quoting) and region snippets. */
import {
	CompletionItemKind,
	InsertTextFormat,
	type CompletionItem,
	type CompletionList,
} from 'vscode-languageserver';
import { readdirSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatSize } from '../../../core/src/index';
import type { Analysis } from '../../../core/src/index';
import { spellName } from './rename';
import { matchesQuery } from './workspaceSymbols';

/** At most this many names per answer; the list is marked incomplete beyond it. */
const maxNames = 500;

/**
 * Region names for a reference. After `map` and `=`, unplaced top-level regions come first
 * (they are the ones that still need a parent or a space).
 */
export function regionNameItems(analysis: Analysis, prefix: string, after: string): CompletionList {
	const items: CompletionItem[] = [];
	const seen = new Set<string>();
	let incomplete = false;
	for (const region of analysis.tree.regions) {
		if (seen.has(region.name) || !matchesQuery(region.name, prefix)) {
			continue;
		}
		if (items.length >= maxNames) {
			incomplete = true;
			break;
		}
		seen.add(region.name);
		const spelled = spellName(region.name) ?? region.name;
		const unplaced = region.parent === undefined;
		items.push({
			label: region.name,
			kind: CompletionItemKind.Reference,
			detail: `${region.kind} ${formatSize(region.size)}`,
			insertText: spelled,
			sortText: (after !== 'of' && unplaced ? '0' : '1') + region.name,
		});
	}
	return { isIncomplete: incomplete, items };
}

/** The children of the region a written path `a/b` names (when exactly one matches). */
export function childNameItems(analysis: Analysis, path: string, prefix: string): CompletionList {
	const regions = analysis.tree.regions;
	const matches = regions.filter((r) => r.path === path || r.path.endsWith('/' + path));
	const parent = matches.length === 1 ? matches[0] : undefined;
	const items: CompletionItem[] = [];
	for (const id of parent?.children ?? []) {
		const child = regions[id];
		if (child && matchesQuery(child.name, prefix) && items.length < maxNames) {
			items.push({
				label: child.name,
				kind: CompletionItemKind.Reference,
				detail: `${child.kind} ${formatSize(child.size)}`,
				insertText: spellName(child.name) ?? child.name,
			});
		}
	}
	return { isIncomplete: false, items };
}

/** Files and folders for an include path typed so far (`typed`), next to the document. */
export function includeItems(uri: string, typed: string): CompletionList {
	const items: CompletionItem[] = [];
	try {
		const self = fileURLToPath(uri);
		const folder = path.resolve(path.dirname(self), typed.slice(0, typed.lastIndexOf('/') + 1));
		for (const entry of readdirSync(folder, { withFileTypes: true }).slice(0, maxNames)) {
			if (entry.isDirectory() && !entry.name.startsWith('.')) {
				items.push({ label: entry.name + '/', kind: CompletionItemKind.Folder, command: retrigger });
			} else if (entry.name.endsWith('.memmap') && path.join(folder, entry.name) !== self) {
				items.push({ label: entry.name, kind: CompletionItemKind.File });
			}
		}
	} catch {
		// Not a file URI, or an unreadable folder: nothing to offer.
	}
	return { isIncomplete: false, items };
}

/** Opens the suggestions again after a folder was inserted. */
const retrigger = { title: 'Suggest', command: 'editor.action.triggerSuggest' };

interface Snippet {
	readonly label: string;
	readonly body: string;
	readonly detail: string;
}

const nested: readonly Snippet[] = [
	{ label: 'ram region', body: 'ram ${1:name} at ${2:0x0} size ${3:4K}', detail: 'RAM at an offset' },
	{ label: 'rom region', body: 'rom ${1:name} at ${2:0x0} size ${3:64K}', detail: 'ROM at an offset' },
	{
		label: 'io region',
		body: 'io ${1:name} at ${2:0x0} size ${3:4K} {\n\tvalid ${4:1}..${5:4}\n}',
		detail: 'MMIO with access sizes',
	},
	{ label: 'alias region', body: 'alias ${1:name} at ${2:0x0} size ${3:4K} of ${4:target}', detail: 'a window onto another region' },
	{ label: 'container region', body: 'container ${1:name} at ${2:0x0} size ${3:1M} {\n\t$0\n}', detail: 'a nested container' },
	{ label: 'map statement', body: 'map ${1:region} at ${2:0x0}', detail: 'place a region defined elsewhere' },
];

const topLevel: readonly Snippet[] = [
	{ label: 'container region', body: 'container ${1:system} size ${2:16E} {\n\t$0\n}', detail: 'a top-level container' },
	{ label: 'ram region', body: 'ram ${1:name} size ${2:128M}', detail: 'RAM to map or alias' },
	{ label: 'space', body: 'space ${1:memory} = ${2:system}', detail: 'an address space' },
	{ label: 'include', body: 'include "${1:file}.memmap"', detail: 'include another file' },
];

/** Snippets for a new statement inside a block or at top level. */
export function snippetItems(inBlock: boolean): CompletionItem[] {
	return (inBlock ? nested : topLevel).map((s) => ({
		label: s.label,
		kind: CompletionItemKind.Snippet,
		detail: s.detail,
		insertText: s.body,
		insertTextFormat: InsertTextFormat.Snippet,
		sortText: '2' + s.label,
	}));
}
