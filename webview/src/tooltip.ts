/**
 * The hover card: details of a range near the pointer, rendered as text lines, plus the
 * server's explanation of its start address (asked once per range through the extension).
 */
import type { FromWebview, OwnerAnswerDto } from '../../core/src/protocol';
import { parseHex } from './address';
import { detailLines } from './labels';
import { findRangeIndex, type RangeModel, type SpaceModel } from './model';
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

	/**
	 * Adds the server's explanation (containers, aliases, what is hidden, constraints) under
	 * the details, if the card still shows range `index`.
	 */
	explain(index: number, lines: readonly string[]): void {
		if (this.#shown !== index || lines.length === 0 || this.element.querySelector('.tooltip-explanation')) {
			return;
		}
		const block = element('div', 'tooltip-explanation');
		block.append(...lines.map((line) => element('div', 'tooltip-line', line)));
		this.element.appendChild(block);
	}

	hide(): void {
		this.#shown = -1;
		this.element.hidden = true;
	}
}

/** The card plus the explanations: asks `memmap/owner` once per hovered range, caches answers. */
export class HoverDetails {
	readonly tooltip = new Tooltip();
	readonly #post: (message: FromWebview) => void;
	/** Explanations by `space@address`; cleared on each update of the view. */
	readonly #explanations = new Map<string, readonly string[]>();
	#asked = '';

	constructor(post: (message: FromWebview) => void) {
		this.#post = post;
	}

	hover(space: SpaceModel | undefined, index: number, x: number, y: number): void {
		const range = space?.at(index);
		this.tooltip.show(range, x, y);
		if (!space || !range) {
			return;
		}
		const key = `${space.name}@${range.dto.start}`;
		const known = this.#explanations.get(key);
		if (known) {
			this.tooltip.explain(index, known);
		} else if (this.#asked !== key) {
			this.#asked = key;
			this.#post({ type: 'owner', space: space.name, address: range.dto.start });
		}
	}

	explained(space: SpaceModel | undefined, answer: OwnerAnswerDto): void {
		this.#explanations.set(`${answer.space}@${answer.address}`, answer.explanation);
		const address = parseHex(answer.address);
		if (space?.name === answer.space && address !== undefined) {
			this.tooltip.explain(findRangeIndex(space.dtos, address), answer.explanation);
		}
	}

	reset(): void {
		this.#explanations.clear();
		this.#asked = '';
	}
}
