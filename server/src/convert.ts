/**
 * The only core -> LSP mapping: UTF-16 offsets <-> positions, core diagnostics -> LSP
 * diagnostics, source locations -> LSP locations, bigint flat views -> hex DTOs (with the
 * holes that make a view tile [0, 2^64)). Nothing else in the server calls `positionAt`.
 */
import { DiagnosticSeverity, DiagnosticTag } from 'vscode-languageserver';
import type { Diagnostic as LspDiagnostic, Location, Position, Range } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { diagnosticDocsUrl, qemuOwnerLine, toHex, twoTo64 } from '../../core/src/index';
import type {
	Analysis,
	Diagnostic,
	FlatRange,
	Region,
	SeverityOverride,
	SourceDocument,
	SourceLocation,
	SpaceView,
} from '../../core/src/index';
import type { FlatRangeDto, LocationDto, SpaceViewDto } from '../../core/src/protocol';
import { maxAliasSteps, maxTruncatedRanges } from '../../core/src/protocol';

const lineIndexes = new WeakMap<SourceDocument, TextDocument>();

/** A line index over the text of an analysed document (built once per document state). */
export function lineIndexOf(doc: SourceDocument): TextDocument {
	let index = lineIndexes.get(doc);
	if (!index) {
		index = TextDocument.create(doc.uri, 'memmap', 0, doc.text);
		lineIndexes.set(doc, index);
	}
	return index;
}

/** A position of `document` from a UTF-16 offset. */
export function toPosition(document: TextDocument, offset: number): Position {
	return document.positionAt(offset);
}

/** The UTF-16 offset of an LSP position in `document`. */
export function toOffset(document: TextDocument, position: Position): number {
	return document.offsetAt(position);
}

/**
 * Converts ascending offsets to positions in amortised O(1) each (semantic tokens, inlay
 * hints: hundreds of thousands of conversions on a 100k-region file). Lines end at
 * `\r\n`, `\r` or `\n`, as in LSP. Offsets must not decrease between calls.
 */
export class PositionCursor {
	readonly #text: string;
	#lineStart = 0;
	#scanned = 0;
	/** The position of the last offset sought (see `seek`). */
	line = 0;
	character = 0;

	constructor(text: string) {
		this.#text = text;
	}

	/** The position of `offset` (clamped to the text). */
	at(offset: number): Position {
		this.seek(offset);
		return { line: this.line, character: this.character };
	}

	/**
	 * Moves to `offset` (clamped to the text) and sets `line` and `character`; the same as
	 * `at` without an object per call, for the half million tokens of a 100k-region board.
	 */
	seek(offset: number): void {
		const target = Math.min(Math.max(offset, 0), this.#text.length);
		const text = this.#text;
		let line = this.line;
		while (this.#scanned < target) {
			const c = text.charCodeAt(this.#scanned++);
			if (c === 10 || (c === 13 && text.charCodeAt(this.#scanned) !== 10)) {
				line++;
				this.#lineStart = this.#scanned;
			}
		}
		this.line = line;
		// Inside a `\r\n` pair the position is the one before the `\r` (as TextDocument does).
		const inPair = target > 0 && text.charCodeAt(target - 1) === 13 && text.charCodeAt(target) === 10;
		this.character = target - this.#lineStart - (inPair ? 1 : 0);
	}
}

/**
 * Positions of offsets that mostly ascend (the starts of a pre-order walk, the ends of a
 * post-order one): the cursor's amortised O(1), and `document`'s binary search for an
 * offset below the last one, so that odd spans of broken input stay exact.
 */
export class AscendingPositions {
	readonly #document: TextDocument;
	readonly #cursor: PositionCursor;
	#last = 0;

	constructor(document: TextDocument) {
		this.#document = document;
		this.#cursor = new PositionCursor(document.getText());
	}

	at(offset: number): Position {
		if (offset < this.#last) {
			return this.#document.positionAt(offset);
		}
		this.#last = offset;
		return this.#cursor.at(offset);
	}
}

/** The range of the span `[offset, offset + length)` of `document`. */
export function toRange(document: TextDocument, offset: number, length: number): Range {
	return { start: document.positionAt(offset), end: document.positionAt(offset + length) };
}

/** The range of a span of `uri` inside an analysis; an empty range at 0:0 if unknown. */
export function rangeIn(analysis: Analysis, uri: string, offset: number, length: number): Range {
	const doc = analysis.documents.get(uri);
	if (!doc) {
		return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
	}
	return toRange(lineIndexOf(doc), offset, length);
}

/** An LSP location for a core source location. */
export function toLocation(analysis: Analysis, loc: SourceLocation): Location {
	return { uri: loc.uri, range: rangeIn(analysis, loc.uri, loc.offset, loc.length) };
}

const severities: Readonly<Record<Exclude<SeverityOverride, 'off'>, DiagnosticSeverity>> = {
	error: DiagnosticSeverity.Error,
	warning: DiagnosticSeverity.Warning,
	information: DiagnosticSeverity.Information,
	hint: DiagnosticSeverity.Hint,
};

/** The LSP severity of a core severity, after a possible override; undefined for `off`. */
export function toSeverity(
	severity: Diagnostic['severity'],
	override?: SeverityOverride,
): DiagnosticSeverity | undefined {
	if (override === 'off') {
		return undefined;
	}
	if (override) {
		return severities[override];
	}
	return severity === 'info' ? DiagnosticSeverity.Information : severities[severity];
}

/** A core diagnostic as LSP: code, docs link, related locations, unnecessary tag. */
export function toLspDiagnostic(
	analysis: Analysis,
	diagnostic: Diagnostic,
	override?: SeverityOverride,
): LspDiagnostic | undefined {
	const severity = toSeverity(diagnostic.severity, override);
	if (severity === undefined) {
		return undefined;
	}
	const result: LspDiagnostic = {
		range: rangeIn(analysis, diagnostic.uri, diagnostic.offset, diagnostic.length),
		severity,
		code: diagnostic.code,
		codeDescription: { href: diagnosticDocsUrl(diagnostic.code) },
		source: 'memmap',
		message: diagnostic.message,
	};
	if (diagnostic.related && diagnostic.related.length > 0) {
		result.relatedInformation = diagnostic.related.map((r) => ({
			location: toLocation(analysis, r),
			message: r.message,
		}));
	}
	if (diagnostic.unnecessary) {
		result.tags = [DiagnosticTag.Unnecessary];
	}
	return result;
}

/** A location DTO (same shape as LSP's) for a core location. */
export function toLocationDto(analysis: Analysis, loc: SourceLocation): LocationDto {
	return toLocation(analysis, loc);
}

/** One flat range as a DTO, with its owner, aliases and source location. */
export function toFlatRangeDto(analysis: Analysis, range: FlatRange): FlatRangeDto {
	const regions = analysis.tree.regions;
	const owner: Region | undefined = regions[range.region];
	// One pass over the render path: this runs for every range of a flat view.
	const onPath: Region[] = [];
	for (const id of range.path) {
		const region = regions[id];
		if (region !== undefined && region.kind === 'alias' && region.alias !== undefined) {
			onPath.push(region);
		}
	}
	const half = maxAliasSteps / 2;
	const elided = onPath.length > maxAliasSteps ? onPath.length - maxAliasSteps : 0;
	const shown = elided > 0 ? [...onPath.slice(0, half), ...onPath.slice(-half)] : onPath;
	const aliases = shown.map((r) => {
		const target = r.alias?.target === undefined ? undefined : regions[r.alias.target];
		return {
			alias: r.name,
			aliasPath: r.path,
			target: target?.path ?? '',
			offset: toHex(r.alias?.offset ?? 0n),
			location: toLocationDto(analysis, r.nameLocation),
		};
	});
	return {
		start: toHex(range.start),
		end: toHex(range.start + range.size),
		size: toHex(range.size),
		kind: rangeKind(owner),
		region: owner?.name ?? '',
		path: owner?.path ?? '',
		priority: owner?.priority ?? 0,
		offsetInRegion: toHex(range.offsetInRegion),
		readonly: range.readonly,
		nonvolatile: range.nonvolatile,
		aliases,
		...(elided > 0 ? { aliasesElided: elided } : {}),
		...(owner ? { location: toLocationDto(analysis, owner.nameLocation) } : {}),
	};
}

function rangeKind(owner: Region | undefined): FlatRangeDto['kind'] {
	switch (owner?.kind) {
		case 'rom':
			return 'rom';
		case 'romd':
			return 'romd';
		case 'io':
			return 'io';
		case undefined:
			return 'hole';
		default:
			return 'ram';
	}
}

/** A hole DTO covering `[start, end)`. */
export function holeDto(start: bigint, end: bigint): FlatRangeDto {
	return {
		start: toHex(start),
		end: toHex(end),
		size: toHex(end - start),
		kind: 'hole',
		region: '',
		path: '',
		priority: 0,
		offsetInRegion: '0x0',
		readonly: false,
		nonvolatile: false,
		aliases: [],
	};
}

/** A space's flat view as a DTO whose ranges tile `[0, 2^64)`, holes included. */
export function toSpaceViewDto(analysis: Analysis, view: SpaceView): SpaceViewDto {
	const regions = analysis.tree.regions;
	const ranges: FlatRangeDto[] = [];
	let cursor = 0n;
	const shown = view.view.truncated ? view.view.ranges.slice(0, maxTruncatedRanges) : view.view.ranges;
	for (const range of shown) {
		if (range.start > cursor) {
			ranges.push(holeDto(cursor, range.start));
		}
		ranges.push(toFlatRangeDto(analysis, range));
		cursor = range.start + range.size;
	}
	if (cursor < twoTo64) {
		ranges.push(holeDto(cursor, twoTo64));
	}
	const flatRoot = view.view.root;
	return {
		name: view.space.name,
		root: regions[view.space.root]?.path ?? '',
		flatRoot: flatRoot === undefined ? null : (regions[flatRoot]?.path ?? null),
		...(view.view.truncated ? { truncated: true } : {}),
		ranges: withQemu(analysis, view, ranges),
	};
}

/**
 * The ranges with `qemu` set on those that QEMU's capture beside the board renders
 * differently somewhere (one sweep over the differences the analysis found: both lists
 * are sorted), or the ranges as they are.
 */
function withQemu(analysis: Analysis, view: SpaceView, ranges: FlatRangeDto[]): FlatRangeDto[] {
	const capture = analysis.capture;
	const differences = capture?.differences.get(view);
	if (capture === undefined || differences === undefined || differences.length === 0) {
		return ranges;
	}
	let next = 0;
	return ranges.map((dto) => {
		// Read back from the DTO: only boards with a differing capture pay for it.
		const start = BigInt(dto.start);
		const end = BigInt(dto.end);
		while (next < differences.length && (differences[next]?.end ?? 0n) <= start) {
			next++;
		}
		const difference = differences[next];
		if (difference === undefined || difference.start >= end) {
			return dto;
		}
		const at = difference.start > start ? difference.start : start;
		const qemu = qemuOwnerLine(capture, view, at);
		return qemu === undefined ? dto : { ...dto, qemu };
	});
}
