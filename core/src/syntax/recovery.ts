/**
 * Error recovery: guessing a mistyped keyword ("contaner" -> "container") and skipping to
 * the next synchronisation token.
 */
import { describe, isNameLike, isSync, type ParserState } from './parserState';
import type { Token } from './scanner';

/** Optimal-string-alignment distance, capped: returns `limit + 1` once it is exceeded. */
function editDistance(a: string, b: string, limit: number): number {
	if (Math.abs(a.length - b.length) > limit) {
		return limit + 1;
	}
	let prevPrev: number[] = [];
	let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
	for (let i = 1; i <= a.length; i++) {
		const row = [i];
		for (let j = 1; j <= b.length; j++) {
			const cost = a[i - 1] === b[j - 1] ? 0 : 1;
			let best = Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
			if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
				best = Math.min(best, (prevPrev[j - 2] ?? 0) + 1);
			}
			row.push(best);
		}
		prevPrev = prev;
		prev = row;
	}
	return prev[b.length] ?? limit + 1;
}

/**
 * The keyword that `word` is most likely a typo of: the unique candidate within one edit
 * (two for words of six letters or more); undefined when there is none or a tie.
 */
export function closestKeyword(word: string, candidates: readonly string[]): string | undefined {
	if (word.length > 20) {
		return undefined;
	}
	const limit = word.length >= 6 ? 2 : 1;
	let best: string | undefined;
	let bestDistance = limit + 1;
	let tie = false;
	for (const candidate of candidates) {
		const distance = editDistance(word.toLowerCase(), candidate, limit);
		if (distance < bestDistance) {
			best = candidate;
			bestDistance = distance;
			tie = false;
		} else if (distance === bestDistance) {
			tie = true;
		}
	}
	return best !== undefined && !tie && bestDistance <= limit ? best : undefined;
}

/** Whether the token after a guessed keyword looks like what that keyword takes. */
function fitsKeyword(keyword: string, following: Token): boolean {
	switch (keyword) {
		case 'include':
			return following.kind === 'string';
		case 'valid':
		case 'impl':
		case 'coalesce':
			return following.kind === 'number';
		case 'endian':
			return following.kind === 'word' && ['little', 'big', 'native'].includes(following.text);
		default:
			return isNameLike(following);
	}
}

/**
 * Handles a token that cannot start an item or member. When it is a word that is a close
 * typo of one of `keywords` and is followed by what that keyword takes, reports "did you
 * mean" and returns the keyword so the caller parses the construct as if spelt right.
 * Otherwise reports "expected `what`" and skips to the next synchronisation token.
 */
export function recoverUnknown(p: ParserState, keywords: readonly string[], what: string): string | undefined {
	const token = p.peek();
	if (token.kind === 'word') {
		const guess = closestKeyword(token.text, keywords);
		if (guess !== undefined && guess !== token.text && fitsKeyword(guess, p.peek(1))) {
			p.error('syntax.unexpected-token', `unknown keyword '${token.text}'; did you mean '${guess}'?`, token);
			return guess;
		}
	}
	p.unexpected(`expected ${what}, found ${describe(token)}`);
	skipToSync(p);
	return undefined;
}

/**
 * Skips tokens up to the next synchronisation token (a keyword that starts an item or
 * member, `}` or the end) or past the next `;`, skipping balanced `{ ... }` blocks whole.
 * Always consumes at least one token unless already at the end or at `}`.
 */
export function skipToSync(p: ParserState): void {
	let depth = 0;
	let first = true;
	for (;;) {
		const token = p.peek();
		if (token.kind === 'eof') {
			return;
		}
		if (depth === 0 && !first && (isSync(token) || (token.kind === 'word' && token.newlineBefore))) {
			return;
		}
		if (depth === 0 && token.kind === 'rbrace') {
			return;
		}
		first = false;
		p.next();
		if (token.kind === 'lbrace') {
			depth++;
		} else if (token.kind === 'rbrace') {
			depth--;
		} else if (token.kind === 'semicolon' && depth === 0) {
			return;
		}
	}
}
