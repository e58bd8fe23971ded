// The client integration suite (test/integration, the @vscode/test-electron suite) run inside
// code-server's node extension host: the web workbench takes extensionDevelopmentPath and
// extensionTestsPath in its `payload` query, runs the suite's run() and reports the result
// through window.codeAutomationExit(code), as VS Code's own browser integration tests do.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { repoRoot } from '../../scripts/codeServer.mjs';
import { openWorkbench, saveLogs } from './support/workbench.mjs';

/** The suite's own per-test timeout is 60 s; this bounds the whole run. */
const suiteTimeoutMs = 8 * 60_000;

/** Workbench start-up chatter, left out of the suite's output. */
const chatter = /^(Resolving connection|Resolved connection|Creating a socket|Updating additional|Ignoring fetching|\[Service Worker\]|ChatSessionStore)/;

/** Mocha's reporter output, which the extension host forwards to the page console as INFO. */
function mochaOutput(messages) {
	return messages
		.filter((message) => message.startsWith('INFO ') || message.startsWith('ERR '))
		.map((message) => message.replace(/^(INFO|ERR) /, ''))
		.filter((message) => !chatter.test(message))
		.join('\n');
}

suite('client integration suite in code-server', function () {
	this.timeout(suiteTimeoutMs + 120_000);

	test('test/integration run() passes in the node extension host', async function () {
		let reportExit;
		const exited = new Promise((resolveExit) => (reportExit = resolveExit));
		const workbench = await openWorkbench({
			folder: join(repoRoot, 'samples'),
			extensionDevelopmentPath: repoRoot,
			extensionTestsPath: join(repoRoot, 'out', 'test', 'integration', 'index'),
			onExit: (code) => reportExit(code),
		});
		let timer;
		const timedOut = new Promise((resolveTimeout) => {
			timer = setTimeout(() => resolveTimeout('timeout'), suiteTimeoutMs);
		});
		try {
			const code = await Promise.race([exited, timedOut]);
			const output = mochaOutput(await workbench.consoleMessages());
			process.stdout.write(`--- extension host output ---\n${output}\n--- end ---\n`);
			assert.notEqual(code, 'timeout', `the suite did not finish within ${suiteTimeoutMs / 1000} s`);
			assert.equal(code, 0, 'the integration suite reported failures (see the output above)');
		} finally {
			clearTimeout(timer);
			await saveLogs(workbench, 'integration');
			await workbench.close();
		}
	});
});
