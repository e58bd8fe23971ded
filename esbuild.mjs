// Bundles the shipped code into dist/: the extension client, the language server, the
// CLI (all CommonJS for Node) and the webview (an IIFE for the browser, plus its CSS).
// Flags: --watch rebuilds on change; --minify for packaging.
import * as esbuild from 'esbuild';

const watch = process.argv.includes('--watch');
const minify = process.argv.includes('--minify');

/**
 * Prints start/end lines in watch mode: the "watch: esbuild" task's problem matcher waits
 * for them (the same lines the VS Code extension generator uses).
 * @type {import('esbuild').Plugin}
 */
const watchLog = {
	name: 'watch-log',
	setup(build) {
		build.onStart(() => console.log('[watch] build started'));
		build.onEnd((result) => {
			for (const { text, location } of result.errors) {
				console.error(`✘ [ERROR] ${text}`);
				if (location) {
					console.error(`    ${location.file}:${location.line}:${location.column}:`);
				}
			}
			console.log('[watch] build finished');
		});
	},
};

/** @type {import('esbuild').BuildOptions} */
const common = {
	bundle: true,
	minify,
	sourcemap: !minify,
	logLevel: 'info',
	target: 'es2022',
	plugins: watch ? [watchLog] : [],
};

/** @type {import('esbuild').BuildOptions[]} */
const builds = [
	{
		...common,
		entryPoints: { client: 'client/src/extension.ts' },
		outdir: 'dist',
		platform: 'node',
		format: 'cjs',
		external: ['vscode'],
	},
	{
		...common,
		entryPoints: { server: 'server/src/server.ts', cli: 'cli/src/main.ts' },
		outdir: 'dist',
		platform: 'node',
		format: 'cjs',
	},
	{
		...common,
		entryPoints: { webview: 'webview/src/main.ts' },
		outdir: 'dist',
		platform: 'browser',
		format: 'iife',
	},
	{
		...common,
		entryPoints: { webview: 'webview/src/main.css' },
		outdir: 'dist',
	},
];

if (watch) {
	const contexts = await Promise.all(builds.map((options) => esbuild.context(options)));
	await Promise.all(contexts.map((context) => context.watch()));
} else {
	await Promise.all(builds.map((options) => esbuild.build(options)));
}
