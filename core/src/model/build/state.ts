/**
 * The mutable working state of one analysis: region drafts (which become the readonly
 * `Region`s of the tree), what each was declared from, the `map` statements and the
 * diagnostics found so far. Only the build steps in this folder touch it.
 */
import type { Diagnostic, RelatedLocation, Severity, DiagnosticCode } from '../../diagnostics';
import type { MapNode, RefNode, RegionKind, RegionNode, Span, SpaceNode } from '../../syntax/ast';
import type {
	AccessSizes,
	LocatedPart,
	RegionId,
	SourceLocation,
} from '../types';

/** The mutable twin of `AccessConstraints`. */
export interface AccessDraft {
	valid?: AccessSizes;
	impl?: AccessSizes;
	endian?: 'little' | 'big' | 'native';
	coalesce?: { readonly start: bigint; readonly size: bigint | undefined };
}

/** The mutable twin of `Region`; structurally assignable to it. */
export interface RegionDraft {
	readonly id: RegionId;
	readonly name: string;
	readonly kind: RegionKind;
	size: bigint;
	addr: bigint;
	priority: number;
	mayOverlap: boolean;
	parent: RegionId | undefined;
	children: RegionId[];
	enabled: boolean;
	readonly: boolean;
	nonvolatile: boolean;
	alias: { target: RegionId | undefined; offset: bigint } | undefined;
	access: AccessDraft | undefined;
	readonly romdMode: boolean;
	readonly doc: string | undefined;
	readonly definition: SourceLocation;
	readonly nameLocation: SourceLocation;
	readonly placement: SourceLocation | undefined;
	readonly path: string;
	readonly locations: Partial<Record<LocatedPart, SourceLocation>>;
	/** The `map` that placed it, whose `at`, `priority` and `overlap` locations count. */
	map: { readonly uri: string; readonly node: MapNode } | undefined;
	/** Makes its path segment `name#n`: it is the `n`-th of siblings sharing its name. */
	numberAmongSiblings(n: number): void;
}

/** What a region was declared from: facts the checks need but `Region` does not hold. */
export interface RegionSource {
	readonly uri: string;
	readonly node: RegionNode;
	/** The region whose block declares this one; undefined at top level. */
	readonly declaredIn: RegionId | undefined;
	/** The `of` reference of an alias, resolved later. */
	readonly of: RefNode | undefined;
	/** What `of` resolved to, kept even when a cycle check drops the alias's target. */
	ofTarget?: RegionId;
	/** Regions declared in this one's block, in source order (`noChildren` when none). */
	declared: RegionId[];
	/** Position in source order among all block members: later members win ties (R3.2). */
	seq: number;
	/** The first `map` of this region (it places the region unless that closes a cycle). */
	mappedBy?: MapDraft;
}

/** A `map` statement found inside the block of `container`. */
export interface MapDraft {
	readonly uri: string;
	readonly node: MapNode;
	readonly container: RegionId;
	readonly seq: number;
	/** The region it places, once resolved. */
	target?: RegionId;
}

/** A `space NAME = REF` item. */
export interface SpaceItem {
	readonly uri: string;
	readonly node: SpaceNode;
}

export interface BuildState {
	readonly regions: RegionDraft[];
	readonly sources: RegionSource[];
	readonly maps: MapDraft[];
	readonly topLevel: RegionId[];
	readonly spaces: SpaceItem[];
	readonly diagnostics: Diagnostic[];
}

/**
 * The shared empty children list of regions without children (most of them), so a big
 * board does not allocate an array per leaf. Never pushed to: `orderChildren` replaces it.
 */
export const noChildren: RegionId[] = [];

export function createState(): BuildState {
	return { regions: [], sources: [], maps: [], topLevel: [], spaces: [], diagnostics: [] };
}

/** A source location of `span` in `uri`. */
export function at(uri: string, span: Span): SourceLocation {
	return { uri, offset: span.offset, length: span.length };
}

/** A related location with a message. */
export function related(location: SourceLocation, message: string): RelatedLocation {
	return { uri: location.uri, offset: location.offset, length: location.length, message };
}

/** Records a diagnostic located at `where`. */
export function report(
	state: BuildState,
	code: DiagnosticCode,
	severity: Severity,
	where: SourceLocation,
	message: string,
	extra?: { related?: readonly RelatedLocation[]; unnecessary?: boolean },
): void {
	state.diagnostics.push({
		code,
		severity,
		message,
		uri: where.uri,
		offset: where.offset,
		length: where.length,
		...(extra?.related && extra.related.length > 0 ? { related: extra.related } : {}),
		...(extra?.unnecessary ? { unnecessary: true } : {}),
	});
}

/** Quotes a region name or path for messages: `'pc.ram'`. */
export function q(text: string): string {
	return `'${text}'`;
}

/** `a ram region`, `an io region`, `an alias`: the kind as a noun phrase for messages. */
export function kindPhrase(kind: RegionKind): string {
	if (kind === 'alias') {
		return 'an alias';
	}
	return `${kind === 'io' ? 'an' : 'a'} ${kind} region`;
}
