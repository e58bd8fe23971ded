import type { FlatView } from '../../core/src/index';

/**
 * A view as a plain object of its root, its ranges and its `truncated` mark, so that a
 * packed view (`flatten`) and a literal one (the reference renderer) compare by value.
 */
export function plainView(view: FlatView): FlatView {
	return { root: view.root, ranges: [...view.ranges], ...(view.truncated ? { truncated: true } : {}) };
}
