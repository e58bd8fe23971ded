/**
 * `diffFlatSpaces`: boards against the real QEMU 7.2 `info mtree -f` texts they were
 * imported from, a board against its own printed text (property), and the sweep itself
 * against an address-by-address reference on small random views.
 */
import * as assert from 'node:assert';
import * as fc from 'fast-check';
import { analyzeText, printFlatViews } from '../../core/src/index';
import { diffFlatSpaces, findMoves, flatSpacesOfAnalysis, flatSpacesOfText } from '../../core/src/qemu/index';
import type { FlatDifference, FlatOwner, FlatSpace } from '../../core/src/qemu/index';
import { diffRanges, type OwnedRange } from '../../core/src/qemu/flatDiff';
import { joinLines } from '../util/golden';
import { capture, importAndAnalyze, machines } from './qemuFixtures';
import { randomBoard } from './randomBoard';

function owner(name: string, offset = 0n, priority = 0, type = 'ram'): FlatOwner {
	return { name, type, nonvolatile: false, priority, offset };
}

function range(start: bigint, end: bigint, who: FlatOwner): OwnedRange {
	return { start, end, owner: who };
}

function statuses(before: readonly FlatSpace[], after: readonly FlatSpace[]): string[] {
	return diffFlatSpaces(before, after).map((space) => `${space.name}: ${space.status}`);
}

suite('qemu: diff of flat views', () => {
	test('every imported QEMU 7.2 machine equals the info mtree -f text it came from', () => {
		for (const machine of machines()) {
			const flat = capture(machine, 'flat');
			const imported = importAndAnalyze(capture(machine, 'mtreeD'), flat);
			const fromText = flatSpacesOfText(flat);
			assert.deepStrictEqual(fromText.errors, [], machine);
			const diff = diffFlatSpaces(flatSpacesOfAnalysis(imported.analysis), fromText.spaces);
			assert.ok(diff.length > 0, machine);
			assert.deepStrictEqual(diff.filter((space) => space.status !== 'same'), [], machine);
		}
	});

	test('a real machine against itself with one device moved', () => {
		const flat = capture('x86_64-pc', 'flat');
		const moved = flat.replace(
			'  00000000fed00000-00000000fed003ff (prio 0, i/o): hpet',
			'  00000000fed01000-00000000fed013ff (prio 0, i/o): hpet',
		);
		assert.notStrictEqual(moved, flat, 'the fixture has the hpet line');
		const diff = diffFlatSpaces(flatSpacesOfText(flat).spaces, flatSpacesOfText(moved).spaces);
		const memory = diff.find((space) => space.name === 'memory');
		assert.deepStrictEqual(memory?.differences, [
			{ start: 0xfed00000n, end: 0xfed00400n, before: owner('hpet', 0n, 0, 'i/o'), after: undefined },
			{ start: 0xfed01000n, end: 0xfed01400n, before: undefined, after: owner('hpet', 0n, 0, 'i/o') },
		]);
		assert.deepStrictEqual(memory?.moves, [
			{ name: 'hpet', type: 'i/o', priority: 0, nonvolatile: false, from: 0xfed00000n, to: 0xfed01000n, size: 0x400n },
		]);
		// The other space of the same FlatView block changed with it; cpu-smm-0 has a block
		// (and an hpet line) of its own, which the edit left alone.
		assert.deepStrictEqual(
			diff.filter((space) => space.status === 'different').map((space) => space.name),
			['memory', 'cpu-memory-0'],
		);
	});

	test('random boards equal their own printed info mtree -f text (property)', () => {
		fc.assert(
			fc.property(randomBoard, (source) => {
				const analysis = analyzeText(source);
				const text = flatSpacesOfText(printFlatViews(analysis));
				assert.deepStrictEqual(text.errors, []);
				const diff = diffFlatSpaces(flatSpacesOfAnalysis(analysis), text.spaces);
				assert.deepStrictEqual(diff.filter((space) => space.status !== 'same'), [], source);
			}),
			{ numRuns: 100, seed: 11 },
		);
	});

	test('ownership split into ranges differently is the same', () => {
		const whole = [range(0n, 0x2000n, owner('ram', 0x100n))];
		const split = [range(0n, 0x800n, owner('ram', 0x100n)), range(0x800n, 0x2000n, owner('ram', 0x900n))];
		assert.deepStrictEqual(diffRanges(whole, split), []);
	});

	test('offset, priority, type and nonvolatile each make a difference', () => {
		const base = owner('dev', 0x10n, 1, 'i/o');
		for (const other of [
			{ ...base, offset: 0x20n },
			{ ...base, priority: 2 },
			{ ...base, type: 'ram' },
			{ ...base, nonvolatile: true },
			{ ...base, name: 'dev2' },
		]) {
			assert.deepStrictEqual(diffRanges([range(0n, 16n, base)], [range(0n, 16n, other)]), [
				{ start: 0n, end: 16n, before: base, after: other },
			]);
		}
	});

	test('a difference reports the offset of its own first address', () => {
		const before = [range(0x1000n, 0x3000n, owner('ram'))];
		const after = [range(0x1000n, 0x2000n, owner('ram')), range(0x2000n, 0x3000n, owner('rom'))];
		assert.deepStrictEqual(diffRanges(before, after), [
			{ start: 0x2000n, end: 0x3000n, before: owner('ram', 0x1000n), after: owner('rom') },
		]);
	});

	test('a view reaching 2^64 - 1 compares to its end', () => {
		const top = 1n << 64n;
		const before = [range(0n, top, owner('io', 0n, 0, 'i/o'))];
		const after = [range(0n, top - 0x1000n, owner('io', 0n, 0, 'i/o'))];
		assert.deepStrictEqual(diffRanges(before, after), [
			{ start: top - 0x1000n, end: top, before: owner('io', top - 0x1000n, 0, 'i/o'), after: undefined },
		]);
	});

	test('spaces are matched by name; the unmatched ones are listed on their side', () => {
		const view = (name: string, ranges: OwnedRange[] = []): FlatSpace => ({ name, ranges });
		const before = [view('memory', [range(0n, 4n, owner('a'))]), view('I/O'), view('old')];
		const after = [view('new'), view('I/O'), view('memory', [range(0n, 4n, owner('b'))])];
		assert.deepStrictEqual(statuses(before, after), ['memory: different', 'I/O: same', 'old: only-before', 'new: only-after']);
	});

	test('flat text out of address order is a located error', () => {
		const text = joinLines(
			'FlatView #0',
			' AS "memory", root: system',
			' Root memory region: system',
			'  0000000000001000-0000000000001fff (prio 0, ram): b',
			'  0000000000000000-0000000000000fff (prio 0, ram): a',
			'',
		);
		const result = flatSpacesOfText(text);
		assert.deepStrictEqual(result.errors, [
			{ line: 5, column: 3, message: 'expected ranges in increasing address order without overlap, as QEMU prints them' },
		]);
		assert.deepStrictEqual(result.spaces.map((s) => s.ranges.length), [1]);
	});

	test('the sweep agrees with an address-by-address reference (property)', () => {
		fc.assert(fc.property(smallView, smallView, (before, after) => checkAgainstReference(before, after)), {
			numRuns: 500,
			seed: 5,
		});
	});
});

/** Disjoint sorted ranges inside [0, 64) with a few owners and offsets. */
const smallView: fc.Arbitrary<OwnedRange[]> = fc
	.array(
		fc.record({ gap: fc.nat(4), length: fc.integer({ min: 1, max: 8 }), name: fc.constantFrom('a', 'b'), offset: fc.nat(3) }),
		{ maxLength: 10 },
	)
	.map((parts) => {
		const out: OwnedRange[] = [];
		let at = 0n;
		for (const part of parts) {
			const start = at + BigInt(part.gap);
			const end = start + BigInt(part.length);
			out.push(range(start, end, owner(part.name, BigInt(part.offset))));
			at = end;
		}
		return out;
	});

/** The owner of one address, as a comparable string ('' for a hole). */
function ownerKey(ranges: readonly OwnedRange[], address: bigint): string {
	const found = ranges.find((r) => r.start <= address && address < r.end);
	return found ? `${found.owner.name}@${found.owner.offset + (address - found.start)}` : '';
}

function checkAgainstReference(before: OwnedRange[], after: OwnedRange[]): void {
	const differences = diffRanges(before, after);
	const inDifference = (address: bigint): FlatDifference | undefined =>
		differences.find((d) => d.start <= address && address < d.end);
	for (let address = 0n; address < 120n; address++) {
		const differs = ownerKey(before, address) !== ownerKey(after, address);
		assert.strictEqual(inDifference(address) !== undefined, differs, `address ${address}`);
	}
	for (let i = 1; i < differences.length; i++) {
		const previous = differences[i - 1] as FlatDifference;
		const next = differences[i] as FlatDifference;
		assert.ok(previous.end <= next.start, 'sorted and disjoint');
		if (previous.end === next.start) {
			const joinable =
				ownerKey(before, previous.end - 1n) !== '' || ownerKey(before, next.start) !== ''
					? continuesAcross(before, previous.end)
					: true;
			const joinableAfter =
				ownerKey(after, previous.end - 1n) !== '' || ownerKey(after, next.start) !== ''
					? continuesAcross(after, previous.end)
					: true;
			assert.ok(!(joinable && joinableAfter), `differences at ${previous.end} could have been one`);
		}
	}
}

/** Whether the owner just below `address` continues, one byte on, at `address`. */
function continuesAcross(ranges: readonly OwnedRange[], address: bigint): boolean {
	const below = ownerKey(ranges, address - 1n);
	const here = ownerKey(ranges, address);
	if (below === '' || here === '') {
		return false;
	}
	const [name, offset] = below.split('@');
	return here === `${name}@${BigInt(offset ?? '0') + 1n}`;
}

suite('qemu: moves among the differences', () => {
	const io = (name: string, offset = 0n): FlatOwner => owner(name, offset, 0, 'i/o');
	const moves = (before: OwnedRange[], after: OwnedRange[]): string[] =>
		findMoves(diffRanges(before, after)).map((m) => `${m.name} 0x${m.from.toString(16)}->0x${m.to.toString(16)} 0x${m.size.toString(16)}`);

	test('a move by less than its size (old and new stretches overlap) is one move', () => {
		const before = [range(0x1000n, 0x2000n, io('uart')), range(0x3000n, 0x4000n, io('rtc'))];
		const after = [range(0x1800n, 0x2800n, io('uart')), range(0x3000n, 0x4000n, io('rtc'))];
		assert.deepStrictEqual(moves(before, after), ['uart 0x1000->0x1800 0x1000']);
	});

	test('two regions trading places are two moves, in old-address order', () => {
		const before = [range(0n, 0x100n, io('a')), range(0x100n, 0x200n, io('b'))];
		const after = [range(0n, 0x100n, io('b')), range(0x100n, 0x200n, io('a'))];
		assert.deepStrictEqual(moves(before, after), ['a 0x0->0x100 0x100', 'b 0x100->0x0 0x100']);
	});

	test('not moves: a region that grew, one shown from another offset, two windows of one name both moving, another priority', () => {
		assert.deepStrictEqual(moves([range(0n, 0x100n, io('a'))], [range(0x200n, 0x400n, io('a'))]), []);
		assert.deepStrictEqual(moves([range(0n, 0x100n, io('a'))], [range(0n, 0x100n, io('a', 0x10n))]), []);
		assert.deepStrictEqual(moves([range(0n, 0x100n, io('a', 0x10n))], [range(0x200n, 0x300n, io('a'))]), []);
		const twice = [range(0n, 0x100n, io('pam')), range(0x200n, 0x300n, io('pam'))];
		// One of two same-named windows moving is still told as a move: the addresses say so.
		assert.deepStrictEqual(moves(twice, [range(0x200n, 0x300n, io('pam')), range(0x400n, 0x500n, io('pam'))]), ['pam 0x0->0x400 0x100']);
		assert.deepStrictEqual(moves(twice, [range(0x400n, 0x500n, io('pam')), range(0x600n, 0x700n, io('pam'))]), []);
		assert.deepStrictEqual(moves([range(0n, 0x100n, owner('a', 0n, 1, 'i/o'))], [range(0x200n, 0x300n, io('a'))]), []);
	});

	test('moving one region of a random view to a free place gives exactly that move (property)', () => {
		const layout = fc.array(fc.record({ gap: fc.integer({ min: 0, max: 64 }), length: fc.integer({ min: 1, max: 64 }) }), { minLength: 1, maxLength: 12 });
		fc.assert(
			fc.property(layout, fc.nat(), fc.integer({ min: 1, max: 256 }), (pieces, pick, distance) => {
				let at = 0n;
				const before = pieces.map((piece, i) => {
					at += BigInt(piece.gap);
					const r = range(at, at + BigInt(piece.length), io(`r${i}`, BigInt(i)));
					at = r.end;
					return r;
				});
				const index = pick % before.length;
				const chosen = before[index] as OwnedRange;
				const start = at + BigInt(distance);
				const moved = range(start, start + (chosen.end - chosen.start), chosen.owner);
				const after = [...before.filter((_, i) => i !== index), moved];
				assert.deepStrictEqual(findMoves(diffRanges(before, after)), [
					{ name: chosen.owner.name, type: 'i/o', priority: 0, nonvolatile: false, from: chosen.start, to: start, size: chosen.end - chosen.start },
				]);
			}),
			{ numRuns: 300 },
		);
	});
});
