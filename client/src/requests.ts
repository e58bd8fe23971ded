/**
 * The custom LSP messages the client sends and receives, declared once from the core's
 * protocol module (method names and DTOs live there).
 */
import { NotificationType, RequestType } from 'vscode-languageclient/node';
import {
	exportMethod,
	flatViewChangedMethod,
	flatViewMethod,
	ownerMethod,
	type ExportParams,
	type ExportResult,
	type FlatViewParams,
	type FlatViewResult,
	type OwnerParams,
	type OwnerResult,
} from '../../core/src/protocol';

export const flatViewRequest = new RequestType<FlatViewParams, FlatViewResult, void>(flatViewMethod);
export const ownerRequest = new RequestType<OwnerParams, OwnerResult, void>(ownerMethod);
export const flatViewChangedNotification = new NotificationType<{ uri: string }>(flatViewChangedMethod);
export const exportRequest = new RequestType<ExportParams, ExportResult, void>(exportMethod);
