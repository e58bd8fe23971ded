/**
 * `memmap/flatView`: the flattened ranges of every address space of a document, with holes
 * so that each space's ranges tile [0, 2^64), and the `memmap/flatViewChanged` notification
 * the diagnostics pass sends after each re-analysis.
 */
import { NotificationType, RequestType } from 'vscode-languageserver';
import {
	flatViewChangedMethod,
	flatViewMethod,
	type FlatViewParams,
	type FlatViewResult,
} from '../../../core/src/protocol';
import type { Analysis } from '../../../core/src/index';
import { toSpaceViewDto } from '../convert';
import { analysisFor, guard, type ServerContext } from '../context';

export const flatViewRequest = new RequestType<FlatViewParams, FlatViewResult, void>(flatViewMethod);
export const flatViewChangedNotification = new NotificationType<{ uri: string }>(
	flatViewChangedMethod,
);

/** The flat view DTO of every space of an analysis. */
export function flatView(analysis: Analysis, uri: string, version: number | null): FlatViewResult {
	return {
		uri,
		version,
		spaces: analysis.views.map((view) => toSpaceViewDto(analysis, view)),
	};
}

export function registerFlatView(ctx: ServerContext): void {
	ctx.connection.onRequest(
		flatViewRequest,
		guard(ctx, 'flatView', { uri: '', version: null, spaces: [] }, (params: FlatViewParams) => {
			const found = analysisFor(ctx, params.uri);
			if (!found) {
				return { uri: params.uri, version: null, spaces: [] };
			}
			return flatView(found.analysis, params.uri, found.document.version);
		}),
	);
}
