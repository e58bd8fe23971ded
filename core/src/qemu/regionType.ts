/**
 * The type strings and number formats of QEMU 7.2's `info mtree` (R8.2, R8.4): shared by
 * the tree and flat printers.
 */
import type { Region, RegionTree } from '../model/types';

/** 2^64 - 1: QEMU's `hwaddr` arithmetic wraps modulo 2^64. */
const mask64 = (1n << 64n) - 1n;

/** `value` modulo 2^64, as a C `uint64_t` sum would wrap. */
export function wrap64(value: bigint): bigint {
	return value & mask64;
}

/** QEMU's `MR_SIZE`: size - 1, or 0 for a zero-size region (so it prints one byte). */
export function lastOffset(size: bigint): bigint {
	return size === 0n ? 0n : wrap64(size - 1n);
}

/** QEMU's `TARGET_FMT_plx`: 16 lower-case hex digits, zero-padded, no prefix. */
export function hex16(value: bigint): string {
	return wrap64(value).toString(16).padStart(16, '0');
}

/**
 * QEMU 7.2's `memory_region_type` for a region: an alias shows its final target's type;
 * then `ramd`, `romd` (ROM device in ROMD mode), `rom` (readonly RAM), `ram`, else `i/o`
 * (pure containers included). An unresolved or cyclic alias prints `i/o`.
 */
export function regionType(tree: RegionTree, region: Region): string {
	let current: Region | undefined = region;
	for (let hops = 0; current && hops <= tree.regions.length; hops++) {
		if (current.kind !== 'alias') {
			return ownType(current);
		}
		const target: number | undefined = current.alias?.target;
		current = target === undefined ? undefined : tree.regions[target];
	}
	return 'i/o';
}

function ownType(region: Region): string {
	switch (region.kind) {
		case 'ramd':
			return 'ramd';
		case 'romd':
			return region.romdMode ? 'romd' : 'i/o';
		case 'rom':
			return 'rom';
		case 'ram':
			return region.readonly ? 'rom' : 'ram';
		default:
			return 'i/o';
	}
}
