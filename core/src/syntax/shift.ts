/**
 * Moving syntax nodes in place by `delta` characters, for the incremental parse: the
 * nodes after an edit keep their shape and move with the text. Nodes are readonly to
 * every reader; only this module (and `reparse`) writes them, on a tree that the
 * incremental parse owns from then on.
 */
import type {
	BlockNode,
	ItemNode,
	MemberNode,
	NameNode,
	NumberNode,
	PropNode,
	RefNode,
	RegionNode,
	Span,
	StringNode,
} from './ast';
import { shiftProp } from './parseRegion';

type Writable<T> = { -readonly [K in keyof T]: T[K] };

/** Moves a span's start; its length stays. */
export function shiftSpan(node: Span, delta: number): void {
	(node as Writable<Span>).offset += delta;
}

/** Moves a top-level item and everything in it. */
export function shiftItem(item: ItemNode, delta: number): void {
	switch (item.kind) {
		case 'region':
			shiftRegion(item, delta);
			break;
		case 'include':
			shiftSpan(item, delta);
			shiftOptional(item.path, delta);
			break;
		case 'space':
			shiftSpan(item, delta);
			shiftName(item.name, delta);
			shiftRef(item.root, delta);
			break;
	}
}

/** Moves a member of a block and everything in it. */
export function shiftMember(member: MemberNode, delta: number): void {
	switch (member.kind) {
		case 'region':
			shiftRegion(member, delta);
			break;
		case 'map':
			shiftSpan(member, delta);
			shiftRef(member.target, delta);
			shiftOptional(member.at, delta);
			shiftOptional(member.priority, delta);
			shiftOptional(member.overlap, delta);
			break;
		case 'access':
			shiftSpan(member, delta);
			shiftOptional(member.min, delta);
			shiftOptional(member.max, delta);
			shiftOptional(member.unaligned, delta);
			break;
		case 'endian':
			shiftSpan(member, delta);
			break;
		case 'coalesce':
			shiftSpan(member, delta);
			shiftOptional(member.start, delta);
			shiftOptional(member.size, delta);
			break;
	}
}

function shiftRegion(region: RegionNode, delta: number): void {
	shiftSpan(region, delta);
	shiftName(region.name, delta);
	for (const prop of region.props) {
		shiftPropNode(prop, delta);
	}
	if (region.body !== undefined) {
		shiftBlock(region.body, delta);
	}
}

function shiftBlock(block: BlockNode, delta: number): void {
	shiftSpan(block, delta);
	for (const member of block.members) {
		shiftMember(member, delta);
	}
}

function shiftPropNode(prop: PropNode, delta: number): void {
	// A number property keeps its number's offset privately (see `NumberProp`).
	if (shiftProp(prop, delta)) {
		return;
	}
	shiftSpan(prop, delta);
	const value = prop.value;
	if (value?.kind === 'ref') {
		shiftRef(value, delta);
	} else {
		shiftOptional(value, delta);
	}
}

function shiftRef(ref: RefNode | undefined, delta: number): void {
	if (ref === undefined) {
		return;
	}
	shiftSpan(ref, delta);
	for (const segment of ref.segments) {
		shiftSpan(segment, delta);
		shiftName(segment.name, delta);
	}
}

function shiftName(name: NameNode | undefined, delta: number): void {
	shiftOptional(name, delta);
}

function shiftOptional(node: Span | NumberNode | StringNode | undefined, delta: number): void {
	if (node !== undefined) {
		shiftSpan(node, delta);
	}
}
