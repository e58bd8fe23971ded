// CONTRACT STUB: replaced by the core-syntax helper.
/**
 * Formats `.memmap` text canonically (aligned columns, every comment kept). Idempotent.
 * Returns undefined when the text has syntax errors (formatting would guess).
 */
export function format(text: string): string | undefined {
	void text;
	throw new Error('not implemented');
}
