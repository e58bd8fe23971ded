/** The hover card: details of a range near the pointer, rendered as text lines. */
import { detailLines } from './labels';
import type { RangeModel } from './model';
import { element } from './pool';

export class Tooltip {
	readonly element: HTMLElement;
	#shown = -1;

	constructor() {
		this.element = element('div', 'tooltip');
		this.element.setAttribute('role', 'tooltip');
		this.element.hidden = true;
	}

	show(range: RangeModel | undefined, x: number, y: number): void {
		if (!range) {
			this.hide();
			return;
		}
		if (this.#shown !== range.index) {
			this.#shown = range.index;
			this.element.replaceChildren(...detailLines(range).map((line) => element('div', 'tooltip-line', line)));
		}
		this.element.hidden = false;
		const width = this.element.offsetWidth;
		const height = this.element.offsetHeight;
		const left = Math.min(x + 14, window.innerWidth - width - 4);
		const top = y + 14 + height > window.innerHeight ? y - height - 8 : y + 14;
		this.element.style.left = `${Math.max(0, left)}px`;
		this.element.style.top = `${Math.max(0, top)}px`;
	}

	hide(): void {
		this.#shown = -1;
		this.element.hidden = true;
	}
}
