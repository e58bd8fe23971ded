/**
 * `info mtree -f` from hand-written maps: shared FlatViews, the flat-view-root shortcut,
 * `, alias X` for alias roots, "No rendered FlatView", `rom` for readonly ranges, the
 * terminal region's own priority and `@offset`.
 */
import * as assert from 'node:assert';
import { analyzeText, printFlatViews } from '../../core/src/index';
import { joinLines } from '../util/golden';

function flat(text: string): string {
	return printFlatViews(analyzeText(text));
}

suite('qemu printers: info mtree -f', () => {
	test('shared views, shortcut root, alias root, empty view, rom and offsets', () => {
		const text = joinLines(
			'space memory = sys',
			'space cpu = sys',
			'space wrapped = wrapper',
			'space via-alias = whole',
			'space dead = off',
			'container sys size 64K {',
			'  ram r at 0 size 32K',
			'  alias ro at 0x8000 size 4K of r offset 0x1000 readonly priority 5',
			'  io dev at 0x9000 size 4K priority 3',
			'}',
			'container wrapper size 64K {',
			'  map inner at 0',
			'}',
			'container inner size 64K {',
			'  io reg at 0x10 size 16',
			'}',
			'alias whole size 64K of sys',
			'container off size 64K disabled {',
			'  io x at 0 size 16',
			'}',
		);
		assert.strictEqual(
			flat(text),
			joinLines(
				'FlatView #0',
				' AS "memory", root: sys',
				' AS "cpu", root: sys',
				' AS "via-alias", root: whole, alias sys',
				' Root memory region: sys',
				'  0000000000000000-0000000000007fff (prio 0, ram): r',
				'  0000000000008000-0000000000008fff (prio 0, rom): r @0000000000001000',
				'  0000000000009000-0000000000009fff (prio 3, i/o): dev',
				'',
				'FlatView #1',
				' AS "wrapped", root: wrapper',
				' Root memory region: inner',
				'  0000000000000010-000000000000001f (prio 0, i/o): reg',
				'',
				'FlatView #2',
				' AS "dead", root: off',
				' Root memory region: (none)',
				'  No rendered FlatView',
				'',
			),
		);
	});

	test('an I/O region fills the gaps around its subregions with offsets', () => {
		const text = joinLines(
			'space "I/O" = "io"',
			'io "io" size 64K {',
			'  io rtc at 0x70 size 2 {',
			'    io rtc-index at 0 size 1',
			'  }',
			'}',
		);
		assert.strictEqual(
			flat(text),
			joinLines(
				'FlatView #0',
				' AS "I/O", root: io',
				' Root memory region: io',
				'  0000000000000000-000000000000006f (prio 0, i/o): io',
				'  0000000000000070-0000000000000070 (prio 0, i/o): rtc-index',
				'  0000000000000071-0000000000000071 (prio 0, i/o): rtc @0000000000000001',
				'  0000000000000072-000000000000ffff (prio 0, i/o): io @0000000000000072',
				'',
			),
		);
	});
});
