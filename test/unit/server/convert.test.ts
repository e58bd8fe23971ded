import * as assert from 'node:assert/strict';
import { DiagnosticSeverity, DiagnosticTag } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeText } from '../../../core/src/index';
import type { Diagnostic } from '../../../core/src/index';
import {
	codeDocsBase,
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
		assert.equal(lsp?.codeDescription?.href, codeDocsBase + 'region.overlap');
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
});
