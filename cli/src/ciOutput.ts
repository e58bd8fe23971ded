/**
 * Diagnostics for CI services, next to the compiler-style text and plain JSON of
 * `diagnosticOutput.ts`:
 * - SARIF 2.1.0, the static-analysis interchange format that GitHub code scanning, Azure
 *   DevOps and most CI dashboards import (one rule per diagnostic code, linked to its row
 *   in the README; columns in UTF-16 code units, as the core counts them);
 * - GitHub Actions workflow commands (`::error file=...::message`), which the Actions
 *   runner turns into annotations on the pull request's diff with no upload step.
 */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Log, PhysicalLocation, Result } from 'sarif';
import { diagnosticCodes, diagnosticDocsUrl } from '../../core/src/index';
import type { Diagnostic, Severity } from '../../core/src/index';
import { diagnosticJson, type SourceTexts, type SpanJson } from './diagnosticOutput';

const sarifLevels: Readonly<Record<Severity, Result.level>> = { error: 'error', warning: 'warning', info: 'note' };
const githubCommands: Readonly<Record<Severity, string>> = { error: 'error', warning: 'warning', info: 'notice' };

/**
 * A SARIF artifact URI: a path under the working directory stays a relative reference
 * (segments percent-encoded, joined with `/`), so that code scanning matches it against the
 * checked-out repository; any other path is a file URL.
 */
export function artifactUri(file: string): string {
	return path.isAbsolute(file) ? pathToFileURL(file).href : file.split(path.sep).map(encodeURIComponent).join('/');
}

function physicalLocation(span: SpanJson): PhysicalLocation {
	return {
		artifactLocation: { uri: artifactUri(span.file) },
		region: { startLine: span.line, startColumn: span.column, endLine: span.endLine, endColumn: span.endColumn },
	};
}

/** The SARIF 2.1.0 log of one `memmap check` run (diagnostics already ordered). */
export function sarifLog(texts: SourceTexts, diagnostics: readonly Diagnostic[]): Log {
	const ruleIndex = new Map<string, number>(diagnosticCodes.map((code, index) => [code, index]));
	const results = diagnostics.map((d): Result => {
		const json = diagnosticJson(texts, d);
		return {
			ruleId: d.code,
			ruleIndex: ruleIndex.get(d.code) ?? -1,
			level: sarifLevels[d.severity],
			message: { text: d.message },
			locations: [{ physicalLocation: physicalLocation(json) }],
			relatedLocations: json.related.map((related, id) => ({
				id,
				message: { text: related.message },
				physicalLocation: physicalLocation(related),
			})),
		};
	});
	return {
		$schema: 'https://json.schemastore.org/sarif-2.1.0.json',
		version: '2.1.0',
		runs: [
			{
				tool: {
					driver: {
						name: 'memmap',
						informationUri: 'https://github.com/memmap/memmap',
						rules: diagnosticCodes.map((code) => ({ id: code, helpUri: diagnosticDocsUrl(code) })),
					},
				},
				columnKind: 'utf16CodeUnits',
				results,
			},
		],
	};
}

/** A workflow command's message: `%`, CR and LF are escaped, the rest is literal. */
function escapeData(text: string): string {
	return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A workflow command's property value: also `:` and `,`, which separate properties. */
function escapeProperty(text: string): string {
	return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * One diagnostic as a GitHub Actions workflow command line. Related locations (the other
 * region of an overlap) follow the message as `note:` lines, since an annotation has one
 * location.
 */
export function githubAnnotation(texts: SourceTexts, d: Diagnostic): string {
	const json = diagnosticJson(texts, d);
	const properties = [
		`file=${escapeProperty(json.file)}`,
		`line=${json.line}`,
		`col=${json.column}`,
		`endLine=${json.endLine}`,
		`endColumn=${json.endColumn}`,
		`title=${escapeProperty(`memmap ${d.code}`)}`,
	].join(',');
	const notes = json.related.map((r) => `\nnote: ${r.file}:${r.line}:${r.column}: ${r.message}`).join('');
	return `::${githubCommands[d.severity]} ${properties}::${escapeData(d.message + notes)}\n`;
}
