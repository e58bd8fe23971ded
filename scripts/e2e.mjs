// `npm run test:e2e`: prepare (code-server, Chromium, build, .vsix), then run the mocha
// end-to-end suite in test/e2e/ under a global watchdog so that it fails instead of hanging.
//
// Options: --no-package (reuse an existing memmap-<version>.vsix), any other args go to mocha.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureCodeServer, log, repoRoot } from './codeServer.mjs';
import { chromiumPath } from './chromium.mjs';

/** The whole e2e run (after preparation) must finish within this, or everything is killed. */
const watchdogMs = Number(process.env.MEMMAP_E2E_TIMEOUT_MS ?? 20 * 60_000);

function timed(label, action) {
	const started = Date.now();
	const value = action();
	log(`${label}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
	return value;
}

function npmRun(script) {
	const result = spawnSync('npm', ['run', script], { cwd: repoRoot, stdio: 'inherit' });
	if (result.status !== 0) {
		throw new Error(`npm run ${script} failed`);
	}
}

function npx(args) {
	const result = spawnSync('npx', args, { cwd: repoRoot, stdio: 'inherit' });
	if (result.status !== 0) {
		throw new Error(`npx ${args.join(' ')} failed`);
	}
}

/** The .vsix `vsce package` writes: <name>-<version>.vsix at the repo root. */
export function vsixPath() {
	const { name, version } = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
	return join(repoRoot, `${name}-${version}.vsix`);
}

/** Kills the process groups the tests recorded (code-server, Chromium), in case mocha died first. */
function killRecorded(pidFile) {
	const pids = existsSync(pidFile) ? readFileSync(pidFile, 'utf8').split('\n').filter(Boolean) : [];
	for (const pid of pids.map(Number)) {
		for (const target of [-pid, pid]) {
			try {
				process.kill(target, 'SIGKILL');
			} catch {
				// Already gone.
			}
		}
	}
}

function runMocha(env, extraArgs) {
	const mocha = join(repoRoot, 'node_modules', 'mocha', 'bin', 'mocha.js');
	const args = [mocha, '--config', join(repoRoot, 'test', 'e2e', '.mocharc.json'), ...extraArgs];
	const child = spawn(process.execPath, args, { cwd: repoRoot, stdio: 'inherit', env, detached: true });
	const kill = (signal) => {
		try {
			process.kill(-child.pid, signal);
		} catch {
			// Already gone.
		}
	};
	const watchdog = setTimeout(() => {
		process.stderr.write(`\ne2e: global timeout of ${watchdogMs / 1000} s reached; killing the run\n`);
		kill('SIGKILL');
	}, watchdogMs);
	for (const signal of ['SIGINT', 'SIGTERM']) {
		process.on(signal, () => kill('SIGKILL'));
	}
	return new Promise((resolveExit) => {
		child.on('exit', (code, signal) => {
			clearTimeout(watchdog);
			// Mocha's own process group holds code-server and Chromium: leave nothing behind.
			kill('SIGKILL');
			resolveExit(code ?? (signal ? 1 : 0));
		});
	});
}

async function main() {
	const extraArgs = process.argv.slice(2).filter((a) => a !== '--no-package');
	timed('code-server ready', () => ensureCodeServer());
	const chromium = timed('chromium ready', () => chromiumPath());
	timed('build (tsc -b + esbuild)', () => npmRun('build'));
	timed('compile test/integration', () => npx(['tsc', '-p', 'test/integration']));
	const vsix = vsixPath();
	if (!process.argv.includes('--no-package') || !existsSync(vsix)) {
		timed('package (vsce)', () => npmRun('package'));
	}
	log(`vsix: ${vsix} (${(statSync(vsix).size / 1024).toFixed(1)} KiB)`);
	const pidDir = mkdtempSync(join(tmpdir(), 'memmap-e2e-pids-'));
	const pidFile = join(pidDir, 'pids');
	const env = { ...process.env, MEMMAP_VSIX: vsix, CHROMIUM_PATH: chromium, MEMMAP_E2E_PIDFILE: pidFile };
	const code = await runMocha(env, extraArgs);
	killRecorded(pidFile);
	rmSync(pidDir, { recursive: true, force: true });
	log(code === 0 ? 'e2e passed' : `e2e failed (exit ${code}); screenshots and logs in artifacts/`);
	process.exit(code);
}

main().catch((error) => {
	process.stderr.write(`e2e failed: ${error.stack ?? error}\n`);
	process.exit(1);
});
