/**
 * The memmap language server entry point: creates the connection (stdio, node-ipc or
 * socket, from the command line), declares capabilities and registers each feature.
 * Wiring only; every feature lives in `features/`.
 */
import {
	createConnection,
	ProposedFeatures,
	TextDocuments,
	TextDocumentSyncKind,
	type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { ServerContext } from './context';
import { DocumentCache } from './documentCache';
import { registerCallHierarchy } from './features/callHierarchy';
import { registerCodeActions } from './features/codeActions';
import { registerCodeLens } from './features/codeLens';
import { registerCompletion } from './features/completion';
import { registerConfiguration } from './features/configuration';
import { registerDefinition } from './features/definition';
import { DiagnosticsFeature } from './features/diagnostics';
import { registerDocumentHighlight } from './features/documentHighlight';
import { registerDocumentLinks } from './features/documentLinks';
import { registerDocumentSymbols } from './features/documentSymbols';
import { registerExport } from './features/export';
import { registerFlatView } from './features/flatView';
import { registerFoldingRanges } from './features/foldingRanges';
import { registerFileRename, willRenameFilters } from './features/fileRename';
import { onTypeFormattingTriggers, registerFormatting } from './features/formatting';
import { registerHover } from './features/hover';
import { registerInlayHints } from './features/inlayHints';
import { registerOwner } from './features/owner';
import { registerReferences } from './features/references';
import { registerRename } from './features/rename';
import { registerSelectionRanges } from './features/selectionRanges';
import { registerSemanticTokens, semanticTokensLegend } from './features/semanticTokens';
import { registerTypeHierarchy } from './features/typeHierarchy';
import { registerWatchedFiles } from './features/watchedFiles';
import { registerWorkspaceSymbols } from './features/workspaceSymbols';
import { defaultSettings } from './settings';
import { Workspace } from './workspace';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const workspace = new Workspace(documents);
const ctx: ServerContext = {
	connection,
	documents,
	workspace,
	cache: new DocumentCache(workspace),
	settings: defaultSettings,
	onSettingsChanged: [],
};

const capabilities: InitializeResult['capabilities'] = {
	textDocumentSync: TextDocumentSyncKind.Incremental,
	hoverProvider: true,
	definitionProvider: true,
	referencesProvider: true,
	documentHighlightProvider: true,
	renameProvider: { prepareProvider: true },
	documentSymbolProvider: true,
	workspaceSymbolProvider: true,
	documentLinkProvider: { resolveProvider: false },
	foldingRangeProvider: true,
	selectionRangeProvider: true,
	completionProvider: { triggerCharacters: [' ', '/'] },
	inlayHintProvider: true,
	codeActionProvider: { codeActionKinds: ['quickfix'] },
	codeLensProvider: { resolveProvider: false },
	documentFormattingProvider: true,
	documentRangeFormattingProvider: true,
	documentOnTypeFormattingProvider: onTypeFormattingTriggers,
	typeHierarchyProvider: true,
	callHierarchyProvider: true,
	semanticTokensProvider: { legend: semanticTokensLegend, full: { delta: true }, range: true },
	workspace: { fileOperations: { willRename: willRenameFilters } },
};

/** The workspace folders the client opened with (where `include`rs of a moved file are looked for). */
let workspaceFolders: readonly string[] = [];
/** Whether the client answers `workspace/workspaceFolders` (then its current folders are asked for). */
let clientKnowsFolders = false;

async function currentWorkspaceFolders(): Promise<readonly string[]> {
	if (!clientKnowsFolders) {
		return workspaceFolders;
	}
	try {
		return (await connection.workspace.getWorkspaceFolders())?.map((folder) => folder.uri) ?? [];
	} catch {
		return workspaceFolders;
	}
}

connection.onInitialize((params) => {
	registerConfiguration(ctx, params);
	workspaceFolders = params.workspaceFolders?.map((folder) => folder.uri) ?? (params.rootUri ? [params.rootUri] : []);
	clientKnowsFolders = params.capabilities.workspace?.workspaceFolders === true;
	return { capabilities, serverInfo: { name: 'memmap-language-server', version: '0.1.0' } };
});

const diagnostics = new DiagnosticsFeature(ctx);
registerWatchedFiles(ctx, diagnostics);
registerHover(ctx);
registerDefinition(ctx);
registerReferences(ctx);
registerTypeHierarchy(ctx);
registerCallHierarchy(ctx);
registerDocumentHighlight(ctx);
registerRename(ctx);
registerDocumentSymbols(ctx);
registerWorkspaceSymbols(ctx);
registerDocumentLinks(ctx);
registerFoldingRanges(ctx);
registerSelectionRanges(ctx);
registerCompletion(ctx);
registerInlayHints(ctx);
registerCodeActions(ctx);
registerCodeLens(ctx);
registerFormatting(ctx);
registerFileRename(ctx, currentWorkspaceFolders);
registerSemanticTokens(ctx);
registerFlatView(ctx);
registerOwner(ctx);
registerExport(ctx);

documents.listen(connection);
connection.listen();
