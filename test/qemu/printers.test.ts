/**
 * The QEMU printers on small hand-written maps, for the behaviours of §8 that the captured
 * 7.2 machines do not show (overflow, zero size, nv-, ramd, alias of alias, hidden
 * disabled parents, FlatView sharing and the flat-view-root shortcut).
 */
import * as assert from 'node:assert';
import { analyzeText, printMtree } from '../../core/src/index';
import { joinLines } from '../util/golden';

function tree(text: string, showDisabled = true): string {
	return printMtree(analyzeText(text), { showDisabled });
}

const oddities = joinLines(
	'space memory = sys',
	'container sys size 16E {',
	'  ram big at 0xfffffffffffff000 size 0x2000',
	'  io zero at 0x1000 size 0',
	'  ram nvram at 0x2000 size 4K nonvolatile',
	'  ramd dev at 0x3000 size 4K',
	'  alias a2 at 0x4000 size 4K of a1',
	'  container off at 0x10000 size 4K disabled {',
	'    io inner at 0x10 size 16',
	'    alias hidden at 0x20 size 16 of r disabled',
	'  }',
	'}',
	'alias a1 size 4K of r offset 0x1000',
	'ram r size 8K',
);

suite('qemu printers: info mtree', () => {
	test('-D: overflow prefix, one-byte zero size, nv-, ramd, alias of alias, disabled, queue', () => {
		assert.strictEqual(
			tree(oddities),
			joinLines(
				'address-space: memory',
				'  0000000000000000-ffffffffffffffff (prio 0, i/o): sys',
				'    0000000000001000-0000000000001000 (prio 0, i/o): zero',
				'    0000000000002000-0000000000002fff (prio 0, nv-ram): nvram',
				'    0000000000003000-0000000000003fff (prio 0, ramd): dev',
				'    0000000000004000-0000000000004fff (prio 0, ram): alias a2 @a1 0000000000000000-0000000000000fff',
				'    0000000000010000-0000000000010fff (prio 0, i/o): off [disabled]',
				'      0000000000010010-000000000001001f (prio 0, i/o): inner',
				'      0000000000010020-000000000001002f (prio 0, ram): alias hidden @r 0000000000000000-000000000000000f [disabled]',
				'[DETECTED OVERFLOW!]     fffffffffffff000-0000000000000fff (prio 0, ram): big',
				'',
				'memory-region: a1',
				'  0000000000000000-0000000000000fff (prio 0, ram): alias a1 @r 0000000000001000-0000000000001fff',
				'',
				'memory-region: r',
				'  0000000000000000-0000000000001fff (prio 0, ram): r',
				'',
			),
		);
	});

	test('without -D: hidden disabled lines, children two levels deeper, targets still queued', () => {
		const text = joinLines(
			'space memory = sys',
			'container sys size 16E {',
			'  container off at 0x10000 size 4K disabled {',
			'    io inner at 0x10 size 16',
			'    alias gone at 0x20 size 16 of r disabled',
			'  }',
			'}',
			'ram r size 8K',
		);
		assert.strictEqual(
			tree(text, false),
			joinLines(
				'address-space: memory',
				'  0000000000000000-ffffffffffffffff (prio 0, i/o): sys',
				'      0000000000010010-000000000001001f (prio 0, i/o): inner',
				'',
				'memory-region: r',
				'  0000000000000000-0000000000001fff (prio 0, ram): r',
				'',
			),
		);
	});

	test('an overflow prefix of a hidden line sticks to the next printed line', () => {
		const text = joinLines(
			'space memory = sys',
			'container sys size 16E {',
			'  io a at 0x1000 size 16',
			'  io b at 0xfffffffffffff000 size 0x2000 disabled',
			'}',
		);
		// The group's closing blank line follows the prefix.
		assert.strictEqual(
			tree(text, false),
			joinLines(
				'address-space: memory',
				'  0000000000000000-ffffffffffffffff (prio 0, i/o): sys',
				'    0000000000001000-000000000000100f (prio 0, i/o): a',
				'[DETECTED OVERFLOW!] ',
			),
		);
	});

	test('print order: address ascending, priority descending, newest first on ties; groups share roots', () => {
		const text = joinLines(
			'space b-space = sys',
			'space a-space = sys',
			'container sys size 64K {',
			'  io low at 0x100 size 16 priority -1',
			'  io first at 0x100 size 16 overlap',
			'  io second at 0x100 size 16 overlap',
			'  io high at 0x100 size 16 priority 7',
			'  io zero at 0 size 16',
			'}',
		);
		assert.strictEqual(
			tree(text),
			joinLines(
				'address-space: a-space',
				'address-space: b-space',
				'  0000000000000000-000000000000ffff (prio 0, i/o): sys',
				'    0000000000000000-000000000000000f (prio 0, i/o): zero',
				'    0000000000000100-000000000000010f (prio 7, i/o): high',
				'    0000000000000100-000000000000010f (prio 0, i/o): second',
				'    0000000000000100-000000000000010f (prio 0, i/o): first',
				'    0000000000000100-000000000000010f (prio -1, i/o): low',
				'',
			),
		);
	});
});
