import * as assert from 'node:assert';
import * as fc from 'fast-check';
import { format } from '../../../../core/src/syntax/format';
import { formatEdits } from '../../../../core/src/syntax/formatEdits';
import { applyReplacements as apply, type TextReplacement } from '../../../../core/src/syntax/formatRange';
import { validFile } from './memmapArbitrary';

/** A valid file, with its line ends made CRLF half of the time. */
const anyFile = fc.tuple(validFile, fc.boolean()).map(([text, crlf]) => (crlf ? text.replace(/\n/g, '\r\n') : text));

suite('formatEdits (property)', () => {
	test('applied, the edits give what format gives, with the text\'s own line ends', () => {
		fc.assert(
			fc.property(anyFile, (text) => {
				const edits = formatEdits(text);
				assert.ok(edits !== undefined);
				const applied = apply(text, edits);
				assert.strictEqual(applied.replace(/\r\n/g, '\n'), format(text));
				if (text.includes('\r\n')) {
					assert.doesNotMatch(applied, /[^\r]\n|^\n/);
				}
				const insideBreak = (offset: number) => text[offset - 1] === '\r' && text[offset] === '\n';
				assert.ok(edits.every((edit) => !insideBreak(edit.start) && !insideBreak(edit.end)), 'no edit cuts a CRLF');
			}),
			{ numRuns: 300 },
		);
	});

	test('the edits are sorted, apart, and each changes its first and last character', () => {
		fc.assert(
			fc.property(anyFile, (text) => {
				const edits = formatEdits(text) ?? [];
				edits.forEach((edit, i) => {
					assert.ok(edit.start <= edit.end && edit.end <= text.length);
					assert.ok(i === 0 || (edits[i - 1] as TextReplacement).end < edit.start, 'apart from the one before');
					const old = text.slice(edit.start, edit.end);
					assert.notStrictEqual(old, edit.newText);
					// Trimmed: a shared first or last character is kept out of the edit.
					if (old.length > 0 && edit.newText.length > 0) {
						assert.notStrictEqual(old[0], edit.newText[0], `shares its first character: ${JSON.stringify([old, edit.newText])}`);
						assert.notStrictEqual(old.at(-1), edit.newText.at(-1), `shares its last character: ${JSON.stringify([old, edit.newText])}`);
					}
				});
			}),
			{ numRuns: 300 },
		);
	});

	test('a formatted text needs no edit', () => {
		fc.assert(
			fc.property(anyFile, (text) => {
				assert.deepStrictEqual(formatEdits(format(text) ?? ''), []);
			}),
			{ numRuns: 300 },
		);
	});
});
