/** Small hand-written flat-range DTOs for the webview unit tests. */
import type { FlatRangeDto, SpaceViewDto } from '../../../core/src/protocol';

/** A range DTO from bigint bounds; holes get no owner. */
export function range(start: bigint, end: bigint, kind: FlatRangeDto['kind'], path = '', extra: Partial<FlatRangeDto> = {}): FlatRangeDto {
	const name = path.slice(path.lastIndexOf('/') + 1);
	return {
		start: '0x' + start.toString(16),
		end: '0x' + end.toString(16),
		size: '0x' + (end - start).toString(16),
		kind,
		region: kind === 'hole' ? '' : name,
		path: kind === 'hole' ? '' : path,
		priority: 0,
		offsetInRegion: '0x0',
		readonly: false,
		nonvolatile: false,
		aliases: [],
		...extra,
	};
}

const g = 1n << 30n;

/** A small PC-like map: 2 GiB of RAM, a 4 KiB MMIO window, a BIOS ROM and holes to 2^64. */
export function pcLikeSpace(): SpaceViewDto {
	return {
		name: 'memory',
		root: 'system',
		flatRoot: 'system',
		ranges: [
			range(0n, 2n * g, 'ram', 'system/ram-below-4g', {
				region: 'pc.ram',
				path: 'pc.ram',
				aliases: [{ alias: 'ram-below-4g', aliasPath: 'system/ram-below-4g', target: 'pc.ram', offset: '0x0' }],
			}),
			range(2n * g, 0xfec00000n, 'hole'),
			range(0xfec00000n, 0xfec01000n, 'io', 'system/ioapic'),
			range(0xfec01000n, 0xfffc0000n, 'hole'),
			range(0xfffc0000n, 1n << 32n, 'rom', 'system/pci/pc.bios', { readonly: true }),
			range(1n << 32n, 1n << 64n, 'hole'),
		],
	};
}
