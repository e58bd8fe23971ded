import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from '../../../util/golden';

export interface Fixture {
	readonly name: string;
	readonly file: string;
	readonly text: string;
}

/** The `.memmap` files directly in `dir` (relative to the repository root), sorted; none if it is absent. */
export function memmapFiles(dir: string): Fixture[] {
	const full = path.join(repoRoot, dir);
	if (!fs.existsSync(full)) {
		return [];
	}
	return fs
		.readdirSync(full)
		.filter((f) => f.endsWith('.memmap'))
		.sort()
		.map((f) => ({
			name: f.slice(0, -'.memmap'.length),
			file: path.join(dir, f),
			text: fs.readFileSync(path.join(full, f), 'utf8'),
		}));
}

/** Every `.memmap` file under `dir`, recursively (for samples that may be added later). */
export function memmapFilesDeep(dir: string): Fixture[] {
	const full = path.join(repoRoot, dir);
	if (!fs.existsSync(full)) {
		return [];
	}
	const result: Fixture[] = [...memmapFiles(dir)];
	for (const entry of fs.readdirSync(full, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
		if (entry.isDirectory()) {
			result.push(...memmapFilesDeep(path.join(dir, entry.name)));
		}
	}
	return result;
}
