/** The client's pure helpers (message validation, cursor lookup, address syntax). */
import * as assert from 'node:assert/strict';
import { validateAddressInput } from '../../client/src/addressSyntax';
import { regionPathAt } from '../../client/src/cursorPath';
import { locationUris, readFromWebview } from '../../client/src/webviewMessages';
import type { FlatViewResult } from '../../core/src/protocol';

const uri = 'file:///board.memmap';
const location = { uri, range: { start: { line: 3, character: 5 }, end: { line: 3, character: 10 } } };
const view: FlatViewResult = {
	uri,
	version: 1,
	spaces: [
		{
			name: 'memory',
			root: 'system',
			flatRoot: 'system',
			ranges: [
				{
					start: '0x0',
					end: '0x1000',
					size: '0x1000',
					kind: 'io',
					region: 'uart0',
					path: 'system/uart0',
					priority: 0,
					offsetInRegion: '0x0',
					readonly: false,
					nonvolatile: false,
					aliases: [],
					location,
				},
			],
		},
	],
};

suite('client helpers', () => {
	test('webview messages are validated before the extension acts', () => {
		const known = locationUris(view);
		assert.deepEqual(readFromWebview({ type: 'reveal', location }, known), { type: 'reveal', location });
		assert.equal(readFromWebview({ type: 'reveal', location: { ...location, uri: 'file:///etc/passwd' } }, known), undefined);
		assert.equal(readFromWebview({ type: 'reveal', location: { uri, range: { start: { line: -1 } } } }, known), undefined);
		assert.equal(readFromWebview({ type: 'exportSvg', svg: '<script>' }, known), undefined);
		assert.equal(readFromWebview({ type: 'run', command: 'x' }, known), undefined);
		assert.equal(readFromWebview(null, known), undefined);
		assert.deepEqual(readFromWebview({ type: 'copyQemu', text: 'FlatView #0' }, known), { type: 'copyQemu', text: 'FlatView #0' });
		assert.deepEqual(readFromWebview({ type: 'owner', space: 'memory', address: '0xfee00000' }, known), {
			type: 'owner',
			space: 'memory',
			address: '0xfee00000',
		});
		assert.equal(readFromWebview({ type: 'owner', space: 'memory', address: '4G' }, known), undefined);
		assert.equal(readFromWebview({ type: 'owner', space: 7, address: '0x0' }, known), undefined);
	});

	test('the cursor line picks the region defined there', () => {
		assert.equal(regionPathAt(view, uri, { line: 3, character: 0 }), 'system/uart0');
		assert.equal(regionPathAt(view, uri, { line: 4, character: 0 }), null);
		assert.equal(regionPathAt(view, 'file:///other.memmap', { line: 3, character: 0 }), null);
	});

	test('the address input box accepts the language number forms only', () => {
		for (const good of ['0xfee0_0000', '4G', '4GiB', '1_000', '0b1010', '1048576']) {
			assert.equal(validateAddressInput(good), undefined, good);
		}
		for (const bad of ['', 'fee00000', '0x', '1__0', '-1', '0xg']) {
			assert.ok(validateAddressInput(bad), bad);
		}
	});
});
