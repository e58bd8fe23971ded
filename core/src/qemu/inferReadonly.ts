/**
 * Readonly paths from `info mtree -f`. The tree text shows `readonly` only for RAM (as
 * `rom`); a readonly alias, container or I/O region shows only in the flat view, where a
 * range it renders prints `rom`. The imported text is analysed, the first range the flat
 * text prints `rom` but the import renders writable is found, and the region nearest to
 * its terminal on the render path at that address whose every rendered range is `rom` is
 * marked; one mark per round, until the views agree or a bound is reached.
 */
import { analyzeText } from '../model/analyze';
import { explainOwner } from '../model/owner';
import type { FlatRange, RegionId } from '../model/types';
import { blocksOfViews } from './flatDiff';
import type { Emitted } from './emit';
import type { ImportModel } from './importModel';
import type { FlatBlock } from './mtreeModel';

const maxRounds = 16;

interface Rendered {
	readonly range: FlatRange;
	/** The flat text prints `rom` over some of its bytes. */
	readonly rom: boolean;
}

/** Sets `readonly` on the model where the flat text needs it; true when anything changed. */
export function inferReadonly(model: ImportModel, blocks: readonly FlatBlock[], emit: () => Emitted): boolean {
	if (!blocks.some((block) => block.ranges.some((range) => range.type === 'rom'))) {
		return false;
	}
	let changed = false;
	for (let round = 0; round < maxRounds; round++) {
		const emitted = emit();
		const analysis = analyzeText(emitted.text, 'import.memmap');
		if (analysis.diagnostics.some((diagnostic) => diagnostic.severity === 'error')) {
			return changed;
		}
		const rendered: Rendered[] = [];
		let wanted: { chain: readonly RegionId[] } | undefined;
		const blockOf = blocksOfViews(analysis.tree, analysis.views, blocks);
		for (const [i, { view }] of analysis.views.entries()) {
			const block = blockOf[i];
			const roms = (block?.ranges ?? []).filter((range) => range.type === 'rom');
			const romAt = (range: FlatRange): boolean => roms.some((rom) => rom.start < range.start + range.size && range.start <= rom.end);
			rendered.push(...view.ranges.map((range) => ({ range, rom: romAt(range) })));
			// The first writable byte that the flat text prints `rom`.
			for (const range of wanted ? [] : view.ranges.filter((candidate) => !candidate.readonly)) {
				const rom = roms.find((line) => line.start < range.start + range.size && range.start <= line.end);
				if (rom && !wanted) {
					wanted = { chain: explainOwner(analysis.tree, view, rom.start > range.start ? rom.start : range.start).chain };
				}
			}
		}
		const choice = [...(wanted?.chain ?? [])].reverse().find((id) => canCarry(model, emitted, id) && onlyRom(rendered, id));
		const region = choice === undefined ? undefined : model.regions[emitted.declared[choice] ?? -1];
		if (!region || region.readonly) {
			return changed;
		}
		region.readonly = true;
		changed = true;
	}
	return changed;
}

/** RAM would print `rom` in the tree if readonly; every other kind keeps its tree type. */
function canCarry(model: ImportModel, emitted: Emitted, id: RegionId): boolean {
	const region = model.regions[emitted.declared[id] ?? -1];
	return region !== undefined && !region.readonly && region.kind !== 'ram' && region.kind !== 'rom';
}

function onlyRom(rendered: readonly Rendered[], id: RegionId): boolean {
	return rendered.every((entry) => entry.rom || !entry.range.path.includes(id));
}
