/**
 * How two lists of syntax nodes differ, apart from where they are: the nodes an edit
 * removed and the ones parsed in their place (`SyntaxChange`). The analysis reuses its
 * previous work when they say the same thing (an edit of a comment or of spacing), or
 * differ only in the numbers of region headers and maps (a size or an address typed over).
 */
import type {
	ItemNode,
	MemberNode,
	NameNode,
	NumberNode,
	PropNode,
	RefNode,
	RegionNode,
	Span,
} from './ast';
import { numberPropValue } from './parseRegion';

/**
 * `same`: equal but for spans and `///` documentation. `numbers`: also the numbers after
 * `at`, `size`, `priority` or `offset` in region headers, or after `at` or `priority` in
 * `map`s, differ. `other`: anything else.
 */
export type ShapeDifference = 'same' | 'numbers' | 'other';

type Node = ItemNode | MemberNode;

/** How `after` differs from `before` (see `ShapeDifference`). */
export function compareShapes(before: readonly Node[], after: readonly Node[]): ShapeDifference {
	const compare = { numbers: false };
	return sameList(before, after, compare) ? (compare.numbers ? 'numbers' : 'same') : 'other';
}

interface Comparison {
	/** Set once region header or map numbers are found to differ. */
	numbers: boolean;
}

function sameList(a: readonly Node[], b: readonly Node[], c: Comparison): boolean {
	if (a.length !== b.length) {
		return false;
	}
	for (let i = 0; i < a.length; i++) {
		if (!sameNode(a[i] as Node, b[i] as Node, c)) {
			return false;
		}
	}
	return true;
}

function sameNode(a: Node, b: Node, c: Comparison): boolean {
	if (a.kind !== b.kind || a.keywordLength !== b.keywordLength) {
		return false;
	}
	switch (a.kind) {
		case 'region':
			return sameRegion(a, b as RegionNode, c);
		case 'include':
			return a.path?.value === (b as typeof a).path?.value && sameSpanPresence(a.path, (b as typeof a).path);
		case 'space':
			return sameName(a.name, (b as typeof a).name) && sameRef(a.root, (b as typeof a).root);
		case 'map': {
			const other = b as typeof a;
			return (
				sameRef(a.target, other.target) &&
				sameOrNumbers(a.at, other.at, c) &&
				sameOrNumbers(a.priority, other.priority, c) &&
				sameSpanPresence(a.overlap, other.overlap)
			);
		}
		case 'access': {
			const other = b as typeof a;
			return (
				a.which === other.which &&
				sameNumber(a.min, other.min) &&
				sameNumber(a.max, other.max) &&
				sameSpanPresence(a.unaligned, other.unaligned)
			);
		}
		case 'endian':
			return a.value === (b as typeof a).value;
		case 'coalesce':
			return sameNumber(a.start, (b as typeof a).start) && sameNumber(a.size, (b as typeof a).size);
	}
}

function sameRegion(a: RegionNode, b: RegionNode, c: Comparison): boolean {
	if (!sameHeader(a, b, c)) {
		return false;
	}
	if (a.body === undefined || b.body === undefined) {
		return a.body === b.body;
	}
	return a.body.closed === b.body.closed && sameList(a.body.members, b.body.members, c);
}

/**
 * Whether two regions have the same header (kind, name, properties: numbers included)
 * and both a block, closed or not alike; their members are not compared.
 */
export function sameRegionHeader(a: RegionNode, b: RegionNode): boolean {
	const compare = { numbers: false };
	return (
		a.keywordLength === b.keywordLength &&
		sameHeader(a, b, compare) &&
		!compare.numbers &&
		a.body !== undefined &&
		b.body !== undefined &&
		a.body.closed === b.body.closed
	);
}

function sameHeader(a: RegionNode, b: RegionNode, c: Comparison): boolean {
	if (a.regionKind !== b.regionKind || !sameName(a.name, b.name) || a.props.length !== b.props.length) {
		return false;
	}
	for (let i = 0; i < a.props.length; i++) {
		if (!sameProp(a.props[i] as PropNode, b.props[i] as PropNode, c)) {
			return false;
		}
	}
	return true;
}

function sameProp(a: PropNode, b: PropNode, c: Comparison): boolean {
	if (a.name !== b.name || a.keywordLength !== b.keywordLength) {
		return false;
	}
	const left = a.value;
	const right = b.value;
	if (left?.kind === 'ref' || right?.kind === 'ref') {
		return left?.kind === 'ref' && right?.kind === 'ref' && sameRef(left, right);
	}
	if (left === undefined || right === undefined) {
		return left === right;
	}
	if (left.text !== right.text || numberPropValue(a) !== numberPropValue(b)) {
		// Both are numbers: only their values may differ, and they are read again.
		c.numbers = true;
	}
	return true;
}

/** Both written or both not; when written, numbers that differ are noted in `c`. */
function sameOrNumbers(a: NumberNode | undefined, b: NumberNode | undefined, c: Comparison): boolean {
	if (a === undefined || b === undefined) {
		return a === b;
	}
	if (!sameNumber(a, b)) {
		c.numbers = true;
	}
	return true;
}

function sameNumber(a: NumberNode | undefined, b: NumberNode | undefined): boolean {
	return a === undefined || b === undefined ? a === b : a.text === b.text && a.value === b.value;
}

function sameName(a: NameNode | undefined, b: NameNode | undefined): boolean {
	return a === undefined || b === undefined ? a === b : a.text === b.text && a.quoted === b.quoted && a.length === b.length;
}

function sameRef(a: RefNode | undefined, b: RefNode | undefined): boolean {
	if (a === undefined || b === undefined) {
		return a === b;
	}
	if (a.segments.length !== b.segments.length || a.length !== b.length) {
		return false;
	}
	return a.segments.every((segment, i) => {
		const other = b.segments[i];
		return other !== undefined && segment.occurrence === other.occurrence && segment.length === other.length && sameName(segment.name, other.name);
	});
}

function sameSpanPresence(a: Span | undefined, b: Span | undefined): boolean {
	return (a === undefined) === (b === undefined) && a?.length === b?.length;
}
