/**
 * The map: a vertical address ruler and one block per flat range, virtualised (only the
 * blocks in and near the viewport exist in the DOM). Geometry comes from `layout.ts`;
 * every document string goes in through textContent.
 */
import { formatAddress } from './address';
import { blockDetail, blockTitle } from './labels';
import { labelLines, scrollToCentre, visibleBlocks, type MapLayout } from './layout';
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

const emptyLayout: MapLayout = {
	tops: new Float64Array(0),
	heights: new Float64Array(0),
	compressed: new Uint8Array(0),
	ticks: new Uint8Array(0),
	totalHeight: 0,
	unitLog2: 0,
};

export class MapView {
	readonly element: HTMLElement;
	readonly #canvas: HTMLElement;
	readonly #pool: KeyedPool<number>;
	readonly #callbacks: ListCallbacks;
	#space: SpaceModel | undefined;
	#layout: MapLayout = emptyLayout;
	#marks: Marks;
	readonly #frames = new FrameScheduler(() => this.render());

	constructor(callbacks: ListCallbacks, marks: Marks) {
		this.#callbacks = callbacks;
		this.#marks = marks;
		this.element = element('div', 'map');
		this.element.tabIndex = 0;
		this.element.setAttribute('role', 'listbox');
		this.#canvas = element('div', 'map-canvas');
		this.element.appendChild(this.#canvas);
		this.#pool = new KeyedPool<number>(
			this.#canvas,
			(index) => this.#rowKey(index),
			(index) => this.#createRow(index),
			(row, index) => this.#placeRow(row, index),
		);
		this.element.addEventListener('scroll', () => this.scheduleRender());
		this.element.addEventListener('click', (event) => selectAndRevealTarget(event, this.#callbacks));
		this.element.addEventListener('keydown', (event) => this.#onKey(event));
		this.element.addEventListener('mouseover', (event) => {
			this.#callbacks.hover(indexOfTarget(event.target), event.clientX, event.clientY);
		});
		this.element.addEventListener('mouseleave', () => this.#callbacks.hover(-1, 0, 0));
	}

	/** New ranges and layout; the pool keeps every block whose key is unchanged. */
	setData(space: SpaceModel, layout: MapLayout, label: string): void {
		this.#space = space;
		this.#layout = layout;
		this.element.setAttribute('aria-label', label);
		this.#canvas.style.height = `${layout.totalHeight}px`;
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
		const { first, last } = visibleBlocks(this.#layout, this.element.scrollTop, this.element.clientHeight || 800);
		const indices: number[] = [];
		for (let index = first; index < last; index++) {
			indices.push(index);
		}
		this.#pool.sync(indices);
		this.#updateActiveDescendant();
	}

	/** Scrolls so block `index` is visible, centring it when it was off screen. */
	reveal(index: number): void {
		const top = this.#layout.tops[index];
		const height = this.#layout.heights[index] ?? 0;
		if (top === undefined) {
			return;
		}
		const view = this.element;
		if (top < view.scrollTop || top + height > view.scrollTop + view.clientHeight) {
			view.scrollTop = scrollToCentre(this.#layout, index, view.clientHeight);
		}
		this.render();
	}

	/** The range's visual key plus what the layout decides about it (height, tick, break). */
	#rowKey(index: number): string {
		const layout = this.#layout;
		const key = this.#space?.at(index)?.key ?? String(index);
		return `${key}#${layout.heights[index]}${layout.ticks[index]}${layout.compressed[index]}`;
	}

	#createRow(index: number): HTMLElement {
		const range = this.#space?.at(index);
		if (!range) {
			return element('div', 'map-row');
		}
		const row = element('div', 'map-row');
		row.setAttribute('role', 'option');
		const ruler = element('div', 'ruler');
		if (this.#layout.ticks[index] === 1) {
			ruler.appendChild(element('span', 'tick', formatAddress(range.start)));
		}
		if (this.#layout.compressed[index] === 1) {
			const mark = element('span', 'break', '≈ not to scale');
			mark.title = 'This range is compressed: its height is not proportional to its size';
			ruler.appendChild(mark);
		}
		const block = element('div', `block kind-${range.dto.kind}`);
		const lines = labelLines(this.#layout.heights[index] ?? 0);
		if (lines > 0) {
			block.appendChild(element('span', 'block-title', blockTitle(range)));
		}
		if (lines > 1) {
			block.appendChild(element('span', 'block-detail', blockDetail(range)));
		}
		if (this.#layout.compressed[index] === 1) {
			block.classList.add('is-compressed');
		}
		if (range.dto.qemu !== undefined) {
			block.classList.add('qemu-differs');
		}
		row.append(ruler, block);
		return row;
	}

	#placeRow(row: HTMLElement, index: number): void {
		row.dataset.index = String(index);
		row.id = `map-${index}`;
		const top = `${this.#layout.tops[index] ?? 0}px`;
		const height = `${this.#layout.heights[index] ?? 0}px`;
		if (row.style.top !== top) {
			row.style.top = top;
		}
		if (row.style.height !== height) {
			row.style.height = height;
		}
		paintMarks(row, index, this.#marks);
	}

	#updateActiveDescendant(): void {
		const selected = this.#marks.selected;
		if (selected >= 0 && this.#canvas.querySelector(`#map-${selected}`)) {
			this.element.setAttribute('aria-activedescendant', `map-${selected}`);
		} else {
			this.element.removeAttribute('aria-activedescendant');
		}
	}

	#onKey(event: KeyboardEvent): void {
		const count = this.#space?.length ?? 0;
		if (count === 0) {
			return;
		}
		if (event.key === 'Enter' && this.#marks.selected >= 0) {
			event.preventDefault();
			this.#callbacks.reveal(this.#marks.selected);
			return;
		}
		const next = nextPosition(event.key, Math.max(0, this.#marks.selected), count, 10);
		if (next !== undefined) {
			event.preventDefault();
			this.#callbacks.select(next);
			this.reveal(next);
		}
	}
}
