/**
 * The panel controller: turns `ToWebview` messages into models and layouts, keeps the
 * map and the table in sync (selection, address target, cursor highlight, filter) and
 * posts `FromWebview` messages. DOM building lives in chrome/render/table.
 */
import type { FlatRangeDto, FlatViewResult, FromWebview } from '../../core/src/protocol';
import { formatAddress, parseUserAddress } from './address';
import { buildChrome, type Chrome } from './chrome';
import { detailLines } from './labels';
import { layoutSizes, sizesOf, type MapLayout } from './layout';
import type { ListCallbacks, Marks } from './marks';
import { buildViewModel, findRangeIndex, matchesFilter, matchesPath, sameGeometry, type SpaceModel } from './model';
import { toQemuFlatText } from './mtree';
import { MapView } from './render';
import { buildSvg } from './svgExport';
import { TableView } from './table';
import { themeColours } from './theme';
import { focusTab, markActiveTab, renderTabs, tabAfterKey } from './tabs';
import { HoverDetails } from './tooltip';
import { readState, type UiState } from './state';
import { readToWebview } from './messages';
import { timed } from './perf';

/** What the webview needs of `acquireVsCodeApi()`. */
export interface Host {
	postMessage(message: FromWebview): void;
	getState(): unknown;
	setState(state: UiState): void;
}

export class App {
	readonly #host: Host;
	readonly #chrome: Chrome;
	readonly #map: MapView;
	readonly #table: TableView;
	readonly #hover: HoverDetails;
	#state: UiState;
	#view: FlatViewResult | null = null;
	#spaces: readonly SpaceModel[] = [];
	#active: SpaceModel | undefined;
	#layout: { ranges: SpaceModel['dtos']; layout: MapLayout } | undefined;
	#highlightPath: string | null = null;
	#marks: Marks = { selected: -1, target: -1, highlighted: new Set() };
	#saveFrame = 0;

	constructor(host: HTMLElement, vscode: Host) {
		this.#host = vscode;
		this.#hover = new HoverDetails((message) => vscode.postMessage(message));
		this.#state = readState(vscode.getState());
		this.#chrome = buildChrome(host);
		const callbacks: ListCallbacks = {
			select: (index) => this.#select(index),
			reveal: (index) => this.#reveal(index),
			hover: (index, x, y) => this.#hover.hover(this.#active, index, x, y),
		};
		this.#map = new MapView(callbacks, this.#marks);
		this.#table = new TableView(callbacks, this.#marks);
		this.#chrome.panes.append(this.#map.element, this.#table.element);
		this.#chrome.root.appendChild(this.#hover.tooltip.element);
		this.#chrome.filter.value = this.#state.filter;
		this.#chrome.address.value = this.#state.address;
		this.#wireToolbar();
		this.#showEmpty('Open a .memmap file to see its flat map.');
	}

	/** Handles one message from the extension; anything malformed is ignored. */
	handle(data: unknown): void {
		const message = readToWebview(data);
		if (!message) {
			return;
		}
		if (message.type === 'update') {
			this.#update(message.view, message.title);
		} else if (message.type === 'highlight') {
			this.#highlight(message.path);
		} else if (message.type === 'owner') {
			this.#hover.explained(this.#active, message.answer);
		} else {
			this.#showEmpty(message.reason);
		}
	}



	#wireToolbar(): void {
		const { filter, address, copy, exportSvg, tabs } = this.#chrome;
		filter.addEventListener('input', () => {
			this.#save({ filter: filter.value });
			this.#applyFilter();
		});
		address.addEventListener('keydown', (event) => {
			if (event.key === 'Enter') {
				this.#goToAddress(true);
			}
		});
		address.addEventListener('change', () => this.#goToAddress(true));
		copy.addEventListener('click', () => this.#copyQemu());
		exportSvg.addEventListener('click', () => this.#exportSvg());
		tabs.addEventListener('keydown', (event) => this.#onTabKey(event));
		this.#map.element.addEventListener('scroll', () => this.#saveScroll());
		this.#table.body.addEventListener('scroll', () => this.#saveScroll());
	}

	#update(view: FlatViewResult, title: string): void {
		const sameDocument = this.#state.uri === view.uri;
		if (!sameDocument) {
			this.#save({ uri: view.uri, space: null, selected: null, mapScroll: 0, tableScroll: 0 });
		}
		this.#view = view;
		this.#hover.reset();
		this.#spaces = timed('models', () => buildViewModel(view));
		this.#chrome.title.textContent = title;
		this.#chrome.empty.hidden = true;
		this.#chrome.panes.hidden = false;
		this.#renderTabs();
		const wanted = this.#spaces.find((s) => s.name === this.#state.space) ?? this.#spaces[0];
		timed('show', () => this.#showSpace(wanted, !this.#restored));
		this.#restored = true;
	}

	/** True once the first update has restored the saved scroll positions. */
	#restored = false;

	#renderTabs(): void {
		renderTabs(
			this.#chrome.tabs,
			this.#spaces.map((s) => s.name),
			(name) => this.#switchSpace(name),
		);
	}

	#switchSpace(name: string): void {
		this.#save({ space: name, selected: null, mapScroll: 0, tableScroll: 0 });
		this.#showSpace(this.#spaces.find((s) => s.name === name), true);
	}

	#showSpace(space: SpaceModel | undefined, restoreScroll: boolean): void {
		this.#active = space;
		markActiveTab(this.#chrome.tabs, space?.name);
		if (!space) {
			this.#showEmpty('This document declares no address space.');
			return;
		}
		// Typing rarely changes sizes: reuse the geometry when every size and hole is the same.
		if (!this.#layout || !sameGeometry(this.#layout.ranges, space.dtos)) {
			this.#layout = { ranges: space.dtos, layout: timed('layout', () => layoutSizes(sizesOf(space.dtos))) };
		}
		this.#layout = { ranges: space.dtos, layout: this.#layout.layout };
		const layout = this.#layout.layout;
		timed('map', () => this.#map.setData(space, layout, `Flat map of ${space.name}`));
		this.#chrome.panes.classList.toggle('is-unrendered', space.flatRoot === null);
		timed('table', () => this.#applyFilter());
		timed('marks', () => this.#refreshMarks());
		if (restoreScroll) {
			this.#map.element.scrollTop = this.#state.mapScroll;
			this.#table.body.scrollTop = this.#state.tableScroll;
			this.#map.render();
			this.#table.render();
		}
		if (space.flatRoot === null) {
			this.#status(`${space.name}: no rendered FlatView (its root renders nothing).`);
		} else if (space.truncated) {
			this.#status(`${space.name}: incomplete. Rendering stopped at its work limit (space.truncated); the first ranges are shown, and the holes may hide unrendered addresses.`);
		}
	}

	#applyFilter(): void {
		const ranges = this.#active?.dtos ?? [];
		const filter = this.#chrome.filter.value.trim();
		const rows: number[] = [];
		for (let i = 0; i < ranges.length; i++) {
			if (matchesFilter(ranges[i] as FlatRangeDto, filter)) {
				rows.push(i);
			}
		}
		this.#table.setData(this.#active, rows, `Flat ranges of ${this.#active?.name ?? ''}`);
	}

	/** Recomputes selection, address target and cursor highlight for the active space. */
	#refreshMarks(): void {
		const ranges = this.#active?.dtos ?? [];
		const selected = ranges.findIndex((r) => r.start === this.#state.selected);
		const address = parseUserAddress(this.#chrome.address.value);
		const target = address === undefined ? -1 : findRangeIndex(ranges, address);
		const highlighted = new Set<number>();
		if (this.#highlightPath !== null) {
			ranges.forEach((range, index) => {
				if (matchesPath(range, this.#highlightPath ?? '')) {
					highlighted.add(index);
				}
			});
		}
		this.#setMarks({ selected, target, highlighted });
	}

	#setMarks(marks: Marks): void {
		this.#marks = marks;
		this.#map.setMarks(marks);
		this.#table.setMarks(marks);
	}

	#select(index: number): void {
		const range = this.#active?.dtos[index];
		this.#save({ selected: range?.start ?? null });
		this.#setMarks({ ...this.#marks, selected: range ? index : -1 });
		// The status line is a live region: keyboard and screen-reader users hear the selection.
		const model = this.#active?.at(index);
		if (model) {
			this.#status(detailLines(model).slice(0, 2).join(' — '));
		}
	}

	#reveal(index: number): void {
		const location = this.#active?.dtos[index]?.location;
		if (location) {
			this.#host.postMessage({ type: 'reveal', location });
		} else {
			this.#status('An unassigned range has no definition to reveal.');
		}
	}

	#highlight(path: string | null): void {
		const changed = path !== this.#highlightPath;
		this.#highlightPath = path;
		this.#refreshMarks();
		const first = [...this.#marks.highlighted][0];
		if (changed && first !== undefined) {
			this.#map.reveal(first);
			this.#table.reveal(first);
		}
	}

	#goToAddress(announce: boolean): void {
		const text = this.#chrome.address.value.trim();
		this.#save({ address: text });
		const ranges = this.#active?.dtos ?? [];
		const address = parseUserAddress(text);
		this.#chrome.address.setAttribute('aria-invalid', text !== '' && address === undefined ? 'true' : 'false');
		this.#refreshMarks();
		if (text === '' || !announce) {
			return;
		}
		if (address === undefined) {
			this.#status(`Not an address: ${text} (use 0x…, 0b…, decimal, optionally with K/M/G/T/P/E).`);
			return;
		}
		const index = findRangeIndex(ranges, address);
		const range = this.#active?.at(index);
		if (!range) {
			this.#status(`${formatAddress(address)} is outside every range of ${this.#active?.name ?? 'this space'}.`);
			return;
		}
		this.#select(index);
		this.#map.reveal(index);
		this.#table.reveal(index);
		const owner = range.dto.kind === 'hole' ? 'unassigned (a hole)' : `owned by ${range.dto.path}`;
		this.#status(`${formatAddress(address)} in ${this.#active?.name ?? ''} is ${owner}.`);
	}

	#copyQemu(): void {
		if (this.#view) {
			this.#host.postMessage({ type: 'copyQemu', text: toQemuFlatText(this.#view) });
		}
	}

	#exportSvg(): void {
		const space = this.#active;
		if (space && this.#layout) {
			const title = `${this.#chrome.title.textContent ?? ''} — ${space.name}`;
			const svg = buildSvg(title, space, this.#layout.layout, themeColours());
			this.#host.postMessage({ type: 'exportSvg', svg });
		}
	}

	#onTabKey(event: KeyboardEvent): void {
		const next = tabAfterKey(event.key, this.#spaces.map((s) => s.name), this.#active?.name ?? '');
		if (next !== undefined) {
			event.preventDefault();
			this.#switchSpace(next);
			focusTab(this.#chrome.tabs, next);
		}
	}

	#showEmpty(reason: string): void {
		this.#chrome.empty.textContent = reason;
		this.#chrome.empty.hidden = false;
		this.#chrome.panes.hidden = true;
	}

	#status(text: string): void {
		this.#chrome.status.textContent = text;
	}

	/** Reads the positions in the scroll event (layout is clean then) and saves once per frame. */
	#saveScroll(): void {
		const mapScroll = this.#map.element.scrollTop;
		const tableScroll = this.#table.body.scrollTop;
		cancelAnimationFrame(this.#saveFrame);
		this.#saveFrame = requestAnimationFrame(() => this.#save({ mapScroll, tableScroll }));
	}

	#save(change: Partial<UiState>): void {
		this.#state = { ...this.#state, ...change };
		this.#host.setState(this.#state);
	}
}
