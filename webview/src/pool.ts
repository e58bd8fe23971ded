/**
 * Keyed element pool for the virtualised lists: each render asks for the elements of the
 * visible items; an element whose key is still wanted is kept (only repositioned), new
 * keys get new elements, the rest are removed. So an update that changes one range, or
 * scrolling, never rebuilds DOM that did not change.
 */
export class KeyedPool<T> {
	#live = new Map<string, HTMLElement>();
	readonly #container: HTMLElement;
	readonly #keyOf: (item: T) => string;
	readonly #create: (item: T) => HTMLElement;
	readonly #place: (element: HTMLElement, item: T) => void;

	constructor(
		container: HTMLElement,
		keyOf: (item: T) => string,
		create: (item: T) => HTMLElement,
		place: (element: HTMLElement, item: T) => void,
	) {
		this.#container = container;
		this.#keyOf = keyOf;
		this.#create = create;
		this.#place = place;
	}

	/** Makes the container hold exactly the elements of `items`. */
	sync(items: Iterable<T>): void {
		const next = new Map<string, HTMLElement>();
		for (const item of items) {
			const key = this.#keyOf(item);
			let element = this.#live.get(key);
			if (element) {
				this.#live.delete(key);
			} else {
				element = this.#create(item);
				this.#container.appendChild(element);
			}
			this.#place(element, item);
			next.set(key, element);
		}
		for (const stale of this.#live.values()) {
			stale.remove();
		}
		this.#live = next;
	}

	/** The live elements (for class toggles that do not change keys). */
	elements(): IterableIterator<HTMLElement> {
		return this.#live.values();
	}

	clear(): void {
		this.sync([]);
	}
}

/** Creates an element with a class and, optionally, text set through textContent. */
export function element(tag: string, className: string, text?: string): HTMLElement {
	const created = document.createElement(tag);
	created.className = className;
	if (text !== undefined) {
		created.textContent = text;
	}
	return created;
}
