/**
 * Completion from the text before the cursor and the syntax tree: region names after
 * `of`/`map`/`=`, free addresses after `at` and the room after `size` (`addressCompletion.ts`,
 * `sizeCompletion.ts`), units right after a number, the properties a region header has not used
 * yet, the keywords valid in a block or at top level, and snippets for new regions.
 */
import {
	CompletionItemKind,
	type CompletionItem,
	type CompletionList,
	type CompletionParams,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { regionKinds } from '../../../core/src/index';
import type { Analysis, FileNode, MapNode, RegionKind, RegionNode } from '../../../core/src/index';
import { toOffset, toRange } from '../convert';
import { analysisFor, guard, type ServerContext } from '../context';
import { endOf, innermost, pathAt } from '../syntaxQuery';
import { addressItems } from './addressCompletion';
import { sizeItems } from './sizeCompletion';
import { childNameItems, includeItems, regionNameItems, snippetItems } from './completionItems';

const units = ['K', 'M', 'G', 'T', 'P', 'E', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB', 'EiB'];
const regionProps = ['at', 'size', 'priority', 'overlap', 'readonly', 'disabled', 'nonvolatile'];
const aliasProps = ['of', 'offset'];
const settings = ['valid', 'impl', 'endian', 'coalesce'];

/** Completion at `offset` of `document`. */
export function completion(analysis: Analysis, document: TextDocument, offset: number): CompletionList {
	const source = analysis.documents.get(document.uri);
	if (!source) {
		return { isIncomplete: false, items: [] };
	}
	const path = pathAt(source.file, offset);
	const leaf = path.at(-1);
	if (leaf?.kind === 'string' && path.at(-2)?.kind === 'include' && leaf.offset < offset) {
		return includeItems(document.uri, source.text.slice(leaf.offset + 1, offset));
	}
	if (inCommentOrString(source.file, offset)) {
		return { isIncomplete: false, items: [] };
	}
	const text = source.text;
	const prefix = /[A-Za-z0-9_.-]*$/.exec(text.slice(Math.max(0, offset - 128), offset))?.[0] ?? '';
	const wordStart = offset - prefix.length;
	const replace = toRange(document, wordStart, prefix.length);
	const before = text.slice(Math.max(0, wordStart - 64), wordStart);
	const previous = /(\S+)\s*$/.exec(before)?.[1] ?? '';
	if ((previous === 'at' || previous === 'size') && (prefix === '' || /^[0-9]/.test(prefix))) {
		const keywordOffset = wordStart - (before.length - before.trimEnd().length) - previous.length;
		const values = (previous === 'at' ? addressItems : sizeItems)(analysis, document.uri, source.file, keywordOffset, replace);
		return { isIncomplete: false, items: [...values, ...unitItems(prefix, replace)] };
	}
	if (/^[0-9]/.test(prefix)) {
		return { isIncomplete: false, items: unitItems(prefix, replace) };
	}
	if (previous === 'of' || previous === 'map' || previous === '=') {
		return regionNameItems(analysis, prefix, previous);
	}
	const pathPrefix = /(?:^|\s)((?:[A-Za-z0-9_.-]+\/)+)$/.exec(text.slice(Math.max(0, wordStart - 256), wordStart));
	if (pathPrefix?.[1]) {
		return childNameItems(analysis, pathPrefix[1].slice(0, -1), prefix);
	}
	if (previous === 'endian') {
		return keywordList(['little', 'big', 'native']);
	}
	if (/^(at|size|offset|priority|include|space|valid|impl|\.\.)$/.test(previous) || isKind(previous)) {
		return { isIncomplete: false, items: [] };
	}
	const items: CompletionItem[] = [];
	const header = headerAt(source.file, wordStart);
	if (header) {
		items.push(...keywordItems(unusedProps(header), '0'));
	}
	const block = innermost(pathAt(source.file, wordStart), 'block');
	const owner = block ? innermost(pathAt(source.file, block.node.offset), 'region')?.node : undefined;
	items.push(...statementItems(block !== undefined, owner?.regionKind));
	return { isIncomplete: false, items };
}

function isKind(word: string): boolean {
	return (regionKinds as readonly string[]).includes(word);
}

function inCommentOrString(file: FileNode, offset: number): boolean {
	const inComment = file.comments.some(
		(c) => c.offset < offset && (offset < endOf(c) || (!c.block && offset === endOf(c))),
	);
	const leaf = pathAt(file, offset).at(-1);
	return inComment || (leaf?.kind === 'string' && leaf.offset < offset && offset < endOf(leaf));
}

/** The region or map statement whose header the cursor continues (no body yet). */
function headerAt(file: FileNode, offset: number): RegionNode | MapNode | undefined {
	const path = pathAt(file, Math.max(0, offset - 1));
	const found = innermost(path, 'region', 'map');
	if (!found) {
		return undefined;
	}
	const node = found.node;
	const open = node.kind === 'map' || node.body === undefined;
	return open && endOf(node) <= offset && onlySpaceBetween(file, endOf(node), offset) ? node : undefined;
}

function onlySpaceBetween(file: FileNode, from: number, to: number): boolean {
	return file.comments.every((c) => endOf(c) <= from || c.offset >= to) && to - from < 4096;
}

function unusedProps(node: RegionNode | MapNode): string[] {
	if (node.kind === 'map') {
		return ['priority', 'overlap'].filter((p) => (p === 'priority' ? !node.priority : !node.overlap));
	}
	const used = new Set<string>(node.props.map((p) => p.name));
	const candidates = node.regionKind === 'alias' ? [...regionProps, ...aliasProps] : regionProps;
	return candidates.filter((p) => !used.has(p));
}

function statementItems(inBlock: boolean, kind: RegionKind | undefined): CompletionItem[] {
	const words: string[] = [...regionKinds];
	if (inBlock) {
		words.push('map');
		if (kind === 'io' || kind === 'romd') {
			words.push(...settings);
		}
	} else {
		words.push('include', 'space');
	}
	return [...keywordItems(words, '1'), ...snippetItems(inBlock)];
}

function keywordItems(words: readonly string[], sortGroup: string): CompletionItem[] {
	return words.map((word) => ({ label: word, kind: CompletionItemKind.Keyword, sortText: sortGroup + word }));
}

function keywordList(words: readonly string[]): CompletionList {
	return { isIncomplete: false, items: keywordItems(words, '0') };
}

function unitItems(prefix: string, range: ReturnType<typeof toRange>): CompletionItem[] {
	if (!/^(0[xX][0-9a-fA-F_]+|0[bB][01_]+|[0-9][0-9_]*)$/.test(prefix)) {
		return [];
	}
	return units.map((unit, i) => ({
		label: prefix + unit,
		kind: CompletionItemKind.Unit,
		detail: `× 2^${10 * ((i % 6) + 1)}`,
		sortText: String(i).padStart(2, '0'),
		textEdit: { range, newText: prefix + unit },
	}));
}

export function registerCompletion(ctx: ServerContext): void {
	ctx.connection.onCompletion(
		guard(ctx, 'completion', { isIncomplete: false, items: [] }, (params: CompletionParams) => {
			const found = analysisFor(ctx, params.textDocument.uri);
			if (!found) {
				return { isIncomplete: false, items: [] };
			}
			return completion(found.analysis, found.document, toOffset(found.document, params.position));
		}),
	);
}
