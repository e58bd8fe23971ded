/**
 * Mocha root hooks (`require`d by .mocharc.json). After the whole run, kills the language
 * servers that failed protocol tests left running: otherwise their pipes keep the event
 * loop alive and mocha never exits, which turns one failure into a CI timeout.
 */
import { LspClient } from '../protocol/lspClient';

export const mochaHooks = {
	afterAll(): void {
		const left = LspClient.killRunning();
		if (left > 0) {
			console.warn(`mochaHooks: killed ${left} language server(s) a test did not stop`);
		}
	},
};
