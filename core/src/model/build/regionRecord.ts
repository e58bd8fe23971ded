/**
 * The region draft that the declaration pass creates for each named region node. Its
 * source locations and its path are derived from the syntax node on use instead of being
 * copied at declaration: on a big board those copies (location objects for the region, its
 * name and each property, and a path string) were a third of the region tree's memory,
 * and most are never read (only diagnostics, hovers and navigation read them, for a few
 * regions).
 */
import type { RegionKind, RegionNode } from '../../syntax/ast';
import { keywordSpan } from '../../syntax/ast';
import type { RegionId, SourceLocation } from '../types';
import { RegionLocations, type PlacingMap } from './locations';
import { at, type AccessDraft, type RegionDraft } from './state';

/** `placement` not overridden: the header of the nested declaration (or none at top level). */
const declaredHere = Symbol('declared here');

export class RegionRecord implements RegionDraft {
	size = 0n;
	addr = 0n;
	priority = 0;
	mayOverlap = false;
	enabled = true;
	nonvolatile = false;
	readonly romdMode = true;
	// Every optional field is set here, so that all records share one shape.
	alias: { target: RegionId | undefined; offset: bigint } | undefined = undefined;
	access: AccessDraft | undefined = undefined;
	/** The `map` that placed this region, if one did (set by the placement pass). */
	map: PlacingMap | undefined = undefined;
	readonly doc: string | undefined;
	readonly #uri: string;
	readonly #node: RegionNode;
	/** The record whose block declares this one (its path is this one's prefix). */
	readonly #declaredIn: RegionRecord | undefined;
	/** `#N` when the name repeats among its siblings, else undefined. */
	readonly #suffix: string | undefined;
	#path: string | undefined;
	#definition: SourceLocation | undefined;
	#nameLocation: SourceLocation | undefined;
	#placement: SourceLocation | undefined | typeof declaredHere;

	constructor(
		readonly id: RegionId,
		readonly name: string,
		uri: string,
		node: RegionNode,
		public parent: RegionId | undefined,
		declaredIn: RegionRecord | undefined,
		suffix: string | undefined,
		public children: RegionId[],
	) {
		this.#uri = uri;
		this.#node = node;
		this.#declaredIn = declaredIn;
		this.#suffix = suffix;
		this.kind = node.regionKind;
		this.doc = node.doc;
		// QEMU's ROM is RAM with `readonly` set (R2.3); ROM devices are not readonly.
		this.readonly = node.regionKind === 'rom';
		this.#placement = parent === undefined ? undefined : declaredHere;
	}

	readonly kind: RegionKind;
	readonly: boolean;

	/** The whole declaration. */
	get definition(): SourceLocation {
		return (this.#definition ??= at(this.#uri, this.#node));
	}

	/** The name, or the kind keyword of a region whose name is missing. */
	get nameLocation(): SourceLocation {
		return (this.#nameLocation ??= at(this.#uri, this.#node.name ?? keywordSpan(this.#node)));
	}

	/** Where it is placed: its own header when nested, a `map` once mapped, else none. */
	get placement(): SourceLocation | undefined {
		if (this.#placement === declaredHere) {
			this.#placement = headerLocation(this.#uri, this.#node);
		}
		return this.#placement;
	}

	set placement(where: SourceLocation | undefined) {
		this.#placement = where;
	}

	/** Where its properties and settings were written, found in the syntax node on demand. */
	get locations(): RegionLocations {
		return new RegionLocations(this.#uri, this.#node, this.#declaredIn !== undefined, this.map);
	}

	/** The slash path from its top-level region; built without recursion (nesting can be deep). */
	get path(): string {
		if (this.#path !== undefined) {
			return this.#path;
		}
		const pending: RegionRecord[] = [];
		let record: RegionRecord | undefined = this;
		while (record !== undefined && record.#path === undefined) {
			pending.push(record);
			record = record.#declaredIn;
		}
		let prefix = record === undefined ? undefined : record.#path;
		for (let i = pending.length - 1; i >= 0; i--) {
			const current = pending[i] as RegionRecord;
			current.#path = (prefix === undefined ? '' : prefix + '/') + current.name + (current.#suffix ?? '');
			prefix = current.#path;
		}
		return prefix ?? '';
	}
}

/** The header of a region: from its kind keyword to its last property (no block). */
function headerLocation(uri: string, node: RegionNode): SourceLocation {
	let end = node.offset + node.keywordLength;
	if (node.name) {
		end = Math.max(end, node.name.offset + node.name.length);
	}
	for (const prop of node.props) {
		end = Math.max(end, prop.offset + prop.length);
	}
	return { uri, offset: node.offset, length: end - node.offset };
}
