/**
 * Reads a Markdown document's first table through a real renderer (markdown-it, GFM
 * tables): each row as the plain text a reader sees in its cells. A name or a line of
 * documentation that broke out of its cell, or into markup, shows up here.
 */
import MarkdownIt from 'markdown-it';

/** HTML passes through, as on GitHub: escaping is then all that keeps a name from being markup. */
const renderer = new MarkdownIt({ html: true });

const entities: Readonly<Record<string, string>> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };

function plainText(html: string): string {
	return html.replace(/<[^>]*>/g, '').replace(/&(amp|lt|gt|quot|#39);/g, (entity) => entities[entity] ?? entity);
}

export interface RenderedTable {
	/** The rendered HTML of the whole document. */
	readonly html: string;
	readonly header: string[];
	readonly rows: string[][];
}

export function renderTable(markdown: string): RenderedTable {
	const html = renderer.render(markdown);
	const table = /<table>([\s\S]*?)<\/table>/.exec(html)?.[1] ?? '';
	const rowsOf = (part: string): string[][] =>
		[...part.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((row) => [...(row[1] ?? '').matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((cell) => plainText(cell[1] ?? '')));
	const head = /<thead>([\s\S]*?)<\/thead>/.exec(table)?.[1] ?? '';
	const body = /<tbody>([\s\S]*?)<\/tbody>/.exec(table)?.[1] ?? '';
	return { html, header: rowsOf(head)[0] ?? [], rows: rowsOf(body) };
}
