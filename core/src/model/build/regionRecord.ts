/**
 * The region draft that the declaration pass creates for each named region node. Only
 * what the build computes is stored, and the name, which every region's path and the name
 * index read; the rest is read from the syntax node on use: kind and documentation, the
 * source locations (of the region, its name, its placement and each property) and the
 * path. On a big board the copies of those were nearly half of the region tree's memory,
 * and most are never read (only diagnostics, hovers and navigation read them, for a few
 * regions). The four flags share one number.
 */
import type { RegionKind, RegionNode } from '../../syntax/ast';
import { keywordSpan } from '../../syntax/ast';
import type { RegionId, SourceLocation } from '../types';
import { RegionLocations, type PlacingMap } from './locations';
import { at, type AccessDraft, type RegionDraft } from './state';

const enabledFlag = 1;
const readonlyFlag = 2;
const nonvolatileFlag = 4;
const mayOverlapFlag = 8;

export class RegionRecord implements RegionDraft {
	size = 0n;
	addr = 0n;
	priority = 0;
	// Every optional field is set here, so that all records share one shape.
	alias: { target: RegionId | undefined; offset: bigint } | undefined = undefined;
	access: AccessDraft | undefined = undefined;
	/** The `map` that placed this region, if one did (set by the placement pass). */
	map: PlacingMap | undefined = undefined;
	readonly #uri: string;
	#node: RegionNode;
	/** The record whose block declares this one (its path is this one's prefix). */
	readonly #declaredIn: RegionRecord | undefined;
	/** `#N` when the name repeats among its siblings, else undefined (see `numberAmongSiblings`). */
	#suffix: string | undefined = undefined;
	#path: string | undefined;
	#flags: number;

	/** Kept, unlike the other syntax-derived fields: the name index and every path read it. */
	readonly name: string;

	constructor(
		public id: RegionId,
		uri: string,
		node: RegionNode,
		public parent: RegionId | undefined,
		declaredIn: RegionRecord | undefined,
		public children: RegionId[],
	) {
		this.#uri = uri;
		this.#node = node;
		this.name = node.name?.text ?? '';
		this.#declaredIn = declaredIn;
		// QEMU's ROM is RAM with `readonly` set (R2.3); ROM devices are not readonly.
		this.#flags = enabledFlag | (node.regionKind === 'rom' ? readonlyFlag : 0);
	}

	/**
	 * Marks this region as the `n`-th (1-based) of several siblings of the same name, so
	 * that its path says `name#n` and is itself an unambiguous reference. Called by the
	 * name index, before anything reads `path`.
	 */
	numberAmongSiblings(n: number): void {
		this.#suffix = `#${n}`;
	}

	/**
	 * Moves every region id the record holds (its own, its parent's, its children's and its
	 * alias target's) by `shift`: a region was added or removed before them in declaration
	 * order (see `reuse.ts`).
	 */
	renumber(shift: (id: RegionId) => RegionId): void {
		this.id = shift(this.id);
		if (this.parent !== undefined) {
			this.parent = shift(this.parent);
		}
		const children = this.children;
		for (let i = 0; i < children.length; i++) {
			children[i] = shift(children[i] as RegionId);
		}
		if (this.alias?.target !== undefined) {
			this.alias.target = shift(this.alias.target);
		}
	}

	/** The record whose block declares this one; undefined at the top level. */
	get declaredIn(): RegionRecord | undefined {
		return this.#declaredIn;
	}

	/** The declaration this record was built from. */
	get node(): RegionNode {
		return this.#node;
	}

	/**
	 * Points the record at `node`, the same declaration parsed again after an edit around
	 * or inside it (see `reuse.ts`): locations, kind and documentation are read from it.
	 */
	retarget(node: RegionNode): void {
		this.#node = node;
	}

	get kind(): RegionKind {
		return this.#node.regionKind;
	}

	get doc(): string | undefined {
		return this.#node.doc;
	}

	/** Always true in the language (QEMU's `romd_mode`; only imported maps vary it). */
	get romdMode(): boolean {
		return true;
	}

	get enabled(): boolean {
		return (this.#flags & enabledFlag) !== 0;
	}
	set enabled(value: boolean) {
		this.#setFlag(enabledFlag, value);
	}

	get readonly(): boolean {
		return (this.#flags & readonlyFlag) !== 0;
	}
	set readonly(value: boolean) {
		this.#setFlag(readonlyFlag, value);
	}

	get nonvolatile(): boolean {
		return (this.#flags & nonvolatileFlag) !== 0;
	}
	set nonvolatile(value: boolean) {
		this.#setFlag(nonvolatileFlag, value);
	}

	get mayOverlap(): boolean {
		return (this.#flags & mayOverlapFlag) !== 0;
	}
	set mayOverlap(value: boolean) {
		this.#setFlag(mayOverlapFlag, value);
	}

	#setFlag(flag: number, value: boolean): void {
		this.#flags = value ? this.#flags | flag : this.#flags & ~flag;
	}

	/** The whole declaration. */
	get definition(): SourceLocation {
		return at(this.#uri, this.#node);
	}

	/** The name, or the kind keyword of a region whose name is missing. */
	get nameLocation(): SourceLocation {
		return at(this.#uri, this.#node.name ?? keywordSpan(this.#node));
	}

	/**
	 * Where it is placed: the `map` that placed it, else its own header when nested, else
	 * none (top level, or a map dropped for closing a cycle).
	 */
	get placement(): SourceLocation | undefined {
		if (this.map !== undefined) {
			return at(this.map.uri, this.map.node);
		}
		return this.#declaredIn === undefined ? undefined : headerLocation(this.#uri, this.#node);
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
