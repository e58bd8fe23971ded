/**
 * The one kind of error the CLI expects: a usage mistake or an unreadable file. It is
 * printed as a single line on stderr (`memmap: <message>`) and ends the process with
 * `exitCode` (2 unless said otherwise); anything else is an internal error (exit 70).
 */
export class CliFailure extends Error {
	constructor(
		message: string,
		readonly exitCode = 2,
	) {
		super(message);
		this.name = 'CliFailure';
	}
}

/** Exit codes: success, findings (errors in the input, unformatted files, holes), usage or I/O. */
export const exitOk = 0;
export const exitFindings = 1;
export const exitUsage = 2;
/** BSD's EX_SOFTWARE: a bug in memmap itself. */
export const exitInternal = 70;
