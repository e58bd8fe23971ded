// `npm start`: build the extension, serve it in code-server with samples/ as the workspace,
// print the URL and keep running until Ctrl-C.
//
// Options: --port <n> (default: a free port), --no-build (reuse dist/).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureCodeServer, launchCodeServer, log, makeProfile, repoRoot, workbenchUrl } from './codeServer.mjs';

function option(name) {
	const index = process.argv.indexOf(name);
	return index === -1 ? undefined : process.argv[index + 1];
}

function build() {
	log('building the extension (npm run build)');
	const result = spawnSync('npm', ['run', 'build'], { cwd: repoRoot, stdio: 'inherit' });
	if (result.status !== 0) {
		throw new Error('npm run build failed');
	}
}

async function main() {
	// A closed terminal or pipe must not stop the cleanup on Ctrl-C.
	process.stdout.on('error', () => undefined);
	if (!process.argv.includes('--no-build')) {
		build();
	}
	ensureCodeServer();
	const folder = join(repoRoot, 'samples');
	const port = option('--port');
	const server = await launchCodeServer({ profile: makeProfile(), folder, port: port ? Number(port) : undefined });
	const url = workbenchUrl(server, { folder, extensionDevelopmentPath: repoRoot });
	log(`code-server ${server.url} (log: ${server.profile.logPath})`);
	process.stdout.write(`\nOpen memmap in VS Code (code-server):\n\n  ${url}\n\nPress Ctrl-C to stop.\n`);
	let stopping = false;
	const stop = async (code) => {
		if (stopping) {
			return;
		}
		stopping = true;
		log('stopping');
		await server.stop();
		process.exit(code);
	};
	process.on('SIGINT', () => void stop(0));
	process.on('SIGTERM', () => void stop(0));
	server.child.on('exit', (code) => {
		if (stopping) {
			return;
		}
		log(`code-server exited with ${code}:\n${readFileSync(server.profile.logPath, 'utf8')}`);
		void stop(1);
	});
}

main().catch((error) => {
	process.stderr.write(`npm start failed: ${error.message}\n`);
	process.exit(1);
});
