import * as assert from 'node:assert';
import fc from 'fast-check';
import { addressSpaceSize, analyzeText, cHeader, linkerMemory, markdownMap, memoryStretches, placedRegions, type Analysis, type Region, type RegionId, type SpaceView } from '../../../../core/src/index';
import { renderTable } from '../../../util/markdownTable';
import { defines } from '../../../util/cDefines';

const names = ['ram', 'ram', 'uart.0', 'uart-0', '"tz port[0]"', '"0x10"', 'b0', 'B0', '"*/"', 'x_2'];
const numbers = ['0', '0x1000', '0x2000', '4K', '64K', '1M', '16E', '0xffff_ffff_ffff_f000'];
const kinds = ['container', 'container', 'ram', 'rom', 'romd', 'io', 'alias'];

const prop = fc.oneof(
	fc.constantFrom(...numbers).map((n) => `size ${n}`),
	fc.constantFrom('priority 1', 'priority -1', 'overlap', 'readonly', 'disabled', 'nonvolatile'),
	fc.constantFrom(...names).map((n) => `of ${n}`),
);

const region: fc.Memo<string> = fc.memo((depth) =>
	fc
		.tuple(
			fc.constantFrom(...kinds),
			fc.constantFrom(...names),
			fc.constantFrom(...numbers),
			fc.array(prop, { maxLength: 3 }),
			depth > 1 ? fc.array(region(depth - 1), { maxLength: 4 }) : fc.constant([]),
		)
		.map(([kind, name, at, props, body]) => `${kind} ${name} at ${at} size 4K ${props.join(' ')}${body.length > 0 ? ` {\n${body.join('\n')}\n}` : ''}`),
);

/** A root container with random members (names repeat and are rarely identifiers). */
const board = fc
	.array(region(3), { minLength: 1, maxLength: 6 })
	.map((members) => `space s = top\ncontainer top size 16E {\n${members.join('\n')}\n}\nram ram size 64K\n`);

/** The absolute base of `id` in the space rooted at `root`, by its parent chain. */
function baseByParents(analysis: Analysis, id: RegionId, root: RegionId): bigint | undefined {
	let base = 0n;
	let current: Region | undefined = analysis.tree.regions[id];
	for (let guard = 0; current !== undefined && guard < 1000; guard++) {
		if (current.id === root) {
			return base;
		}
		base += current.addr;
		current = current.parent === undefined ? undefined : analysis.tree.regions[current.parent];
	}
	return undefined;
}

/** The analysis of `text` and its one space. */
function analyzeBoard(text: string): { analysis: Analysis; space: SpaceView } {
	const analysis = analyzeText(text, 'p.memmap');
	const space = analysis.views[0];
	assert.ok(space);
	return { analysis, space };
}

suite('export: properties', () => {
	test('each region placed under the root is listed once, at its parent-chain address, with a unique identifier', () => {
		fc.assert(
			fc.property(board, (text) => {
				const { analysis, space } = analyzeBoard(text);
				const root = space.space.root;
				const placed = placedRegions(analysis.tree, root);
				const expected = analysis.tree.regions.filter((r) => baseByParents(analysis, r.id, root) !== undefined);
				assert.deepStrictEqual(placed.map((p) => p.region.id).sort((a, b) => a - b), expected.map((r) => r.id));
				for (const p of placed) {
					assert.strictEqual(p.base, baseByParents(analysis, p.region.id, root));
					assert.match(p.identifier, /^[A-Z_][A-Z0-9_]*$/);
				}
				assert.strictEqual(new Set(placed.map((p) => p.identifier)).size, placed.length);
				const macros = defines(cHeader(analysis.tree, space, { source: 'p.memmap' }));
				for (const p of placed) {
					const inside = p.base < addressSpaceSize;
					assert.strictEqual(macros.get(`${p.identifier}_BASE`), inside ? `0x${p.base.toString(16)}` : undefined);
					const size = inside && p.region.size < addressSpaceSize ? `0x${p.region.size.toString(16)}` : undefined;
					assert.strictEqual(macros.get(`${p.identifier}_SIZE`), size);
				}
			}),
			{ numRuns: 300, seed: 7 },
		);
	});

	test('ld MEMORY lists exactly the flat ranges owned by RAM and ROM, under unique names', () => {
		fc.assert(
			fc.property(board, (text) => {
				const { analysis, space } = analyzeBoard(text);
				const memory = space.view.ranges.filter((r) => ['ram', 'rom', 'romd', 'ramd'].includes(analysis.tree.regions[r.region]?.kind ?? ''));
				const stretches = memoryStretches(analysis.tree, space);
				assert.deepStrictEqual(stretches.map((s) => s.range), memory);
				assert.strictEqual(new Set(stretches.map((s) => s.name)).size, stretches.length);
				const script = linkerMemory(analysis.tree, space, { source: 'p.memmap' });
				const lines = [...script.matchAll(/^ {2}(\w+) +\((rwx|rx)\) +: ORIGIN = (0x[0-9a-f]+), LENGTH = (0x[0-9a-f]+)$/gm)];
				const full = stretches.filter((s) => s.range.size < addressSpaceSize);
				assert.deepStrictEqual(
					lines.map((m) => `${m[1]} ${m[2]} ${m[3]} ${m[4]}`),
					full.map((s) => `${s.name} ${s.attributes} 0x${s.range.start.toString(16)} 0x${s.range.size.toString(16)}`),
				);
			}),
			{ numRuns: 300, seed: 11 },
		);
	});

	test('the Markdown map, as a real renderer reads it, tiles the root: each flat range and each hole, in order', () => {
		const readAddress = (cell: string | undefined): bigint => BigInt((cell ?? '').replace(/_/g, ''));
		fc.assert(
			fc.property(board, (text) => {
				const { analysis, space } = analyzeBoard(text);
				const table = renderTable(markdownMap(analysis.tree, space, { source: 'p.memmap' }));
				let next = 0n;
				const owners: string[] = [];
				for (const row of table.rows) {
					assert.strictEqual(row.length, 6, row.join(' | '));
					assert.strictEqual(readAddress(row[0]), next);
					next = readAddress(row[1]) + 1n;
					owners.push(row[3] ?? '');
				}
				assert.strictEqual(next, analysis.tree.regions[space.space.root]?.size);
				// Every flat range appears, named as written, in address order; the rest is unmapped.
				const named = space.view.ranges.map((r) => analysis.tree.regions[r.region]?.name ?? '?');
				assert.deepStrictEqual(owners.filter((o) => o !== 'unmapped').map((o) => o.replace(/ through .*$/, '')), named);
			}),
			{ numRuns: 300, seed: 13 },
		);
	});
});
