/** Small helpers shared by the checks: locations, labels and diagnostic construction. */
import type { Diagnostic, DiagnosticCode, RelatedLocation, Severity } from '../../diagnostics';
import { toHex } from '../address';
import type { LocatedPart, Region, SourceLocation } from '../types';

/** A related location with its message, before it becomes a `RelatedLocation`. */
export interface Related {
	readonly at: SourceLocation;
	readonly message: string;
}

/** Builds a diagnostic at `at` (a source location) with optional related locations. */
export function report(
	code: DiagnosticCode,
	severity: Severity,
	message: string,
	at: SourceLocation,
	related: readonly Related[] = [],
	unnecessary = false,
): Diagnostic {
	const relatedLocations: RelatedLocation[] = related.map(({ at: where, message: text }) => ({
		uri: where.uri,
		offset: where.offset,
		length: where.length,
		message: text,
	}));
	return {
		code,
		severity,
		message,
		uri: at.uri,
		offset: at.offset,
		length: at.length,
		...(relatedLocations.length > 0 ? { related: relatedLocations } : {}),
		...(unnecessary ? { unnecessary: true } : {}),
	};
}

/** `[0x1000, 0x2000)`. */
export function span(start: bigint, end: bigint): string {
	return `[${toHex(start)}, ${toHex(end)})`;
}

/** The first recorded location among `parts`, else the region's name. */
export function partOrName(region: Region, ...parts: LocatedPart[]): SourceLocation {
	for (const part of parts) {
		const location = region.locations[part];
		if (location !== undefined) {
			return location;
		}
	}
	return region.nameLocation;
}

/**
 * Where a region was placed in its parent: its name when declared nested (the name lies
 * inside the placement), else the `at` of the `map` statement, else the statement.
 */
export function placedAt(region: Region): SourceLocation {
	const placement = region.placement;
	const name = region.nameLocation;
	if (placement === undefined || contains(placement, name)) {
		return name;
	}
	return region.locations.at ?? placement;
}

function contains(outer: SourceLocation, inner: SourceLocation): boolean {
	return (
		outer.uri === inner.uri && inner.offset >= outer.offset && inner.offset + inner.length <= outer.offset + outer.length
	);
}

/** True when the region's size was written (a missing size is reported elsewhere). */
export function hasSize(region: Region): boolean {
	return region.locations.size !== undefined;
}
