/**
 * Stand-ins for the `--vscode-*` variables VS Code injects into webviews, taken from the
 * default Light Modern and Dark Modern themes, so screenshots look like the real panel.
 */
const shared: Record<string, string> = {
	'--vscode-font-family': 'system-ui, "Segoe UI", Ubuntu, sans-serif',
	'--vscode-font-size': '13px',
	'--vscode-editor-font-family': '"DejaVu Sans Mono", Consolas, monospace',
	'--vscode-charts-blue': '#3794ff',
	'--vscode-charts-green': '#89d185',
	'--vscode-charts-purple': '#b180d7',
	'--vscode-charts-orange': '#d18616',
};

export const themes: Record<'light' | 'dark', Record<string, string>> = {
	light: {
		...shared,
		'--vscode-foreground': '#3b3b3b',
		'--vscode-descriptionForeground': '#3b3b3b',
		'--vscode-disabledForeground': '#61616180',
		'--vscode-editor-background': '#ffffff',
		'--vscode-editor-foreground': '#3b3b3b',
		'--vscode-editorWidget-background': '#f8f8f8',
		'--vscode-editorLineNumber-foreground': '#6e7681',
		'--vscode-panel-border': '#e5e5e5',
		'--vscode-focusBorder': '#005fb8',
		'--vscode-button-background': '#005fb8',
		'--vscode-button-foreground': '#ffffff',
		'--vscode-button-secondaryBackground': '#e5e5e5',
		'--vscode-button-secondaryForeground': '#3b3b3b',
		'--vscode-button-secondaryHoverBackground': '#cccccc',
		'--vscode-input-background': '#ffffff',
		'--vscode-input-foreground': '#3b3b3b',
		'--vscode-input-border': '#cecece',
		'--vscode-input-placeholderForeground': '#767676',
		'--vscode-inputValidation-errorBorder': '#be1100',
		'--vscode-list-hoverBackground': '#f2f2f2',
		'--vscode-list-inactiveSelectionBackground': '#e4e6f1',
		'--vscode-editorWarning-foreground': '#bf8803',
		'--vscode-editorOverviewRuler-findMatchForeground': '#d186167e',
		'--vscode-editorHoverWidget-background': '#f8f8f8',
		'--vscode-editorHoverWidget-foreground': '#3b3b3b',
		'--vscode-editorHoverWidget-border': '#c8c8c8',
	},
	dark: {
		...shared,
		'--vscode-foreground': '#cccccc',
		'--vscode-descriptionForeground': '#9d9d9d',
		'--vscode-disabledForeground': '#cccccc80',
		'--vscode-editor-background': '#1f1f1f',
		'--vscode-editor-foreground': '#cccccc',
		'--vscode-editorWidget-background': '#202020',
		'--vscode-editorLineNumber-foreground': '#6e7681',
		'--vscode-panel-border': '#2b2b2b',
		'--vscode-focusBorder': '#0078d4',
		'--vscode-button-background': '#0078d4',
		'--vscode-button-foreground': '#ffffff',
		'--vscode-button-secondaryBackground': '#313131',
		'--vscode-button-secondaryForeground': '#cccccc',
		'--vscode-button-secondaryHoverBackground': '#3c3c3c',
		'--vscode-input-background': '#313131',
		'--vscode-input-foreground': '#cccccc',
		'--vscode-input-border': '#3c3c3c',
		'--vscode-input-placeholderForeground': '#989898',
		'--vscode-inputValidation-errorBorder': '#be1100',
		'--vscode-list-hoverBackground': '#2a2d2e',
		'--vscode-list-inactiveSelectionBackground': '#37373d',
		'--vscode-editorWarning-foreground': '#cca700',
		'--vscode-editorOverviewRuler-findMatchForeground': '#d186167e',
		'--vscode-editorHoverWidget-background': '#202020',
		'--vscode-editorHoverWidget-foreground': '#cccccc',
		'--vscode-editorHoverWidget-border': '#454545',
	},
};

/** The theme as a stylesheet of `:root` variables. */
export function themeCss(name: 'light' | 'dark'): string {
	const lines = Object.entries(themes[name]).map(([key, value]) => `\t${key}: ${value};`);
	return `:root {\n${lines.join('\n')}\n}\n`;
}
