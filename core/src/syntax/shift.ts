/**
 * Moving syntax nodes in place by `delta` characters, for the incremental parse: the
 * nodes after an edit keep their shape and move with the text. Nodes are readonly to
 * every reader; only this module (and `reparse`) writes them, on a tree that the
 * incremental parse owns from then on.
 */
import type { ItemNode, MemberNode, NameNode, NumberNode, PropNode, RefNode, Span, StringNode } from './ast';
import { shiftProp } from './parseRegion';

type Writable<T> = { -readonly [K in keyof T]: T[K] };

/** Moves a span's start; its length stays. */
export function shiftSpan(node: Span, delta: number): void {
	(node as Writable<Span>).offset += delta;
}

/** Moves a top-level item or a block member, and everything in it. */
export function shiftNode(node: ItemNode | MemberNode, delta: number): void {
	shiftSpan(node, delta);
	switch (node.kind) {
		case 'region':
			shiftOptional(node.name, delta);
			for (const prop of node.props) {
				shiftPropNode(prop, delta);
			}
			if (node.body !== undefined) {
				shiftSpan(node.body, delta);
				for (const member of node.body.members) {
					shiftNode(member, delta);
				}
			}
			break;
		case 'include':
			shiftOptional(node.path, delta);
			break;
		case 'space':
			shiftOptional(node.name, delta);
			shiftRef(node.root, delta);
			break;
		case 'map':
			shiftRef(node.target, delta);
			shiftOptional(node.at, delta);
			shiftOptional(node.priority, delta);
			shiftOptional(node.overlap, delta);
			break;
		case 'access':
			shiftOptional(node.min, delta);
			shiftOptional(node.max, delta);
			shiftOptional(node.unaligned, delta);
			break;
		case 'coalesce':
			shiftOptional(node.start, delta);
			shiftOptional(node.size, delta);
			break;
		case 'endian':
			break;
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
		shiftOptional(segment.name, delta);
	}
}

function shiftOptional(node: Span | NameNode | NumberNode | StringNode | undefined, delta: number): void {
	if (node !== undefined) {
		shiftSpan(node, delta);
	}
}
