/**
 * Where a declared region's properties and settings were written, derived from its syntax
 * node when asked instead of recorded as it is declared. Recording cost a location object
 * per property (three per region on a typical board, 11 % of the analysis's memory), and
 * only diagnostics and a few checks ever read one.
 *
 * The derivation holds because acceptance depends only on the part's name and the region:
 * the first occurrence of a part counts (later ones are `prop.duplicate`), and whether a
 * part is allowed at all depends on its name, the region's kind and whether the region is
 * nested (see `propertyFits` and `settingFits`). `declare.ts` applies the same rules.
 */
import type { MapNode, PropName, RegionKind, RegionNode, SettingNode, Span } from '../../syntax/ast';
import type { LocatedPart, SourceLocation } from '../types';
import { at } from './state';

/** Why a property cannot be written on a region, or undefined when it can. */
export type PropertyMisfit = 'nested-only' | 'alias-only';

/** `at`, `priority` and `overlap` place a nested region; `of` and `offset` are alias-only. */
export function propertyFits(name: PropName, kind: RegionKind, nested: boolean): PropertyMisfit | undefined {
	switch (name) {
		case 'at':
		case 'priority':
		case 'overlap':
			return nested ? undefined : 'nested-only';
		case 'of':
		case 'offset':
			return kind === 'alias' ? undefined : 'alias-only';
		default:
			return undefined;
	}
}

/** Settings describe `MemoryRegionOps`, which only io and romd regions have. */
export function settingFits(kind: RegionKind): boolean {
	return kind === 'io' || kind === 'romd';
}

/** The located part a setting sets: `valid`, `impl`, `endian` or `coalesce`. */
export function settingPart(setting: SettingNode): LocatedPart {
	return setting.kind === 'access' ? setting.which : setting.kind;
}

/** A bit per property name, for the declaration pass's "already seen" mask. */
export function propertyBit(name: PropName): number {
	switch (name) {
		case 'at':
			return 1;
		case 'size':
			return 2;
		case 'priority':
			return 4;
		case 'overlap':
			return 8;
		case 'of':
			return 16;
		case 'offset':
			return 32;
		case 'readonly':
			return 64;
		case 'disabled':
			return 128;
		case 'nonvolatile':
			return 256;
	}
}

/** The `map` that placed a region: its `at`, `priority` and `overlap` count instead. */
export interface PlacingMap {
	readonly uri: string;
	readonly node: MapNode;
}

/**
 * The `Region.locations` of a declared region: each getter finds its part in the syntax
 * node (a few properties, or the block's settings) and returns a fresh location.
 */
export class RegionLocations implements Partial<Record<LocatedPart, SourceLocation>> {
	/**
	 * `node` declared in `uri`; `nested` when declared inside a block; `map` when a `map`
	 * placed it.
	 */
	constructor(
		readonly uri: string,
		readonly node: RegionNode,
		readonly nested: boolean,
		readonly map: PlacingMap | undefined,
	) {}

	get at(): SourceLocation | undefined {
		return this.#placing(this.map?.node.at) ?? this.#property('at');
	}
	get size(): SourceLocation | undefined {
		return this.#property('size');
	}
	get priority(): SourceLocation | undefined {
		return this.#placing(this.map?.node.priority) ?? this.#property('priority');
	}
	get overlap(): SourceLocation | undefined {
		return this.#placing(this.map?.node.overlap) ?? this.#property('overlap');
	}
	get of(): SourceLocation | undefined {
		return this.#property('of');
	}
	get offset(): SourceLocation | undefined {
		return this.#property('offset');
	}
	get readonly(): SourceLocation | undefined {
		return this.#property('readonly');
	}
	get disabled(): SourceLocation | undefined {
		return this.#property('disabled');
	}
	get nonvolatile(): SourceLocation | undefined {
		return this.#property('nonvolatile');
	}
	get valid(): SourceLocation | undefined {
		return this.#setting('valid');
	}
	get impl(): SourceLocation | undefined {
		return this.#setting('impl');
	}
	get endian(): SourceLocation | undefined {
		return this.#setting('endian');
	}
	get coalesce(): SourceLocation | undefined {
		return this.#setting('coalesce');
	}

	/** A part written on the placing `map` (only top-level regions are mapped). */
	#placing(span: Span | undefined): SourceLocation | undefined {
		const map = this.map;
		return map === undefined || span === undefined ? undefined : at(map.uri, span);
	}

	#property(name: PropName): SourceLocation | undefined {
		const { uri, node, nested } = this;
		if (propertyFits(name, node.regionKind, nested) !== undefined) {
			return undefined;
		}
		const prop = node.props.find((candidate) => candidate.name === name);
		return prop === undefined ? undefined : at(uri, prop);
	}

	#setting(part: LocatedPart): SourceLocation | undefined {
		const { uri, node } = this;
		if (!settingFits(node.regionKind)) {
			return undefined;
		}
		for (const member of node.body?.members ?? []) {
			if (member.kind !== 'region' && member.kind !== 'map' && settingPart(member) === part) {
				return at(uri, member);
			}
		}
		return undefined;
	}
}
