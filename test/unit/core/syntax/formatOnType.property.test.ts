import * as assert from 'node:assert';
import * as fc from 'fast-check';
import { format } from '../../../../core/src/syntax/format';
import { formatOnType } from '../../../../core/src/syntax/formatOnType';
import { applyReplacements } from '../../../../core/src/syntax/formatRange';
import { validFile } from './memmapArbitrary';

/** A valid file and the start of one of its lines (where the cursor is after a line break). */
const afterLineBreak = validFile.chain((text) => {
	const starts = [...text.matchAll(/\n/g)].map((m) => (m.index ?? 0) + 1);
	return fc.tuple(fc.constant(text), starts.length > 0 ? fc.constantFrom(...starts) : fc.constant(0));
});

suite('formatOnType (property)', () => {
	test('a line break edits only the line it ends, and keeps the meaning', () => {
		fc.assert(
			fc.property(afterLineBreak, ([text, offset]) => {
				const edits = formatOnType(text, offset, '\n') ?? [];
				const previousStart = offset === 0 ? 0 : text.lastIndexOf('\n', offset - 2) + 1;
				for (const edit of edits) {
					assert.ok(edit.start >= previousStart && edit.end <= offset - 1, `edit [${edit.start}, ${edit.end}) outside the line ending at ${offset - 1}`);
				}
				const applied = applyReplacements(text, edits);
				assert.strictEqual(format(applied), format(text));
				assert.ok(applied.endsWith(text.slice(offset - 1)), 'the line break and everything after it stay');
			}),
			{ numRuns: 300 },
		);
	});

	test('a closing brace edits nothing after it, and keeps the meaning', () => {
		const atBrace = validFile.chain((text) => {
			const braces = [...text.matchAll(/\}/g)].map((m) => (m.index ?? 0) + 1);
			return fc.tuple(fc.constant(text), braces.length > 0 ? fc.constantFrom(...braces) : fc.constant(0));
		});
		fc.assert(
			fc.property(atBrace, ([text, offset]) => {
				const edits = formatOnType(text, offset, '}') ?? [];
				for (const edit of edits) {
					assert.ok(edit.end <= offset && edit.start < offset);
				}
				const applied = applyReplacements(text, edits);
				assert.strictEqual(format(applied), format(text));
				assert.ok(applied.endsWith(text.slice(offset)));
			}),
			{ numRuns: 300 },
		);
	});
});
