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
