/**
 * `memmap/owner`: which region answers an address in each space (or one), with the
 * core's explanation (chain of containers and aliases, what it hides, constraints).
 */
import { RequestType } from 'vscode-languageserver';
import { explainOwner, parseNumber, spaceExtent, toHex, twoTo64 } from '../../../core/src/index';
import type { Analysis, HoleSpan } from '../../../core/src/index';
import {
	ownerMethod,
	type OwnerAnswerDto,
	type OwnerHoleDto,
	type OwnerParams,
	type OwnerResult,
} from '../../../core/src/protocol';
import { toFlatRangeDto } from '../convert';
import { analysisFor, guard, type ServerContext } from '../context';

export const ownerRequest = new RequestType<OwnerParams, OwnerResult, void>(ownerMethod);

/** Answers an owner query over an analysis; errors are reported in `error`, never thrown. */
export function owner(analysis: Analysis, address: string, space?: string): OwnerResult {
	const value = parseNumber(address.trim());
	if (value === undefined || value >= twoTo64) {
		return { answers: [], error: `'${address}' is not an address (0 .. 2^64-1)` };
	}
	const views = analysis.views.filter((v) => space === undefined || v.space.name === space);
	if (views.length === 0) {
		return {
			answers: [],
			error: space === undefined ? 'the document has no address space' : `no space '${space}'`,
		};
	}
	const answers: OwnerAnswerDto[] = views.map((view) => {
		const explanation = explainOwner(analysis.tree, view.view, value, undefined, spaceExtent(analysis.tree, view));
		return {
			space: view.space.name,
			address: toHex(value),
			range: explanation.range ? toFlatRangeDto(analysis, explanation.range) : null,
			hole: explanation.hole ? holeDto(analysis, explanation.hole) : null,
			explanation: explanation.lines,
		};
	});
	return { answers };
}

function holeDto(analysis: Analysis, hole: HoleSpan): OwnerHoleDto {
	return {
		start: toHex(hole.start),
		end: toHex(hole.end),
		before: hole.before ? toFlatRangeDto(analysis, hole.before) : null,
		after: hole.after ? toFlatRangeDto(analysis, hole.after) : null,
	};
}

export function registerOwner(ctx: ServerContext): void {
	ctx.connection.onRequest(
		ownerRequest,
		guard(ctx, 'owner', { answers: [], error: 'internal error' }, (params: OwnerParams) => {
			const found = analysisFor(ctx, params.uri);
			if (!found) {
				return { answers: [], error: `'${params.uri}' is not open` };
			}
			return owner(found.analysis, params.address, params.space);
		}),
	);
}
