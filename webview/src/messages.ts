/**
 * Narrowing of messages from the extension. The extension is trusted, but a webview can
 * receive messages from elsewhere, so shapes are checked before use.
 */
import type { FlatViewResult, OwnerAnswerDto, ToWebview } from '../../core/src/protocol';

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null;
}

function isFlatView(value: unknown): value is FlatViewResult {
	return (
		isRecord(value) &&
		typeof value.uri === 'string' &&
		Array.isArray(value.spaces) &&
		value.spaces.every((s: unknown) => isRecord(s) && typeof s.name === 'string' && Array.isArray(s.ranges))
	);
}

function isOwnerAnswer(value: unknown): value is OwnerAnswerDto {
	return (
		isRecord(value) &&
		typeof value.space === 'string' &&
		typeof value.address === 'string' &&
		Array.isArray(value.explanation) &&
		value.explanation.every((line: unknown) => typeof line === 'string')
	);
}

/** The message as a `ToWebview`, or undefined when it is not one. */
export function readToWebview(data: unknown): ToWebview | undefined {
	if (!isRecord(data)) {
		return undefined;
	}
	switch (data.type) {
		case 'update':
			return isFlatView(data.view) && typeof data.title === 'string'
				? { type: 'update', view: data.view, title: data.title }
				: undefined;
		case 'highlight':
			return typeof data.path === 'string' || data.path === null
				? { type: 'highlight', path: data.path }
				: undefined;
		case 'empty':
			return typeof data.reason === 'string' ? { type: 'empty', reason: data.reason } : undefined;
		case 'owner':
			return isOwnerAnswer(data.answer) ? { type: 'owner', answer: data.answer } : undefined;
		default:
			return undefined;
	}
}
