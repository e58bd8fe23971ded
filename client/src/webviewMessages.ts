/**
 * Validation of messages from the webview. The webview renders document text, so it is
 * treated as untrusted: every message is checked against `FromWebview` and a reveal must
 * point into a document of the flat view currently shown.
 */
import type { FlatViewResult, FromWebview, LocationDto } from '../../core/src/protocol';

/** Limits that keep a misbehaving webview from making the extension hold huge strings. */
const maxTextLength = 64 * 1024 * 1024;

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null;
}

function isCount(value: unknown): value is number {
	return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

function isPosition(value: unknown): boolean {
	return isRecord(value) && isCount(value.line) && isCount(value.character);
}

function readLocation(value: unknown, knownUris: ReadonlySet<string>): LocationDto | undefined {
	if (!isRecord(value) || typeof value.uri !== 'string' || !knownUris.has(value.uri)) {
		return undefined;
	}
	const range = value.range;
	if (!isRecord(range) || !isPosition(range.start) || !isPosition(range.end)) {
		return undefined;
	}
	return value as unknown as LocationDto;
}

/** Every document uri a flat view refers to (the only ones a reveal may open). */
export function locationUris(view: FlatViewResult | undefined): ReadonlySet<string> {
	const uris = new Set<string>();
	for (const space of view?.spaces ?? []) {
		for (const range of space.ranges) {
			if (range.location) {
				uris.add(range.location.uri);
			}
			for (const alias of range.aliases) {
				if (alias.location) {
					uris.add(alias.location.uri);
				}
			}
		}
	}
	return uris;
}

/** The message as a `FromWebview`, or undefined when it is malformed or not allowed. */
export function readFromWebview(data: unknown, knownUris: ReadonlySet<string>): FromWebview | undefined {
	if (!isRecord(data)) {
		return undefined;
	}
	switch (data.type) {
		case 'ready':
			return { type: 'ready' };
		case 'reveal': {
			const location = readLocation(data.location, knownUris);
			return location ? { type: 'reveal', location } : undefined;
		}
		case 'copyQemu':
			return typeof data.text === 'string' && data.text.length <= maxTextLength
				? { type: 'copyQemu', text: data.text }
				: undefined;
		case 'exportSvg':
			return typeof data.svg === 'string' && data.svg.startsWith('<svg') && data.svg.length <= maxTextLength
				? { type: 'exportSvg', svg: data.svg }
				: undefined;
		case 'owner':
			return typeof data.space === 'string' &&
				data.space.length <= 1024 &&
				typeof data.address === 'string' &&
				/^0x[0-9a-f]{1,17}$/.test(data.address)
				? { type: 'owner', space: data.space, address: data.address }
				: undefined;
		default:
			return undefined;
	}
}
