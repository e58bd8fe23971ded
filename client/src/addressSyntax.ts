/**
 * Syntax check for the address typed in "Go to Address…". This only guards the input box;
 * the server parses the address (the client holds no language logic).
 */
const numberForm = /^(0[xX][0-9a-fA-F]+(_[0-9a-fA-F]+)*|0[bB][01]+(_[01]+)*|[0-9]+(_[0-9]+)*)([KMGTPE](iB)?)?$/;

/** An error message for the input box, or undefined when the text looks like a number. */
export function validateAddressInput(text: string): string | undefined {
	const trimmed = text.trim();
	if (trimmed === '') {
		return 'Type an address, e.g. 0xfee0_0000, 4G or 1048576.';
	}
	return numberForm.test(trimmed)
		? undefined
		: 'Not a number: use hex (0x…), binary (0b…) or decimal, with optional _ and K/M/G/T/P/E.';
}
