/**
 * The texts shown for a range: block labels, table cells and hover details. Pure; the
 * renderers put these strings into the DOM with textContent only.
 */
import type { FlatRangeDto } from '../../core/src/protocol';
import { formatAddress, formatSize, parseHex } from './address';
import type { RangeModel } from './model';

const kindNames: Readonly<Record<FlatRangeDto['kind'], string>> = {
	ram: 'RAM',
	rom: 'ROM',
	romd: 'ROM device',
	io: 'I/O',
	hole: 'unassigned',
};

/** Human name of a range kind. */
export function kindName(kind: FlatRangeDto['kind']): string {
	return kindNames[kind] ?? kind;
}

/** The first line of a block: the owner, or how an alias reaches it. */
export function blockTitle(range: RangeModel): string {
	const dto = range.dto;
	if (dto.kind === 'hole') {
		return 'unassigned';
	}
	const alias = dto.aliases[0];
	if (alias) {
		return `${alias.alias} → ${aliasTarget(dto)}`;
	}
	return dto.region;
}

/** `pc.bios +0x2_0000`: the owner reached through the aliases, with the offset in it. */
export function aliasTarget(dto: FlatRangeDto): string {
	const offset = parseHex(dto.offsetInRegion) ?? 0n;
	return offset === 0n ? dto.region : `${dto.region} +${formatAddress(offset)}`;
}

/** The second line of a block: size and half-open range. */
export function blockDetail(range: RangeModel): string {
	return `${formatSize(range.size)}  [${formatAddress(range.start)}, ${formatAddress(range.end)})`;
}

/** Attribute words for the table: `ro`, `nv`, `via isa-bios`. */
export function attributes(dto: FlatRangeDto): string {
	const words: string[] = [];
	if (dto.readonly) {
		words.push('readonly');
	}
	if (dto.nonvolatile) {
		words.push('nonvolatile');
	}
	dto.aliases.forEach((alias, index) => {
		if (index === elisionPoint(dto)) {
			words.push(`via ${dto.aliasesElided ?? 0} more aliases`);
		}
		words.push(`via ${alias.alias} (${alias.target} @${alias.offset})`);
	});
	return words.join(', ');
}

/** The inclusive last address, as `info mtree` prints it (empty ranges print their start). */
export function lastAddress(range: RangeModel): bigint {
	return range.end > range.start ? range.end - 1n : range.start;
}

/** Every detail of a range, one line each, for the hover card. */
export function detailLines(range: RangeModel): readonly string[] {
	const dto = range.dto;
	const lines = [
		dto.kind === 'hole' ? 'Unassigned (hole): no region answers here' : `${dto.region} (${kindName(dto.kind)})`,
		`[${formatAddress(range.start)}, ${formatAddress(range.end)})  ${formatSize(range.size)}`,
	];
	if (dto.qemu !== undefined) {
		lines.push(`differs from ${dto.qemu}`);
	}
	if (dto.kind === 'hole') {
		return lines;
	}
	lines.push(`path: ${dto.path}`);
	lines.push(`priority ${dto.priority}, offset in region ${formatAddress(parseHex(dto.offsetInRegion) ?? 0n)}`);
	dto.aliases.forEach((alias, index) => {
		if (index === elisionPoint(dto)) {
			lines.push(`through ${dto.aliasesElided ?? 0} more aliases`);
		}
		lines.push(`through alias ${alias.aliasPath} → ${alias.target} at offset ${alias.offset}`);
	});
	if (dto.readonly || dto.nonvolatile) {
		lines.push([dto.readonly ? 'readonly' : '', dto.nonvolatile ? 'nonvolatile' : ''].filter(Boolean).join(', '));
	}
	if (dto.location) {
		lines.push(`defined at line ${dto.location.range.start.line + 1} (click to reveal)`);
	}
	return lines;
}

/** Where the aliases the server left out belong in `dto.aliases` (-1: none left out). */
function elisionPoint(dto: FlatRangeDto): number {
	return dto.aliasesElided === undefined ? -1 : dto.aliases.length / 2;
}
