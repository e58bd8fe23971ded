import * as assert from 'node:assert';
import { checkGolden, fixture, memmap } from './run';

interface JsonRange {
	start: string;
	end: string;
	kind: string;
	path: string;
}

suite('cli: flat, tree, owner', () => {
	const board = fixture('board.memmap');

	test('flat: every space with its ranges and holes', () => {
		assert.strictEqual(checkGolden('flat-board', ['flat', board]).status, 0);
	});

	test('flat --space', () => {
		assert.strictEqual(
			checkGolden('flat-board-pio', ['flat', board, '--space', 'pio']).status,
			0,
		);
	});

	test('flat --format json covers the root without gaps', () => {
		const result = memmap(['flat', board, '--format', 'json']);
		assert.strictEqual(result.status, 0);
		const spaces = JSON.parse(result.stdout) as { name: string; ranges: JsonRange[] }[];
		assert.deepStrictEqual(
			spaces.map((s) => s.name),
			['memory', 'pio'],
		);
		for (const space of spaces) {
			let cursor = 0n;
			for (const range of space.ranges) {
				assert.strictEqual(BigInt(range.start), cursor);
				cursor = BigInt(range.end);
			}
		}
		const memory = spaces[0]?.ranges ?? [];
		assert.strictEqual(memory[memory.length - 1]?.end, '0x100000000');
		assert.ok(memory.some((r) => r.kind === 'hole'));
	});

	test('tree: absolute addresses, QEMU child order', () => {
		assert.strictEqual(checkGolden('tree-board', ['tree', board]).status, 0);
	});

	test('tree --format json nests children with absolute addresses', () => {
		const result = memmap(['tree', board, '--format', 'json']);
		assert.strictEqual(result.status, 0);
		const tree = JSON.parse(result.stdout) as {
			spaces: {
				name: string;
				root: {
					children: {
						name: string;
						start: string;
						children: { name: string; start: string }[];
					}[];
				};
			}[];
		};
		const pci = tree.spaces[0]?.root.children.find((c) => c.name === 'pci');
		const bios = pci?.children.find((c) => c.name === 'pc.bios');
		assert.strictEqual(bios?.start, '0xfffc0000');
	});

	test('owner: through an alias, with what it hides', () => {
		assert.strictEqual(
			checkGolden('owner-board-isa-bios', ['owner', board, '0xe_0000', '--space', 'memory'])
				.status,
			0,
		);
	});

	test('owner: every number form', () => {
		const hex = memmap(['owner', board, '0xfee00000']);
		assert.strictEqual(hex.status, 0);
		for (const form of [
			'0xfee0_0000',
			'4276092928',
			'0b11111110111000000000000000000000',
		]) {
			assert.strictEqual(memmap(['owner', board, form]).stdout, hex.stdout, form);
		}
		const unit = memmap(['owner', board, '64K', '--space', 'memory']);
		assert.strictEqual(
			unit.stdout,
			memmap(['owner', board, '0x10000', '--space', 'memory']).stdout,
		);
	});

	test('owner: a hole in every space asked exits 1', () => {
		const result = checkGolden('owner-board-hole', ['owner', board, '0xf000_0000']);
		assert.strictEqual(result.status, 1);
	});

	test('owner of several addresses: one analysis, each answered in turn; exit 1 if any is a hole everywhere', () => {
		const one = (address: string): string => memmap(['owner', board, address, '--space', 'memory']).stdout;
		const both = memmap(['owner', board, '0xfee00000', '0x1000', '--space', 'memory']);
		assert.strictEqual(both.status, 0, both.stderr);
		assert.strictEqual(both.stdout, `${one('0xfee00000')}\n${one('0x1000')}`);
		const withHole = memmap(['owner', board, '0x1000', '0xf000_0000', '--space', 'memory']);
		assert.strictEqual(withHole.status, 1);
		assert.match(withHole.stdout, /0xf0000000 is a hole: .*the hole is \[0x8000000, 0xfec00000\)/);
		// A malformed address is a usage error before the board is read.
		const bad = memmap(['owner', 'no-such-board.memmap', '0x1000', '0xzz']);
		assert.strictEqual(bad.status, 2);
		assert.match(bad.stderr, /owner: invalid address '0xzz'/);
	});

	test('owner --format json: per address and space, the owning range as flat prints it, or the hole', () => {
		const result = memmap(['owner', board, '0xfee00010', '0xf000_0000', '--format', 'json']);
		assert.strictEqual(result.status, 1, 'the second address is a hole in every space');
		const answers = JSON.parse(result.stdout) as Record<string, unknown>[];
		const flat = JSON.parse(memmap(['flat', board, '--format', 'json']).stdout) as { name: string; ranges: Record<string, unknown>[] }[];
		assert.deepStrictEqual(
			answers.map((a) => [a.address, a.space]),
			['0xfee00010', '0xf0000000'].flatMap((address) => flat.map((space) => [address, space.name])),
		);
		const memory = flat.find((space) => space.name === 'memory');
		const owned = answers[0] ?? {};
		assert.deepStrictEqual(owned.owner, memory?.ranges.find((r) => r.start === '0xfee00000'));
		assert.strictEqual(owned.offset, '0x10');
		assert.strictEqual(owned.hole, null);
		assert.deepStrictEqual(owned.explanation, memmap(['owner', board, '0xfee00010', '--space', 'memory']).stdout.trimEnd().split('\n').slice(1).map((l) => l.trim()));
		const hole = answers.find((a) => a.address === '0xf0000000' && a.space === 'memory') ?? {};
		assert.deepStrictEqual([hole.owner, hole.offset, hole.hole], [null, null, { start: '0x8000000', end: '0xfec00000' }]);
		const holeRow = memory?.ranges.find((r) => r.kind === 'hole' && r.start === '0x8000000');
		assert.strictEqual(holeRow?.end, '0xfec00000', 'the same hole as flat shows');
	});

	test('a board with errors: best-effort output, errors on stderr, exit 1', () => {
		const result = memmap(['flat', fixture('errors.memmap')]);
		assert.strictEqual(result.status, 1);
		assert.match(result.stdout, /^space memory/);
		assert.match(result.stderr, /errors\.memmap:7:\d+: error: .*\[ref\.unknown\]/);
	});
});

suite('cli: samples/pc-x86.memmap', () => {
	const sample = 'samples/pc-x86.memmap';

	test('check', () => {
		assert.strictEqual(checkGolden('check-pc-x86', ['check', sample]).status, 0);
	});

	test('flat', () => {
		assert.strictEqual(checkGolden('flat-pc-x86', ['flat', sample]).status, 0);
	});

	test('tree', () => {
		assert.strictEqual(checkGolden('tree-pc-x86', ['tree', sample]).status, 0);
	});

	test('owner: with a QEMU capture beside the board, also what QEMU renders there', () => {
		const result = checkGolden('owner-mistakes-qemu', ['owner', 'samples/mistakes-qemu.memmap', '0xc0000']);
		assert.strictEqual(result.status, 0);
		assert.match(result.stdout, /^ {2}QEMU \(mistakes-qemu\.flat\.txt, line 6\): 'pc\.rom' \(prio 1, rom\)$/m);
	});

	test('owner of the ISA BIOS window and of the RTC ports', () => {
		assert.strictEqual(
			checkGolden('owner-pc-x86-bios', ['owner', sample, '0xe0000', '--space', 'memory'])
				.status,
			0,
		);
		assert.strictEqual(
			checkGolden('owner-pc-x86-rtc', ['owner', sample, '0x70', '--space', 'I/O']).status,
			0,
		);
	});
});
