import * as assert from 'node:assert';
import * as fc from 'fast-check';
import { analyzeText } from '../../../../../core/src/index';

/** A board as nested name lists: each entry is a region name and its children. */
interface Node {
	readonly name: string;
	readonly children: readonly Node[];
}

const names = fc.constantFrom('a', 'b', 'c');
const node: fc.Memo<Node> = fc.memo((depth) =>
	fc.record({ name: names, children: depth <= 1 ? fc.constant([]) : fc.array(node(depth - 1), { maxLength: 4 }) }),
);

function write(nodes: readonly Node[], nested: boolean): string {
	return nodes
		.map((n) => `container ${n.name}${nested ? ' at 0' : ''} size 4K { ${write(n.children, true)} }`)
		.join('\n');
}

/** The expected paths in declaration (pre-order) order: `name#N` where siblings share `name`. */
function expectedPaths(nodes: readonly Node[], prefix: string, out: string[]): string[] {
	const seen = new Map<string, number>();
	for (const n of nodes) {
		const repeats = nodes.filter((other) => other.name === n.name).length > 1;
		const count = (seen.get(n.name) ?? 0) + 1;
		seen.set(n.name, count);
		const path = prefix + n.name + (repeats ? `#${count}` : '');
		out.push(path);
		expectedPaths(n.children, path + '/', out);
	}
	return out;
}

suite('analyze: region paths (property)', () => {
	test('a path segment carries #N exactly when siblings share the name, N in declaration order', () => {
		fc.assert(
			fc.property(fc.array(node(3), { maxLength: 4 }), (board) => {
				const analysis = analyzeText(write(board, false));
				assert.deepStrictEqual(
					analysis.tree.regions.map((r) => r.path),
					expectedPaths(board, '', []),
				);
			}),
			{ numRuns: 300 },
		);
	});
});
