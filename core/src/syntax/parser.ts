// CONTRACT STUB: replaced by the core-syntax helper.
import type { Diagnostic } from '../diagnostics';
import type { FileNode } from './ast';

/** The result of `parse`: always a tree, plus syntax diagnostics. */
export interface ParseResult {
	readonly file: FileNode;
	readonly diagnostics: readonly Diagnostic[];
}

/**
 * Parses `.memmap` text. Never throws: syntax errors become diagnostics (with `uri`) and
 * the parser recovers so the rest of the file still yields nodes.
 */
export function parse(text: string, uri = ''): ParseResult {
	void text;
	void uri;
	throw new Error('not implemented');
}
