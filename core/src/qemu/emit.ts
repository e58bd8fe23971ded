/**
 * The `.memmap` text of an import model: a header comment, the spaces, then every
 * top-level region with its nested regions and `map` placements.
 */
import type { ImportModel, ImportRegion, ImportSpace } from './importModel';
import { addressText, nameText, References, sizeText } from './names';

/**
 * The order in which a region's subregions are written: QEMU's print order with every run
 * of equal address and priority reversed, because the language puts the later-declared of
 * equal-priority siblings first in list order (QEMU: the newest wins), and the print shows
 * list order for such ties. A region that must win an overlap it would lose in address
 * order (`declaredAfter`) is moved after the sibling it beats.
 */
export function declarationOrder(model: ImportModel, region: ImportRegion): number[] {
	const result: number[] = [];
	let run: number[] = [];
	const flush = (): void => {
		result.push(...run.reverse());
		run = [];
	};
	for (const id of region.children) {
		const child = model.regions[id] as ImportRegion;
		const previous = model.regions[run[run.length - 1] ?? -1];
		if (previous && (previous.addr !== child.addr || previous.priority !== child.priority)) {
			flush();
		}
		run.push(id);
	}
	flush();
	for (const id of region.children) {
		const after = model.regions[id]?.declaredAfter;
		if (after !== undefined && result.includes(after)) {
			result.splice(result.indexOf(id), 1);
			result.splice(result.indexOf(after) + 1, 0, id);
		}
	}
	return result;
}

/** The text, and the model ids in the order their declarations appear (the analyzer's ids). */
export interface Emitted {
	readonly text: string;
	readonly declared: readonly number[];
}

/** Writes the model as `.memmap` text, `header` lines first (each becomes a `//` comment). */
export function emitMemmap(model: ImportModel, spaces: readonly ImportSpace[], header: readonly string[]): Emitted {
	const order = new Map(model.regions.map((region) => [region.id, declarationOrder(model, region)]));
	const declared = new Map(
		[...order].map(([id, children]) => [id, children.filter((child) => !model.regions[child]?.topLevel)]),
	);
	const refs = new References(model, declared);
	const writer: Writer = { model, refs, order, out: header.flatMap(wrapComment), declared: [] };
	const out = writer.out;
	out.push('');
	for (const space of spaces) {
		out.push(`space ${nameText(space.name)} = ${refs.ref(space.root)}`);
	}
	for (const id of refs.topLevel) {
		out.push('');
		emitRegion(writer, model.regions[id] as ImportRegion, 0);
	}
	return { text: out.join('\n') + '\n', declared: writer.declared };
}

interface Writer {
	readonly model: ImportModel;
	readonly refs: References;
	readonly order: ReadonlyMap<number, readonly number[]>;
	readonly out: string[];
	readonly declared: number[];
}

function emitRegion(writer: Writer, region: ImportRegion, depth: number): void {
	const { model, refs, order, out } = writer;
	writer.declared.push(region.id);
	const indent = '\t'.repeat(depth);
	if (!region.node.line) {
		const unknown = region.name === '(hidden)' ? 'name, size and kind' : 'size and kind';
		out.push(`${indent}// Not printed by plain \`info mtree\`: a disabled region (${unknown} unknown).`);
	}
	if (region.owner !== undefined) {
		// Documentation, so that a hover on the region says which QEMU object owns it.
		out.push(`${indent}/// QEMU ${region.owner}`);
	}
	const children = order.get(region.id) ?? [];
	const head = `${indent}${headerText(refs, region, depth > 0)}`;
	if (children.length === 0) {
		out.push(head);
		return;
	}
	out.push(`${head} {`);
	for (const id of children) {
		const child = model.regions[id] as ImportRegion;
		if (child.topLevel) {
			out.push(`${indent}\t${mapText(refs, child)}`);
		} else {
			emitRegion(writer, child, depth + 1);
		}
	}
	out.push(`${indent}}`);
}

function headerText(refs: References, region: ImportRegion, nested: boolean): string {
	const parts = [region.kind, nameText(region.name)];
	if (nested) {
		parts.push('at', addressText(region.addr));
	}
	parts.push('size', sizeText(region.size));
	if (nested) {
		parts.push(...placementProps(region));
	}
	if (region.alias) {
		parts.push('of', refs.ref(region.alias.target));
		if (region.alias.offset !== 0n) {
			parts.push('offset', addressText(region.alias.offset));
		}
	}
	if (region.readonly && region.kind !== 'rom') {
		parts.push('readonly');
	}
	if (region.nonvolatile) {
		parts.push('nonvolatile');
	}
	if (!region.enabled) {
		parts.push('disabled');
	}
	return parts.join(' ');
}

function placementProps(region: ImportRegion): string[] {
	if (region.priority !== 0) {
		return ['priority', String(region.priority)];
	}
	return region.overlap ? ['overlap'] : [];
}

function mapText(refs: References, region: ImportRegion): string {
	return ['map', refs.ref(region.id), 'at', addressText(region.addr), ...placementProps(region)].join(' ');
}

/** A header sentence as `//` lines of at most about 90 columns. */
function wrapComment(text: string): string[] {
	const lines: string[] = [];
	let current = '//';
	for (const word of text.split(' ')) {
		if (current.length + word.length + 1 > 90 && current !== '//') {
			lines.push(current);
			current = '//';
		}
		current += ' ' + word;
	}
	lines.push(current);
	return lines;
}
