import * as assert from 'node:assert';

/** The `#define NAME VALUE` lines of a C header, as a map; a name defined twice fails. */
export function defines(header: string): Map<string, string> {
	const result = new Map<string, string>();
	for (const match of header.matchAll(/^#define (\S+)(?: +(\S+))?$/gm)) {
		assert.ok(!result.has(match[1] as string), `${match[1]} defined twice`);
		result.set(match[1] as string, match[2] ?? '');
	}
	return result;
}
