/**
 * A deterministic generator of synthetic boards for the benchmark and for tests: the
 * same `regionCount` always yields the same text. The board exercises every costly
 * feature of the semantics: nested containers, aliases (of mapped regions, of an unmapped
 * top-level region, and an alias of an alias), overlaps decided by priorities (above and
 * below the normal regions), disabled regions, nonvolatile RAM and I/O regions with
 * access constraints. It analyses with no errors.
 */

/** Regions written per block (see `block`). */
const regionsPerBlock = 14;
/** Blocks per bus container. */
const blocksPerBus = 16;
const busBase = 0x1_0000_0000n;
const busSize = 16n << 20n;
const blockSize = 1n << 20n;

/** A small seeded PRNG (mulberry32): deterministic, fast, good enough to vary sizes. */
export function createRandom(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

function hex(value: bigint): string {
	return '0x' + value.toString(16);
}

/** One block: a 1 MiB container with 13 regions inside (14 regions in all). */
function block(out: string[], index: number, random: () => number): void {
	const b = `b${index}`;
	const at = hex(BigInt(index % blocksPerBus) * blockSize);
	const ramKiB = 16 << Math.floor(random() * 3);
	const peer = index > 0 ? `b${index - 1}.sram` : `${b}.sram`;
	out.push(
		`    container ${b} at ${at} size 1M {`,
		`      ram ${b}.ram at 0 size ${ramKiB}K`,
		`      ram ${b}.ovl at 0x2000 size 8K priority ${1 + Math.floor(random() * 3)}`,
		`      rom ${b}.rom at 0x10000 size 32K`,
		`      io ${b}.uart at 0x20000 size 4K { valid 1..4; impl 1..4; endian little }`,
		`      container ${b}.sub at 0x40000 size 64K {`,
		`        ram ${b}.sram at 0 size 16K nonvolatile`,
		`        io ${b}.regs at 0x4000 size 4K { valid 1..8; impl 1..8 }`,
		'      }',
		`      ram ${b}.shadow at 0x50000 size 4K disabled`,
		`      alias ${b}.win at 0x60000 size 16K of ${b}.ram`,
		`      alias ${b}.win2 at 0x70000 size 8K of ${b}.win offset 0x1000`,
		`      alias ${b}.peer at 0x80000 size 8K of ${peer}`,
		`      alias ${b}.dimm at 0x90000 size 64K of dimm offset ${hex(BigInt(index % 16384) << 16n)}`,
		`      io ${b}.bg at 0 size 1M priority -1`,
		'    }',
	);
}

/**
 * A board of exactly `regionCount` regions (at least 3) as `.memmap` text: one space
 * `memory` rooted at a 16 EiB `system` container holding buses of blocks, plus a 1 GiB
 * top-level `dimm` that the blocks alias.
 */
export function generateBoard(regionCount: number): string {
	const random = createRandom(0x6d656d6d);
	const out: string[] = [
		`/// A synthetic board of ${regionCount} regions, written by bench/generate.ts.`,
		'space memory = system',
		'',
		'container system size 16E {',
	];
	// system and dimm are the two fixed regions.
	let count = 2;
	let blocks = 0;
	for (;;) {
		const opensBus = blocks % blocksPerBus === 0;
		const cost = regionsPerBlock + (opensBus ? 1 : 0);
		if (count + cost + 1 > regionCount) {
			break;
		}
		if (opensBus) {
			if (blocks > 0) {
				out.push('  }');
			}
			const bus = blocks / blocksPerBus;
			out.push(
				`  container bus${bus} at ${hex(busBase + BigInt(bus) * busSize)} size 16M {`,
			);
		}
		block(out, blocks, random);
		count += cost;
		blocks++;
	}
	if (blocks > 0) {
		out.push('  }');
	}
	for (let pad = 0; count < regionCount; pad++, count++) {
		out.push(
			`  ram pad${pad} at ${hex(0x8000_0000_0000n + BigInt(pad) * 0x1000n)} size 4K`,
		);
	}
	out.push('}', '', 'ram dimm size 1G', '');
	return out.join('\n');
}
