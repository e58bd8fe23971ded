import type { FileNode } from '../../../../core/src/syntax/ast';
import { propOrder } from '../../../../core/src/syntax/formatRows';

type Shape = null | boolean | number | string | Shape[] | { [key: string]: Shape };

/**
 * The structure of a parse tree without text positions, in the form the formatter
 * promises to keep: properties in canonical order, `0x`/`0b` prefixes in lower case,
 * keyword spans reduced to their presence, and comments as a sorted list of texts.
 */
export function astShape(file: FileNode): Shape {
	return {
		items: shape(file.items),
		comments: file.comments.map((c) => c.text.trimEnd()).sort(),
	};
}

function shape(value: unknown): Shape {
	if (value === undefined || value === null) {
		return null;
	}
	if (typeof value === 'bigint') {
		return value.toString();
	}
	if (typeof value === 'boolean' || typeof value === 'number' || typeof value === 'string') {
		return value;
	}
	if (Array.isArray(value)) {
		return value.map(shape);
	}
	const node = value as Record<string, unknown>;
	const result: { [key: string]: Shape } = {};
	for (const [key, field] of Object.entries(node)) {
		if (key === 'offset' || key === 'length') {
			continue;
		}
		if (key === 'keywordLength') {
			continue;
		}
		if (key === 'overlap' || key === 'unaligned') {
			result[key] = field !== undefined;
		} else if (key === 'props' && Array.isArray(field)) {
			result[key] = shape(sortProps(field as { name: (typeof propOrder)[number] }[]));
		} else if (key === 'text' && node.kind === 'number' && typeof field === 'string') {
			result[key] = field.replace(/^(-?)0([xXbB])/, (_, sign: string, base: string) => `${sign}0${base.toLowerCase()}`);
		} else {
			result[key] = shape(field);
		}
	}
	if (node.kind === 'prop') {
		// A numeric property derives its kind and NUMBER node on read (accessors, not entries).
		result.kind = 'prop';
		result.value = shape(node.value);
	}
	return result;
}

function sortProps<T extends { name: (typeof propOrder)[number] }>(props: readonly T[]): T[] {
	return props
		.map((prop, index) => ({ prop, index }))
		.sort((a, b) => propOrder.indexOf(a.prop.name) - propOrder.indexOf(b.prop.name) || a.index - b.index)
		.map((entry) => entry.prop);
}
