/**
 * `memmap export --format qemu`: the generated C is compiled by gcc against QEMU's
 * prototypes (a recording stand-in for the memory API, test/fixtures/qemu-shim) and run;
 * what the calls built must be the core's region tree, region by region: kind, size,
 * container and offset, priority, the subregion list in QEMU's order, alias target and
 * offset, the flags, the ops' access sizes and coalescing.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { analyze, exportSpace, firstSpaceOfEachName, type Analysis, type Region, type RegionId } from '../../../../core/src/index';
import { repoRoot } from '../../../util/golden';

const shim = path.join(repoRoot, 'test', 'fixtures', 'qemu-shim');

/** The clean samples and the fixture with every construct. */
const boards = [
	'samples/pc-x86.memmap',
	'samples/cortex-m.memmap',
	'samples/arm-virt.memmap',
	'samples/riscv-board.memmap',
	'samples/qemu-x86_64-pc.memmap',
	'samples/qemu-aarch64-virt.memmap',
	'test/fixtures/export/qemu-code.memmap',
];

function load(file: string): Analysis {
	const uri = path.join(repoRoot, file);
	return analyze(uri, {
		readText: (wanted) => (fs.existsSync(wanted) ? fs.readFileSync(wanted, 'utf8') : undefined),
		resolveInclude: (from, written) => path.resolve(path.dirname(from), written),
	});
}

function haveGcc(): boolean {
	return spawnSync('gcc', ['--version'], { encoding: 'utf8' }).status === 0;
}

/** What the shim prints for one region, computed from the tree instead. */
function expectedLine(region: Region, fieldOf: ReadonlyMap<RegionId, string>): string {
	const field = (id: RegionId | undefined): string => (id === undefined ? '-' : (fieldOf.get(id) ?? '-'));
	const placed = region.parent !== undefined && fieldOf.has(region.parent);
	const hex = (value: bigint): string => `0x${value.toString(16)}`;
	const access = region.access;
	const sizes = (s: { min: number; max: number; unaligned: boolean } | undefined): string =>
		`${s?.min ?? 0}..${s?.max ?? 0}${s?.unaligned ? 'u' : ''}`;
	const ops = region.kind === 'io' || region.kind === 'romd' ? `${access?.endian ?? 'native'} ${sizes(access?.valid)} ${sizes(access?.impl)}` : '-';
	const coalesce = access?.coalesce === undefined ? '-' : access.coalesce.size === undefined ? 'all' : `${hex(access.coalesce.start)}+${hex(access.coalesce.size)}`;
	const flag = (value: boolean): string => (value ? '1' : '0');
	return [
		field(region.id),
		region.name,
		region.kind,
		hex(region.size),
		placed ? field(region.parent) : '-',
		placed ? hex(region.addr) : '0x0',
		placed ? String(region.priority) : '0',
		placed ? flag(region.mayOverlap) : '0',
		field(region.alias?.target),
		hex(region.alias?.offset ?? 0n),
		flag(region.readonly),
		flag(region.enabled),
		flag(region.nonvolatile),
		flag(region.romdMode),
		ops,
		coalesce,
		region.children.filter((id) => fieldOf.has(id)).map(field).join(','),
	].join('|');
}

suite('export --format qemu: the generated code builds the same regions (gcc and a recording memory API)', function () {
	this.timeout(180_000);
	let dir = '';
	suiteSetup(function () {
		if (!haveGcc()) {
			if (process.env.CI) {
				assert.fail('gcc is needed (Debian: build-essential)');
			}
			this.skip();
		}
		dir = fs.mkdtempSync(path.join(os.tmpdir(), 'memmap-qemu-code-'));
		const compiled = spawnSync('gcc', ['-std=gnu11', '-Wall', '-Wextra', '-Werror', '-c', path.join(shim, 'shim.c'), '-I', shim, '-o', path.join(dir, 'shim.o')], {
			encoding: 'utf8',
		});
		assert.equal(compiled.status, 0, compiled.stderr);
	});
	suiteTeardown(() => {
		if (dir !== '') {
			fs.rmSync(dir, { recursive: true, force: true });
		}
	});

	for (const file of boards) {
		test(`${file}: every space`, () => {
			const analysis = load(file);
			assert.ok(!analysis.diagnostics.some((d) => d.severity === 'error'), `${file} has errors`);
			const spaces = firstSpaceOfEachName(analysis.views).map((v) => v.space.name);
			assert.ok(spaces.length > 0);
			for (const space of spaces) {
				const outcome = exportSpace(analysis, { format: 'qemu', space, file });
				assert.ok(outcome.ok, outcome.ok ? '' : outcome.message);
				checkBuilds(analysis, outcome.text, dir);
			}
		});
	}
});

/** Compiles `code` with a main that runs its init and prints the shim's record; compares. */
function checkBuilds(analysis: Analysis, code: string, dir: string): void {
	// Outside comments (which keep names as written), plain ASCII: names are escaped in strings.
	assert.match(code.replace(/\/\*[\s\S]*?\*\//g, ''), /^[\n\x20-\x7e]*$/);
	const init = /^void (\w+)_init\((\w+) \*r, Object \*owner\)$/m.exec(code);
	assert.ok(init, 'an init function');
	const [, base, type] = init;
	const fields = [...code.matchAll(/^ {4}MemoryRegion (\w+); \/\* (.*) \*\/$/gm)].map(([, field, regionPath]) => ({ field: field as string, regionPath: regionPath as string }));
	const byPath = new Map(analysis.tree.regions.map((r) => [r.path, r]));
	const fieldOf = new Map<RegionId, string>();
	for (const { field, regionPath } of fields) {
		const region = byPath.get(regionPath);
		assert.ok(region, `a region with path ${regionPath}`);
		fieldOf.set(region.id, field);
	}
	const main = [
		'#include "generated.c"',
		'#include <stdio.h>',
		`static ${type} regions;`,
		'static const ShimField fields[] = {',
		...fields.map(({ field }) => `    { "${field}", offsetof(${type}, ${field}) },`),
		'};',
		'int main(void)',
		'{',
		`    ${base}_init(&regions, NULL);`,
		'    shim_print(&regions, fields, sizeof(fields) / sizeof(fields[0]));',
		'    return 0;',
		'}',
		'',
	].join('\n');
	fs.writeFileSync(path.join(dir, 'generated.c'), code);
	fs.writeFileSync(path.join(dir, 'main.c'), main);
	const exe = path.join(dir, 'board');
	// The generated file with warnings QEMU's own build turns on (main.c is the test's).
	const strict = ['-std=gnu11', '-Wall', '-Wextra', '-Wno-unused-parameter', '-Wmissing-prototypes', '-Wstrict-prototypes', '-Wold-style-declaration', '-Wundef', '-Wwrite-strings', '-Werror'];
	const checked = spawnSync('gcc', [...strict, '-I', shim, '-c', 'generated.c', '-o', 'generated.o'], { cwd: dir, encoding: 'utf8' });
	assert.equal(checked.status, 0, checked.stderr);
	const compiled = spawnSync('gcc', ['-std=gnu11', '-Wall', '-Werror', '-Wno-unused-parameter', '-I', shim, 'main.c', 'shim.o', '-o', exe], { cwd: dir, encoding: 'utf8' });
	assert.equal(compiled.status, 0, compiled.stderr);
	const ran = spawnSync(exe, [], { encoding: 'utf8' });
	assert.equal(ran.status, 0, ran.stderr);
	const expected = fields.map(({ regionPath }) => expectedLine(byPath.get(regionPath) as Region, fieldOf));
	assert.deepEqual(ran.stdout.trimEnd().split('\n'), expected);
	// Every region the space renders is built: the root, what is placed in it, alias targets.
	for (const region of fields.map(({ regionPath }) => byPath.get(regionPath) as Region)) {
		for (const child of region.children) {
			assert.ok(fieldOf.has(child), `the subregion ${analysis.tree.regions[child]?.path} of ${region.path} is built`);
		}
		if (region.alias?.target !== undefined) {
			assert.ok(fieldOf.has(region.alias.target), `the target of ${region.path} is built`);
		}
	}
}

suite('export --format qemu: names in C strings', () => {
	test('non-ASCII names are UTF-8 octal escapes; a lone surrogate, which UTF-8 cannot hold, is U+FFFD', () => {
		const text = 'space s = c\ncontainer c size 4K {\n\tio "µ\uD800x" at 0 size 16\n}\n';
		const outcome = exportSpace(analyze('file:///c.memmap', { readText: () => text, resolveInclude: (_from, written) => written }), {
			format: 'qemu',
			file: 'c.memmap',
		});
		assert.ok(outcome.ok);
		assert.match(outcome.text, /"\\302\\265\\357\\277\\275x", 0x10\);$/m);
	});
});
