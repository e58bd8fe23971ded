/**
 * Semantic tokens where the TextMate grammar cannot tell: region names as declarations or
 * references (with the region's kind as a modifier), space names, kind keywords, numbers.
 */
import type { SemanticTokens, SemanticTokensLegend, SemanticTokensParams } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analysis, RegionKind, Span } from '../../../core/src/index';
import { toPosition } from '../convert';
import { analysisFor, guard, type ServerContext } from '../context';
import { referencesIn, regionDeclaredAt } from '../model';
import { walk } from '../syntaxQuery';

const tokenTypes = ['variable', 'namespace', 'type', 'number'] as const;
const tokenModifiers = [
	'declaration',
	'readonly',
	'container',
	'ram',
	'rom',
	'romd',
	'io',
	'alias',
	'ramd',
] as const;

export const semanticTokensLegend: SemanticTokensLegend = {
	tokenTypes: [...tokenTypes],
	tokenModifiers: [...tokenModifiers],
};

interface Token extends Span {
	readonly type: number;
	readonly modifiers: number;
}

function modifiersOf(kind: RegionKind | undefined, declaration: boolean, readonly: boolean): number {
	let bits = declaration ? 1 : 0;
	bits |= readonly ? 2 : 0;
	const index = kind ? tokenModifiers.indexOf(kind) : -1;
	return index >= 0 ? bits | (1 << index) : bits;
}

/** The semantic tokens of `document`, LSP-encoded (relative lines and characters). */
export function semanticTokens(analysis: Analysis, document: TextDocument): SemanticTokens {
	const file = analysis.documents.get(document.uri)?.file;
	const tokens: Token[] = [];
	if (file) {
		walk(file, (node) => {
			if (node.kind === 'region') {
				tokens.push({ ...node.keyword, type: 2, modifiers: 0 });
				const region = regionDeclaredAt(analysis, document.uri, node.offset);
				const readonly = region?.readonly === true || node.regionKind === 'rom';
				if (node.name) {
					tokens.push({ ...node.name, type: 0, modifiers: modifiersOf(node.regionKind, true, readonly) });
				}
			} else if (node.kind === 'space' && node.name) {
				tokens.push({ ...node.name, type: 1, modifiers: 1 });
			} else if (node.kind === 'number') {
				tokens.push({ offset: node.offset, length: node.length, type: 3, modifiers: 0 });
			}
		});
	}
	for (const reference of referencesIn(analysis, document.uri)) {
		for (const segment of reference.segments) {
			const region = segment.region === undefined ? undefined : analysis.tree.regions[segment.region];
			tokens.push({ ...segment, type: 0, modifiers: modifiersOf(region?.kind, false, region?.readonly === true) });
		}
	}
	return { data: encode(document, tokens) };
}

function encode(document: TextDocument, tokens: Token[]): number[] {
	tokens.sort((a, b) => a.offset - b.offset);
	const data: number[] = [];
	let line = 0;
	let character = 0;
	let lastEnd = -1;
	for (const token of tokens) {
		if (token.length <= 0 || token.offset < lastEnd) {
			continue;
		}
		const start = toPosition(document, token.offset);
		const end = toPosition(document, token.offset + token.length);
		if (end.line !== start.line) {
			continue;
		}
		data.push(start.line - line, start.line === line ? start.character - character : start.character);
		data.push(token.length, token.type, token.modifiers);
		line = start.line;
		character = start.character;
		lastEnd = token.offset + token.length;
	}
	return data;
}

export function registerSemanticTokens(ctx: ServerContext): void {
	ctx.connection.languages.semanticTokens.on(
		guard(ctx, 'semanticTokens', { data: [] }, (params: SemanticTokensParams) => {
			const found = analysisFor(ctx, params.textDocument.uri);
			return found ? semanticTokens(found.analysis, found.document) : { data: [] };
		}),
	);
}
