/** Shared helper for check tests: build a tree, flatten every space, run `checkTree`. */
import type { Diagnostic, DiagnosticCode, RegionTree } from '../../../../../core/src/index';
import { flatten } from '../../../../../core/src/index';
import { checkTree } from '../../../../../core/src/model/checks/index';

/** Every diagnostic `checkTree` reports on `tree`, with all spaces flattened. */
export function runChecks(tree: RegionTree): Diagnostic[] {
	const views = tree.spaces.map((space) => ({ space, view: flatten(tree, space.root) }));
	return checkTree(tree, views);
}

/** `severity code: message` of the diagnostics with `code`. */
export function withCode(tree: RegionTree, code: DiagnosticCode): string[] {
	return runChecks(tree)
		.filter((d) => d.code === code)
		.map((d) => `${d.severity} ${d.code}: ${d.message}`);
}
