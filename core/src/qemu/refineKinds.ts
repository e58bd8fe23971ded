/**
 * The flattener as a referee for the `io`/`container` choice: the imported text is
 * analysed, and an `i/o` region taken as an I/O region that renders a range the
 * `info mtree -f` text does not have is turned back into a container (its own bytes
 * would show where QEMU shows something else). Repeats until nothing changes.
 */
import { analyzeText } from '../model/analyze';
import type { Emitted } from './emit';
import type { ImportModel } from './importModel';
import type { FlatBlock } from './mtreeModel';

const maxRounds = 4;

/** Refines kinds in place; `emit` writes the current model. True when anything changed. */
export function refineKinds(model: ImportModel, blocks: readonly FlatBlock[], emit: () => Emitted): boolean {
	let changed = false;
	for (let round = 0; round < maxRounds; round++) {
		const emitted = emit();
		const analysis = analyzeText(emitted.text, 'import.memmap');
		if (analysis.diagnostics.some((diagnostic) => diagnostic.severity === 'error')) {
			return changed;
		}
		const wrong = new Set<number>();
		for (const { space, view } of analysis.views) {
			const block = blocks.find((candidate) => candidate.spaces.some((line) => line.name === space.name));
			const expected = new Set((block?.ranges ?? []).map((range) => `${range.start}|${range.end}|${range.name}|${range.offset}`));
			for (const range of view.ranges) {
				const id = emitted.declared[range.region];
				const region = id === undefined ? undefined : model.regions[id];
				const key = `${range.start}|${range.start + range.size - 1n}|${region?.name}|${range.offsetInRegion}`;
				if (region && region.kind === 'io' && region.type === 'i/o' && !expected.has(key)) {
					wrong.add(region.id);
				}
			}
		}
		if (wrong.size === 0) {
			return changed;
		}
		for (const id of wrong) {
			(model.regions[id] as ImportModel['regions'][number]).kind = 'container';
		}
		changed = true;
	}
	return changed;
}
