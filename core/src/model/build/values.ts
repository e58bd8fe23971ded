/**
 * Range checks of numeric literals by meaning: addresses 0..2^64-1, sizes 0..2^64,
 * priorities signed 32-bit. A literal the parser could not read (`value` undefined) was
 * already reported by it and yields undefined silently.
 */
import type { NumberNode, PropNode } from '../../syntax/ast';
import { numberPropValue } from '../../syntax/parseRegion';
import { formatAddress, maxAddress, twoTo64 } from '../address';
import { at, report, type BuildState } from './state';

const int32Min = -(2n ** 31n);
const int32Max = 2n ** 31n - 1n;
// Built once: these checks run for every number of a 100k-region board.
const addressRange = `an address is 0..${formatAddress(maxAddress)}`;

/**
 * A number to check: a NUMBER node, or a number property (`at`, `size`, `offset`,
 * `priority`), whose value is read without building its node; the node is built only to
 * report a value out of range.
 */
export type NumberSource = NumberNode | PropNode | undefined;

function valueOf(source: NumberSource): bigint | undefined {
	return source?.kind === 'prop' ? numberPropValue(source) : source?.value;
}

function nodeOf(source: NumberSource): NumberNode | undefined {
	if (source?.kind !== 'prop') {
		return source;
	}
	const value = source.value;
	return value?.kind === 'number' ? value : undefined;
}

/**
 * The value of `source` when it lies in `[0, max]`; otherwise reports
 * `number.out-of-range` with `range` (a phrase such as "an address is
 * 0..0xffff_ffff_ffff_ffff") and yields undefined.
 */
function boundedValue(
	state: BuildState,
	uri: string,
	source: NumberSource,
	what: string,
	max: bigint,
	range: string,
): bigint | undefined {
	const value = valueOf(source);
	if (value === undefined) {
		return undefined;
	}
	if (value < 0n || value > max) {
		const node = nodeOf(source) as NumberNode;
		report(state, 'number.out-of-range', 'error', at(uri, node), `${what} ${node.text} is out of range: ${range}.`);
		return undefined;
	}
	return value;
}

/** An address or offset (`at`, `offset`, a coalesce start): 0..2^64-1. */
export function addressValue(
	state: BuildState,
	uri: string,
	source: NumberSource,
	what: string,
): bigint | undefined {
	return boundedValue(state, uri, source, what, maxAddress, addressRange);
}

/** A size: 0..2^64 (`16E`). */
export function sizeValue(
	state: BuildState,
	uri: string,
	source: NumberSource,
	what: string,
): bigint | undefined {
	return boundedValue(state, uri, source, what, twoTo64, 'a size is 0..2^64 (16E)');
}

/** A priority: signed 32-bit, as QEMU's `int priority`. */
export function priorityValue(
	state: BuildState,
	uri: string,
	source: NumberSource,
): number | undefined {
	const value = valueOf(source);
	if (value === undefined) {
		return undefined;
	}
	if (value < int32Min || value > int32Max) {
		const node = nodeOf(source) as NumberNode;
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

/** The access sizes QEMU's splitting handles; 0 means "unset" as in `MemoryRegionOps`. */
export function isAccessSize(value: bigint): boolean {
	return value === 0n || value === 1n || value === 2n || value === 4n || value === 8n;
}
