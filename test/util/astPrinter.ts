import type {
	FileNode,
	MemberNode,
	ItemNode,
	NameNode,
	NumberNode,
	PropNode,
	RefNode,
	RegionNode,
	Span,
} from '../../core/src/syntax/ast';

/**
 * Prints a syntax tree as indented text for golden files: one node per line with its
 * text span `[start,end)` (UTF-16 offsets, end exclusive). Missing pieces print as `?`.
 */
export function printAst(file: FileNode): string {
	const lines: string[] = [];
	for (const item of file.items) {
		printItem(item, 0, lines);
	}
	for (const comment of file.comments) {
		const flags = (comment.doc ? ' doc' : '') + (comment.block ? ' block' : '');
		lines.push(`comment${flags} ${span(comment)} ${JSON.stringify(comment.text)}`);
	}
	return lines.join('\n') + '\n';
}

function span(node: Span): string {
	return `[${node.offset},${node.offset + node.length})`;
}

function name(node: NameNode | undefined): string {
	if (!node) {
		return '?';
	}
	return node.quoted ? JSON.stringify(node.text) : node.text;
}

function ref(node: RefNode | undefined): string {
	if (!node) {
		return '?';
	}
	const text = node.segments
		.map((s) => name(s.name) + (s.occurrence !== undefined ? `#${s.occurrence}` : ''))
		.join('/');
	return `${text} ${span(node)}`;
}

function num(node: NumberNode | undefined): string {
	if (!node) {
		return '?';
	}
	return `${node.text}=${node.value === undefined ? 'invalid' : node.value.toString()}`;
}

function prop(node: PropNode): string {
	if (!node.value) {
		return node.name;
	}
	return `${node.name} ${node.value.kind === 'ref' ? ref(node.value) : num(node.value)}`;
}

function printItem(item: ItemNode, depth: number, lines: string[]): void {
	const pad = '  '.repeat(depth);
	switch (item.kind) {
		case 'include':
			lines.push(`${pad}include ${item.path ? JSON.stringify(item.path.value) : '?'} ${span(item)}`);
			return;
		case 'space':
			lines.push(`${pad}space ${name(item.name)} = ${ref(item.root)} ${span(item)}`);
			printDoc(item.doc, pad, lines);
			return;
		case 'region':
			printRegion(item, depth, lines);
			return;
	}
}

function printRegion(region: RegionNode, depth: number, lines: string[]): void {
	const pad = '  '.repeat(depth);
	lines.push(`${pad}${region.regionKind} ${name(region.name)} ${span(region)}`);
	printDoc(region.doc, pad + '  ', lines);
	for (const p of region.props) {
		lines.push(`${pad}  ${prop(p)}`);
	}
	if (region.body) {
		lines.push(`${pad}  {${region.body.closed ? '' : ' (unclosed)'} ${span(region.body)}`);
		for (const member of region.body.members) {
			printMember(member, depth + 2, lines);
		}
	}
}

function printDoc(doc: string | undefined, pad: string, lines: string[]): void {
	if (doc !== undefined) {
		lines.push(`${pad}doc ${JSON.stringify(doc)}`);
	}
}

function printMember(member: MemberNode, depth: number, lines: string[]): void {
	const pad = '  '.repeat(depth);
	switch (member.kind) {
		case 'region':
			printRegion(member, depth, lines);
			return;
		case 'map': {
			const extra = (member.priority ? ` priority ${num(member.priority)}` : '') + (member.overlap ? ' overlap' : '');
			lines.push(`${pad}map ${ref(member.target)} at ${num(member.at)}${extra} ${span(member)}`);
			return;
		}
		case 'access':
			lines.push(
				`${pad}${member.which} ${num(member.min)}..${num(member.max)}${member.unaligned ? ' unaligned' : ''} ${span(member)}`,
			);
			return;
		case 'endian':
			lines.push(`${pad}endian ${member.value ?? '?'} ${span(member)}`);
			return;
		case 'coalesce':
			lines.push(`${pad}coalesce${member.start || member.size ? ` ${num(member.start)} size ${num(member.size)}` : ''} ${span(member)}`);
			return;
	}
}
