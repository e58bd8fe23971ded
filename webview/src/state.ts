/**
 * The UI state kept across reloads with `getState`/`setState`. What comes back from
 * `getState` is untrusted (older versions, other shapes), so it is narrowed field by field.
 */

/** Per-document UI state; `uri` lets the extension's serializer reopen the same document. */
export interface UiState {
	readonly uri: string | null;
	readonly space: string | null;
	readonly filter: string;
	readonly address: string;
	readonly mapScroll: number;
	readonly tableScroll: number;
	/** The selected range's start address (hex), stable across updates unlike an index. */
	readonly selected: string | null;
}

export const initialState: UiState = {
	uri: null,
	space: null,
	filter: '',
	address: '',
	mapScroll: 0,
	tableScroll: 0,
	selected: null,
};

function stringOr<T>(value: unknown, fallback: T): string | T {
	return typeof value === 'string' ? value : fallback;
}

function numberOr(value: unknown, fallback: number): number {
	return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : fallback;
}

/** Narrows whatever `getState` returned to a `UiState`, defaulting every bad field. */
export function readState(value: unknown): UiState {
	if (typeof value !== 'object' || value === null) {
		return initialState;
	}
	const record = value as Record<string, unknown>;
	return {
		uri: stringOr(record.uri, null),
		space: stringOr(record.space, null),
		filter: stringOr(record.filter, ''),
		address: stringOr(record.address, ''),
		mapScroll: numberOr(record.mapScroll, 0),
		tableScroll: numberOr(record.tableScroll, 0),
		selected: stringOr(record.selected, null),
	};
}
