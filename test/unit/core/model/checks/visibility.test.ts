/** Visibility checks: fully shadowed terminal regions and never-rendered trees (W20). */
import * as assert from 'node:assert';
import { alias, buildTree, container, io, ram, rom } from '../../../../util/treeBuilder';
import { runChecks, withCode } from './checkHelper';

const full = 1n << 64n;

suite('checks: visibility', () => {
	test('region.shadowed: a placed terminal that owns no byte, naming who hides it', () => {
		const tree = buildTree([
			container('sys', full, {}, [ram('big', 0x10000n, { at: 0n, priority: 1 }), rom('under', 0x1000n, { at: 0x2000n })]),
		]);
		const diagnostics = runChecks(tree).filter((d) => d.code === 'region.shadowed');
		assert.deepStrictEqual(
			diagnostics.map((d) => [d.severity, d.message, d.unnecessary, d.related?.length]),
			[['warning', "'under' is placed at [0x2000, 0x3000) in space 'sys' but is never visible: it is fully hidden by 'big'.", true, 1]],
		);
	});

	test('partly visible, disabled and alias-only regions are not shadowed', () => {
		const tree = buildTree([
			ram('target', 0x1000n),
			container('sys', full, {}, [
				ram('big', 0x1000n, { at: 0n, priority: 1 }),
				rom('part', 0x2000n, { at: 0n }),
				rom('off', 0x1000n, { at: 0n, disabled: true }),
				alias('w', 0x1000n, 'target', { at: 0x8000n }),
			]),
		]);
		assert.deepStrictEqual(withCode(tree, 'region.shadowed'), []);
	});

	test('region.invisible (W20): mapped under a tree that no space renders, reported at its top', () => {
		const tree = buildTree(
			[
				container('sys', full, {}, [io('dev', 0x10n)]),
				container('lost', 0x10000n, {}, [container('sub', 0x1000n, {}, [io('deep', 0x10n)])]),
				container('targets', 0x10000n, {}, [ram('used', 0x1000n)]),
				alias('a', 0x1000n, 'used'),
			],
			{ memory: 'sys' },
		);
		assert.deepStrictEqual(withCode(tree, 'region.invisible'), [
			"warning region.invisible: 'sub' is mapped under 'lost', which no address space renders and no alias reaches: it is never visible (W20).",
		]);
	});

	test('regions reachable through an alias from a space are not invisible', () => {
		const tree = buildTree(
			[container('sys', full, {}, [alias('w', 0x1000n, 'board', { at: 0n })]), container('board', 0x1000n, {}, [io('dev', 0x10n)])],
			{ memory: 'sys' },
		);
		assert.deepStrictEqual(withCode(tree, 'region.invisible'), []);
	});
});
