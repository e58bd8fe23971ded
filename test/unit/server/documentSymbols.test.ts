/**
 * Document symbols convert their offsets with cursors (starts in pre-order, ends in
 * post-order) instead of a binary search each; these tests hold every range to
 * TextDocument's own conversion of the node's span, on the samples, on every kind of line
 * end, on a 10k-region board and on broken text, where spans can come in odd orders.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as fc from 'fast-check';
import type { DocumentSymbol, Range } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeText, keywordSpan } from '../../../core/src/index';
import type { ItemNode, MemberNode, Span } from '../../../core/src/index';
import { documentSymbols } from '../../../server/src/features/documentSymbols';
import { generateBoard } from '../../../bench/generate';
import { validFile } from '../core/syntax/memmapArbitrary';
import { repoRoot } from '../../util/golden';

/** `name range selectionRange` of every symbol, in pre-order. */
function flatten(symbols: readonly DocumentSymbol[], into: string[] = []): string[] {
	for (const symbol of symbols) {
		into.push(`${symbol.name} ${show(symbol.range)} ${show(symbol.selectionRange)}`);
		flatten(symbol.children ?? [], into);
	}
	return into;
}

function show(range: Range): string {
	return `${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character}`;
}

/** The same list from the syntax tree, each span converted by TextDocument on its own. */
function expected(document: TextDocument, nodes: readonly (ItemNode | MemberNode)[], depth = 0, into: string[] = []): string[] {
	const range = (span: Span): string =>
		show({ start: document.positionAt(span.offset), end: document.positionAt(span.offset + span.length) });
	for (const node of nodes) {
		if (node.kind === 'region') {
			into.push(`${node.name?.text || '(unnamed)'} ${range(node)} ${range(node.name ?? keywordSpan(node))}`);
			if (node.body && depth < 256) {
				expected(document, node.body.members, depth + 1, into);
			}
		} else if (node.kind === 'space' && node.name && depth === 0) {
			into.push(`${node.name.text || '?'} ${range(node)} ${range(node.name)}`);
		} else if (node.kind === 'map' && node.target) {
			into.push(`${node.target.segments.map((s) => s.name.text).join('/') || '?'} ${range(node)} ${range(node.target)}`);
		}
	}
	return into;
}

function check(text: string): void {
	const uri = 'file:///symbols.memmap';
	const document = TextDocument.create(uri, 'memmap', 1, text);
	const analysis = analyzeText(text, uri);
	const file = analysis.documents.get(uri)?.file;
	assert.ok(file);
	assert.deepEqual(flatten(documentSymbols(analysis, document)), expected(document, file.items));
}

const samples = fs
	.readdirSync(path.join(repoRoot, 'samples'))
	.filter((name) => name.endsWith('.memmap'))
	.map((name) => fs.readFileSync(path.join(repoRoot, 'samples', name), 'utf8'));

suite('server/documentSymbols', () => {
	test('every range of every sample, with \\n, \\r\\n and \\r line ends, is TextDocument\'s', () => {
		for (const text of samples) {
			check(text);
			check(text.replace(/\n/g, '\r\n'));
			check(text.replace(/\n/g, '\r'));
		}
	});

	test('a 10k-region board', () => {
		check(generateBoard(10_000));
	});

	test('nesting past the depth limit stops the children, not the ranges', () => {
		const depth = 300;
		check(`${'container c size 4K {\n'.repeat(depth)}ram r at 0 size 1\n${'}\n'.repeat(depth)}`);
	});

	test('past the limit, the upper levels stay whole and a cut region says how many it lost', () => {
		const text = generateBoard(2_000);
		const uri = 'file:///limited.memmap';
		const document = TextDocument.create(uri, 'memmap', 1, text);
		const analysis = analyzeText(text, uri);
		const full = documentSymbols(analysis, document);
		const perDepth = (symbols: readonly DocumentSymbol[], depth = 0, into: number[] = []): number[] => {
			for (const symbol of symbols) {
				into[depth] = (into[depth] ?? 0) + 1;
				perDepth(symbol.children ?? [], depth + 1, into);
			}
			return into;
		};
		const total = perDepth(full);
		const all = total.reduce((a, b) => a + b, 0);
		const lines = flatten(full);
		for (const limit of [0, 1, 3, total[0] ?? 0, (total[0] ?? 0) + 1, 500, all - 1, all, all + 1]) {
			const limited = documentSymbols(analysis, document, limit);
			const shown = perDepth(limited);
			assert.equal(shown.reduce((a, b) => a + b, 0), Math.min(limit, all), `limit ${limit}`);
			// Levels fill from the top: below the first level cut short, nothing.
			const cut = shown.findIndex((count, depth) => count < (total[depth] ?? 0));
			if (cut >= 0) {
				assert.ok(shown.slice(cut + 1).every((count) => count === 0), `limit ${limit}: ${shown.join(',')}`);
			}
			// The kept symbols are the full outline's, with the same ranges, in the same order.
			let from = 0;
			for (const line of flatten(limited)) {
				from = lines.indexOf(line, from) + 1;
				assert.ok(from > 0, `limit ${limit}: ${line} is in the full outline`);
			}
			// Each region says how many of its symbols it lost.
			const check = (symbols: readonly DocumentSymbol[], whole: readonly DocumentSymbol[]): void => {
				symbols.forEach((symbol, i) => {
					const original = whole.filter((w) => w.name === symbol.name && show(w.range) === show(symbol.range))[0] ?? whole[i];
					const lost = (original?.children?.length ?? 0) - (symbol.children?.length ?? 0);
					const said = /· (\d+) more in the text, past memmap\.outline\.maxSymbols$/.exec(symbol.detail ?? '');
					assert.equal(said ? Number(said[1]) : 0, lost, `${symbol.name}: ${symbol.detail}`);
					check(symbol.children ?? [], original?.children ?? []);
				});
			};
			check(limited, full);
		}
	});

	test('broken text: unclosed blocks, stray braces and missing names (property)', () => {
		const edit = fc.record({
			at: fc.nat(),
			remove: fc.nat({ max: 8 }),
			insert: fc.constantFrom('{', '}', ';', '"', '/*', '\n', '\r', '\r\n', 'ram', 'map', 'at', 'space', 'x', ''),
		});
		fc.assert(
			fc.property(validFile, fc.array(edit, { maxLength: 4 }), (text, edits) => {
				let result = text;
				for (const { at, remove, insert } of edits) {
					const position = at % (result.length + 1);
					result = result.slice(0, position) + insert + result.slice(position + remove);
				}
				check(result);
			}),
			{ numRuns: 300 },
		);
	});
});
