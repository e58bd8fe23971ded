// Headless Debian Chromium driven by playwright-core; only loopback traffic is expected.
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { ensureSystemPackages } from './codeServer.mjs';

const candidates = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/** The Chromium binary: $CHROMIUM_PATH, else the first system one; installs Debian's when root. */
export function chromiumPath() {
	if (process.env.CHROMIUM_PATH) {
		return process.env.CHROMIUM_PATH;
	}
	let found = candidates.find((c) => existsSync(c));
	if (!found) {
		ensureSystemPackages([{ name: 'chromium', present: () => false }]);
		found = candidates.find((c) => existsSync(c));
	}
	if (!found) {
		throw new Error('Chromium not found: apt-get install -y chromium (or set CHROMIUM_PATH)');
	}
	return found;
}

/** Launches headless Chromium with the flags that keep it quiet and offline. */
export function launchChromium({ headless = true } = {}) {
	return chromium.launch({
		executablePath: chromiumPath(),
		headless,
		args: [
			'--no-sandbox',
			'--disable-gpu',
			'--disable-dev-shm-usage',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
			'--no-first-run',
		],
	});
}
