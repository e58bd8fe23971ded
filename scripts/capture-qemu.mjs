// Captures `info mtree -D`, `info mtree`, `info mtree -f`, and with the options that add
// to them, `info mtree -o -D` and `info mtree -f -o`, of every machine of every
// installed `qemu-system-*` binary into one gzipped JSON file, the corpus of
// test/qemu/allMachines.test.ts. Not part of the build or the tests: run it by hand after
// installing QEMU (on Debian 12: `apt-get install qemu-system-x86 qemu-system-arm
// qemu-system-misc qemu-system-ppc qemu-system-mips qemu-system-sparc qemu-system-s390x`).
//
//   node scripts/capture-qemu.mjs [OUT.json.gz]
//
// Each machine runs as `-machine NAME -S -nodefaults -display none` with a monitor on a
// Unix socket, two at a time. Machines that do not start that way (they need a kernel or
// firmware, or exit at once) are listed on stderr and left out.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const out = process.argv[2] ?? 'test/fixtures/qemu-7.2-all/machines.json.gz';
const commands = { mtreeD: 'info mtree -D', mtree: 'info mtree', flat: 'info mtree -f' };
// Asked of a second QEMU process: 7.2 loops forever printing the owners of a few machines
// (mips64 `magnum` and `pica61`), which then keep only the texts above.
const ownerCommands = { ownersD: 'info mtree -o -D', flatOwners: 'info mtree -f -o' };
const scratch = mkdtempSync(join(tmpdir(), 'memmap-capture-'));

/** `[binary, machine]` for every machine but `none`; big-endian twins are left out. */
function jobs() {
	const binaries = readdirSync('/usr/bin').filter((file) => /^qemu-system-/.test(file) && !/microvm|eb$|el$/.test(file));
	return binaries.flatMap((binary) => {
		let help = '';
		try {
			help = execFileSync(`/usr/bin/${binary}`, ['-machine', 'help'], { encoding: 'utf8', timeout: 10_000 });
		} catch {
			return [];
		}
		return help
			.split('\n')
			.slice(1)
			.map((line) => /^(\S+)\s/.exec(line)?.[1])
			.filter((machine) => machine !== undefined && machine !== 'none')
			.map((machine) => [binary, machine]);
	});
}

/** The answers to `commands` of one machine, or undefined when it does not start. */
function capture([binary, machine], commands) {
	return new Promise((resolve) => {
		const socket = join(scratch, `${binary}-${machine}-${Object.keys(commands)[0]}.sock`);
		const qemu = spawn(`/usr/bin/${binary}`, ['-machine', machine, '-S', '-nodefaults', '-display', 'none', '-monitor', `unix:${socket},server,nowait`], { stdio: 'ignore' });
		let done = false;
		const finish = (texts) => {
			if (!done) {
				done = true;
				clearTimeout(timer);
				qemu.kill('SIGKILL');
				resolve(texts);
			}
		};
		const timer = setTimeout(() => finish(undefined), 20_000);
		qemu.on('exit', () => setTimeout(() => finish(undefined), 500));
		let tries = 0;
		const attach = () => {
			const monitor = connect(socket);
			monitor.on('error', () => {
				if (++tries < 100 && !done) {
					setTimeout(attach, 100);
				}
			});
			monitor.on('connect', () => talk(monitor));
		};
		setTimeout(attach, 150);
		function talk(monitor) {
			const names = Object.keys(commands);
			const texts = {};
			let buffer = '';
			let sent = -1;
			monitor.setEncoding('utf8');
			monitor.on('data', (data) => {
				buffer += data;
				if (!buffer.endsWith('(qemu) ')) {
					return;
				}
				if (sent >= 0) {
					// Drop the echoed command line and the next prompt.
					texts[names[sent]] = buffer.slice(buffer.indexOf('\n') + 1).replace(/\(qemu\) $/, '').replace(/\r/g, '');
				}
				buffer = '';
				sent++;
				if (sent < names.length) {
					monitor.write(`${commands[names[sent]]}\n`);
				} else {
					monitor.end();
					finish(texts);
				}
			});
		}
	});
}

const all = jobs();
const corpus = {};
let next = 0;
async function worker() {
	while (next < all.length) {
		const job = all[next++];
		const texts = await capture(job, commands);
		const name = `${job[0].replace('qemu-system-', '')}-${job[1]}`;
		if (texts) {
			const owners = await capture(job, ownerCommands);
			corpus[name] = { ...texts, ...owners };
			if (!owners) {
				process.stderr.write(`no owners: ${name}\n`);
			}
		} else {
			process.stderr.write(`did not start: ${name}\n`);
		}
	}
}
await Promise.all([worker(), worker()]);
rmSync(scratch, { recursive: true, force: true });
const sorted = Object.fromEntries(Object.keys(corpus).sort().map((name) => [name, corpus[name]]));
writeFileSync(out, gzipSync(Buffer.from(JSON.stringify(sorted)), { level: 9 }));
process.stderr.write(`${Object.keys(sorted).length} of ${all.length} machines captured into ${out}\n`);
