/**
 * The analysis that reuses its predecessor against a fresh one: after chains of edits of
 * the kinds that keep the tree's shape (comments, spacing, documentation, numbers typed
 * over in region headers) and of any kind, the two must agree on every diagnostic (with
 * its related locations), every region (every field a reader sees), every flat range,
 * every reference and every space. The tests also require that the reuse paths are taken,
 * so they cannot pass with a `reuseBuild` that always gives up.
 */
import * as assert from 'node:assert';
import * as fc from 'fast-check';
import { generateBoard } from '../../../../bench/generate';
import { analyze, type Analysis, type WorkspaceHost } from '../../../../core/src/index';
import { memmapFilesDeep } from '../syntax/syntaxFixtures';

const entry = 'file:///b.memmap';

/** An edit made at a fraction `where` (0..1) of the text, found anew in each text. */
type Edit = (text: string) => string;

const numbers = ['4K', '8K', '0x1000', '64K', '1M', '0', '3', '16E', '0x1_0000_0000_0000_0000', '-1', '0x7fffffff', '2'];

/** A number after `at`, `size`, `offset` or `priority` typed over. */
const numberEdit: fc.Arbitrary<Edit> = fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(...numbers)).map(
	([where, value]) =>
		(text) => {
			const spots = [...text.matchAll(/\b(at|size|offset|priority) (-?[0-9][0-9A-Za-z_]*)/g)];
			const spot = spots[Math.floor(where * spots.length)];
			if (spot?.index === undefined) {
				return text;
			}
			const start = spot.index + (spot[1] ?? '').length + 1;
			return text.slice(0, start) + value + text.slice(start + (spot[2] ?? '').length);
		},
);

/** Text inserted at the start of a line, or at any position. */
const insertEdit: fc.Arbitrary<Edit> = fc
	.tuple(
		fc.double({ min: 0, max: 1, noNaN: true }),
		fc.boolean(),
		fc.constantFrom('// note\n', '/// the doc\n', '\n', '  ', ' /* c */ ', '/*', '*/', 'x', '}', '{', ';', 'ram n size 4K\n', 'priority 2 '),
	)
	.map(([where, lineStart, insert]) => (text) => {
		let at = Math.floor(where * (text.length + 1));
		if (lineStart) {
			const line = text.lastIndexOf('\n', at - 1);
			at = line + 1;
		}
		return text.slice(0, at) + insert + text.slice(at);
	});

/** A few characters removed anywhere. */
const removeEdit: fc.Arbitrary<Edit> = fc
	.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 1, max: 6 }))
	.map(([where, count]) => (text) => {
		const at = Math.floor(where * text.length);
		return text.slice(0, at) + text.slice(at + count);
	});

/** Region lines, nested or not, new names and names already in use (`b0.ram`, `dimm`). */
const regionLines = [
	'ram n.x at 0x3000 size 4K',
	'io n.y at 0x5000 size 4K { valid 1..4; impl 8..8 }',
	'rom n.z at 0 size 1M priority 3',
	'ram n.o at 0x10 size 16 overlap',
	'ram b0.ram at 0x100 size 4K',
	'ram dimm at 0 size 4K',
	'alias n.w at 0 size 4K of dimm',
	'alias n.v at 0x100 size 4K of b0.ram',
	'alias n.t at 0 size 4K of "b1.ram" offset 0x10',
	'alias n.s at 0 size 4K of system',
	'container n.c at 0x8000 size 4K { ram n.d at 0 size 1K }',
	'ram n.bad at 0x3000',
	'ram "n \\"q" at 0 size 4K',
];

/** A region line pasted at the start of a line (the way a line is pasted or duplicated). */
const regionLineEdit: fc.Arbitrary<Edit> = fc
	.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(...regionLines))
	.map(([where, line]) => (text) => {
		const at = text.lastIndexOf('\n', Math.floor(where * text.length) - 1) + 1;
		return text.slice(0, at) + line + '\n' + text.slice(at);
	});

/** A whole line deleted. */
const lineRemoveEdit: fc.Arbitrary<Edit> = fc.double({ min: 0, max: 1, noNaN: true }).map((where) => (text) => {
	const start = text.lastIndexOf('\n', Math.floor(where * text.length) - 1) + 1;
	const end = text.indexOf('\n', start);
	return end < 0 ? text.slice(0, start) : text.slice(0, start) + text.slice(end + 1);
});

const edit = fc.oneof(
	{ arbitrary: numberEdit, weight: 4 },
	{ arbitrary: insertEdit, weight: 3 },
	{ arbitrary: removeEdit, weight: 1 },
	{ arbitrary: regionLineEdit, weight: 2 },
	{ arbitrary: lineRemoveEdit, weight: 2 },
);

function hostOf(text: string, extra: string): WorkspaceHost {
	return {
		readText: (uri) => (uri === entry ? text : uri === 'file:///extra.memmap' ? extra : undefined),
		resolveInclude: (_from, path) => `file:///${path}`,
	};
}

/**
 * Runs a chain of edits, each of the entry or (`true` beside it) of the included file;
 * returns how many analyses reused their predecessor's tree.
 */
function checkChain(start: string, startExtra: string, edits: readonly (readonly [Edit, boolean])[]): number {
	let text = start;
	let extra = startExtra;
	let previous: Analysis | undefined = analyze(entry, hostOf(text, extra));
	let reused = 0;
	for (const [change, ofExtra] of edits) {
		if (ofExtra) {
			extra = change(extra);
		} else {
			text = change(text);
		}
		const host = hostOf(text, extra);
		const regions: unknown = previous?.tree.regions;
		const incremental = analyze(entry, host, previous);
		const fresh = analyze(entry, host);
		assert.deepStrictEqual(summary(incremental), summary(fresh), `after editing to:\n${text}`);
		reused += incremental.tree.regions === regions ? 1 : 0;
		previous = incremental;
	}
	return reused;
}

/**
 * Analyses `before`, then `after` on top of that analysis, and checks the result against a
 * fresh analysis of `after`.
 */
function reanalyze(before: string, after: string, what?: string): { first: Analysis; second: Analysis } {
	const first = analyze(entry, hostOf(before, ''));
	const second = analyze(entry, hostOf(after, ''), first);
	assert.deepStrictEqual(summary(second), summary(analyze(entry, hostOf(after, ''))), what);
	return { first, second };
}

/** An edit, named for the assertion messages. */
interface Case {
	readonly what: string;
	readonly before: string;
	readonly after: string;
}

/** `reanalyze` of each case, which must keep the tree (`reused`) or build afresh. */
function expectReuse(cases: readonly Case[], reused: boolean): void {
	for (const { what, before, after } of cases) {
		const { first, second } = reanalyze(before, after, what);
		if (reused) {
			assert.strictEqual(second.tree.regions, first.tree.regions, `${what}: the tree was reused`);
		} else {
			assert.notStrictEqual(second.tree.regions, first.tree.regions, `${what}: built afresh`);
		}
	}
}

/** Everything an analysis says that a reader can see. */
function summary(analysis: Analysis): unknown {
	const tree = analysis.tree;
	return {
		diagnostics: analysis.diagnostics.map((d) => ({ ...d })),
		regions: tree.regions.map((r) => ({
			id: r.id,
			name: r.name,
			kind: r.kind,
			size: r.size,
			addr: r.addr,
			priority: r.priority,
			mayOverlap: r.mayOverlap,
			parent: r.parent,
			children: r.children,
			flags: [r.enabled, r.readonly, r.nonvolatile, r.romdMode],
			alias: r.alias,
			access: r.access,
			doc: r.doc,
			definition: r.definition,
			nameLocation: r.nameLocation,
			placement: r.placement,
			path: r.path,
			locations: { ...r.locations },
		})),
		topLevel: tree.topLevel,
		spaces: tree.spaces,
		views: analysis.views.map((v) => ({ space: v.space, view: v.view })),
		references: analysis.references,
	};
}

suite('analysis reuse (property)', () => {
	test('a reused analysis of the benchmark board with an include equals a fresh one, edit after edit', () => {
		const board = generateBoard(300).replace('space memory = system', 'include "extra.memmap"\nspace memory = system');
		const extra = '/// extra\nram extra size 4K\ncontainer more size 64K {\n  ram m at 0x100 size 0x100\n}\n';
		let reused = 0;
		let runs = 0;
		fc.assert(
			fc.property(fc.array(fc.tuple(edit, fc.boolean()), { minLength: 1, maxLength: 5 }), (edits) => {
				reused += checkChain(board, extra, edits);
				runs += edits.length;
			}),
			{ numRuns: 60 },
		);
		assert.ok(reused > runs / 3, `the tree was reused in only ${reused} of ${runs} edits`);
	});

	test('a reused analysis of every sample and fixture (mistakes included) equals a fresh one', () => {
		// The two boards built to blow up the render (half a second each) are left out.
		const files = [...memmapFilesDeep('samples'), ...memmapFilesDeep('test/fixtures')]
			.filter((f) => !/alias-explosion|space-truncated/.test(f.file))
			.map((f) => f.text);
		let reused = 0;
		let runs = 0;
		fc.assert(
			fc.property(fc.nat({ max: files.length - 1 }), fc.array(fc.tuple(edit, fc.constant(false)), { minLength: 1, maxLength: 4 }), (which, edits) => {
				reused += checkChain(files[which] as string, '', edits);
				runs += edits.length;
			}),
			{ numRuns: 200 },
		);
		assert.ok(reused > runs / 5, `the tree was reused in only ${reused} of ${runs} edits`);
	});

	test('region lines pasted into and deleted from blocks renumber the tree they reuse', () => {
		// The benchmark board, with lines pasted and deleted: only the region edits can keep
		// the tree, so the count of reused trees counts them.
		const board = generateBoard(300);
		const lineEdit = fc.oneof(regionLineEdit, lineRemoveEdit);
		let reused = 0;
		let runs = 0;
		fc.assert(
			fc.property(fc.array(fc.tuple(lineEdit, fc.constant(false)), { minLength: 1, maxLength: 6 }), (edits) => {
				reused += checkChain(board, '', edits);
				runs += edits.length;
			}),
			{ numRuns: 60 },
		);
		// About one in five qualifies: many lines hold braces or referenced names, or alias into
		// another top-level region.
		assert.ok(reused > runs / 10, `the tree was reused in only ${reused} of ${runs} edits`);
	});

	test('a region pasted before an alias target and a mapped region: ids move, the flat view holds', () => {
		const text = [
			'container sys size 1M {',
			'  ram a at 0 size 4K',
			'  ram b at 0x1000 size 4K',
			'  container pci at 0x10000 size 64K {',
			'    rom p at 0 size 4K',
			'    map big at 0x8000',
			'  }',
			'  alias w at 0x2000 size 4K of b',
			'}',
			'ram big size 4K',
			'',
		].join('\n');
		const pasted = text.replace('  ram b at', '  rom c at 0x3000 size 4K priority 1\n  ram b at');
		const { first, second } = reanalyze(text, pasted);
		assert.strictEqual(second.tree.regions, first.tree.regions, 'the tree was reused');
		assert.deepStrictEqual(second.tree.regions[0]?.children, [2, 6, 4, 3, 1], "'c' (priority 1) first, then the later first: w, pci, b, a");
		const deleted = analyze(entry, hostOf(text, ''), second);
		assert.strictEqual(deleted.tree.regions, first.tree.regions, 'deleting it again reuses the tree too');
		assert.deepStrictEqual(summary(deleted), summary(analyze(entry, hostOf(text, ''))));
	});

	test('a region edit that could change names, references or sibling order builds afresh', () => {
		const text = 'container sys size 1M {\n  ram a at 0 size 4K\n  alias w at 0x2000 size 4K of a\n}\n';
		const pasted = (before: string, line: string): string => before.replace('  alias', `${line}\n  alias`);
		const emptyBlock = text.replace('size 4K\n', 'size 4K\n  container c at 0x8000 size 4K {\n  }\n');
		const cases: Case[] = [
			{ what: 'a name a reference mentions', before: emptyBlock, after: emptyBlock.replace('{\n  }', '{\n    ram a at 0 size 1K\n  }') },
			{ what: 'a name that repeats a sibling', before: text, after: pasted(text, '  ram w at 0x3000 size 4K') },
			{
				what: 'a name that repeats a sibling, removed',
				before: pasted(text, '  ram d at 0x3000 size 1K\n  ram d at 0x4000 size 1K'),
				after: pasted(text, '  ram d at 0x4000 size 1K'),
			},
			{ what: 'a region an alias targets, removed', before: text, after: text.replace('  ram a at 0 size 4K\n', '') },
			{
				what: 'a region with a region in its block, removed',
				before: pasted(text, '  container c at 0x8000 size 4K { ram d at 0 size 1K }'),
				after: text,
			},
			{
				what: 'a name an unknown reference may be told of',
				before: text.replace('of a', 'of rama'),
				after: pasted(text.replace('of a', 'of rama'), '  ram ramb at 0x3000 size 4K'),
			},
		];
		expectReuse(cases, false);
	});

	test('a region pasted beside a map keeps the tree, siblings ordered by their places in the block', () => {
		const text = [
			'container sys size 1M {',
			'  ram a at 0 size 4K overlap',
			'  map x at 0x1000 overlap',
			'  ram b at 0x8000 size 4K',
			'}',
			'ram x size 4K',
			'',
		].join('\n');
		const line = '  ram v at 0x1000 size 4K overlap';
		for (const [where, order] of [
			['  map x', ['b', 'x', 'v', 'a']],
			['  ram b', ['b', 'v', 'x', 'a']],
		] as const) {
			const { first, second } = reanalyze(text, text.replace(where, `${line}\n${where}`), where);
			assert.strictEqual(second.tree.regions, first.tree.regions, `before '${where}': the tree was reused`);
			const sys = second.tree.regions[0];
			assert.deepStrictEqual(sys?.children.map((child) => second.tree.regions[child]?.name), order, 'the later in the block first');
		}
	});

	test('an alias pasted, deleted or typed keeps the tree, its reference resolved and placed in order', () => {
		const text = [
			'container sys size 1M {',
			'  ram a at 0 size 4K',
			'  alias w at 0x2000 size 4K of pc.ram',
			'  ram b at 0x8000 size 4K',
			'}',
			'ram pc.ram size 64K',
			'',
		].join('\n');
		const line = '  alias v at 0x3000 size 4K of a offset 0x10';
		const withAlias = text.replace('  ram b', `${line}\n  ram b`);
		const pasted = reanalyze(text, withAlias);
		assert.strictEqual(pasted.second.tree.regions, pasted.first.tree.regions, 'pasted: the tree was reused');
		const v = pasted.second.tree.regions.find((region) => region.name === 'v');
		assert.deepStrictEqual(v?.alias, { target: 1, offset: 0x10n });
		assert.deepStrictEqual(
			pasted.second.references.map((reference) => [reference.context, reference.target]),
			[['of', 5], ['of', 1]],
			"w's reference, then v's (by offset), with the ids after the edit",
		);
		const deleted = reanalyze(withAlias, text);
		assert.strictEqual(deleted.second.tree.regions, deleted.first.tree.regions, 'deleted: the tree was reused');
		// Typed key by key: every key keeps the tree but those where the name after 'of'
		// means no region yet ('alias v at 0x3000 size 4K of' has none: that is fine).
		let previous = analyze(entry, hostOf(text, ''));
		for (let length = 3; length <= line.length; length++) {
			const after = text.replace('  ram b', `${line.slice(0, length)}\n  ram b`);
			const next = analyze(entry, hostOf(after, ''), previous);
			assert.deepStrictEqual(summary(next), summary(analyze(entry, hostOf(after, ''))), after);
			assert.strictEqual(next.tree.regions, previous.tree.regions, `the tree was reused for ${after}`);
			previous = next;
		}
	});

	test('an alias keeps the tree only where no name, cycle or address space can change', () => {
		const text = [
			'container sys size 1M {',
			'  ram a at 0 size 4K',
			'  alias w at 0x2000 size 4K of pc.ram',
			'  container c at 0x8000 size 4K {',
			'    ram d at 0 size 1K',
			'  }',
			'  alias e at 0x9000 size 4K of c',
			'}',
			'ram pc.ram size 64K',
			'ram spare size 4K',
			'container other size 4K {',
			'  ram r at 0 size 1K',
			'}',
			'container more size 4K {',
			'  ram r at 0 size 1K',
			'}',
			'',
		].join('\n');
		const inSys = (source: string, line: string): string => source.replace('  ram a at 0 size 4K\n', `  ram a at 0 size 4K\n${line}\n`);
		// An alias 'v' of `of`, pasted into 'sys'.
		const aliasIn = (source: string, of: string): string => inSys(source, `  alias v at 0x3000 size 4K of ${of}`);
		const inC = (source: string, line: string): string => source.replace('    ram d at 0 size 1K\n', `    ram d at 0 size 1K\n${line}\n`);
		const spaces = 'space one = sys\nspace two = other\nspace three = more\n' + text;
		// 'other' uses itself: an alias inside it, of its own region, does not count.
		const inOther = text.replace('  ram r at 0 size 1K\n}\ncontainer more', '  ram r at 0 size 1K\n  alias q at 0x200 size 1K of other/r\n}\ncontainer more');
		const kept: Case[] = [
			{ what: 'an alias into its own top-level region', before: text, after: aliasIn(text, 'd') },
			{ what: 'an alias into a top-level region another alias uses', before: text, after: aliasIn(text, 'pc.ram') },
			{ what: 'an alias of the root of a written space', before: spaces, after: aliasIn(spaces, 'other') },
			{ what: 'an alias without a target', before: text, after: inSys(text, '  alias v at 0x3000 size 4K') },
			{ what: 'an alias of an unknown name', before: text, after: aliasIn(text, 'pc.rma') },
			// Two names as close: the suggestion is the first declared, the alias's own name.
			{ what: 'an alias of an unknown name, its own as close', before: text, after: inSys(text, '  alias pc.rmb at 0x3000 size 4K of pc.rma') },
		];
		expectReuse(kept, true);
		const unknown = reanalyze(text, aliasIn(text, 'pc.rma')).second;
		assert.deepStrictEqual(
			unknown.diagnostics.map((d) => [d.code, d.message]),
			[['ref.unknown', "Unknown region 'pc.rma'; did you mean 'pc.ram'?"]],
		);
		const afresh: Case[] = [
			{ what: 'an alias of its own block', before: text, after: aliasIn(text, 'sys') },
			{ what: 'an alias closing a cycle through another alias', before: text, after: inC(text, '    alias v at 0x100 size 1K of e') },
			{ what: 'an alias of its own name, which another region has', before: text, after: inSys(text, '  alias d at 0x3000 size 4K of d') },
			{ what: 'an alias of an ambiguous name', before: spaces, after: aliasIn(spaces, 'r') },
			{ what: 'an alias of a path', before: spaces, after: aliasIn(spaces, 'other/r') },
			{ what: "an alias with '#N'", before: text, after: aliasIn(text, 'd#1') },
			{ what: 'the first alias into an implicit space', before: text, after: aliasIn(text, 'spare') },
			{ what: 'the last alias into an implicit space, removed', before: aliasIn(text, 'spare'), after: text },
			{ what: 'the first alias into an unused region', before: spaces, after: aliasIn(spaces, 'spare') },
			{ what: 'the first alias from outside into a region aliased from inside', before: inOther, after: aliasIn(inOther, 'q') },
			{
				what: 'an alias in a build that cut a cycle',
				before: inC(text, '    alias x at 0x100 size 1K of e'),
				after: aliasIn(inC(text, '    alias x at 0x100 size 1K of e'), 'd'),
			},
		];
		expectReuse(afresh, false);
	});

	test('a top-level region pasted, deleted or typed keeps the tree: an implicit space of its own, or region.unused', () => {
		const implicit = 'container sys size 1M {\n  ram a at 0 size 4K\n}\nram b size 4K\n';
		const explicit = 'space memory = sys\n' + implicit;
		const line = 'rom fw size 64K';
		for (const [what, text] of [['implicit spaces', implicit], ['written spaces', explicit]] as const) {
			const pasted = text.replace('ram b', `${line}\nram b`);
			expectReuse(
				[
					{ what: `${what}: pasted`, before: text, after: pasted },
					{ what: `${what}: deleted`, before: pasted, after: text },
					{ what: `${what}: at the end`, before: text, after: `${text}${line}\n` },
				],
				true,
			);
			// Typed key by key: every key keeps the tree but 'rom f', typed right after the
			// syntax error of a nameless 'rom ', where the incremental parse gives way to a whole one.
			let previous = analyze(entry, hostOf(text, ''));
			const afresh: string[] = [];
			for (let length = 1; length <= line.length; length++) {
				const after = text.replace('ram b', `${line.slice(0, length)}\nram b`);
				const next = analyze(entry, hostOf(after, ''), previous);
				assert.deepStrictEqual(summary(next), summary(analyze(entry, hostOf(after, ''))), after);
				if (next.tree.regions !== previous.tree.regions) {
					afresh.push(line.slice(0, length));
				}
				previous = next;
			}
			assert.deepStrictEqual(afresh, ['rom f'], what);
		}
		const spaces = reanalyze(implicit, implicit.replace('ram b', `${line}\nram b`)).second.tree.spaces;
		assert.deepStrictEqual(spaces.map((space) => [space.name, space.root]), [['sys', 0], ['fw', 2], ['b', 3]]);
		const unused = reanalyze(explicit, explicit.replace('ram b', `${line}\nram b`)).second.diagnostics;
		assert.deepStrictEqual(unused.map((d) => d.code), ['region.unused', 'region.unused'], "'fw' and 'b'");
		const included = 'include "extra.memmap"\n' + implicit;
		const withInclude = reanalyze(included, included.replace('ram b', `${line}\nram b`));
		assert.strictEqual(withInclude.second.tree.regions, withInclude.first.tree.regions, 'after an include: the tree was reused');
		expectReuse(
			[
				{ what: 'a top-level alias', before: implicit, after: `${implicit}alias w size 4K of b\n` },
				{ what: 'a top-level name another top-level region has', before: implicit, after: `${implicit}rom b size 4K\n` },
				{ what: 'a top-level region with a region inside', before: implicit, after: `${implicit}container c size 4K { ram d at 0 size 1K }\n` },
			],
			false,
		);
	});

	test('a line pasted or deleted beside one that begins alike moves what is reported on that one', () => {
		// The text edit is found as the longest common prefix, so it starts inside 'n.bad',
		// whose diagnostic must still move as a whole (the edit slides back to the new line).
		const text = 'container sys size 1M {\n  ram a at 0 size 4K\n  ram n.bad at 0x3000\n}\nram n.o size 4K overlap\n';
		const nested = text.replace('  ram n.bad', '  ram n.x at 0x5000 size 4K\n  ram n.bad');
		const top = text.replace('ram n.o size', 'ram n.x size 4K\nram n.o size');
		expectReuse(
			[
				{ what: 'pasted in a block', before: text, after: nested },
				{ what: 'deleted from a block', before: nested, after: text },
				{ what: 'pasted at the top level', before: text, after: top },
				{ what: 'deleted from the top level', before: top, after: text },
			],
			true,
		);
	});

	test('a name that a reference only contains keeps the tree; one a reference spells, quoted or not, builds afresh', () => {
		const text = [
			'container sys size 1M {',
			'  container c at 0 size 64K {',
			'    ram b0.ram at 0 size 4K',
			'    ram "x y" at 0x1000 size 4K',
			'  }',
			'  alias w at 0x10000 size 4K of b0.ram',
			'  alias v at 0x11000 size 4K of c/"x y"',
			'  container d at 0x20000 size 64K {',
			'  }',
			'}',
			'',
		].join('\n');
		const pasted = (name: string): string => text.replace('64K {\n  }', `64K {\n    ram ${name} at 0 size 4K\n  }`);
		const named = (names: readonly string[]): Case[] => names.map((name) => ({ what: name, before: text, after: pasted(name) }));
		expectReuse(named(['b', 'b0', 'ram', 'x', 'y', '"x"', '"b0.ra"', 'w']), true);
		expectReuse(named(['b0.ram', '"b0.ram"', '"x y"', 'c']), false);
	});

	test('a region line typed key by key keeps the tree at every key, with the half-typed region\'s own diagnostics', () => {
		const text = 'container sys size 1M {\n  ram a at 0 size 4K\n  ram b at 0x1000 size 4K\n}\n';
		let previous = analyze(entry, hostOf(text, ''));
		const typed = '  ram v at 0x3000 size 4K';
		for (let length = 3; length <= typed.length; length++) {
			const after = text.replace('  ram b', `${typed.slice(0, length)}\n  ram b`);
			const next = analyze(entry, hostOf(after, ''), previous);
			assert.deepStrictEqual(summary(next), summary(analyze(entry, hostOf(after, ''))), after);
			assert.strictEqual(next.tree.regions, previous.tree.regions, `the tree was reused for ${after}`);
			previous = next;
		}
		const missing = text.replace('  ram b', '  ram v at 0x3000\n  ram b');
		const { first, second } = reanalyze(text, missing);
		assert.strictEqual(second.tree.regions, first.tree.regions, 'the tree was reused');
		assert.deepStrictEqual(
			second.diagnostics.map((d) => d.code),
			['region.missing-size'],
		);
	});

	test("a removed region's diagnostics go with it, though the edit's span may miss them", () => {
		// The deleted line and the next one start alike, so the edit is found past the start
		// of the deleted line, and the name that 'prop.missing-at' is reported on lies before it.
		const text = 'container sys size 1M {\n  ram pq size 4K\n  ram pqr at 0 size 4K\n}\n';
		const after = text.replace('  ram pq size 4K\n', '');
		const { first, second } = reanalyze(text, after);
		assert.ok(first.diagnostics.some((d) => d.code === 'prop.missing-at'));
		assert.strictEqual(second.tree.regions, first.tree.regions, 'the tree was reused');
		assert.deepStrictEqual(second.diagnostics, []);
	});

	test("a map's numbers or a mapped region's size typed over keep the tree; a new priority or an overflow builds afresh", () => {
		const text = [
			'container sys size 1M {',
			'  ram a at 0 size 4K',
			'  map x at 0x1000 overlap',
			'}',
			'ram x size 4K',
			'',
		].join('\n');
		expectReuse(
			[
				{ what: "a map's address", before: text, after: text.replace('map x at 0x1000', 'map x at 0x2000') },
				{ what: "a mapped region's size", before: text, after: text.replace('ram x size 4K', 'ram x size 8K') },
			],
			true,
		);
		// The overflow of a mapped region is reported on its map, outside the edited region.
		const overflow = 'container sys size 16E {\n  map blob at 0xffff_ffff_0000_0000\n}\nram blob size 8G\n';
		reanalyze(overflow, overflow.replace('size 8G', 'size 4K'), 'an overflow a new size ends');
		reanalyze(overflow.replace('size 8G', 'size 4K'), overflow, 'an overflow a new size makes');
		const moved = reanalyze(text, text.replace('map x at 0x1000', 'map x at 0x2000')).second;
		assert.strictEqual(moved.tree.regions.find((region) => region.name === 'x')?.addr, 0x2000n);
		const withPriority = text.replace('map x at 0x1000 overlap', 'map x at 0x1000 priority 1');
		expectReuse(
			[
				{ what: "a map's priority", before: withPriority, after: withPriority.replace('priority 1', 'priority -1') },
				{ what: 'a map past 2^64', before: text, after: text.replace('map x at 0x1000', 'map x at 0xfffffffffffff800') },
			],
			false,
		);
	});

	test('a priority typed over reorders the siblings (the tree is then built afresh)', () => {
		const text = 'container sys size 1M {\n  ram a at 0 size 4K priority 1\n  ram b at 0 size 4K\n}\n';
		const after = text.replace('priority 1', 'priority -1');
		const { second } = reanalyze(text, after);
		assert.strictEqual(second.views[0]?.view.ranges[0]?.region, 2, "'b' now wins");
	});

	test('a size typed over re-checks the settings that depend on it (coalescing a whole 2^64 region)', () => {
		const text = 'container sys size 16E {\n  io r at 0 size 4K { coalesce }\n}\n';
		const after = text.replace('size 4K', 'size 16E');
		const { second } = reanalyze(text, after);
		assert.ok(second.diagnostics.some((d) => d.code === 'coalesce.full-size'));
	});

	test('an edit of equal length that moves a name moves what is reported on it', () => {
		// `a ` becomes ` a`: nothing changes length, but the name (and the unused-region
		// report on it) moves one character to the right.
		const text = 'space s = b\nram b size 4K\nram a  size 4K\n';
		const after = 'space s = b\nram b size 4K\nram  a size 4K\n';
		const { second } = reanalyze(text, after);
		assert.deepStrictEqual(
			second.diagnostics.map((d) => [d.code, d.offset]),
			[['region.unused', after.indexOf('a size')]],
		);
	});

	test('spans that hold an edit grow with it: a space definition, a map statement', () => {
		const text = [
			'space s = sys',
			'space s = sys',
			'container sys size 1M {',
			'  ram r at 0 size 4K',
			'  map r at 0x1000',
			'}',
			'',
		].join('\n');
		for (const after of [text.replace('space s = sys', 'space s  =  sys'), text.replace('map r at 0x1000', 'map r  at 0x1000')]) {
			const { first, second } = reanalyze(text, after);
			assert.strictEqual(second.tree.regions, first.tree.regions, 'the tree was reused');
		}
	});

	test("a ';' typed at the very end of a space definition joins it", () => {
		const text = 'container sys size 1M {\n  ram a at 0 size 4K\n}\nspace memory = sys';
		const { first, second } = reanalyze(text, `${text};`);
		assert.strictEqual(second.tree.regions, first.tree.regions, 'the tree was reused');
		assert.strictEqual(second.tree.spaces[0]?.definition?.length, 'space memory = sys;'.length);
		// A whole map statement is reported as mapped twice: a ';' typed after it builds afresh.
		const twice = 'container sys size 1M {\n  map b at 0\n  map b at 0x1000\n}\nram b size 4K\n';
		expectReuse([{ what: "a ';' after a reported map", before: twice, after: twice.replace('0x1000', '0x1000;') }], false);
		const once = 'container sys size 1M {\n  map b at 0\n}\nram b size 4K\n';
		expectReuse([{ what: "a ';' after a map that nothing reports", before: once, after: once.replace('at 0\n', 'at 0;\n') }], true);
	});

	test('an edit of a comment keeps the flat views; a size typed over redoes them on the same tree', () => {
		const text = 'container sys size 1M {\n  ram a at 0 size 4K\n  ram b at 0x1000 size 4K\n}\n';
		const host = (t: string): WorkspaceHost => hostOf(t, '');
		const first = analyze(entry, host(text));
		const commented = '// the board\n' + text;
		const second = analyze(entry, host(commented), first);
		assert.strictEqual(second.tree.regions, first.tree.regions);
		assert.strictEqual(second.views[0]?.view, first.views[0]?.view);
		assert.strictEqual(second.tree.regions[1]?.definition.offset, commented.indexOf('ram a'));
		const grown = commented.replace('size 4K\n  ram b', 'size 8K\n  ram b');
		const third = analyze(entry, host(grown), second);
		assert.strictEqual(third.tree.regions, first.tree.regions);
		assert.notStrictEqual(third.views[0]?.view, second.views[0]?.view);
		assert.strictEqual(third.tree.regions[1]?.size, 0x2000n);
		assert.deepStrictEqual(
			third.diagnostics.map((d) => d.code),
			['region.overlap'],
			'the grown region now overlaps its neighbour',
		);
	});
});
