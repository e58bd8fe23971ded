/** Resolves the theme's colours (VS Code's CSS variables) for the SVG export. */
import type { SvgColours } from './svgExport';

function cssVar(name: string, fallback: string): string {
	const value = getComputedStyle(document.body).getPropertyValue(name).trim();
	return value === '' ? fallback : value;
}

/** The colours the map uses right now, so an exported SVG looks like the panel. */
export function themeColours(): SvgColours {
	return {
		background: cssVar('--vscode-editor-background', '#ffffff'),
		foreground: cssVar('--vscode-editor-foreground', '#000000'),
		border: cssVar('--vscode-panel-border', '#80808080'),
		kinds: {
			ram: cssVar('--vscode-charts-blue', '#3794ff'),
			rom: cssVar('--vscode-charts-green', '#89d185'),
			romd: cssVar('--vscode-charts-purple', '#b180d7'),
			io: cssVar('--vscode-charts-orange', '#d18616'),
			hole: cssVar('--vscode-editorWidget-background', '#f3f3f3'),
		},
	};
}
