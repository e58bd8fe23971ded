/**
 * The conventional @vscode/test-electron runner: downloads VS Code (where that is
 * possible), starts it with this extension under development and runs `index.ts`'s
 * `run()` inside it, with the repository's samples folder as the workspace.
 */
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';

async function main(): Promise<void> {
	const repoRoot = path.resolve(__dirname, '../../..');
	try {
		await runTests({
			extensionDevelopmentPath: repoRoot,
			extensionTestsPath: path.resolve(__dirname, 'index'),
			launchArgs: [path.join(repoRoot, 'samples'), '--disable-extensions', '--disable-workspace-trust'],
		});
	} catch (error) {
		console.error('Integration tests failed:', error);
		process.exit(1);
	}
}

void main();
