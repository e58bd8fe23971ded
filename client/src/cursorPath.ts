/**
 * Which region the editor cursor is in, read from the flat view's own DTOs (the owner or
 * alias whose definition is on the cursor's line). No language logic: only the
 * locations the server already sent.
 */
import type { FlatViewResult, LocationDto, PositionDto } from '../../core/src/protocol';

/** The cursor is anywhere on the line(s) of a definition's name: the line says which region. */
function contains(location: LocationDto, uri: string, position: PositionDto): boolean {
	const { start, end } = location.range;
	return location.uri === uri && start.line <= position.line && position.line <= end.line;
}

/** A size order for ranges: fewer lines first, then fewer characters. */
function extent(location: LocationDto): number {
	const { start, end } = location.range;
	return (end.line - start.line) * 1e6 + (end.character - start.character);
}

/** The path of the innermost region defined around `position`, or null. */
export function regionPathAt(view: FlatViewResult, uri: string, position: PositionDto): string | null {
	let best: { path: string; extent: number } | undefined;
	const consider = (location: LocationDto | undefined, path: string): void => {
		if (location && path !== '' && contains(location, uri, position)) {
			const size = extent(location);
			if (!best || size < best.extent) {
				best = { path, extent: size };
			}
		}
	};
	for (const space of view.spaces) {
		for (const range of space.ranges) {
			consider(range.location, range.path);
			for (const alias of range.aliases) {
				consider(alias.location, alias.aliasPath);
			}
		}
	}
	return best?.path ?? null;
}
