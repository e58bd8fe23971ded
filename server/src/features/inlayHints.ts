/**
 * Inlay hints: after `at` of a nested region (or a `map`), its absolute `[start, end)` in
 * each space where that differs from what is written; after `size`, the end it implies.
 * Off when `memmap.inlayHints.enabled` is false.
 */
import { InlayHintKind, type InlayHint, type InlayHintParams } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { formatAddress } from '../../../core/src/index';
import type { Analysis, NumberNode, Region } from '../../../core/src/index';
import { toOffset, toPosition } from '../convert';
import { analysisFor, guard, type ServerContext } from '../context';
import { placementsOf, regionDeclaredAt, regionPlacedAt, type Placement } from '../model';
import { forEachStatement } from '../syntaxQuery';
import { formatRange } from './regionInfo';

/** The hints of `document` whose anchor lies in `[from, to]` (offsets). */
export function inlayHints(analysis: Analysis, document: TextDocument, from: number, to: number): InlayHint[] {
	const file = analysis.documents.get(document.uri)?.file;
	const hints: InlayHint[] = [];
	if (!file) {
		return hints;
	}
	const add = (anchor: NumberNode | undefined, label: string | undefined): void => {
		const at = anchor ? anchor.offset + anchor.length : -1;
		if (anchor && label && at >= from && at <= to) {
			hints.push({ position: toPosition(document, at), label, kind: InlayHintKind.Type, paddingLeft: true });
		}
	};
	forEachStatement(file, (node) => {
		if (node.kind === 'region') {
			const region = regionDeclaredAt(analysis, document.uri, node.offset);
			const at = node.props.find((p) => p.name === 'at')?.value;
			const size = node.props.find((p) => p.name === 'size')?.value;
			const absolute = region && at?.kind === 'number' ? absoluteLabel(analysis, region) : undefined;
			add(at?.kind === 'number' ? at : undefined, absolute);
			if (region && size?.kind === 'number' && !absolute) {
				add(size, `end ${formatAddress(region.addr + region.size)}`);
			}
		} else if (node.kind === 'map') {
			const region = regionPlacedAt(analysis, document.uri, node.offset);
			add(node.at, region ? absoluteLabel(analysis, region) : undefined);
		}
	}, from, to);
	return hints;
}

/** `= [0x4000_1000, 0x4000_2000)` per space, or undefined when it matches the written offset. */
function absoluteLabel(analysis: Analysis, region: Region): string | undefined {
	const placements = placementsOf(analysis, region).filter((p) => p.visibleStart < p.visibleEnd);
	const whole = (p: Placement): boolean => p.visibleStart === p.start && p.visibleEnd === p.start + region.size;
	if (placements.length === 0 || placements.every((p) => p.start === region.addr && whole(p))) {
		return undefined;
	}
	const parts = placements.slice(0, 2).map((p) => {
		const range = formatRange(p.visibleStart, p.visibleEnd);
		return analysis.views.length > 1 ? `${p.space.space.name} ${range}` : range;
	});
	return `= ${parts.join(' · ')}${placements.length > 2 ? ' …' : ''}`;
}

export function registerInlayHints(ctx: ServerContext): void {
	ctx.connection.languages.inlayHint.on(
		guard(ctx, 'inlayHints', [], (params: InlayHintParams) => {
			const found = analysisFor(ctx, params.textDocument.uri);
			if (!found || !ctx.settings.inlayHints) {
				return [];
			}
			const from = toOffset(found.document, params.range.start);
			const to = toOffset(found.document, params.range.end);
			return inlayHints(found.analysis, found.document, from, to);
		}),
	);
}
