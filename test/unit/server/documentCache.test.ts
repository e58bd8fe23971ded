import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DocumentCache } from '../../../server/src/documentCache';
import { Workspace } from '../../../server/src/workspace';

/** A minimal stand-in for `TextDocuments`: the open documents by uri. */
class OpenDocuments {
	readonly map = new Map<string, TextDocument>();
	get(uri: string): TextDocument | undefined {
		return this.map.get(uri);
	}
	set(uri: string, text: string): void {
		const version = (this.map.get(uri)?.version ?? 0) + 1;
		this.map.set(uri, TextDocument.create(uri, 'memmap', version, text));
	}
}

const main = 'file:///virtual/main.memmap';
const inc = 'file:///virtual/inc.memmap';

suite('server/documentCache', () => {
	test('one analysis per version set; an included open document invalidates its includers', () => {
		const docs = new OpenDocuments();
		docs.set(main, 'include "inc.memmap"\nspace m = s\ncontainer s size 4K {\n\tmap d at 0\n}\n');
		docs.set(inc, 'io d size 1K\n');
		const cache = new DocumentCache(new Workspace(docs));
		const first = cache.analysis(main);
		assert.equal(cache.analysis(main), first, 'unchanged versions reuse the analysis');
		assert.deepEqual(first.diagnostics, []);
		assert.deepEqual(cache.includersOf(inc), [main]);
		const isOpen = (uri: string): boolean => docs.get(uri) !== undefined;
		assert.equal(cache.rootOf(inc, isOpen), main);
		assert.equal(cache.contextFor(inc, isOpen), first);
		docs.set(inc, 'io e size 1K\n');
		const second = cache.analysis(main);
		assert.notEqual(second, first);
		assert.ok(second.diagnostics.some((d) => d.code === 'ref.unknown'));
		cache.delete(main);
		assert.deepEqual(cache.includersOf(inc), []);
		assert.equal(cache.rootOf(inc, isOpen), inc);
	});
});
