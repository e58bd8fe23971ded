import * as assert from 'node:assert';
import fc from 'fast-check';
import { analyzeText, type Analysis, type RegionId } from '../../../../../core/src/index';

const regionNames = ['a', 'b', 'c', 'sys'];
const refs = [...regionNames, ...regionNames, 'a/b', 'sys/a', 'c#2', 'a#1', 'nope'];
const kinds = ['container', 'ram', 'io', 'alias', 'alias'];
const numbers = ['0', '0', '4K', '4K', '0x1000', '16E', '0xffff_ffff_ffff_f000', '17E'];

const prop = fc.oneof(
	fc.constantFrom(...numbers).map((n) => `at ${n}`),
	fc.constantFrom(...numbers).map((n) => `size ${n}`),
	fc.constantFrom('priority 1', 'priority -1', 'overlap', 'readonly', 'disabled', 'offset 0x800'),
	fc.constantFrom(...refs).map((n) => `of ${n}`),
	fc.constantFrom(...refs).map((n) => `of ${n}`),
);

/** A region with a random header and, below `depth` 1, a block of members. */
const region: fc.Memo<string> = fc.memo((depth) =>
	fc
		.tuple(
			fc.constantFrom(...kinds),
			fc.constantFrom(...regionNames),
			fc.array(prop, { maxLength: 4 }),
			depth > 1 ? fc.array(member(depth - 1), { maxLength: 3 }) : fc.constant([]),
		)
		.map(([kind, name, props, body]) => `${kind} ${name} ${props.join(' ')}${body.length > 0 ? ` {\n${body.join('\n')}\n}` : ''}`),
);

/** A block member: mostly regions and maps, sometimes a setting or a stray token. */
const member: fc.Memo<string> = fc.memo((depth) =>
	fc.oneof(
		{ depthSize: 'small', withCrossShrink: true },
		region(depth),
		fc.tuple(fc.constantFrom(...refs), fc.constantFrom(...numbers)).map(([n, at]) => `map ${n} at ${at}`),
		fc.constantFrom('valid 1..4', 'impl 4..3', 'endian big', 'coalesce', '}', ';'),
	),
);

/** Random `.memmap`-like text over a small name pool, so references collide and loop. */
const file = fc
	.array(fc.oneof(region(3), region(3), fc.constantFrom(...refs).map((n) => `space s = ${n}`)), { maxLength: 8 })
	.map((items) => items.join('\n'));

/**
 * How far each render pass of an alias of its own (proper) ancestor moves it: the `addr`s
 * from the target down to the alias, minus its offset. Undefined for any other alias.
 */
function selfAliasShift(analysis: Analysis, id: RegionId): bigint | undefined {
	const regions = analysis.tree.regions;
	const target = regions[id]?.alias?.target;
	let shift = 0n;
	for (let at = regions[id]; at !== undefined && at.parent !== undefined; at = regions[at.parent]) {
		shift += at.addr;
		if (at.parent === target) {
			return shift - (regions[id]?.alias?.offset ?? 0n);
		}
	}
	return undefined;
}

/** Render edges without the alias edges that QEMU's clip ends (a self-alias that moves). */
function renderEdges(analysis: Analysis, id: RegionId): readonly RegionId[] {
	const region = analysis.tree.regions[id];
	if (region?.kind === 'alias') {
		const shift = selfAliasShift(analysis, id);
		if (shift !== undefined && shift !== 0n) {
			const distance = shift < 0n ? -shift : shift;
			assert.ok((region.size + distance - 1n) / distance - 1n <= 64n, 'a kept self-alias recurses at most 64 passes');
			return [];
		}
		return region.alias?.target === undefined ? [] : [region.alias.target];
	}
	return region?.children ?? [];
}

/** True when the render graph (children, and alias targets) has a cycle. */
function hasRenderCycle(analysis: Analysis): boolean {
	const state = new Uint8Array(analysis.tree.regions.length);
	const visit = (id: RegionId): boolean => {
		state[id] = 1;
		for (const next of renderEdges(analysis, id)) {
			if (state[next] === 1 || (state[next] === 0 && visit(next))) {
				return true;
			}
		}
		state[id] = 2;
		return false;
	};
	return analysis.tree.regions.some((r) => state[r.id] === 0 && visit(r.id));
}

suite('analyze: properties', () => {
	test('any text: no throw, diagnostics inside the text, a consistent tree, no render cycle but moving self-aliases', () => {
		fc.assert(
			fc.property(file, (text) => {
				const analysis = analyzeText(text, 'p.memmap');
				for (const d of analysis.diagnostics) {
					assert.ok(d.offset >= 0 && d.offset + d.length <= text.length, `${d.code} out of the text`);
				}
				const { regions } = analysis.tree;
				for (const region of regions) {
					if (region.parent !== undefined) {
						assert.ok(regions[region.parent]?.children.includes(region.id), 'parent lists the child');
					}
					region.children.forEach((child, i) => {
						assert.strictEqual(regions[child]?.parent, region.id, 'child points back');
						const next = region.children[i + 1];
						assert.ok(next === undefined || (regions[child]?.priority ?? 0) >= (regions[next]?.priority ?? 0), 'list order');
					});
				}
				assert.ok(!hasRenderCycle(analysis), 'no render cycle but aliases of their own ancestors that move');
				for (const space of analysis.tree.spaces) {
					assert.ok(regions[space.root] !== undefined);
				}
			}),
			{ numRuns: 200, seed: 42 },
		);
	});
});
