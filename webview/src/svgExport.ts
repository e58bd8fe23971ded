/**
 * "Export SVG": the whole map of one space (every block, not just the visible ones) as a
 * standalone SVG document. Colours are passed in (resolved from the theme by the caller),
 * so this stays pure. Every string is XML-escaped.
 */
import { formatAddress } from './address';
import { blockDetail, blockTitle } from './labels';
import { labelLines, type MapLayout } from './layout';
import type { RangeModel, SpaceModel } from './model';

export interface SvgColours {
	readonly background: string;
	readonly foreground: string;
	readonly border: string;
	readonly kinds: Readonly<Record<string, string>>;
}

/** Escapes text for XML content and attribute values. */
export function escapeXml(text: string): string {
	return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const rulerWidth = 180;
const blockWidth = 460;

function blockSvg(range: RangeModel, layout: MapLayout, colours: SvgColours): string {
	const i = range.index;
	const top = layout.tops[i] ?? 0;
	const height = layout.heights[i] ?? 0;
	const fill = colours.kinds[range.dto.kind] ?? colours.background;
	const parts = [
		`<rect x="${rulerWidth}" y="${top}" width="${blockWidth}" height="${height}" fill="${escapeXml(fill)}" stroke="${escapeXml(colours.border)}"/>`,
	];
	const lines = labelLines(height);
	if (lines > 0) {
		parts.push(`<text x="${rulerWidth + 6}" y="${top + 15}">${escapeXml(blockTitle(range))}</text>`);
	}
	if (lines > 1) {
		parts.push(`<text x="${rulerWidth + 6}" y="${top + 31}" class="d">${escapeXml(blockDetail(range))}</text>`);
	}
	if (layout.ticks[i] === 1) {
		parts.push(`<text x="4" y="${top + 12}" class="t">${escapeXml(formatAddress(range.start))}</text>`);
	}
	if (layout.compressed[i] === 1) {
		parts.push(`<text x="4" y="${top + height * 0.77 + 4}" class="b">≈ not to scale</text>`);
	}
	return parts.join('');
}

/** The SVG text of a whole space map. */
export function buildSvg(
	title: string,
	space: SpaceModel,
	layout: MapLayout,
	colours: SvgColours,
): string {
	const width = rulerWidth + blockWidth + 1;
	const height = layout.totalHeight + 1;
	const style =
		`text{font-family:monospace;font-size:12px;fill:${escapeXml(colours.foreground)}}` +
		'.d{font-size:11px;opacity:.8}.t{font-size:11px}.b{font-style:italic;opacity:.7}';
	return [
		`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
		`<title>${escapeXml(title)}</title>`,
		`<style>${style}</style>`,
		`<rect width="100%" height="100%" fill="${escapeXml(colours.background)}"/>`,
		...Array.from({ length: space.length }, (_, i) => blockSvg(space.at(i) as RangeModel, layout, colours)),
		'</svg>',
		'',
	].join('\n');
}
