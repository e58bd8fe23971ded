import * as fs from 'node:fs';
import * as path from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import * as textmate from 'vscode-textmate';
import { repoRoot } from '../util/golden';

let grammar: Promise<textmate.IGrammar> | undefined;

/** Loads `syntaxes/memmap.tmLanguage.json` once, with the oniguruma WebAssembly build. */
export function loadMemmapGrammar(): Promise<textmate.IGrammar> {
	grammar ??= (async () => {
		const wasm = fs.readFileSync(path.join(repoRoot, 'node_modules/vscode-oniguruma/release/onig.wasm'));
		await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
		const registry = new textmate.Registry({
			onigLib: Promise.resolve({
				createOnigScanner: (patterns: string[]) => oniguruma.createOnigScanner(patterns),
				createOnigString: (text: string) => oniguruma.createOnigString(text),
			}),
			loadGrammar: async (scopeName: string) => {
				if (scopeName !== 'source.memmap') {
					return null;
				}
				const file = path.join(repoRoot, 'syntaxes/memmap.tmLanguage.json');
				return textmate.parseRawGrammar(fs.readFileSync(file, 'utf8'), file);
			},
		});
		const loaded = await registry.loadGrammar('source.memmap');
		if (!loaded) {
			throw new Error('grammar source.memmap not found');
		}
		return loaded;
	})();
	return grammar;
}

export interface ScopedToken {
	readonly line: number;
	readonly text: string;
	/** The scopes below the root `source.memmap`, outermost first. */
	readonly scopes: readonly string[];
}

/** Tokenizes a whole text line by line, carrying the rule stack across lines. */
export function tokenizeText(g: textmate.IGrammar, text: string): ScopedToken[] {
	const tokens: ScopedToken[] = [];
	let state = textmate.INITIAL;
	text.split(/\r?\n/).forEach((line, index) => {
		const result = g.tokenizeLine(line, state);
		for (const token of result.tokens) {
			tokens.push({
				line: index + 1,
				text: line.slice(token.startIndex, token.endIndex),
				scopes: token.scopes.slice(1),
			});
		}
		state = result.ruleStack;
	});
	return tokens;
}

/** Golden text: one line per token that is not bare whitespace: `line "text" scope scope`. */
export function printTokens(tokens: readonly ScopedToken[]): string {
	return tokens
		.filter((t) => t.text.trim() !== '' || t.scopes.length > 0)
		.map((t) => `${t.line} ${JSON.stringify(t.text)} ${t.scopes.join(' ') || '-'}`)
		.join('\n');
}
