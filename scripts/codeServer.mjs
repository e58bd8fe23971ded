// code-server as a development tool: installed on first use into .cache/code-server/
// (git-ignored), launched on 127.0.0.1 with a throw-away user-data-dir.
//
// CLI:  node scripts/codeServer.mjs install   installs (idempotent) and prints the entry path
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, openSync, closeSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The code-server release we drive: VS Code 1.100.3, whose engines field asks for Node 20. */
export const codeServerVersion = '4.100.3';
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const cacheDir = join(repoRoot, '.cache', 'code-server');

const packageDir = join(cacheDir, 'node_modules', 'code-server');
const entryPath = join(packageDir, 'out', 'node', 'entry.js');
const markerPath = join(cacheDir, 'installed.json');
const ripgrepCacheName = 'vscode-ripgrep-cache-1.15.11';
const ripgrepTarball = 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz';

/** Debian packages needed to build code-server's native modules, with a probe for each. */
const systemPackages = [
	{ name: 'pkg-config', present: () => hasCommand('pkg-config') },
	{ name: 'libkrb5-dev', present: () => existsSync('/usr/include/krb5.h') || existsSync('/usr/include/krb5/krb5.h') },
	{ name: 'libxkbfile-dev', present: () => existsSync('/usr/include/X11/extensions/XKBfile.h') },
	{ name: 'libsecret-1-dev', present: () => existsSync('/usr/include/libsecret-1') },
	{ name: 'libx11-dev', present: () => existsSync('/usr/include/X11/Xlib.h') },
	{ name: 'ripgrep', present: () => hasCommand('rg') },
];

/** Prints a line prefixed so that our output stands out from npm's and code-server's. */
export function log(message) {
	process.stdout.write(`[code-server] ${message}\n`);
}

function hasCommand(command) {
	return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

function isRoot() {
	return typeof process.getuid === 'function' && process.getuid() === 0;
}

/**
 * Installs missing Debian packages when running as root (apt-get update once, then install);
 * otherwise throws with the exact command to run. `extra` adds packages with their probes.
 */
export function ensureSystemPackages(extra = []) {
	const missing = [...systemPackages, ...extra].filter((p) => !p.present()).map((p) => p.name);
	if (missing.length === 0) {
		return;
	}
	const command = `apt-get update && apt-get install -y ${missing.join(' ')}`;
	if (!isRoot()) {
		throw new Error(`missing system packages: ${missing.join(', ')}\nRun: sudo sh -c '${command}'`);
	}
	log(`installing system packages: ${missing.join(' ')}`);
	run('sh', ['-c', command], { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
}

function run(command, args, options = {}) {
	const result = spawnSync(command, args, { stdio: 'inherit', ...options });
	if (result.status !== 0) {
		throw new Error(`${command} ${args.join(' ')} failed with ${result.status ?? result.signal}`);
	}
}

function isInstalled() {
	if (!existsSync(markerPath) || !existsSync(entryPath)) {
		return false;
	}
	try {
		return JSON.parse(readFileSync(markerPath, 'utf8')).version === codeServerVersion;
	} catch {
		return false;
	}
}

/** @vscode/ripgrep's postinstall downloads from GitHub unless its cache already holds the tarball. */
function seedRipgrepCache() {
	const dir = join(process.env.TMPDIR || tmpdir(), ripgrepCacheName);
	const tarball = join(dir, ripgrepTarball);
	if (existsSync(tarball)) {
		return;
	}
	const rg = spawnSync('sh', ['-c', 'command -v rg'], { encoding: 'utf8' }).stdout.trim();
	if (!rg) {
		throw new Error('ripgrep (rg) is needed to seed the @vscode/ripgrep cache: apt-get install -y ripgrep');
	}
	const staging = mkdtempSync(join(tmpdir(), 'memmap-rg-'));
	run('cp', [rg, join(staging, 'rg')]);
	mkdirSync(dir, { recursive: true });
	run('tar', ['-C', staging, '-czf', tarball, 'rg']);
	rmSync(staging, { recursive: true, force: true });
}

/** The postinstall builds VS Code's own node_modules; npm's install-script policy may skip it. */
function hasPostinstallRun() {
	const vscodeDir = join(packageDir, 'lib', 'vscode');
	return (
		existsSync(join(vscodeDir, 'node_modules.asar')) &&
		existsSync(join(vscodeDir, 'node_modules', '@vscode', 'spdlog', 'build', 'Release', 'spdlog.node')) &&
		existsSync(join(vscodeDir, 'node_modules', '@vscode', 'ripgrep', 'bin', 'rg'))
	);
}

function npmEnv() {
	const nodeMajor = process.versions.node.split('.')[0];
	// Drop what an enclosing `npm run` describes about *its* package, so that it cannot redirect
	// this install; keep the user's npm configuration (cache, registry, ...).
	const own = /^npm_(package_|lifecycle_|config_local_prefix$|config_prefix$|command$)/i;
	const inherited = Object.fromEntries(Object.entries(process.env).filter(([key]) => !own.test(key)));
	return {
		...inherited,
		npm_config_unsafe_perm: 'true',
		npm_config_yes: 'true',
		npm_config_fund: 'false',
		npm_config_audit: 'false',
		// postinstall.sh reads the node major from npm's user agent when we run it ourselves.
		npm_config_user_agent: `npm/11 node/v${nodeMajor}.0.0 linux x64`,
	};
}

/**
 * Installs code-server into .cache/code-server/ unless the marker says this version is there.
 * Idempotent; returns the path of code-server's node entry point.
 */
export function ensureCodeServer() {
	if (isInstalled()) {
		return entryPath;
	}
	const started = Date.now();
	log(`installing code-server ${codeServerVersion} into ${cacheDir} (first use, a few minutes)`);
	ensureSystemPackages();
	seedRipgrepCache();
	rmSync(cacheDir, { recursive: true, force: true });
	mkdirSync(cacheDir, { recursive: true });
	// A private project of its own, so that its allowScripts policy lets code-server's
	// postinstall (which builds VS Code's native modules) run under npm 11.
	const manifest = {
		name: 'memmap-code-server-cache',
		private: true,
		dependencies: { 'code-server': codeServerVersion },
		allowScripts: { 'code-server': true },
	};
	writeFileSync(join(cacheDir, 'package.json'), JSON.stringify(manifest, null, '\t') + '\n');
	// Bounded, so that a stalled registry fails the run instead of hanging it.
	const timeout = 20 * 60_000;
	run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=warn'], { cwd: cacheDir, env: npmEnv(), timeout });
	if (!hasPostinstallRun()) {
		log('code-server postinstall did not run; running it now');
		run('sh', ['./postinstall.sh'], { cwd: packageDir, env: npmEnv(), timeout });
	}
	if (!hasPostinstallRun()) {
		throw new Error('code-server postinstall did not build lib/vscode/node_modules');
	}
	const seconds = Math.round((Date.now() - started) / 1000);
	writeFileSync(markerPath, JSON.stringify({ version: codeServerVersion, seconds }) + '\n');
	log(`installed code-server ${codeServerVersion} in ${seconds} s`);
	return entryPath;
}

/** Asks the OS for a free TCP port on 127.0.0.1. */
export function freePort() {
	return new Promise((resolvePort, reject) => {
		const server = createServer();
		server.unref();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address();
			server.close(() => resolvePort(port));
		});
	});
}

/** Settings for a quiet, deterministic workbench: no trust prompt, welcome page, telemetry or updates. */
export const userSettings = {
	'security.workspace.trust.enabled': false,
	// Screenshots must not catch hovers and panels halfway through an animation.
	'workbench.reduceMotion': 'on',
	'workbench.startupEditor': 'none',
	'workbench.welcomePage.walkthroughs.openOnInstall': false,
	'workbench.tips.enabled': false,
	'workbench.enableExperiments': false,
	'telemetry.telemetryLevel': 'off',
	'update.mode': 'none',
	'extensions.autoCheckUpdates': false,
	'extensions.autoUpdate': false,
	'extensions.ignoreRecommendations': true,
	'git.enabled': false,
	'chat.commandCenter.enabled': false,
	'window.commandCenter': false,
	'editor.minimap.enabled': false,
	'files.autoSave': 'off',
};

/** Creates a temp folder with user-data/User/settings.json, extensions/ and a config file. */
export function makeProfile(settings = {}) {
	const root = mkdtempSync(join(tmpdir(), 'memmap-code-server-'));
	const userDataDir = join(root, 'user-data');
	const extensionsDir = join(root, 'extensions');
	mkdirSync(join(userDataDir, 'User'), { recursive: true });
	mkdirSync(extensionsDir, { recursive: true });
	const merged = { ...userSettings, ...settings };
	writeFileSync(join(userDataDir, 'User', 'settings.json'), JSON.stringify(merged, null, '\t'));
	// An explicit config file keeps code-server from writing ~/.config/code-server/config.yaml.
	const configPath = join(root, 'config.yaml');
	writeFileSync(configPath, 'auth: none\n');
	return { root, userDataDir, extensionsDir, configPath, logPath: join(root, 'code-server.log') };
}

function baseArgs(profile) {
	return [
		'--config', profile.configPath,
		'--user-data-dir', profile.userDataDir,
		'--extensions-dir', profile.extensionsDir,
	];
}

/** Installs a .vsix into the profile's extensions dir with code-server's own CLI. */
export function installExtension(profile, vsixPath) {
	const args = [ensureCodeServer(), ...baseArgs(profile), '--force', '--install-extension', vsixPath];
	const result = spawnSync(process.execPath, args, { encoding: 'utf8', timeout: 120_000 });
	const output = `${result.stdout}${result.stderr}`;
	if (result.status !== 0 || !/successfully installed/i.test(output)) {
		throw new Error(`--install-extension ${vsixPath} failed:\n${output}`);
	}
	return output.trim();
}

/** Polls `url` until it answers 200 or the deadline passes; fails early if the process died. */
export async function waitForHttp(url, { timeoutMs = 60_000, child } = {}) {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (child && child.exitCode !== null) {
			throw new Error(`code-server exited with ${child.exitCode} before answering ${url}`);
		}
		try {
			const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
			if (response.ok) {
				return;
			}
		} catch {
			// Not listening yet: poll again.
		}
		await new Promise((r) => setTimeout(r, 200));
	}
	throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}

/**
 * Starts code-server on 127.0.0.1 with a throw-away profile (or the given one) and waits until
 * it answers /healthz. Returns { url, authority, profile, child, stop }.
 */
export async function launchCodeServer(options = {}) {
	const { profile = makeProfile(), folder, timeoutMs = 60_000, keepProfile = false } = options;
	const entry = ensureCodeServer();
	const port = options.port ?? (await freePort());
	const authority = `127.0.0.1:${port}`;
	const args = [
		entry,
		...baseArgs(profile),
		'--auth', 'none',
		'--bind-addr', authority,
		'--disable-telemetry',
		'--disable-update-check',
		'--disable-workspace-trust',
		'--disable-getting-started-override',
		'--ignore-last-opened',
	];
	if (folder) {
		args.push(folder);
	}
	const logFd = openSync(profile.logPath, 'a');
	// No extension gallery: the workbench would otherwise query open-vsx.org; only loopback here.
	const env = { ...process.env, EXTENSIONS_GALLERY: '{}' };
	const child = spawn(process.execPath, args, { stdio: ['ignore', logFd, logFd], detached: true, env });
	closeSync(logFd);
	const stop = () => stopProcessGroup(child, keepProfile ? undefined : profile.root);
	try {
		await waitForHttp(`http://${authority}/healthz`, { timeoutMs, child });
	} catch (error) {
		const logText = existsSync(profile.logPath) ? readFileSync(profile.logPath, 'utf8') : '';
		await stop();
		throw new Error(`${error.message}\ncode-server log:\n${logText}`);
	}
	return { url: `http://${authority}/`, authority, port, profile, child, stop };
}

/** Ends the process group we started (code-server and its extension hosts), then the profile. */
export async function stopProcessGroup(child, removeDir) {
	if (child.exitCode === null && child.signalCode === null) {
		const exited = new Promise((r) => child.once('exit', r));
		signalGroup(child, 'SIGTERM');
		const timer = setTimeout(() => signalGroup(child, 'SIGKILL'), 5_000);
		await exited;
		clearTimeout(timer);
	}
	// Extension hosts may outlive their parent briefly: make sure the whole group is gone.
	signalGroup(child, 'SIGKILL');
	if (removeDir) {
		rmSync(removeDir, { recursive: true, force: true, maxRetries: 3 });
	}
}

function signalGroup(child, signal) {
	try {
		process.kill(-child.pid, signal);
	} catch {
		// The group is already gone.
	}
}

/** The `payload` query value that makes the web workbench load a development extension (and tests). */
export function workbenchUrl(server, { folder, extensionDevelopmentPath, extensionTestsPath }) {
	const payload = [];
	if (extensionDevelopmentPath) {
		payload.push(['extensionDevelopmentPath', `vscode-remote://${server.authority}${extensionDevelopmentPath}`]);
	}
	if (extensionTestsPath) {
		payload.push(['extensionTestsPath', `vscode-remote://${server.authority}${extensionTestsPath}`]);
	}
	payload.push(['skipWelcome', 'true']);
	const query = new URLSearchParams();
	if (folder) {
		query.set('folder', folder);
	}
	query.set('payload', JSON.stringify(payload));
	return `${server.url}?${query.toString()}`;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	if (process.argv[2] === 'install') {
		log(`ready: ${ensureCodeServer()}`);
	} else {
		process.stderr.write('usage: node scripts/codeServer.mjs install\n');
		process.exitCode = 2;
	}
}
