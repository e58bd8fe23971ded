/**
 * The access-constraint catalogue (spec §11 W9-W18, R6): contradictory or surprising
 * `valid`/`impl` sizes, narrow writes widened by the device, sizes that are not a
 * multiple of the minimum access, readonly where it is not enforced, and coalesced
 * ranges outside the region. 0 means unset, as in QEMU's `MemoryRegionOps`.
 */
import type { Diagnostic } from '../../diagnostics';
import { toHex } from '../address';
import type { AccessSizes, Region, RegionTree } from '../types';
import { partOrName, report, span } from './report';

/** Every access diagnostic of the tree (io and romd regions; readonly also on aliases). */
export function checkAccess(tree: RegionTree): Diagnostic[] {
	const out: Diagnostic[] = [];
	for (const region of tree.regions) {
		if (region.readonly) {
			checkReadonly(region, finalTargetReadonly(tree, region), out);
		}
		if (region.kind === 'io' || region.kind === 'romd') {
			checkSizes(region, out);
			checkCoalesce(region, out);
		}
	}
	return out;
}

const range = (sizes: AccessSizes): string => `${sizes.min}..${sizes.max}`;

/** W9-W17 on one region's `valid` and `impl` settings. */
function checkSizes(region: Region, out: Diagnostic[]): void {
	const valid = region.access?.valid;
	const impl = region.access?.impl;
	// Locations are found in the syntax tree: only when there is something to report.
	const warn = (code: Diagnostic['code'], message: string, part: 'valid' | 'impl' = 'impl'): void => {
		out.push(report(code, 'warning', `'${region.name}': ${message}`, partOrName(region, part)));
	};
	if (valid !== undefined && valid.max !== 0 && valid.min > valid.max) {
		warn('access.min-above-max', `valid ${range(valid)} has min above max, so no access is ever valid (W9).`, 'valid');
	}
	if (valid !== undefined && valid.max === 0 && valid.min !== 0) {
		warn('access.valid-min-ignored', `valid min ${valid.min} is ignored because valid max is 0 (unset): every size is accepted (W10).`, 'valid');
	}
	if (impl !== undefined && impl.min !== 0 && impl.max !== 0 && impl.min > impl.max) {
		warn('access.min-above-max', `impl ${range(impl)} has min above max, so impl max is ignored and every call uses ${impl.min} bytes (W11).`);
	}
	const validMax = valid?.max ?? 0;
	if (impl !== undefined && validMax !== 0 && impl.min > validMax) {
		warn('access.impl-min-above-valid-max', `impl min ${impl.min} is above valid max ${validMax}: every guest access is widened (W13).`);
	} else if (impl !== undefined && validMax !== 0 && impl.max !== 0 && impl.max > validMax) {
		warn('access.impl-wider-than-valid', `impl max ${impl.max} is above valid max ${validMax}: the device never sees accesses that wide (W14).`);
	}
	if (impl?.unaligned === true && valid?.unaligned !== true) {
		warn('access.impl-unaligned', `impl allows unaligned accesses but valid does not, so they are rejected first (W17; QEMU 8+ asserts).`);
	}
	checkWidening(region, valid, impl, warn);
	checkMultiple(region, valid, impl, out);
}

/** The smallest access size the guest may use: 1 unless valid max and min are set. */
function smallestValid(valid: AccessSizes | undefined): number {
	return valid === undefined || valid.max === 0 || valid.min === 0 ? 1 : valid.min;
}

/** W15: a write narrower than impl.min is widened with zero fill, clobbering neighbours. */
function checkWidening(
	region: Region,
	valid: AccessSizes | undefined,
	impl: AccessSizes | undefined,
	warn: (code: Diagnostic['code'], message: string) => void,
): void {
	const narrowest = smallestValid(valid);
	if (impl !== undefined && impl.min > 1 && narrowest < impl.min && !region.readonly) {
		warn(
			'access.narrow-write-widened',
			`impl min ${impl.min} is above the narrowest valid access (${narrowest}): narrower writes reach the device as ${impl.min}-byte writes with the other bytes zero (W15).`,
		);
	}
}

/** A region size that is not a multiple of its minimum access leaves a tail no access fits. */
function checkMultiple(region: Region, valid: AccessSizes | undefined, impl: AccessSizes | undefined, out: Diagnostic[]): void {
	const minimum = Math.max(valid !== undefined && valid.max !== 0 ? valid.min : 0, impl?.min ?? 0);
	if (minimum <= 1 || region.size === 0n || region.size % BigInt(minimum) === 0n) {
		return;
	}
	const message = `'${region.name}': size ${toHex(region.size)} is not a multiple of its minimum access size ${minimum}: the last ${region.size % BigInt(minimum)} bytes cannot be accessed whole.`;
	out.push(report('access.size-not-multiple', 'warning', message, partOrName(region, 'size')));
}

/**
 * For an alias: whether the region at the end of its alias chain is read-only already
 * (a ROM), in which case a readonly alias of it protects nothing new.
 */
function finalTargetReadonly(tree: RegionTree, region: Region): boolean {
	let current: Region | undefined = region;
	for (let steps = 0; current?.kind === 'alias' && steps < 64; steps++) {
		current = current.alias?.target === undefined ? undefined : tree.regions[current.alias.target];
	}
	return current !== undefined && current.kind !== 'alias' && (current.readonly || current.kind === 'rom');
}

/**
 * W18: readonly on MMIO does not stop writes; on an alias of writable memory only CPU
 * stores honour it (an alias of a ROM, like QEMU's isa-bios, is fine).
 */
function checkReadonly(region: Region, targetReadonly: boolean, out: Diagnostic[]): void {
	if (!region.readonly) {
		return;
	}
	const at = partOrName(region, 'readonly');
	if (region.kind === 'io' || region.kind === 'romd') {
		const message = `'${region.name}' is ${region.kind} and marked readonly: writes still reach the device's ops; the flag only makes the flat view print 'rom' (W18).`;
		out.push(report('readonly.not-enforced', 'warning', message, at));
	} else if (region.kind === 'alias' && !targetReadonly) {
		const message = `readonly on alias '${region.name}' is honoured by CPU stores (TCG, KVM) but not by DMA or buffer writes, which still reach the target (W18).`;
		out.push(report('readonly.not-enforced', 'info', message, at));
	}
}

/** A coalesced range must lie inside the region `[0, size)`. */
function checkCoalesce(region: Region, out: Diagnostic[]): void {
	const coalesce = region.access?.coalesce;
	if (coalesce === undefined || coalesce.size === undefined) {
		return;
	}
	const end = coalesce.start + coalesce.size;
	if (end > region.size) {
		const message = `'${region.name}': coalesced range ${span(coalesce.start, end)} is not inside the region ${span(0n, region.size)}.`;
		out.push(report('coalesce.outside-region', 'warning', message, partOrName(region, 'coalesce')));
	}
}
