/**
 * `memmap check --severity CODE=LEVEL[,CODE=LEVEL...]`: the editor's per-code overrides
 * (`memmap.diagnostics.severity`, same codes and levels) for CI, so that a team can make
 * CI fail on what its editors show as errors, or silence what they turned off.
 */
import { diagnosticCodes, isDiagnosticCode, isSeverityOverride, severityOverrides, suggest } from '../../core/src/index';
import type { Diagnostic, DiagnosticCode, Severity, SeverityOverride } from '../../core/src/index';
import { CliFailure } from './failure';

/** The CLI prints three severities; LSP's `information` and `hint` both print as `info`. */
const printed: Readonly<Record<SeverityOverride, Severity | undefined>> = {
	error: 'error',
	warning: 'warning',
	information: 'info',
	hint: 'info',
	off: undefined,
};

export type Overrides = ReadonlyMap<DiagnosticCode, SeverityOverride>;

/** Parses the option's value; a malformed pair, unknown code or level is a one-line error. */
export function parseOverrides(value: string | undefined): Overrides {
	const overrides = new Map<DiagnosticCode, SeverityOverride>();
	// Empty items (a trailing comma, `a=b,,c=d`) are skipped, as most list options do.
	const pairs = (value ?? '').split(',').filter((pair) => pair.trim() !== '');
	for (const pair of pairs) {
		const [code = '', level = '', extra] = pair.trim().split('=');
		if (extra !== undefined || code === '' || level === '') {
			throw new CliFailure(`check: --severity expects CODE=LEVEL pairs separated by commas, not '${pair}'`);
		}
		if (!isDiagnosticCode(code)) {
			const guess = suggest(code, diagnosticCodes, { comparisons: diagnosticCodes.length });
			const hint = guess === undefined ? "the README's diagnostics table lists them" : `did you mean '${guess}'?`;
			throw new CliFailure(`check: --severity: unknown diagnostic code '${code}' (${hint})`);
		}
		if (!isSeverityOverride(level)) {
			throw new CliFailure(`check: --severity: invalid level '${level}' for ${code} (expected ${severityOverrides.join(', ')})`);
		}
		overrides.set(code, level);
	}
	return overrides;
}

/** The diagnostics with their overridden severities; `off` ones are dropped. */
export function applyOverrides(diagnostics: readonly Diagnostic[], overrides: Overrides): Diagnostic[] {
	if (overrides.size === 0) {
		return [...diagnostics];
	}
	const result: Diagnostic[] = [];
	for (const d of diagnostics) {
		const override = overrides.get(d.code);
		const severity = override === undefined ? d.severity : printed[override];
		if (severity !== undefined) {
			result.push(severity === d.severity ? d : { ...d, severity });
		}
	}
	return result;
}
