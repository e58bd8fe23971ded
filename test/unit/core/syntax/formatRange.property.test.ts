import * as assert from 'node:assert';
import * as fc from 'fast-check';
import { format } from '../../../../core/src/syntax/format';
import { applyReplacements, formatRange, type TextReplacement } from '../../../../core/src/syntax/formatRange';
import { parse } from '../../../../core/src/syntax/parser';
import { astShape } from './astShape';
import { validFile } from './memmapArbitrary';

function apply(text: string, edit: TextReplacement | undefined): string {
	return edit === undefined ? text : applyReplacements(text, [edit]);
}

/** A text with a range in it, both ends anywhere. */
const textAndRange = validFile.chain((text) =>
	fc.tuple(fc.constant(text), fc.nat({ max: text.length }), fc.nat({ max: text.length })).map(([t, a, b]) => ({
		text: t,
		start: Math.min(a, b),
		end: Math.max(a, b),
	})),
);

suite('formatRange (property)', () => {
	test('the edit replaces whole lines, keeps the meaning, and moves toward format', () => {
		fc.assert(
			fc.property(textAndRange, ({ text, start, end }) => {
				const edit = formatRange(text, start, end);
				if (edit === undefined) {
					return;
				}
				assert.ok(edit.start === 0 || text[edit.start - 1] === '\n', 'starts at a line start');
				assert.ok(edit.end === text.length || text[edit.end] === '\n', 'ends at a line end');
				const applied = apply(text, edit);
				assert.deepStrictEqual(parse(applied).diagnostics, []);
				assert.deepStrictEqual(astShape(parse(applied).file), astShape(parse(text).file));
				assert.strictEqual(format(applied), format(text));
			}),
			{ numRuns: 300 },
		);
	});

	test('the lines the range touches come out as format prints them', () => {
		fc.assert(
			fc.property(textAndRange, ({ text, start, end }) => {
				const edit = formatRange(text, start, end);
				const formatted = (format(text) ?? '').split('\n');
				// The range's ends, moved with the edit; an end at a line start leaves that line out.
				const last = end > start && text[end - 1] === '\n' ? end - 1 : end;
				const moved = (offset: number, side: 'start' | 'end'): number =>
					edit === undefined || offset < edit.start
						? offset
						: offset >= edit.end
							? offset + edit.newText.length - (edit.end - edit.start)
							: side === 'start'
								? edit.start
								: edit.start + edit.newText.length;
				const applied = apply(text, edit);
				const from = applied.lastIndexOf('\n', moved(start, 'start') - 1) + 1;
				const lineEnd = applied.indexOf('\n', moved(last, 'end'));
				const touched = applied.slice(from, lineEnd < 0 ? applied.length : lineEnd).split('\n');
				for (const line of touched) {
					assert.ok(line.trim() === '' || formatted.includes(line), `'${line}' is a formatted line`);
				}
			}),
			{ numRuns: 300 },
		);
	});

	test('a formatted text needs no edit, whatever the range', () => {
		fc.assert(
			fc.property(textAndRange, ({ text, start, end }) => {
				const formatted = format(text) ?? '';
				const scale = formatted.length / Math.max(1, text.length);
				assert.strictEqual(formatRange(formatted, Math.floor(start * scale), Math.floor(end * scale)), undefined);
			}),
			{ numRuns: 300 },
		);
	});

	test('the whole text as the range gives what format gives', () => {
		fc.assert(
			fc.property(validFile, (text) => {
				const formatted = format(text);
				if (formatted !== '') {
					assert.strictEqual(apply(text, formatRange(text, 0, text.length)), formatted);
				}
			}),
			{ numRuns: 300 },
		);
	});
});
