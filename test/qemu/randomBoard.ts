/**
 * A fast-check generator of `.memmap` boards shaped like QEMU machines: address-space
 * roots holding devices, aliases into alias-target trees and RAM, duplicate names at
 * every level, priorities, disabled and readonly regions, and regions placed with `map`.
 * Siblings are declared in address order: the QEMU text does not show the list order of
 * equal-priority siblings at different addresses (docs/qemu.md, Limits).
 */
import * as fc from 'fast-check';

const names = ['dev', 'dev', 'pic', 'bus master', 'ram', 'x.y-z'];
const kinds = ['io', 'io', 'container', 'ram', 'rom', 'romd'] as const;

interface Node {
	readonly kind: string;
	readonly name: string;
	readonly at: number;
	readonly size: number;
	readonly priority: number;
	readonly overlap: boolean;
	readonly disabled: boolean;
	/** 0 none, 1 readonly (kept for I/O regions and containers), 2 nonvolatile. */
	readonly flag: number;
	readonly children: readonly Node[];
}

function quoted(name: string): string {
	return /^[A-Za-z_][A-Za-z0-9_.-]*$/.test(name) && !['ram', 'rom', 'io', 'map'].includes(name) ? name : `"${name}"`;
}

const node = (depth: number): fc.Arbitrary<Node> =>
	fc.record({
		kind: fc.constantFrom(...kinds),
		name: fc.constantFrom(...names),
		at: fc.integer({ min: 0, max: 15 }).map((slot) => slot * 0x100),
		size: fc.constantFrom(0x10, 0x80, 0x100, 0x400),
		priority: fc.constantFrom(-1, 0, 0, 0, 1, 2),
		overlap: fc.boolean(),
		disabled: fc.integer({ min: 0, max: 9 }).map((roll) => roll < 2),
		flag: fc.integer({ min: 0, max: 9 }).map((roll) => (roll === 0 ? 1 : roll === 1 ? 2 : 0)),
		children: depth > 0 ? fc.array(node(depth - 1), { maxLength: 3 }) : fc.constant([]),
	});

function lines(item: Node, indent: string, aliases: readonly string[]): string[] {
	const placement = `at 0x${item.at.toString(16)}`;
	const prio = item.priority !== 0 ? ` priority ${item.priority}` : item.overlap ? ' overlap' : '';
	const readonly = item.flag === 1 && (item.kind === 'io' || item.kind === 'container') ? ' readonly' : '';
	const flags = `${readonly}${item.flag === 2 ? ' nonvolatile' : ''}${item.disabled ? ' disabled' : ''}`;
	const head = `${indent}${item.kind} ${quoted(item.name)} ${placement} size 0x${item.size.toString(16)}${prio}${flags}`;
	const inner = [...item.children]
		.sort((a, b) => a.at - b.at)
		.flatMap((child) => lines(child, indent + '  ', aliases));
	return inner.length === 0 ? [head] : [`${head} {`, ...inner, `${indent}}`];
}

/** An alias line placed at `at` in a board, into one of the alias-target trees or RAM. */
const aliasLine = fc.record({
	name: fc.constantFrom('win', 'win', 'bus master', 'dev'),
	at: fc.integer({ min: 16, max: 31 }).map((slot) => slot * 0x100),
	target: fc.constantFrom('t0', 't1', 'ram0', 'ram1', 't0/inner'),
	offset: fc.constantFrom(0, 0x40),
	size: fc.constantFrom(0x40, 0x100),
	priority: fc.constantFrom(0, 1),
	readonly: fc.boolean(),
	disabled: fc.boolean(),
});

/** `.memmap` text of a random board (it analyses without errors by construction). */
export const randomBoard: fc.Arbitrary<string> = fc
	.record({
		boards: fc.array(fc.array(node(2), { maxLength: 4 }), { minLength: 1, maxLength: 2 }),
		target: fc.array(node(1), { maxLength: 3 }),
		aliases: fc.array(aliasLine, { maxLength: 4 }),
		mapRam: fc.boolean(),
	})
	.map(({ boards, target, aliases, mapRam }) => {
		const out = ['space memory = b0', 'space cpu-memory-0 = b0', 'space other = t0'];
		boards.forEach((children, index) => {
			out.push(`container b${index} size 16E {`);
			const members = [...children].sort((a, b) => a.at - b.at).flatMap((child) => lines(child, '  ', []));
			out.push(...members);
			if (index === 0) {
				for (const alias of [...aliases].sort((a, b) => a.at - b.at)) {
					const flags = `${alias.readonly ? ' readonly' : ''}${alias.disabled ? ' disabled' : ''}`;
					const prio = alias.priority ? ` priority ${alias.priority}` : ' overlap';
					out.push(`  alias ${quoted(alias.name)} at 0x${alias.at.toString(16)} size 0x${alias.size.toString(16)}${prio} of ${alias.target} offset 0x${alias.offset.toString(16)}${flags}`);
				}
				out.push(mapRam ? '  map ram1 at 0x10000' : '', '  map t1 at 0x20000 priority 3');
			}
			out.push('}');
		});
		out.push('container t0 size 0x1000 {', '  container inner at 0 size 0x400 {');
		const inner = target.map((child) => ({ ...child, at: child.at % 0x400 }));
		out.push(...inner.sort((a, b) => a.at - b.at).flatMap((child) => lines(child, '    ', [])));
		out.push('  }', '  alias dev at 0x800 size 0x100 of ram0', '}');
		out.push('alias t1 size 0x200 of t0 offset 0x100', 'ram ram0 size 0x1000', 'ram ram1 size 0x1000');
		return out.filter((line) => line !== '').join('\n') + '\n';
	});
