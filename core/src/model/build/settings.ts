/**
 * Block settings (`valid`, `impl`, `endian`, `coalesce`): QEMU's `MemoryRegionOps`
 * constraints and coalesced MMIO, which only `io` and `romd` regions have.
 */
import type { AccessNode, CoalesceNode, NumberNode, SettingNode } from '../../syntax/ast';
import type { AccessSizes, LocatedPart } from '../types';
import { addressSpaceSize } from '../types';
import { settingFits, settingPart } from './locations';
import { at, kindPhrase, q, related, report, type BuildState, type RegionDraft } from './state';
import { addressValue, isAccessSize, sizeValue } from './values';

/** The first applied setting of each kind in one block (the "already seen" set). */
export type AppliedSettings = Partial<Record<LocatedPart, SettingNode>>;

/**
 * Applies one setting of `owner`'s block; a repeated one is `prop.duplicate`. `applied`
 * holds the settings already applied in this block and gains this one.
 */
export function applySetting(state: BuildState, owner: RegionDraft, uri: string, setting: SettingNode, applied: AppliedSettings): void {
	const key = settingPart(setting);
	const first = applied[key];
	if (first !== undefined) {
		report(state, 'prop.duplicate', 'error', at(uri, setting), `${q(key)} is written twice in ${q(owner.name)}; the first one counts.`, {
			related: [related(at(uri, first), `first ${q(key)} of ${q(owner.name)}`)],
		});
		return;
	}
	if (!settingFits(owner.kind)) {
		report(state, 'prop.wrong-kind', 'error', at(uri, setting), `${q(key)} applies to io and romd regions only (they have MemoryRegionOps), and ${q(owner.name)} is ${kindPhrase(owner.kind)}.`);
		return;
	}
	applied[key] = setting;
	const access = (owner.access ??= {});
	if (setting.kind === 'access') {
		const sizes = accessSizes(state, uri, setting);
		if (sizes) {
			access[setting.which] = sizes;
		}
	} else if (setting.kind === 'endian') {
		if (setting.value) {
			access.endian = setting.value;
		}
	} else {
		const coalesce = coalesceRange(state, owner, uri, setting);
		if (coalesce) {
			access.coalesce = coalesce;
		}
	}
}

function accessSizes(state: BuildState, uri: string, node: AccessNode): AccessSizes | undefined {
	const minValid = checkAccessSize(state, uri, node.min);
	const maxValid = checkAccessSize(state, uri, node.max);
	if (!minValid || !maxValid || node.min?.value === undefined || node.max?.value === undefined) {
		return undefined;
	}
	return { min: Number(node.min.value), max: Number(node.max.value), unaligned: node.unaligned !== undefined };
}

function checkAccessSize(state: BuildState, uri: string, bound: NumberNode | undefined): boolean {
	if (bound?.value === undefined) {
		return false;
	}
	if (!isAccessSize(bound.value)) {
		report(state, 'access.invalid-size', 'error', at(uri, bound), `Access size ${bound.text} is not 1, 2, 4 or 8 bytes (0 means unset): QEMU's access splitting would make overlapping or over-wide calls.`);
		return false;
	}
	return true;
}

function coalesceRange(
	state: BuildState,
	owner: RegionDraft,
	uri: string,
	node: CoalesceNode,
): { start: bigint; size: bigint | undefined } | undefined {
	if (node.start === undefined && node.size === undefined) {
		if (owner.size === addressSpaceSize) {
			report(state, 'coalesce.full-size', 'error', at(uri, node), `${q(owner.name)} is 2^64 bytes: coalescing the whole region asserts in QEMU (the size does not fit 64 bits); coalesce a range instead.`);
			return undefined;
		}
		return { start: 0n, size: undefined };
	}
	const start = addressValue(state, uri, node.start, 'Coalesce start');
	const size = sizeValue(state, uri, node.size, 'Coalesce size');
	return start === undefined || size === undefined ? undefined : { start, size };
}
