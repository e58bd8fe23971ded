/**
 * Object identity: which printed lines are one QEMU region. QEMU prints a region once per
 * print of its container, once more if it roots an address-space group, and once more if
 * an alias targets it (a `memory-region:` block). Group roots and `memory-region:` blocks
 * are matched to nested prints of the same name and the same whole printed subtree at the
 * same own address (QEMU prints a group root and a queued region at base 0 plus its own
 * `addr`, so that address is the nested print's offset in its parent).
 */
import type { MtreeGroup } from './mtreeModel';
import type { PrintForest, PrintNode } from './printNodes';

/** Union-find over print nodes: `find(i)` is the object (class) of node i. */
export class Identity {
	readonly #parent: number[];

	constructor(size: number) {
		this.#parent = Array.from({ length: size }, (_, i) => i);
	}

	find(i: number): number {
		let root = i;
		while (this.#parent[root] !== root) {
			root = this.#parent[root] as number;
		}
		for (let node = i; node !== root; ) {
			const next = this.#parent[node] as number;
			this.#parent[node] = root;
			node = next;
		}
		return root;
	}

	/** Unites two prints of one region and, position by position, their subtrees. */
	unite(a: PrintNode, b: PrintNode): void {
		const ra = this.find(a.index);
		const rb = this.find(b.index);
		if (ra !== rb) {
			this.#parent[Math.max(ra, rb)] = Math.min(ra, rb);
		}
		a.children.forEach((child, i) => {
			const other = b.children[i];
			if (other) {
				this.unite(child, other);
			}
		});
	}
}

/** Identifies the objects of a parsed tree; see the file comment for the heuristic. */
export function identify(forest: PrintForest, groups: readonly MtreeGroup[]): Identity {
	const identity = new Identity(forest.nodes.length);
	const bySignature = new Map<number, PrintNode[]>();
	for (const node of forest.nodes) {
		const list = bySignature.get(node.signature);
		if (list) {
			list.push(node);
		} else {
			bySignature.set(node.signature, [node]);
		}
	}
	forest.roots.forEach((root, index) => {
		const kind = groups[index]?.kind;
		if (!root?.line || !kind) {
			return;
		}
		const candidate = (bySignature.get(root.signature) ?? []).find((other) =>
			isCandidate(identity, forest, groups, root, other, kind),
		);
		if (candidate) {
			identity.unite(candidate, root);
		}
	});
	return identity;
}

/**
 * A print `other` may be the same object as the group root `root` when it is not inside
 * the same group, is not already another group of the same kind (groups of one kind are
 * distinct objects), and uniting would not give the object two different containers.
 */
function isCandidate(
	identity: Identity,
	forest: PrintForest,
	groups: readonly MtreeGroup[],
	root: PrintNode,
	other: PrintNode,
	kind: MtreeGroup['kind'],
): boolean {
	if (other.group === root.group || identity.find(other.index) === identity.find(root.index)) {
		return false;
	}
	if (!other.parent && groups[other.group]?.kind === kind) {
		return false;
	}
	const members = classMembers(identity, forest, other.index).concat(classMembers(identity, forest, root.index));
	if (members.some((node) => !node.parent && groups[node.group]?.kind === kind && node !== root)) {
		return false;
	}
	const containers = new Set(members.filter((node) => node.parent).map((node) => identity.find((node.parent as PrintNode).index)));
	return containers.size <= 1;
}

function classMembers(identity: Identity, forest: PrintForest, index: number): PrintNode[] {
	const root = identity.find(index);
	return forest.nodes.filter((node) => identity.find(node.index) === root);
}
