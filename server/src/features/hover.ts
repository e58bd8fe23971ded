/**
 * Hover: on an address or offset, the absolute address in each space and who really owns
 * it; on any other hex literal (comments included), the owner in each space; on a region
 * name, its kind, size, visible ranges, shadowing, constraints and `///` docs.
 */
import { MarkupKind, type Hover, type HoverParams } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { formatAddress, formatSize, parseNumber, qemuOwnerLine } from '../../../core/src/index';
import type { Analysis, NumberNode, Region, Span, SpaceView } from '../../../core/src/index';
import { toOffset, toRange } from '../convert';
import { analysisFor, guard, type ServerContext } from '../context';
import { placementsOf, referenceAt, regionById, regionDeclaredAt, regionPlacedAt, showsStart } from '../model';
import { pathAt, type SyntaxNode } from '../syntaxQuery';
import { describeAccess, hiddenLine, ownerLines, visibilityLines } from './regionInfo';

/** The hover at `offset` of `document`, or null when there is nothing to say. */
export function hover(analysis: Analysis, document: TextDocument, offset: number): Hover | null {
	const source = analysis.documents.get(document.uri);
	if (!source) {
		return null;
	}
	const path = pathAt(source.file, offset);
	const leaf = path[path.length - 1];
	const parent = path[path.length - 2];
	let text: string | undefined;
	let span: Span | undefined = leaf;
	if (leaf?.kind === 'number') {
		text = numberHover(analysis, document.uri, leaf, path);
	} else if (leaf?.kind === 'name' && parent?.kind === 'region') {
		text = regionHover(analysis, regionDeclaredAt(analysis, document.uri, parent.offset));
	} else if (leaf?.kind === 'name' || leaf?.kind === 'segment') {
		const hit = referenceAt(analysis, document.uri, offset);
		const id = hit?.reference.segments[hit.segment]?.region;
		text = regionHover(analysis, regionById(analysis, id));
	} else {
		const literal = literalAt(source.text, offset);
		span = literal;
		text = literal && absoluteHover(analysis, literal.value, literal.text);
	}
	if (!text || !span) {
		return null;
	}
	return {
		contents: { kind: MarkupKind.Markdown, value: text },
		range: toRange(document, span.offset, span.length),
	};
}

function numberHover(
	analysis: Analysis,
	uri: string,
	number: NumberNode,
	path: readonly SyntaxNode[],
): string | undefined {
	const parent = path[path.length - 2];
	const holder = path[path.length - 3];
	if (number.value === undefined) {
		return undefined;
	}
	if (parent?.kind === 'prop' && parent.name === 'at' && holder?.kind === 'region') {
		return placedHover(analysis, regionDeclaredAt(analysis, uri, holder.offset), number);
	}
	if (parent?.kind === 'map' && parent.at === number) {
		return placedHover(analysis, regionPlacedAt(analysis, uri, parent.offset), number);
	}
	const region = holder?.kind === 'region' ? regionDeclaredAt(analysis, uri, holder.offset) : undefined;
	if (parent?.kind === 'prop' && parent.name === 'offset') {
		return windowHover(analysis, region, number.value, number.text);
	}
	if (parent?.kind === 'prop' && parent.name === 'size') {
		const end = region ? ` (ends at offset ${formatAddress(region.addr + number.value)} of its container)` : '';
		return `**${number.text}** = ${formatSize(number.value)}, ${formatAddress(number.value)} bytes${end}`;
	}
	if (parent?.kind === 'prop' && parent.name === 'priority') {
		return undefined;
	}
	return /^0[xX]/.test(number.text) ? absoluteHover(analysis, number.value, number.text) : undefined;
}

/** `at` of a region: where that lands in each space, and who answers there. */
function placedHover(
	analysis: Analysis,
	region: Region | undefined,
	number: NumberNode,
): string | undefined {
	if (!region) {
		return undefined;
	}
	const lines = [`**${number.text}**: offset of \`${region.name}\` in its container`, ''];
	for (const placement of placementsOf(analysis, region).filter(showsStart).slice(0, 8)) {
		const name = placement.space.space.name;
		lines.push(`In space \`${name}\`: absolute **${formatAddress(placement.start)}**`, '');
		const hidden = hiddenLine(analysis, placement.space, region, placement.start);
		if (hidden) {
			lines.push(`⚠ ${hidden}`, '');
		}
		lines.push(...codeBlock(ownerLines(analysis, placement.space, placement.start)));
		lines.push(...qemuLines(analysis, placement.space, placement.start));
	}
	const access = describeAccess(region);
	if (access) {
		lines.push(`Access: ${access}`);
	}
	return lines.join('\n');
}

/** `offset` of an alias: where its window starts in the target, in each space. */
function windowHover(analysis: Analysis, alias: Region | undefined, value: bigint, text: string): string | undefined {
	const target = alias?.alias?.target === undefined ? undefined : analysis.tree.regions[alias.alias.target];
	if (!target) {
		return undefined;
	}
	const lines = [`**${text}**: the window of \`${alias?.name ?? ''}\` starts at offset ${formatAddress(value)} of \`${target.path}\``, ''];
	const seen = placementsOf(analysis, target).filter(
		(p) => p.visibleStart <= p.start + value && p.start + value < p.visibleEnd,
	);
	for (const placement of seen.slice(0, 4)) {
		const address = placement.start + value;
		lines.push(`In space \`${placement.space.space.name}\`: the target's byte is at **${formatAddress(address)}**`, '');
		lines.push(...codeBlock(ownerLines(analysis, placement.space, address)));
		lines.push(...qemuLines(analysis, placement.space, address));
	}
	return lines.join('\n');
}

/** A literal read as an absolute address: the owner in each space. */
function absoluteHover(analysis: Analysis, value: bigint, text: string): string | undefined {
	if (analysis.views.length === 0) {
		return undefined;
	}
	const lines = [`**${text}** = ${formatAddress(value)}`, ''];
	for (const space of analysis.views) {
		lines.push(`In space \`${space.space.name}\`:`, '');
		lines.push(...codeBlock(ownerLines(analysis, space, value)));
		lines.push(...qemuLines(analysis, space, value));
	}
	return lines.join('\n');
}

/**
 * What QEMU renders at `address` in its copy of `space`, when the board has a QEMU capture
 * beside it (`NAME.flat.txt`): the ground truth next to the board's answer.
 */
function qemuLines(analysis: Analysis, space: SpaceView, address: bigint): string[] {
	const capture = analysis.capture;
	const line = capture === undefined ? undefined : qemuOwnerLine(capture, space, address);
	return line === undefined ? [] : [line, ''];
}

/** A region name: what it is, where it shows, what hides it, its docs. */
export function regionHover(analysis: Analysis, region: Region | undefined): string | undefined {
	if (!region) {
		return undefined;
	}
	const lines = [
		`**${region.kind}** \`${region.name}\`: ${formatSize(region.size)} (${formatAddress(region.size)} bytes)`,
		'',
		`Path \`${region.path}\``,
	];
	const target = region.alias?.target === undefined ? undefined : analysis.tree.regions[region.alias.target];
	if (target) {
		lines.push('', `Alias of \`${target.path}\` from offset ${formatAddress(region.alias?.offset ?? 0n)}`);
	}
	const visibility = visibilityLines(analysis, region);
	lines.push('', visibility.length > 0 ? 'Visible:' : 'Not visible in any address space.', ...visibility);
	const access = describeAccess(region);
	if (access) {
		lines.push('', `Access: ${access}`);
	}
	if (region.doc) {
		lines.push('', '---', '', region.doc);
	}
	return lines.join('\n');
}

function codeBlock(lines: readonly string[]): string[] {
	return ['```text', ...lines, '```', ''];
}

/** A number literal under the cursor in raw text (for comments): `0x4000_1000`. */
export function literalAt(
	text: string,
	offset: number,
): (Span & { value: bigint; text: string }) | undefined {
	const isWord = (c: string | undefined): boolean => c !== undefined && /[0-9A-Za-z_]/.test(c);
	let start = offset;
	let end = offset;
	while (start > 0 && offset - start < 64 && isWord(text[start - 1])) {
		start--;
	}
	while (end < text.length && end - offset < 64 && isWord(text[end])) {
		end++;
	}
	const word = text.slice(start, end);
	const value = /^0[xX][0-9a-fA-F_]+$/.test(word) ? parseNumber(word) : undefined;
	return value === undefined ? undefined : { offset: start, length: end - start, value, text: word };
}

export function registerHover(ctx: ServerContext): void {
	ctx.connection.onHover(
		guard(ctx, 'hover', null, (params: HoverParams) => {
			const found = analysisFor(ctx, params.textDocument.uri);
			if (!found) {
				return null;
			}
			return hover(found.analysis, found.document, toOffset(found.document, params.position));
		}),
	);
}
