/**
 * Range checks of numeric literals by meaning: addresses 0..2^64-1, sizes 0..2^64,
 * priorities signed 32-bit. A literal the parser could not read (`value` undefined) was
 * already reported by it and yields undefined silently.
 */
import type { NumberNode, PropNode } from '../../syntax/ast';
import { numberPropValue } from '../../syntax/parseRegion';
import { formatAddress, maxAddress, twoTo64 } from '../address';
import { at, report, type BuildState } from './state';

export const int32Min = -(2n ** 31n);
export const int32Max = 2n ** 31n - 1n;
// Built once: these checks run for every number of a 100k-region board.
const addressRange = `an address is 0..${formatAddress(maxAddress)}`;

/**
 * The value of `node` when it lies in `[0, max]`; otherwise reports `number.out-of-range`
 * with `range` (a phrase such as "an address is 0..0xffff_ffff_ffff_ffff") and yields
 * undefined.
 */
function boundedValue(
	state: BuildState,
	uri: string,
	node: NumberNode | undefined,
	what: string,
	max: bigint,
	range: string,
): bigint | undefined {
	const value = node?.value;
	if (node === undefined || value === undefined) {
		return undefined;
	}
	if (value < 0n || value > max) {
		report(state, 'number.out-of-range', 'error', at(uri, node), `${what} ${node.text} is out of range: ${range}.`);
		return undefined;
	}
	return value;
}

/** An address or offset (`at`, `offset`, a coalesce start): 0..2^64-1. */
export function addressValue(
	state: BuildState,
	uri: string,
	node: NumberNode | undefined,
	what: string,
): bigint | undefined {
	return boundedValue(state, uri, node, what, maxAddress, addressRange);
}

/** A size: 0..2^64 (`16E`). */
export function sizeValue(
	state: BuildState,
	uri: string,
	node: NumberNode | undefined,
	what: string,
): bigint | undefined {
	return boundedValue(state, uri, node, what, twoTo64, 'a size is 0..2^64 (16E)');
}

/** A priority: signed 32-bit, as QEMU's `int priority`. */
export function priorityValue(
	state: BuildState,
	uri: string,
	node: NumberNode | undefined,
): number | undefined {
	const value = node?.value;
	if (node === undefined || value === undefined) {
		return undefined;
	}
	if (value < int32Min || value > int32Max) {
		report(
			state,
			'priority.out-of-range',
			'error',
			at(uri, node),
			`Priority ${node.text} does not fit a signed 32-bit integer (-2147483648..2147483647); QEMU would truncate it.`,
		);
		return undefined;
	}
	return Number(value);
}

/**
 * The value of a number property when it lies in `[min, max]`, else undefined: the common
 * case, answered without building the property's NUMBER node. The checked functions above
 * then report what is wrong, if anything.
 */
export function numberWithin(prop: PropNode, min: bigint, max: bigint): bigint | undefined {
	const value = numberPropValue(prop);
	return value !== undefined && value >= min && value <= max ? value : undefined;
}

/** The NUMBER node of a number property (built on each read: for reports only). */
export function numberNodeOf(prop: PropNode): NumberNode | undefined {
	const value = prop.value;
	return value?.kind === 'number' ? value : undefined;
}

/** The access sizes QEMU's splitting handles; 0 means "unset" as in `MemoryRegionOps`. */
export function isAccessSize(value: bigint): boolean {
	return value === 0n || value === 1n || value === 2n || value === 4n || value === 8n;
}
