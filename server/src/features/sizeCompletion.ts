/**
 * Completion after `size`: how big the region can be where it stands. In a block, the
 * room from its `at` to the next subregion (or the container's end), and the largest
 * powers of two that fit there and keep the start aligned; for an alias, the rest of its
 * target from the window's offset. The counterpart of the free places after `at`.
 */
import { CompletionItemKind, type CompletionItem, type Range } from 'vscode-languageserver';
import { formatAddress, formatSize, formatSizeLiteral, freeGaps } from '../../../core/src/index';
import type { Analysis, FileNode, Region } from '../../../core/src/index';
import { placingStatement } from './addressCompletion';

/** At most this many powers of two are offered, the largest first. */
const maxPowers = 3;

interface SizeChoice {
	readonly size: bigint;
	readonly detail: string;
}

/** The sizes for the region whose `size` keyword starts at `sizeOffset`, each replacing `replace`. */
export function sizeItems(analysis: Analysis, uri: string, file: FileNode, sizeOffset: number, replace: Range): CompletionItem[] {
	const found = placingStatement(analysis, uri, file, sizeOffset);
	const region = found?.node.kind === 'region' ? found.placed : undefined;
	if (region === undefined) {
		return [];
	}
	const choices = [...aliasChoices(analysis, region), ...(found?.container ? roomChoices(analysis, found.container, region) : [])];
	const seen = new Set<bigint>();
	return choices
		.filter((choice) => choice.size > 0n && !seen.has(choice.size) && seen.add(choice.size))
		.map((choice, i) => {
			const label = formatSizeLiteral(choice.size);
			return {
				label,
				kind: CompletionItemKind.Value,
				detail: `${formatSize(choice.size)}: ${choice.detail}`,
				sortText: String(i).padStart(2, '0'),
				textEdit: { range: replace, newText: label },
			};
		});
}

/** An alias: the rest of its target from the window's start. */
function aliasChoices(analysis: Analysis, region: Region): SizeChoice[] {
	const target = region.alias?.target === undefined ? undefined : analysis.tree.regions[region.alias.target];
	const offset = region.alias?.offset ?? 0n;
	if (target === undefined) {
		return [];
	}
	// A window that starts at or past the target's end leaves nothing (filtered out).
	return [{ size: target.size - offset, detail: `the rest of '${target.name}' from ${formatAddress(offset)}` }];
}

/** The room from the region's start to what follows it, and the aligned powers of two in it. */
function roomChoices(analysis: Analysis, container: Region, region: Region): SizeChoice[] {
	const start = region.addr;
	const gap = freeGaps(analysis.tree, container, region.id).find((g) => g.start <= start && start < g.end);
	if (gap === undefined) {
		return [];
	}
	const room = gap.end - start;
	const choices: SizeChoice[] = [{ size: room, detail: `all the free space from ${formatAddress(start)} to ${formatAddress(gap.end)} in '${container.name}'` }];
	let power = 1n;
	while (power * 2n <= room && start % (power * 2n) === 0n) {
		power *= 2n;
	}
	for (let i = 0; i < maxPowers && power > 0n; i++, power /= 2n) {
		choices.push({ size: power, detail: `a power of two that fits at ${formatAddress(start)}, aligned` });
	}
	return choices;
}
