/**
 * Readonly paths from `info mtree -f`. The tree text shows `readonly` only for RAM (as
 * `rom`); a readonly alias, container or I/O region shows only in the flat view, where a
 * range it renders prints `rom`. This analyses the imported text, finds ranges that the
 * flat text prints `rom` but the import renders writable, and marks the region nearest to
 * the range's terminal, on its render path, whose every rendered range is `rom`.
 */
import { analyzeText } from '../model/analyze';
import type { FlatRange, RegionId } from '../model/types';
import type { Emitted } from './emit';
import type { ImportModel } from './importModel';
import type { FlatBlock } from './mtreeModel';

interface Rendered {
	readonly range: FlatRange;
	readonly rom: boolean;
}

/** Sets `readonly` on the model where the flat text needs it; true when anything changed. */
export function inferReadonly(model: ImportModel, emitted: Emitted, blocks: readonly FlatBlock[]): boolean {
	if (!blocks.some((block) => block.ranges.some((range) => range.type === 'rom'))) {
		return false;
	}
	const analysis = analyzeText(emitted.text, 'import.memmap');
	if (analysis.diagnostics.some((diagnostic) => diagnostic.severity === 'error')) {
		return false;
	}
	const rendered: Rendered[] = [];
	for (const { space, view } of analysis.views) {
		const block = blocks.find((candidate) => candidate.spaces.some((line) => line.name === space.name));
		const romStarts = new Set((block?.ranges ?? []).filter((range) => range.type === 'rom').map((range) => range.start));
		rendered.push(...view.ranges.map((range) => ({ range, rom: romStarts.has(range.start) })));
	}
	let changed = false;
	for (const { range } of rendered.filter((entry) => entry.rom && !entry.range.readonly)) {
		const choice = [...range.path].reverse().find((id) => canCarry(model, emitted, id) && onlyRom(rendered, id));
		const region = choice === undefined ? undefined : model.regions[emitted.declared[choice] ?? -1];
		if (region && !region.readonly) {
			region.readonly = true;
			changed = true;
		}
	}
	return changed;
}

/** RAM would print `rom` in the tree if readonly; every other kind keeps its tree type. */
function canCarry(model: ImportModel, emitted: Emitted, id: RegionId): boolean {
	const kind = model.regions[emitted.declared[id] ?? -1]?.kind;
	return kind !== undefined && kind !== 'ram' && kind !== 'rom';
}

function onlyRom(rendered: readonly Rendered[], id: RegionId): boolean {
	return rendered.every((entry) => entry.rom || !entry.range.path.includes(id));
}
