/**
 * The server's settings (`memmap.*`), read through `workspace/configuration` when the client
 * supports it, else from `initializationOptions` and `didChangeConfiguration` payloads.
 * Everything arriving here is `unknown` and narrowed field by field.
 */
import { isSeverityOverride, type SeverityOverride } from '../../core/src/index';

export interface Settings {
	/** Per-code severity overrides: `{ "region.overlap": "error", "region.unused": "off" }`. */
	readonly severity: Readonly<Record<string, SeverityOverride>>;
	readonly inlayHints: boolean;
	/** Code lenses on each address space's definition (flat view, exports). */
	readonly codeLens: boolean;
	/** Delay between the last edit and re-analysis for diagnostics, in milliseconds. */
	readonly debounceMs: number;
	/** At most this many symbols in the outline (upper levels first; see `documentSymbols`). */
	readonly outlineMaxSymbols: number;
}

export const defaultSettings: Settings = { severity: {}, inlayHints: true, codeLens: true, debounceMs: 200, outlineMaxSymbols: 10_000 };

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Reads settings from a `memmap` configuration section (`{ diagnostics: { severity,
 * debounceMs }, inlayHints: { enabled }, codeLens: { enabled }, outline: { maxSymbols } }`), also accepting the flat dotted form
 * (`{ "diagnostics.severity": ... }`) and a top-level `debounceMs` (initializationOptions).
 * Missing or malformed fields keep `base`.
 */
export function readSettings(section: unknown, base: Settings = defaultSettings): Settings {
	if (!isRecord(section)) {
		return base;
	}
	const diagnostics = isRecord(section['diagnostics']) ? section['diagnostics'] : {};
	const hints = isRecord(section['inlayHints']) ? section['inlayHints'] : {};
	const severity = diagnostics['severity'] ?? section['diagnostics.severity'];
	const enabled = hints['enabled'] ?? section['inlayHints.enabled'];
	const lenses = isRecord(section['codeLens']) ? section['codeLens']['enabled'] : section['codeLens.enabled'];
	const maxSymbols = isRecord(section['outline']) ? section['outline']['maxSymbols'] : section['outline.maxSymbols'];
	const debounce =
		diagnostics['debounceMs'] ??
		diagnostics['debounce'] ??
		section['diagnostics.debounceMs'] ??
		section['debounceMs'];
	return {
		severity: isRecord(severity) ? readOverrides(severity) : base.severity,
		inlayHints: typeof enabled === 'boolean' ? enabled : base.inlayHints,
		codeLens: typeof lenses === 'boolean' ? lenses : base.codeLens,
		debounceMs:
			typeof debounce === 'number' && debounce >= 0 && debounce <= 10_000
				? debounce
				: base.debounceMs,
		outlineMaxSymbols: Number.isSafeInteger(maxSymbols) && (maxSymbols as number) >= 0 ? (maxSymbols as number) : base.outlineMaxSymbols,
	};
}

function readOverrides(record: Record<string, unknown>): Record<string, SeverityOverride> {
	const result: Record<string, SeverityOverride> = {};
	for (const [code, value] of Object.entries(record)) {
		if (isSeverityOverride(value)) {
			result[code] = value;
		}
	}
	return result;
}
