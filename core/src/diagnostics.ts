/**
 * Diagnostics produced by the core: syntax errors, reference errors and the memory-map
 * checks. Codes are stable dotted kebab-case strings: the same text appears in the LSP
 * `code`, the CLI output, the golden files and the README table.
 */

export type Severity = 'error' | 'warning' | 'info';

/**
 * Every diagnostic code the core can emit. Rule ids (Dn, Wn) refer to
 * `qemu-memory-semantics.md` §11. A list, not only a type, so that tests can hold the
 * README's table and the extension's settings schema (`memmap.diagnostics.severity`) to it.
 */
export const diagnosticCodes = [
	// Syntax (parser and scanner).
	'syntax.unexpected-token',
	'syntax.missing-token',
	'syntax.unterminated-string',
	'syntax.unterminated-comment',
	'syntax.invalid-character',
	'number.invalid',
	'number.out-of-range',
	// Structure and references.
	'prop.duplicate',
	'prop.wrong-kind',
	'prop.missing-at',
	'region.missing-size',
	'ref.unknown',
	'ref.ambiguous',
	'region.mapped-twice',
	'region.cycle',
	'alias.cycle',
	'alias.missing-target',
	'alias.offset-past-target',
	'address.overflow',
	'priority.out-of-range',
	'space.duplicate',
	'space.truncated',
	'include.not-found',
	'include.cycle',
	'coalesce.full-size',
	'access.invalid-size',
	// Layout warnings.
	'region.overlap',
	'region.overlap-tie',
	'region.clipped',
	'region.outside-parent',
	'region.zero-size',
	'region.shadowed',
	'region.invisible',
	'alias.window-overrun',
	'alias.subregions',
	'coalesce.outside-region',
	// Access-constraint warnings (the spec's W9-W17 catalogue).
	'access.min-above-max',
	'access.valid-min-ignored',
	'access.impl-min-above-valid-max',
	'access.impl-wider-than-valid',
	'access.impl-unaligned',
	'access.narrow-write-widened',
	'access.size-not-multiple',
	'readonly.not-enforced',
	// Information.
	'region.unused',
	// Against the QEMU capture beside the board (NAME.flat.txt, `info mtree -f`).
	'qemu.mismatch',
	'qemu.capture',
] as const;

export type DiagnosticCode = (typeof diagnosticCodes)[number];

/** Whether `value` is one of the codes (for codes that arrive as text: settings, options). */
export function isDiagnosticCode(value: unknown): value is DiagnosticCode {
	return (diagnosticCodes as readonly unknown[]).includes(value);
}

/**
 * The values of a per-code severity override, shared by the editor setting
 * (`memmap.diagnostics.severity`) and `memmap check --severity`: LSP's four severities
 * and `off`, which drops the diagnostic.
 */
export const severityOverrides = ['error', 'warning', 'information', 'hint', 'off'] as const;
export type SeverityOverride = (typeof severityOverrides)[number];

/** Whether `value` is one of the override levels. */
export function isSeverityOverride(value: unknown): value is SeverityOverride {
	return (severityOverrides as readonly unknown[]).includes(value);
}

/** Where each code is documented: the README's table, anchored by the code. */
export function diagnosticDocsUrl(code: DiagnosticCode): string {
	return `https://github.com/memmap/memmap/blob/main/README.md#${code}`;
}

/** A secondary location of a diagnostic (for example the other region of an overlap). */
export interface RelatedLocation {
	/** The document that holds the location (the host's URI or path string). */
	readonly uri: string;
	/** UTF-16 offset; the span is `[offset, offset + length)`. */
	readonly offset: number;
	readonly length: number;
	readonly message: string;
}

/**
 * A located problem. The span `[offset, offset + length)` is in UTF-16 code units of the
 * document named by `uri` and always lies inside that document's text.
 */
export interface Diagnostic {
	readonly code: DiagnosticCode;
	readonly severity: Severity;
	/** One sentence that names the regions and address ranges involved. */
	readonly message: string;
	readonly uri: string;
	readonly offset: number;
	readonly length: number;
	readonly related?: readonly RelatedLocation[];
	/** Set for diagnostics about dead code (shadowed or unused regions): editors fade them. */
	readonly unnecessary?: boolean;
	/** The stretch of one address space a diagnostic is about (`qemu.mismatch`), for fixes. */
	readonly subject?: { readonly space: string; readonly start: bigint; readonly end: bigint };
}
