/** Plain-text tables with aligned columns, for the `flat` and `tree` outputs. */

/**
 * Pads every cell but the last of each row to its column's width and joins cells with
 * two spaces; trailing blanks are trimmed. Returns one string per row.
 */
export function alignColumns(rows: readonly (readonly string[])[]): string[] {
	const widths: number[] = [];
	for (const row of rows) {
		row.forEach((cell, column) => {
			widths[column] = Math.max(widths[column] ?? 0, cell.length);
		});
	}
	return rows.map((row) =>
		row
			.map((cell, column) =>
				column === row.length - 1 ? cell : cell.padEnd(widths[column] ?? 0),
			)
			.join('  ')
			.trimEnd(),
	);
}
