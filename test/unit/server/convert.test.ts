import * as assert from 'node:assert/strict';
import { DiagnosticSeverity, DiagnosticTag } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeText } from '../../../core/src/index';
import type { Diagnostic } from '../../../core/src/index';
import { maxTruncatedRanges } from '../../../core/src/protocol';
import {
	AscendingPositions,
	holeDto,
	PositionCursor,
	toLspDiagnostic,
	toSeverity,
	toSpaceViewDto,
} from '../../../server/src/convert';

const uri = 'file:///t.memmap';

suite('server/convert', () => {
	test('severities map to LSP, overrides win, off drops', () => {
		assert.equal(toSeverity('error'), DiagnosticSeverity.Error);
		assert.equal(toSeverity('warning'), DiagnosticSeverity.Warning);
		assert.equal(toSeverity('info'), DiagnosticSeverity.Information);
		assert.equal(toSeverity('warning', 'hint'), DiagnosticSeverity.Hint);
		assert.equal(toSeverity('info', 'error'), DiagnosticSeverity.Error);
		assert.equal(toSeverity('error', 'off'), undefined);
	});

	test('a diagnostic keeps code, link, related locations and the unnecessary tag', () => {
		const text = 'ram a size 4K\nram b size 4K\n';
		const analysis = analyzeText(text, uri);
		const diagnostic: Diagnostic = {
			code: 'region.overlap',
			severity: 'warning',
			message: 'm',
			uri,
			offset: 18,
			length: 1,
			related: [{ uri, offset: 4, length: 1, message: 'the other one' }],
			unnecessary: true,
		};
		const lsp = toLspDiagnostic(analysis, diagnostic);
		assert.deepEqual(lsp?.range, { start: { line: 1, character: 4 }, end: { line: 1, character: 5 } });
		assert.equal(lsp?.code, 'region.overlap');
		assert.equal(lsp?.codeDescription?.href, 'https://github.com/memmap/memmap/blob/main/README.md#region.overlap');
		assert.deepEqual(lsp?.relatedInformation?.[0]?.location.range.start, { line: 0, character: 4 });
		assert.deepEqual(lsp?.tags, [DiagnosticTag.Unnecessary]);
		assert.equal(toLspDiagnostic(analysis, diagnostic, 'off'), undefined);
	});

	test('PositionCursor agrees with TextDocument.positionAt on mixed line ends', () => {
		const text = 'a\r\nbc\rd\n\néf\r\n\r\ng';
		const document = TextDocument.create(uri, 'memmap', 1, text);
		const cursor = new PositionCursor(text);
		for (let offset = 0; offset <= text.length + 2; offset++) {
			assert.deepEqual(cursor.at(offset), document.positionAt(offset), `offset ${offset}`);
		}
	});

	test('AscendingPositions agrees with TextDocument.positionAt, going back too', () => {
		const text = 'a\r\nbc\rd\n\néf\r\n\r\ng';
		const document = TextDocument.create(uri, 'memmap', 1, text);
		const positions = new AscendingPositions(document);
		// Up, back to the start, up again past where it was, then back inside a \r\n.
		for (const offset of [0, 3, 7, 7, 12, 0, 5, 15, 17, 2, 16, -1, 40]) {
			assert.deepEqual(positions.at(offset), document.positionAt(offset), `offset ${offset}`);
		}
	});

	test('a space view tiles [0, 2^64) with holes', () => {
		const analysis = analyzeText('space m = s\ncontainer s size 64K {\n\tram r at 0x1000 size 4K\n}\n', uri);
		const view = analysis.views[0];
		assert.ok(view);
		const dto = toSpaceViewDto(analysis, view);
		assert.deepEqual(
			dto.ranges.map((r) => `${r.start}..${r.end} ${r.kind} ${r.path}`),
			['0x0..0x1000 hole ', '0x1000..0x2000 ram s/r', '0x2000..0x10000000000000000 hole '],
		);
		assert.equal(dto.ranges[1]?.location?.range.start.line, 2);
		assert.deepEqual(holeDto(0n, 16n).size, '0x10');
	});

	test('an empty view is one hole', () => {
		const analysis = analyzeText('space m = s\ncontainer s size 64K\n', uri);
		const view = analysis.views[0];
		assert.ok(view);
		assert.deepEqual(
			toSpaceViewDto(analysis, view).ranges.map((r) => [r.start, r.end, r.kind]),
			[['0x0', '0x10000000000000000', 'hole']],
		);
	});

	test('a range reached through a long alias chain lists its outer and inner aliases and counts the rest', () => {
		const chain = Array.from({ length: 12 }, (_, i) => `  alias a${i} at ${i * 16} size 16 of ${i < 11 ? `a${i + 1}` : 'r'}`);
		const analysis = analyzeText(['space m = s', 'container s size 64K {', ...chain, '}', 'ram r size 16'].join('\n'), uri);
		const view = analysis.views[0];
		assert.ok(view);
		const first = toSpaceViewDto(analysis, view).ranges.find((r) => r.kind === 'ram');
		assert.deepEqual(first?.aliases.map((a) => a.alias), ['a0', 'a1', 'a2', 'a3', 'a8', 'a9', 'a10', 'a11']);
		assert.equal(first?.aliasesElided, 4);
		assert.ok(first?.aliases.every((a) => a.location !== undefined));
	});

	test('a truncated view says so', () => {
		const levels = Array.from({ length: 24 }, (_, i) => {
			const half = 16n << BigInt(i);
			const below = i === 0 ? 'cell' : `l${i - 1}`;
			return `container l${i} size 0x${(2n * half).toString(16)} { alias a${i} at 0 size 0x${half.toString(16)} of ${below}; alias b${i} at 0x${half.toString(16)} size 0x${half.toString(16)} of ${below} }`;
		});
		const analysis = analyzeText(['space m = l23', 'ram cell size 16', ...levels].join('\n'), uri);
		const view = analysis.views[0];
		assert.ok(view?.view.truncated);
		const dto = toSpaceViewDto(analysis, view);
		assert.equal(dto.truncated, true);
		assert.ok(view.view.ranges.length > maxTruncatedRanges);
		assert.equal(dto.ranges.filter((r) => r.kind !== 'hole').length, maxTruncatedRanges);
	});
});
