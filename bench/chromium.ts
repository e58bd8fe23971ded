/**
 * Headless Chromium for the webview benchmark and the webview tests (which import it from
 * here, as they import the board generator): Debian's binary, with the flags that keep it
 * quiet and offline. `scripts/chromium.mjs` is its twin for the plain-JS end-to-end
 * runner, which must work before anything is compiled.
 */
import * as fs from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

const chromiumArgs = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--no-first-run',
];

/** The Chromium binary: $CHROMIUM_PATH, else the first system one. */
function chromiumPath(): string {
	const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
	const found = candidates.find((candidate) => candidate && fs.existsSync(candidate));
	if (!found) {
		throw new Error('Chromium not found: apt-get install -y chromium (or set CHROMIUM_PATH)');
	}
	return found;
}

export function launchChromium(): Promise<Browser> {
	return chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
}
