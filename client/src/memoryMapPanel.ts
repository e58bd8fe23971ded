/**
 * The flat-view panel: a webview beside the editor that shows the `memmap/flatView` of the
 * active `.memmap` document, follows the active editor, refreshes on
 * `memmap/flatViewChanged`, highlights the region under the cursor and acts on validated
 * webview messages (reveal, copy as `info mtree -f`, export SVG).
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { FlatViewResult, ToWebview } from '../../core/src/protocol';
import { regionPathAt } from './cursorPath';
import { createNonce, panelHtml } from './panelHtml';
import { flatViewRequest, ownerRequest } from './requests';
import { revealLocation } from './reveal';
import { locationUris, readFromWebview } from './webviewMessages';

export const flatViewType = 'memmap.flatView';

/** What `memmap.showFlatView` resolves to, and what each update reports (a test hook). */
export interface FlatViewSummary {
	readonly uri: string;
	readonly version: number | null;
	readonly spaces: readonly string[];
	/** The number of flat ranges (holes included) of each space. */
	readonly ranges: readonly number[];
}

function summarize(uri: string, view: FlatViewResult | undefined): FlatViewSummary {
	return {
		uri,
		version: view?.version ?? null,
		spaces: view?.spaces.map((s) => s.name) ?? [],
		ranges: view?.spaces.map((s) => s.ranges.length) ?? [],
	};
}

const updated = new vscode.EventEmitter<FlatViewSummary>();

/** Fires after the panel has posted a new flat view to the webview. */
export const onDidUpdateFlatView = updated.event;

export class MemoryMapPanel {
	static #current: MemoryMapPanel | undefined;
	readonly #panel: vscode.WebviewPanel;
	readonly #client: LanguageClient;
	readonly #disposables: vscode.Disposable[] = [];
	#uri: string | undefined;
	#title = '';
	#view: FlatViewResult | undefined;
	#knownUris: ReadonlySet<string> = new Set();
	#highlight: string | null = null;
	#inFlight: Promise<void> | undefined;
	#again = false;
	#serverNotifies = false;
	#typingTimer: ReturnType<typeof setTimeout> | undefined;

	static get current(): MemoryMapPanel | undefined {
		return MemoryMapPanel.#current;
	}

	/** Shows the panel for `uri` (creating it beside the editor if needed). */
	static async show(context: vscode.ExtensionContext, client: LanguageClient, uri: string): Promise<FlatViewSummary> {
		let current = MemoryMapPanel.#current;
		if (current) {
			current.#panel.reveal(vscode.ViewColumn.Beside, true);
		} else {
			const panel = vscode.window.createWebviewPanel(
				flatViewType,
				'Memory Map',
				{ viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
				MemoryMapPanel.options(context),
			);
			current = new MemoryMapPanel(panel, context, client);
		}
		return current.setDocument(uri);
	}

	/** Re-attaches a panel restored by VS Code after a reload (`WebviewPanelSerializer`). */
	static revive(panel: vscode.WebviewPanel, context: vscode.ExtensionContext, client: LanguageClient, state: unknown): void {
		panel.webview.options = MemoryMapPanel.options(context);
		const current = new MemoryMapPanel(panel, context, client);
		const uri = typeof state === 'object' && state !== null ? (state as { uri?: unknown }).uri : undefined;
		if (typeof uri === 'string') {
			void current.setDocument(uri);
		}
	}

	/** Scripts on, and nothing but the bundle in dist/ loadable. */
	static options(context: vscode.ExtensionContext): vscode.WebviewPanelOptions & vscode.WebviewOptions {
		return { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(context.extensionUri, 'dist')] };
	}

	private constructor(panel: vscode.WebviewPanel, context: vscode.ExtensionContext, client: LanguageClient) {
		MemoryMapPanel.#current = this;
		this.#panel = panel;
		this.#client = client;
		panel.iconPath = {
			light: vscode.Uri.joinPath(context.extensionUri, 'media', 'flat-view-light.svg'),
			dark: vscode.Uri.joinPath(context.extensionUri, 'media', 'flat-view-dark.svg'),
		};
		panel.webview.html = panelHtml(panel.webview, context.extensionUri, createNonce());
		this.#disposables.push(
			panel.onDidDispose(() => this.#dispose()),
			panel.webview.onDidReceiveMessage((data: unknown) => this.#onMessage(data)),
			vscode.window.onDidChangeActiveTextEditor((editor) => this.#onActiveEditor(editor)),
			vscode.window.onDidChangeTextEditorSelection((event) => this.#onSelection(event.textEditor)),
			vscode.workspace.onDidChangeTextDocument((event) => this.#onTyping(event.document)),
		);
	}

	/** The server says the flat view of `uri` changed: fetch it again if it is ours. */
	onFlatViewChanged(uri: string): void {
		this.#serverNotifies = true;
		if (uri === this.#uri) {
			void this.refresh();
		}
	}

	async setDocument(uri: string): Promise<FlatViewSummary> {
		if (uri !== this.#uri) {
			this.#uri = uri;
			this.#highlight = null;
			this.#title = path.posix.basename(vscode.Uri.parse(uri).path);
			this.#panel.title = `Memory Map: ${this.#title}`;
		}
		await this.refresh();
		return summarize(uri, this.#view);
	}

	/** Requests the flat view; concurrent calls coalesce into one more request. */
	async refresh(): Promise<void> {
		if (this.#inFlight) {
			this.#again = true;
			return this.#inFlight;
		}
		this.#inFlight = this.#fetch();
		try {
			await this.#inFlight;
		} finally {
			this.#inFlight = undefined;
		}
		if (this.#again) {
			this.#again = false;
			await this.refresh();
		}
	}

	async #fetch(): Promise<void> {
		const uri = this.#uri;
		if (!uri) {
			return;
		}
		try {
			const view = await this.#client.sendRequest(flatViewRequest, { uri });
			if (uri !== this.#uri) {
				return;
			}
			this.#view = view;
			this.#knownUris = locationUris(view);
			await this.#post({ type: 'update', view, title: this.#title });
			updated.fire(summarize(uri, view));
		} catch (error) {
			void this.#post({ type: 'empty', reason: `The language server could not flatten this document: ${String(error)}` });
		}
	}

	#post(message: ToWebview): Thenable<boolean> {
		return this.#panel.webview.postMessage(message);
	}

	#onMessage(data: unknown): void {
		const message = readFromWebview(data, this.#knownUris);
		if (!message) {
			return;
		}
		switch (message.type) {
			case 'ready':
				void this.refresh();
				break;
			case 'reveal':
				void revealLocation(message.location);
				break;
			case 'copyQemu':
				void vscode.env.clipboard.writeText(message.text).then(() => {
					void vscode.window.showInformationMessage('Copied the flat views as QEMU "info mtree -f" text.');
				});
				break;
			case 'exportSvg':
				void this.#saveSvg(message.svg);
				break;
			case 'owner':
				void this.#explain(message.space, message.address);
				break;
		}
	}

	/** Answers the webview's hover with the server's explanation of one address. */
	async #explain(space: string, address: string): Promise<void> {
		const uri = this.#uri;
		if (!uri || !this.#view?.spaces.some((s) => s.name === space)) {
			return;
		}
		try {
			const result = await this.#client.sendRequest(ownerRequest, { uri, address, space });
			const answer = result.answers[0];
			if (answer && uri === this.#uri) {
				await this.#post({ type: 'owner', answer });
			}
		} catch {
			// A hover without the server's explanation still shows the range's own details.
		}
	}

	async #saveSvg(svg: string): Promise<void> {
		const base = this.#uri ? vscode.Uri.parse(this.#uri) : undefined;
		const defaultUri = base?.scheme === 'file' ? base.with({ path: base.path.replace(/\.memmap$/, '') + '.svg' }) : undefined;
		const target = await vscode.window.showSaveDialog({ defaultUri, filters: { SVG: ['svg'] }, title: 'Export flat map as SVG' });
		if (target) {
			await vscode.workspace.fs.writeFile(target, Buffer.from(svg, 'utf8'));
			void vscode.window.showInformationMessage(`Saved ${target.fsPath}`);
		}
	}

	#onActiveEditor(editor: vscode.TextEditor | undefined): void {
		if (editor?.document.languageId === 'memmap') {
			void this.setDocument(editor.document.uri.toString());
		}
	}

	#onSelection(editor: vscode.TextEditor): void {
		const uri = editor.document.uri.toString();
		if (uri !== this.#uri || !this.#view) {
			return;
		}
		const active = editor.selection.active;
		const path = regionPathAt(this.#view, uri, { line: active.line, character: active.character });
		if (path !== this.#highlight) {
			this.#highlight = path;
			void this.#post({ type: 'highlight', path });
		}
	}

	/** A fallback for servers that do not send `memmap/flatViewChanged`: refresh after typing. */
	#onTyping(document: vscode.TextDocument): void {
		if (this.#serverNotifies || document.uri.toString() !== this.#uri) {
			return;
		}
		clearTimeout(this.#typingTimer);
		this.#typingTimer = setTimeout(() => void this.refresh(), 400);
	}

	#dispose(): void {
		if (MemoryMapPanel.#current === this) {
			MemoryMapPanel.#current = undefined;
		}
		clearTimeout(this.#typingTimer);
		for (const disposable of this.#disposables.splice(0)) {
			disposable.dispose();
		}
	}
}
