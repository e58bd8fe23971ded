/** Shared selection state the map and the table both paint. */
export interface Marks {
	/** The selected range index (keyboard focus, last click), or -1. */
	readonly selected: number;
	/** The owner of the address typed in the address box, or -1. */
	readonly target: number;
	/** Ranges of the region under the editor cursor. */
	readonly highlighted: ReadonlySet<number>;
}

export interface ListCallbacks {
	select(index: number): void;
	reveal(index: number): void;
	/** Show details of a range near the pointer; index -1 hides them. */
	hover(index: number, x: number, y: number): void;
}

/** Applies the mark classes and ARIA state of range `index` to its element. */
export function paintMarks(element: HTMLElement, index: number, marks: Marks): void {
	const isSelected = index === marks.selected;
	element.classList.toggle('is-selected', isSelected);
	element.classList.toggle('is-target', index === marks.target);
	element.classList.toggle('is-highlighted', marks.highlighted.has(index));
	element.setAttribute('aria-selected', isSelected ? 'true' : 'false');
}

/** Range index carried by the closest `[data-index]` ancestor of an event target, or -1. */
export function indexOfTarget(target: EventTarget | null): number {
	if (!(target instanceof Element)) {
		return -1;
	}
	const holder = target.closest<HTMLElement>('[data-index]');
	const index = holder ? Number(holder.dataset.index) : NaN;
	return Number.isInteger(index) ? index : -1;
}

/** Keyboard moves shared by the map and the table: the next position in a list of `count`. */
export function nextPosition(key: string, position: number, count: number, page: number): number | undefined {
	const last = count - 1;
	switch (key) {
		case 'ArrowDown':
			return Math.min(last, position + 1);
		case 'ArrowUp':
			return Math.max(0, position - 1);
		case 'PageDown':
			return Math.min(last, position + page);
		case 'PageUp':
			return Math.max(0, position - page);
		case 'Home':
			return 0;
		case 'End':
			return last;
		default:
			return undefined;
	}
}

/** Repaints the marks of every live element of a virtualised list. */
export function repaintMarks(elements: Iterable<HTMLElement>, marks: Marks): void {
	for (const element of elements) {
		paintMarks(element, Number(element.dataset.index), marks);
	}
}

/** A click on a list item selects it and reveals its definition. */
export function selectAndRevealTarget(event: MouseEvent, callbacks: ListCallbacks): void {
	const index = indexOfTarget(event.target);
	if (index >= 0) {
		callbacks.select(index);
		callbacks.reveal(index);
	}
}

/** Coalesces render requests (scroll events, updates) into one per animation frame. */
export class FrameScheduler {
	#frame = 0;
	readonly #run: () => void;

	constructor(run: () => void) {
		this.#run = run;
	}

	schedule(): void {
		if (this.#frame === 0) {
			this.#frame = requestAnimationFrame(() => {
				this.#frame = 0;
				this.#run();
			});
		}
	}
}
