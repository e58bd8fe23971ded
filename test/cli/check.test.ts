import * as assert from 'node:assert';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { artifactUri, githubAnnotation } from '../../cli/src/ciOutput';
import { SourceTexts } from '../../cli/src/diagnosticOutput';
import { diagnosticCodes, diagnosticDocsUrl } from '../../core/src/index';
import type { Diagnostic } from '../../core/src/index';
import { checkGolden, fixture, memmap } from './run';

interface JsonDiagnostic {
	file: string;
	line: number;
	column: number;
	endLine: number;
	endColumn: number;
	severity: string;
	code: string;
	message: string;
	related: { file: string; line: number; column: number; endLine: number; endColumn: number; message: string }[];
}

interface SarifRegion {
	startLine: number;
	startColumn: number;
	endLine: number;
	endColumn: number;
}

interface SarifLocation {
	physicalLocation: { artifactLocation: { uri: string }; region: SarifRegion };
	message?: { text: string };
}

interface SarifLog {
	$schema: string;
	version: string;
	runs: {
		tool: { driver: { name: string; rules: { id: string; helpUri: string }[] } };
		columnKind: string;
		results: {
			ruleId: string;
			ruleIndex: number;
			level: string;
			message: { text: string };
			locations: SarifLocation[];
			relatedLocations: SarifLocation[];
		}[];
	}[];
}

function jsonDiagnostics(file: string): JsonDiagnostic[] {
	return JSON.parse(memmap(['check', file, '--format', 'json']).stdout) as JsonDiagnostic[];
}

/** A span of the JSON output as a SARIF region (both count 1-based, end just past the span). */
function regionOf(span: { line: number; column: number; endLine: number; endColumn: number }): SarifRegion {
	return { startLine: span.line, startColumn: span.column, endLine: span.endLine, endColumn: span.endColumn };
}

suite('cli: check', () => {
	test('a clean board prints nothing and exits 0', () => {
		const result = checkGolden('check-board', ['check', fixture('board.memmap')]);
		assert.strictEqual(result.status, 0);
	});

	test('errors, from included files too, with their own file name; exit 1', () => {
		const result = checkGolden('check-errors', ['check', fixture('errors.memmap')]);
		assert.strictEqual(result.status, 1);
		assert.match(
			result.stdout,
			/^test\/fixtures\/cli\/inc\/part\.memmap:3:\d+: error: .*\[access\.invalid-size\]$/m,
		);
		assert.match(
			result.stdout,
			/^test\/fixtures\/cli\/errors\.memmap:7:\d+: error: .*\[ref\.unknown\]$/m,
		);
	});

	test('a syntax error is located 1-based', () => {
		const result = checkGolden('check-syntax', ['check', fixture('syntax.memmap')]);
		assert.strictEqual(result.status, 1);
		assert.match(result.stdout, /^test\/fixtures\/cli\/syntax\.memmap:2:\d+: error: /m);
	});

	test('warnings exit 0, and 1 with --strict', () => {
		const plain = memmap(['check', fixture('warnings.memmap')]);
		assert.strictEqual(plain.status, 0, plain.stdout);
		assert.match(plain.stdout, /: warning: .*\[region\.overlap\]/);
		const strict = memmap(['check', fixture('warnings.memmap'), '--strict']);
		assert.strictEqual(strict.status, 1);
		assert.strictEqual(strict.stdout, plain.stdout);
	});

	test('several files: each checked, shared diagnostics printed once', () => {
		const result = memmap([
			'check',
			fixture('errors.memmap'),
			fixture('inc/part.memmap'),
			fixture('board.memmap'),
		]);
		assert.strictEqual(result.status, 1);
		const single = memmap(['check', fixture('errors.memmap')]);
		assert.strictEqual(result.stdout, single.stdout);
	});

	test('a folder stands for every .memmap file under it, in path order', () => {
		const folder = memmap(['check', path.join('test', 'fixtures', 'cli')]);
		const names = ['board', 'empty', 'errors', 'inc/part', 'syntax', 'unformatted', 'warnings'];
		const listed = memmap(['check', ...names.map((name) => fixture(`${name}.memmap`))]);
		assert.strictEqual(folder.status, 1);
		assert.strictEqual(folder.stdout, listed.stdout);
		assert.match(folder.stdout, /^test\/fixtures\/cli\/inc\/part\.memmap:/m);
	});

	test('--severity overrides a code as the editor setting does, exit status included', () => {
		const file = fixture('warnings.memmap');
		const plain = memmap(['check', file]);
		assert.strictEqual(plain.status, 0);
		const error = memmap(['check', file, '--severity', 'region.overlap=error']);
		assert.strictEqual(error.status, 1);
		assert.strictEqual(error.stdout, plain.stdout.replace(': warning: ', ': error: '));
		const off = memmap(['check', file, '--strict', '--severity=region.overlap=off']);
		assert.strictEqual(off.status, 0);
		assert.strictEqual(off.stdout, '');
		const hint = memmap(['check', file, '--strict', '--severity', 'region.unused=off, region.overlap=hint,']);
		assert.strictEqual(hint.status, 0);
		assert.match(hint.stdout, /: info: .*\[region\.overlap\]/);
		const sarif = JSON.parse(memmap(['check', file, '--severity', 'region.overlap=error', '--format', 'sarif']).stdout) as SarifLog;
		assert.deepStrictEqual(sarif.runs[0]?.results.map((r) => r.level), ['error']);
	});

	test('--severity: a malformed pair, an unknown code (with a suggestion) or level is a usage error', () => {
		const file = fixture('warnings.memmap');
		const cases: [string, RegExp][] = [
			['region.overlap', /expects CODE=LEVEL pairs/],
			['region.overlap=error=x', /expects CODE=LEVEL pairs/],
			['region.overlapp=off', /unknown diagnostic code 'region\.overlapp' \(did you mean 'region\.overlap'\?\)/],
			['region.overlap=loud', /invalid level 'loud' for region\.overlap \(expected error, warning, information, hint, off\)/],
		];
		for (const [value, message] of cases) {
			const result = memmap(['check', file, '--severity', value]);
			assert.strictEqual(result.status, 2, value);
			assert.strictEqual(result.stdout, '');
			assert.match(result.stderr, message);
			assert.strictEqual(result.stderr.split('\n').filter((line) => line !== '').length, 1);
		}
	});

	test('--format json: positions, codes and related locations', () => {
		const result = memmap(['check', fixture('errors.memmap'), '--format', 'json']);
		assert.strictEqual(result.status, 1);
		const diagnostics = JSON.parse(result.stdout) as JsonDiagnostic[];
		const text = memmap(['check', fixture('errors.memmap')]).stdout;
		const lines = text.split('\n').filter((line) => / (error|warning|info): /.test(line));
		assert.strictEqual(diagnostics.length, lines.length);
		diagnostics.forEach((d, i) => {
			assert.ok(
				lines[i]?.startsWith(
					`${d.file}:${d.line}:${d.column}: ${d.severity}: ${d.message} [${d.code}]`,
				),
			);
			assert.ok(d.endLine > d.line || (d.endLine === d.line && d.endColumn >= d.column));
			assert.ok(Array.isArray(d.related));
		});
	});

	test('--format json of a clean board is an empty array', () => {
		const result = memmap(['check', fixture('board.memmap'), '--format=json']);
		assert.strictEqual(result.status, 0);
		assert.deepStrictEqual(JSON.parse(result.stdout), []);
	});

	test('--format sarif: a SARIF 2.1.0 log with one rule per code and the same findings as json', () => {
		for (const name of ['errors.memmap', 'warnings.memmap', 'board.memmap']) {
			const result = memmap(['check', fixture(name), '--format', 'sarif']);
			assert.strictEqual(result.status, memmap(['check', fixture(name)]).status, name);
			const log = JSON.parse(result.stdout) as SarifLog;
			assert.strictEqual(log.version, '2.1.0');
			assert.match(log.$schema, /sarif-2\.1\.0/);
			assert.strictEqual(log.runs.length, 1);
			const run = log.runs[0]!;
			assert.strictEqual(run.tool.driver.name, 'memmap');
			assert.strictEqual(run.columnKind, 'utf16CodeUnits');
			assert.deepStrictEqual(run.tool.driver.rules.map((rule) => rule.id), [...diagnosticCodes]);
			for (const rule of run.tool.driver.rules) {
				assert.strictEqual(rule.helpUri, diagnosticDocsUrl(rule.id as Diagnostic['code']));
			}
			const expected = jsonDiagnostics(fixture(name));
			assert.strictEqual(run.results.length, expected.length, name);
			run.results.forEach((r, i) => {
				const d = expected[i]!;
				assert.strictEqual(r.ruleId, d.code);
				assert.strictEqual(run.tool.driver.rules[r.ruleIndex]?.id, d.code);
				assert.strictEqual(r.level, { error: 'error', warning: 'warning', info: 'note' }[d.severity]);
				assert.strictEqual(r.message.text, d.message);
				assert.deepStrictEqual(r.locations, [{ physicalLocation: { artifactLocation: { uri: d.file }, region: regionOf(d) } }]);
				assert.deepStrictEqual(
					r.relatedLocations.map((l) => [l.physicalLocation.artifactLocation.uri, l.physicalLocation.region, l.message?.text]),
					d.related.map((rel) => [rel.file, regionOf(rel), rel.message]),
				);
			});
		}
	});

	test('--format github: one workflow command per diagnostic, at the json positions', () => {
		const result = memmap(['check', fixture('errors.memmap'), '--format', 'github']);
		assert.strictEqual(result.status, 1);
		const lines = result.stdout.split('\n').filter((line) => line !== '');
		const expected = jsonDiagnostics(fixture('errors.memmap'));
		assert.strictEqual(lines.length, expected.length);
		lines.forEach((line, i) => {
			const d = expected[i]!;
			const command = { error: 'error', warning: 'warning', info: 'notice' }[d.severity];
			const properties = `file=${d.file},line=${d.line},col=${d.column},endLine=${d.endLine},endColumn=${d.endColumn},title=memmap ${d.code}`;
			const notes = d.related.map((r) => `%0Anote: ${r.file}:${r.line}:${r.column}: ${r.message}`).join('');
			assert.strictEqual(line, `::${command} ${properties}::${d.message}${notes}`);
		});
		assert.ok(expected.some((d) => d.related.length > 0), 'the fixture has a related location');
	});

	test('--format github escapes what would end a property or the command', () => {
		const texts = new SourceTexts('/work');
		texts.add('/work/a,b:c.memmap', 'ram r size 4K\n');
		const diagnostic: Diagnostic = {
			code: 'region.unused',
			severity: 'info',
			message: '100% unused,\r\nreally: yes',
			uri: '/work/a,b:c.memmap',
			offset: 4,
			length: 1,
		};
		assert.strictEqual(
			githubAnnotation(texts, diagnostic),
			'::notice file=a%2Cb%3Ac.memmap,line=1,col=5,endLine=1,endColumn=6,title=memmap region.unused::100%25 unused,%0D%0Areally: yes\n',
		);
	});

	test('SARIF artifact URIs: relative paths percent-encoded, absolute ones as file URLs', () => {
		assert.strictEqual(artifactUri(['boards', 'my board #2.memmap'].join(path.sep)), 'boards/my%20board%20%232.memmap');
		assert.strictEqual(artifactUri(path.resolve('/tmp', 'a b.memmap')), pathToFileURL(path.resolve('/tmp', 'a b.memmap')).href);
	});

	test('an unknown --format is a usage error', () => {
		const result = memmap(['check', fixture('board.memmap'), '--format', 'xml']);
		assert.strictEqual(result.status, 2);
		assert.match(result.stderr, /--format/);
		assert.strictEqual(result.stdout, '');
	});
});
