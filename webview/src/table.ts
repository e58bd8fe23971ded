/**
 * The table, like `info mtree -f`: one row per flat range of the filtered list,
 * virtualised with fixed-height rows. Columns: start, end (inclusive, as QEMU prints),
 * size, owner with path, kind, priority, offset in region, attributes.
 */
import { formatAddress, formatSize, parseHex } from './address';
import { attributes, kindName, lastAddress } from './labels';
import {
	FrameScheduler,
	indexOfTarget,
	nextPosition,
	paintMarks,
	repaintMarks,
	selectAndRevealTarget,
	type ListCallbacks,
	type Marks,
} from './marks';
import type { SpaceModel } from './model';
import { element, KeyedPool } from './pool';

/** Row height in pixels; fixed so that row positions are arithmetic. */
export const rowHeight = 22;

export const columns = ['start', 'end (incl.)', 'size', 'owner', 'kind', 'prio', 'offset', 'attributes'];

export class TableView {
	readonly element: HTMLElement;
	readonly #body: HTMLElement;
	readonly #canvas: HTMLElement;
	readonly #pool: KeyedPool<number>;
	readonly #callbacks: ListCallbacks;
	#space: SpaceModel | undefined;
	/** Range indices of the rows, after filtering. */
	#rows: readonly number[] = [];
	#marks: Marks;
	readonly #frames = new FrameScheduler(() => this.render());

	constructor(callbacks: ListCallbacks, marks: Marks) {
		this.#callbacks = callbacks;
		this.#marks = marks;
		this.element = element('div', 'table');
		const head = element('div', 'table-head');
		head.setAttribute('role', 'row');
		for (const name of columns) {
			const cell = element('span', 'cell', name);
			cell.setAttribute('role', 'columnheader');
			head.appendChild(cell);
		}
		this.#body = element('div', 'table-body');
		this.#body.tabIndex = 0;
		this.#body.setAttribute('role', 'grid');
		this.#canvas = element('div', 'table-canvas');
		this.#body.appendChild(this.#canvas);
		this.element.append(head, this.#body);
		this.#pool = new KeyedPool<number>(
			this.#canvas,
			(index) => this.#space?.at(index)?.key ?? String(index),
			(index) => this.#createRow(index),
			(row, index) => this.#placeRow(row, index),
		);
		this.#body.addEventListener('scroll', () => this.scheduleRender());
		this.#body.addEventListener('click', (event) => selectAndRevealTarget(event, this.#callbacks));
		this.#body.addEventListener('keydown', (event) => this.#onKey(event));
		this.#body.addEventListener('mouseover', (event) => {
			this.#callbacks.hover(indexOfTarget(event.target), event.clientX, event.clientY);
		});
		this.#body.addEventListener('mouseleave', () => this.#callbacks.hover(-1, 0, 0));
	}

	/** The scrolling body (for saving and restoring the scroll position). */
	get body(): HTMLElement {
		return this.#body;
	}

	setData(space: SpaceModel | undefined, rows: readonly number[], label: string): void {
		this.#space = space;
		this.#rows = rows;
		this.#body.setAttribute('aria-label', label);
		this.#body.setAttribute('aria-rowcount', String(rows.length));
		this.#canvas.style.height = `${rows.length * rowHeight}px`;
		this.render();
	}

	setMarks(marks: Marks): void {
		this.#marks = marks;
		repaintMarks(this.#pool.elements(), marks);
		this.#updateActiveDescendant();
	}

	scheduleRender(): void {
		this.#frames.schedule();
	}

	render(): void {
		const viewport = this.#body.clientHeight || 800;
		const first = Math.max(0, Math.floor(this.#body.scrollTop / rowHeight) - 5);
		const last = Math.min(this.#rows.length, Math.ceil((this.#body.scrollTop + viewport) / rowHeight) + 5);
		this.#positions = new Map();
		const indices: number[] = [];
		for (let position = first; position < last; position++) {
			const index = this.#rows[position] as number;
			this.#positions.set(index, position);
			indices.push(index);
		}
		this.#pool.sync(indices);
		this.#updateActiveDescendant();
	}

	#positions = new Map<number, number>();

	/** Scrolls so that range `index` is visible (centred when it was off screen). */
	reveal(index: number): void {
		const position = this.#rows.indexOf(index);
		if (position < 0) {
			return;
		}
		const top = position * rowHeight;
		const body = this.#body;
		if (top < body.scrollTop || top + rowHeight > body.scrollTop + body.clientHeight) {
			body.scrollTop = Math.max(0, top - body.clientHeight / 2);
		}
		this.render();
	}

	focus(): void {
		this.#body.focus();
	}

	#createRow(index: number): HTMLElement {
		const range = this.#space?.at(index);
		if (!range) {
			return element('div', 'table-row');
		}
		const dto = range.dto;
		const row = element('div', `table-row kind-${dto.kind}`);
		row.setAttribute('role', 'row');
		const owner = element('span', 'cell owner');
		owner.appendChild(element('span', 'owner-name', dto.kind === 'hole' ? '(unassigned)' : dto.region));
		if (dto.path !== '' && dto.path !== dto.region) {
			owner.appendChild(element('span', 'owner-path', dto.path));
		}
		if (dto.qemu !== undefined) {
			// The QEMU capture beside the board renders part of this range differently.
			const mark = element('span', 'owner-qemu', '≠ QEMU');
			mark.title = dto.qemu;
			owner.appendChild(mark);
			row.classList.add('qemu-differs');
		}
		const offset = parseHex(dto.offsetInRegion) ?? 0n;
		const cells = [
			element('span', 'cell mono', formatAddress(range.start)),
			element('span', 'cell mono', formatAddress(lastAddress(range))),
			element('span', 'cell', formatSize(range.size)),
			owner,
			element('span', 'cell', kindName(dto.kind)),
			element('span', 'cell num', dto.kind === 'hole' ? '' : String(dto.priority)),
			element('span', 'cell mono', offset === 0n ? '' : formatAddress(offset)),
			element('span', 'cell attrs', attributes(dto)),
		];
		for (const cell of cells) {
			cell.setAttribute('role', 'gridcell');
		}
		row.append(...cells);
		return row;
	}

	#placeRow(row: HTMLElement, index: number): void {
		row.dataset.index = String(index);
		row.id = `row-${index}`;
		const top = `${(this.#positions.get(index) ?? 0) * rowHeight}px`;
		if (row.style.top !== top) {
			row.style.top = top;
		}
		paintMarks(row, index, this.#marks);
	}

	#updateActiveDescendant(): void {
		const selected = this.#marks.selected;
		if (selected >= 0 && this.#positions.has(selected)) {
			this.#body.setAttribute('aria-activedescendant', `row-${selected}`);
		} else {
			this.#body.removeAttribute('aria-activedescendant');
		}
	}

	#onKey(event: KeyboardEvent): void {
		if (this.#rows.length === 0) {
			return;
		}
		if (event.key === 'Enter' && this.#marks.selected >= 0) {
			event.preventDefault();
			this.#callbacks.reveal(this.#marks.selected);
			return;
		}
		const current = Math.max(0, this.#rows.indexOf(this.#marks.selected));
		const page = Math.max(1, Math.floor(this.#body.clientHeight / rowHeight) - 1);
		const next = nextPosition(event.key, current, this.#rows.length, page);
		const index = next === undefined ? undefined : this.#rows[next];
		if (index !== undefined) {
			event.preventDefault();
			this.#callbacks.select(index);
			this.reveal(index);
		}
	}
}
