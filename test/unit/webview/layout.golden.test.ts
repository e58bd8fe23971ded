/**
 * Layout goldens: every sample's flat views laid out as the map draws them, one block per
 * line (`top +height flags kind start size title`; flags: `c` compressed, `t` ruler tick).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { assertGolden, repoRoot } from '../../util/golden';
import { formatAddress, formatSize } from '../../../webview/src/address';
import { blockTitle } from '../../../webview/src/labels';
import { layoutSizes, sizesOf } from '../../../webview/src/layout';
import { SpaceModel } from '../../../webview/src/model';
import { flatViewOf } from '../../webview/flatViews';

function printLayout(file: string): string {
	const lines: string[] = [];
	for (const dto of flatViewOf(file).spaces) {
		const space = new SpaceModel(dto);
		const layout = layoutSizes(sizesOf(space.dtos));
		lines.push(`space ${space.name} (root ${space.root}, flat root ${space.flatRoot ?? '(none)'}) unit 2^${layout.unitLog2}`);
		// A view truncated at the work limit has 100k ranges: the golden keeps the first.
		const shown = dto.truncated ? Math.min(space.length, 16) : space.length;
		if (dto.truncated) {
			lines.push(`  truncated at the work limit after ${space.length} blocks; the first ${shown}:`);
		}
		for (let i = 0; i < shown; i++) {
			const range = space.at(i);
			if (!range) {
				continue;
			}
			const flags = `${layout.compressed[i] === 1 ? 'c' : '.'}${layout.ticks[i] === 1 ? 't' : '.'}`;
			const where = `${layout.tops[i]} +${layout.heights[i]}`.padEnd(11);
			lines.push(`  ${where} ${flags} ${range.dto.kind.padEnd(4)} ${formatAddress(range.start).padEnd(24)} ${formatSize(range.size).padEnd(10)} ${blockTitle(range)}`);
		}
		lines.push(`  total ${layout.totalHeight} px`);
	}
	return lines.join('\n') + '\n';
}

suite('webview layout goldens', () => {
	const samples = path.join(repoRoot, 'samples');
	const files = fs.existsSync(samples) ? fs.readdirSync(samples).filter((f) => f.endsWith('.memmap')).sort() : [];
	for (const file of [...files.map((f) => path.join(samples, f)), path.join(repoRoot, 'test/webview/fixtures/board.memmap')]) {
		const name = path.basename(file, '.memmap');
		test(name, () => {
			assertGolden('layout', name, printLayout(file));
		});
	}
});
