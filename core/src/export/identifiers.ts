/**
 * C and linker-script identifiers for region names. QEMU names (`pc.ram`,
 * `"tz-ppc-port[0]"`, `ram-below-4g`) are not identifiers, and they need not be unique,
 * so every exported name goes through `identifierOf` and then `UniqueNames`.
 */

/**
 * `pc.ram` -> `PC_RAM`, `"tz-ppc-port[0]"` -> `TZ_PPC_PORT_0`: upper case, each run of
 * characters outside `[A-Z0-9]` one `_`, none at either end. A name that would start
 * with a digit (or is empty) gets `R_` in front, so that the result is an identifier.
 */
export function identifierOf(name: string): string {
	const body = name
		.toUpperCase()
		.replace(/[^A-Z0-9]+/g, '_')
		.replace(/^_+|_+$/g, '');
	return body === '' || /^[0-9]/.test(body) ? `R_${body}`.replace(/_+$/, '') : body;
}

/**
 * Hands out identifiers that differ from every one handed out before: the first asker of
 * `PC_RAM` gets it, the next `PC_RAM_2`, then `PC_RAM_3` (skipping any taken already).
 */
export class UniqueNames {
	readonly #taken = new Set<string>();
	/** The next number to try for each preferred name: many repeats stay linear. */
	readonly #next = new Map<string, number>();

	/** `preferred` if free; else `preferred_N` with the smallest free N >= 2. */
	take(preferred: string): string {
		let name = preferred;
		let n = this.#next.get(preferred) ?? 2;
		while (this.#taken.has(name)) {
			name = `${preferred}_${n++}`;
		}
		this.#next.set(preferred, n);
		this.#taken.add(name);
		return name;
	}
}

/** Text made safe inside a C or linker-script block comment (no `*\/` closes it early). */
export function commentText(text: string): string {
	return text.replace(/\*\//g, '* /').replace(/[\r\n]+/g, ' ');
}
