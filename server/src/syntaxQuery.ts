/**
 * Queries over the syntax tree: the chain of nodes at an offset (found by binary search, so
 * hover stays fast on a file of 100k regions) and a generic walk. Reference segments have
 * no `kind` in the AST; they appear here wrapped as `segment` nodes.
 */
import type {
	BlockNode,
	FileNode,
	ItemNode,
	MemberNode,
	NameNode,
	NumberNode,
	PropNode,
	RefNode,
	RefSegment,
	Span,
	StringNode,
} from '../../core/src/index';

/** A reference segment with its index in the reference. */
export interface SegmentNode extends Span {
	readonly kind: 'segment';
	readonly segment: RefSegment;
	readonly index: number;
}

/** Every node kind a query can return. */
export type SyntaxNode =
	| FileNode
	| ItemNode
	| MemberNode
	| BlockNode
	| PropNode
	| NumberNode
	| RefNode
	| NameNode
	| StringNode
	| SegmentNode;

/** The children of a node, in text order. */
export function childrenOf(node: SyntaxNode): readonly SyntaxNode[] {
	switch (node.kind) {
		case 'file':
			return node.items;
		case 'block':
			return node.members;
		case 'region':
			return compact([node.name, ...node.props, node.body]);
		case 'prop':
			return compact([node.value]);
		case 'map':
			return compact([node.target, node.at, node.priority]);
		case 'access':
			return compact([node.min, node.max]);
		case 'coalesce':
			return compact([node.start, node.size]);
		case 'include':
			return compact([node.path]);
		case 'space':
			return compact([node.name, node.root]);
		case 'ref':
			return node.segments.map((segment, index) => ({
				kind: 'segment' as const,
				offset: segment.offset,
				length: segment.length,
				segment,
				index,
			}));
		case 'segment':
			return [node.segment.name];
		default:
			return [];
	}
}

function compact(nodes: readonly (SyntaxNode | undefined)[]): SyntaxNode[] {
	return nodes.filter((n): n is SyntaxNode => n !== undefined);
}

/**
 * The nodes that contain `offset`, outermost (the file) first. A node "contains" its end
 * offset too, so a cursor right after a name still finds the name; when two siblings touch,
 * the one that starts at `offset` wins.
 */
export function pathAt(file: FileNode, offset: number): SyntaxNode[] {
	const path: SyntaxNode[] = [file];
	let node: SyntaxNode = file;
	for (;;) {
		const children = childrenOf(node);
		const child = childAt(children, offset, node.kind === 'file' || node.kind === 'block');
		if (!child) {
			return path;
		}
		path.push(child);
		node = child;
	}
}

function childAt(
	children: readonly SyntaxNode[],
	offset: number,
	sorted: boolean,
): SyntaxNode | undefined {
	let lo = 0;
	let hi = children.length;
	if (sorted) {
		// Binary search for the last child that starts at or before `offset`.
		while (lo < hi) {
			const mid = (lo + hi) >> 1;
			if ((children[mid]?.offset ?? 0) <= offset) {
				lo = mid + 1;
			} else {
				hi = mid;
			}
		}
		hi = lo;
		lo = Math.max(0, lo - 2);
	}
	let touching: SyntaxNode | undefined;
	for (let i = lo; i < hi; i++) {
		const child = children[i];
		if (!child) {
			continue;
		}
		if (child.offset <= offset && offset < child.offset + child.length) {
			return child;
		}
		if (child.offset + child.length === offset) {
			touching = child;
		}
	}
	return touching;
}

/** The innermost node of `path` of one of the given kinds, with its index in the path. */
export function innermost<K extends SyntaxNode['kind']>(
	path: readonly SyntaxNode[],
	...kinds: K[]
): { node: Extract<SyntaxNode, { kind: K }>; index: number } | undefined {
	for (let i = path.length - 1; i >= 0; i--) {
		const node = path[i];
		if (node && (kinds as string[]).includes(node.kind)) {
			return { node: node as Extract<SyntaxNode, { kind: K }>, index: i };
		}
	}
	return undefined;
}

/** Visits every node depth-first in text order (iteratively: deep nesting cannot overflow). */
export function walk(file: FileNode, visit: (node: SyntaxNode, depth: number) => void): void {
	const stack: { node: SyntaxNode; depth: number }[] = [{ node: file, depth: 0 }];
	while (stack.length > 0) {
		const top = stack.pop();
		if (!top) {
			break;
		}
		visit(top.node, top.depth);
		const children = childrenOf(top.node);
		for (let i = children.length - 1; i >= 0; i--) {
			const child = children[i];
			if (child) {
				stack.push({ node: child, depth: top.depth + 1 });
			}
		}
	}
}

/** The end offset of a span. */
export function endOf(span: Span): number {
	return span.offset + span.length;
}

/** A statement: what `forEachStatement` visits. */
export type StatementNode = ItemNode | MemberNode;

/**
 * Visits every statement (includes, spaces, regions, maps, settings) whose span meets
 * `[from, to]`, in text order, without building child lists: the fast path for features
 * that run over a whole 100k-region file. Blocks are entered by binary search.
 */
export function forEachStatement(
	file: FileNode,
	visit: (node: StatementNode) => void,
	from = 0,
	to = Number.MAX_SAFE_INTEGER,
): void {
	const stack: { list: readonly StatementNode[]; index: number }[] = [
		{ list: file.items, index: firstEndingAfter(file.items, from) },
	];
	while (stack.length > 0) {
		const top = stack[stack.length - 1];
		const node = top?.list[top.index];
		if (!top || !node || node.offset > to) {
			stack.pop();
			continue;
		}
		top.index++;
		visit(node);
		if (node.kind === 'region' && node.body && stack.length < 512) {
			const members = node.body.members;
			stack.push({ list: members, index: firstEndingAfter(members, from) });
		}
	}
}

function firstEndingAfter(list: readonly Span[], from: number): number {
	let lo = 0;
	let hi = list.length;
	while (lo < hi) {
		const mid = (lo + hi) >> 1;
		const node = list[mid];
		if (node && node.offset + node.length < from) {
			lo = mid + 1;
		} else {
			hi = mid;
		}
	}
	return lo;
}
