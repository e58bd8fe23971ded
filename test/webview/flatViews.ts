/**
 * Real flat views for the webview tests: a `.memmap` file analysed by the core (the CLI's
 * file host follows includes; file URIs as in the editor) and converted by the server's
 * own DTO builder.
 */
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createFileHost } from '../../cli/src/files';
import { analyze, type WorkspaceHost } from '../../core/src/index';
import type { FlatViewResult } from '../../core/src/protocol';
import { flatView } from '../../server/src/features/flatView';

/** The CLI's path-based host, speaking file URIs like the language server does. */
function fileUriHost(): WorkspaceHost {
	const files = createFileHost();
	return {
		readText: (uri) => files.readText(fileURLToPath(uri)),
		resolveInclude: (from, include) => pathToFileURL(files.resolveInclude(fileURLToPath(from), include)).toString(),
	};
}

/** The `memmap/flatView` result the server would send for `file`. */
export function flatViewOf(file: string): FlatViewResult {
	const uri = pathToFileURL(path.resolve(file)).toString();
	return flatView(analyze(uri, fileUriHost()), uri, 1);
}
