/**
 * Names, references and numbers as `.memmap` text: bare names where the language allows,
 * quoted otherwise, and references that resolve to exactly one region (a bare name when
 * it is unique in the file, else a path from a top-level region with `#N` where needed).
 */
import type { ImportModel, ImportRegion } from './importModel';

const reserved = new Set([
	'container', 'ram', 'rom', 'romd', 'io', 'alias', 'ramd',
	'at', 'size', 'priority', 'overlap', 'of', 'offset', 'readonly', 'disabled', 'nonvolatile',
	'map', 'valid', 'impl', 'endian', 'coalesce', 'include', 'space',
	'little', 'big', 'native', 'unaligned',
]);

/** A name as written: bare when it is an identifier and no keyword, else a quoted string. */
export function nameText(name: string): string {
	if (/^[A-Za-z_][A-Za-z0-9_.-]*$/.test(name) && !reserved.has(name)) {
		return name;
	}
	return `"${name.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** `0x`-hex for addresses and offsets. */
export function addressText(value: bigint): string {
	return value === 0n ? '0' : '0x' + value.toString(16);
}

const units: readonly [bigint, string][] = [
	[60n, 'E'], [50n, 'P'], [40n, 'T'], [30n, 'G'], [20n, 'M'], [10n, 'K'],
];

/** A size with a binary unit when that reads well (`128K`, `16E`), else hex. */
export function sizeText(value: bigint): string {
	for (const [shift, unit] of units) {
		const scaled = value >> shift;
		if (scaled > 0n && scaled <= 1024n && scaled << shift === value) {
			return `${scaled}${unit}`;
		}
	}
	return value < 1024n ? value.toString() : addressText(value);
}

/** Declaration order and reference texts of every region of a model. */
export class References {
	readonly #model: ImportModel;
	readonly #refs = new Map<number, string>();
	readonly #levels = new Map<number, Map<string, number>>();
	readonly #occurrence = new Map<number, number>();
	/** Declared (nested, not mapped) children of each region, in declaration order. */
	readonly declared: ReadonlyMap<number, readonly number[]>;
	readonly topLevel: readonly number[];

	constructor(model: ImportModel, declared: ReadonlyMap<number, readonly number[]>) {
		this.#model = model;
		this.declared = declared;
		this.topLevel = model.regions.filter((region) => region.topLevel).map((region) => region.id);
		const counts = new Map<string, number>();
		for (const region of model.regions) {
			counts.set(region.name, (counts.get(region.name) ?? 0) + 1);
		}
		for (const region of model.regions) {
			const unique = counts.get(region.name) === 1;
			this.#refs.set(region.id, unique ? nameText(region.name) : this.#path(region));
		}
	}

	/** The reference text of a region. */
	ref(id: number): string {
		return this.#refs.get(id) ?? '""';
	}

	/** `top/child/...` with `#N` on each segment whose name repeats at its level. */
	#path(region: ImportRegion): string {
		const chain: ImportRegion[] = [];
		for (let current: ImportRegion | undefined = region; current; ) {
			chain.unshift(current);
			current = current.topLevel || current.parent === undefined ? undefined : this.#model.regions[current.parent];
		}
		return chain
			.map((link, i) => {
				const level = this.#occurrences(i === 0 ? undefined : chain[i - 1]?.id);
				const count = level.get(link.name) ?? 0;
				const needsIndex = count > 1 || (i === 0 && chain.length === 1);
				return nameText(link.name) + (needsIndex ? `#${this.#occurrence.get(link.id) ?? 1}` : '');
			})
			.join('/');
	}

	/**
	 * How many regions of each name are declared at one level (the top level when `parent`
	 * is undefined), recording each one's 1-based occurrence number on the way.
	 */
	#occurrences(parent: number | undefined): Map<string, number> {
		const key = parent ?? -1;
		let byName = this.#levels.get(key);
		if (!byName) {
			byName = new Map();
			for (const id of parent === undefined ? this.topLevel : (this.declared.get(parent) ?? [])) {
				const name = this.#model.regions[id]?.name ?? '';
				const count = (byName.get(name) ?? 0) + 1;
				byName.set(name, count);
				this.#occurrence.set(id, count);
			}
			this.#levels.set(key, byName);
		}
		return byName;
	}
}
