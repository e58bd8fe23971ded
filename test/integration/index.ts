/**
 * The mocha (tdd) entry VS Code loads as `extensionTestsPath`. Self-contained: it finds
 * the compiled `*.test.js` next to it with fs (no glob), so code-server can run the same
 * `run()`.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

export function run(): Promise<void> {
	const mocha = new Mocha({ ui: 'tdd', color: true, timeout: 60_000 });
	for (const file of fs.readdirSync(__dirname).sort()) {
		if (file.endsWith('.test.js')) {
			mocha.addFile(path.join(__dirname, file));
		}
	}
	return new Promise((resolve, reject) => {
		mocha.run((failures) => {
			if (failures > 0) {
				reject(new Error(`${failures} integration test(s) failed`));
			} else {
				resolve();
			}
		});
	});
}
