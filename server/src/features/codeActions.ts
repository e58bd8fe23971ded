/**
 * Quick fixes: an unintended overlap can be marked `overlap`, given `priority 1`, or moved
 * to the next free aligned address; an alias window past its target can be shrunk; an
 * unknown reference can be created as a new region at the end of the file; a region that
 * QEMU's capture shows elsewhere can be moved to where QEMU has it, and a region QEMU has
 * in a hole of the board can be added.
 */
import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic as LspDiagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { captureSpace, findRange, formatAddress, formatSizeLiteral, qemuRangeAt } from '../../../core/src/index';
import type { Analysis, Diagnostic, MapNode, Region, RegionNode, SourceLocation } from '../../../core/src/index';
import { toOffset, toRange } from '../convert';
import { analysisFor, guard, type ServerContext } from '../context';
import { placementsOf, referenceAt } from '../model';
import { endOf, pathAt } from '../syntaxQuery';
import { nextFreeAddress, regionAtDiagnostic } from './codeActionHelpers';
import { spellName } from './rename';

type Fix = (analysis: Analysis, document: TextDocument, d: Diagnostic) => CodeAction[];

const fixes: Readonly<Partial<Record<Diagnostic['code'], Fix>>> = {
	'region.overlap': overlapFixes,
	'region.overlap-tie': overlapFixes,
	'alias.window-overrun': shrinkFix,
	'ref.unknown': createFix,
	'qemu.mismatch': qemuFixes,
};

/** The quick fixes for the diagnostics of `document` that touch `[from, to]`. */
export function codeActions(
	analysis: Analysis,
	document: TextDocument,
	from: number,
	to: number,
	reported: readonly LspDiagnostic[] = [],
): CodeAction[] {
	const actions: CodeAction[] = [];
	for (const d of analysis.diagnostics) {
		const fix = fixes[d.code];
		if (fix && d.uri === document.uri && d.offset <= to && from <= d.offset + d.length) {
			const match = reported.filter((r) => r.code === d.code);
			for (const action of fix(analysis, document, d)) {
				actions.push(match.length > 0 ? { ...action, diagnostics: match } : action);
			}
		}
	}
	return actions;
}

function edit(document: TextDocument, title: string, offset: number, length: number, newText: string): CodeAction {
	return {
		title,
		kind: CodeActionKind.QuickFix,
		edit: { changes: { [document.uri]: [{ range: toRange(document, offset, length), newText }] } },
	};
}

/** The written statement (nested declaration or `map`) that places a region. */
function placementNode(analysis: Analysis, region: Region): RegionNode | MapNode | undefined {
	return statementAt(analysis, region.placement ?? region.definition);
}

/** The region declaration or `map` statement that starts at `loc`. */
function statementAt(analysis: Analysis, loc: SourceLocation): RegionNode | MapNode | undefined {
	const file = analysis.documents.get(loc.uri)?.file;
	const path = file ? pathAt(file, loc.offset) : [];
	return path.find((n): n is RegionNode | MapNode => (n.kind === 'region' || n.kind === 'map') && n.offset === loc.offset);
}

function headerEnd(node: RegionNode | MapNode): number {
	const parts = node.kind === 'map' ? [node.target, node.at, node.priority, node.overlap] : [node.name, ...node.props];
	return Math.max(node.offset + 1, ...parts.map((p) => (p ? endOf(p) : 0)));
}

function overlapFixes(analysis: Analysis, document: TextDocument, d: Diagnostic): CodeAction[] {
	const region = regionAtDiagnostic(analysis, d);
	const node = region && placementNode(analysis, region);
	if (!region || !node || (region.placement ?? region.definition).uri !== document.uri) {
		return [];
	}
	const at = headerEnd(node);
	const written = node.kind === 'map' ? { overlap: node.overlap, priority: node.priority } : {
		overlap: node.props.find((p) => p.name === 'overlap'),
		priority: node.props.find((p) => p.name === 'priority'),
	};
	const actions: CodeAction[] = [];
	if (!written.overlap && !written.priority) {
		actions.push(edit(document, `Mark '${region.name}' as an intended overlap`, at, 0, ' overlap'));
	}
	if (!written.priority) {
		actions.push(edit(document, `Give '${region.name}' priority 1`, at, 0, ' priority 1'));
	}
	const atNode = node.kind === 'map' ? node.at : node.props.find((p) => p.name === 'at')?.value;
	const free = nextFreeAddress(analysis, region);
	if (atNode && free !== undefined) {
		const text = formatAddress(free);
		actions.push(edit(document, `Move '${region.name}' to the next free address ${text}`, atNode.offset, atNode.length, text));
	}
	return actions;
}

function shrinkFix(analysis: Analysis, document: TextDocument, d: Diagnostic): CodeAction[] {
	const region = regionAtDiagnostic(analysis, d);
	const target = region?.alias?.target === undefined ? undefined : analysis.tree.regions[region.alias.target];
	const node = region && placementNode(analysis, region);
	const size = node?.kind === 'region' ? node.props.find((p) => p.name === 'size')?.value : undefined;
	if (!region || !target || !size || target.size <= (region.alias?.offset ?? 0n)) {
		return [];
	}
	const fitted = formatSizeLiteral(target.size - (region.alias?.offset ?? 0n));
	return [edit(document, `Shrink '${region.name}' to ${fitted} to end at its target's end`, size.offset, size.length, fitted)];
}

function createFix(analysis: Analysis, document: TextDocument, d: Diagnostic): CodeAction[] {
	const hit = referenceAt(analysis, document.uri, d.offset);
	const reference = hit?.reference;
	if (!reference || reference.segments.length !== 1) {
		return [];
	}
	const segment = reference.segments[0];
	const name = segment ? document.getText().slice(segment.offset, segment.offset + segment.length) : '';
	if (!name || spellName(name.replace(/^"|"$/g, '')) === undefined) {
		return [];
	}
	const body = reference.context === 'space' ? `container ${name} size 16E {\n}` : `ram ${name} size 4K`;
	const text = document.getText();
	const lead = text.length === 0 || text.endsWith('\n') ? '\n' : '\n\n';
	return [edit(document, `Create region '${name}'`, text.length, 0, `${lead}${body}\n`)];
}

/** A mismatch with QEMU: move the board's region, or add the region QEMU has in a hole. */
function qemuFixes(analysis: Analysis, document: TextDocument, d: Diagnostic): CodeAction[] {
	return [...qemuMoveFix(analysis, document, d), ...qemuAddFix(analysis, document, d)];
}

/** QEMU's region types as the language's kinds (`rom` also covers readonly RAM). */
const kindOfQemuType: Readonly<Record<string, string>> = { 'i/o': 'io', ram: 'ram', rom: 'rom', romd: 'romd', ramd: 'ramd' };

/**
 * A stretch where the board has a hole and QEMU a whole range of a region the board does
 * not name: add that region to the space's root container, at QEMU's address and size.
 */
function qemuAddFix(analysis: Analysis, document: TextDocument, d: Diagnostic): CodeAction[] {
	const capture = analysis.capture;
	const subject = d.subject;
	const view = subject && analysis.views.find((v) => v.space.name === subject.space);
	const range = capture && subject ? qemuRangeAt(capture, view ?? subject.space, subject.start) : undefined;
	const root = view && analysis.tree.regions[view.space.root];
	const boardHole = view !== undefined && subject !== undefined && findRange(view.view, subject.start) === undefined;
	if (!capture || !subject || !range || !root || !boardHole || range.start !== subject.start || range.end !== subject.end || range.owner.offset !== 0n) {
		return [];
	}
	const kind = kindOfQemuType[range.owner.type];
	const name = spellName(range.owner.name);
	const declaration = root.definition.uri === document.uri ? statementAt(analysis, root.definition) : undefined;
	const body = declaration?.kind === 'region' ? declaration.body : undefined;
	if (!kind || !name || !body?.closed || analysis.tree.regions.some((r) => r.name === range.owner.name)) {
		return [];
	}
	const text = document.getText();
	const close = body.offset + body.length - 1;
	const lineStart = text.lastIndexOf('\n', close - 1) + 1;
	const first = body.members[0];
	const indent = first ? leadingSpace(text, first.offset) : `${leadingSpace(text, root.definition.offset)}\t`;
	const size = formatSizeLiteral(range.end - range.start);
	const line = `${indent}${kind} ${name} at ${formatAddress(range.start)} size ${size}`;
	const own = text.slice(lineStart, close).trim() === '';
	const title = `Add '${range.owner.name}' (${kind}, ${size}) at ${formatAddress(range.start)}, as QEMU (${capture.name}) has it`;
	return [own ? edit(document, title, lineStart, 0, `${line}\n`) : edit(document, title, close, 0, `\n${line}\n`)];
}

/** The spaces and tabs that start the line holding `offset`. */
function leadingSpace(text: string, offset: number): string {
	const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
	return /^[ \t]*/.exec(text.slice(lineStart))?.[0] ?? '';
}

/**
 * A region that the QEMU capture beside the board renders at another address: move it
 * there. Offered when every space that places it agrees on one new `at` (QEMU shows the
 * region's first byte, by name, exactly once in that space).
 */
function qemuMoveFix(analysis: Analysis, document: TextDocument, d: Diagnostic): CodeAction[] {
	const region = regionAtDiagnostic(analysis, d);
	const capture = analysis.capture;
	const node = region && placementNode(analysis, region);
	const atNode = node?.kind === 'map' ? node.at : node?.props.find((p) => p.name === 'at')?.value;
	if (!region || !capture || atNode?.kind !== 'number' || (region.placement ?? region.definition).uri !== document.uri) {
		return [];
	}
	const moved = new Set<bigint>();
	for (const placement of placementsOf(analysis, region)) {
		const starts = (captureSpace(capture, placement.space)?.ranges ?? [])
			.filter((range) => range.owner.name === region.name && range.owner.offset === 0n)
			.map((range) => range.start);
		if (starts.length === 1) {
			moved.add(region.addr + ((starts[0] as bigint) - placement.start));
		}
	}
	const [target] = moved;
	if (moved.size !== 1 || target === undefined || target === region.addr || target < 0n) {
		return [];
	}
	const text = formatAddress(target);
	return [edit(document, `Move '${region.name}' to ${text}, where QEMU (${capture.name}) has it`, atNode.offset, atNode.length, text)];
}

export function registerCodeActions(ctx: ServerContext): void {
	ctx.connection.onCodeAction(
		guard(ctx, 'codeActions', [], (params: CodeActionParams) => {
			const found = analysisFor(ctx, params.textDocument.uri);
			if (!found) {
				return [];
			}
			const from = toOffset(found.document, params.range.start);
			const to = toOffset(found.document, params.range.end);
			return codeActions(found.analysis, found.document, from, to, params.context.diagnostics);
		}),
	);
}
