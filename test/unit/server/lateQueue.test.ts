/**
 * The queue behind `cancellableGuard`: jobs run one at a time, in order, each some turns
 * of the event loop after the one before, so that messages read one per turn in between
 * (as JSON-RPC reads them) are all seen first. The protocol test
 * `test/protocol/cancellation.test.ts` shows the same through a real server.
 */
import * as assert from 'node:assert/strict';
import { LateQueue } from '../../../server/src/lateQueue';

/** Resolves once `queue` has run every job added so far (a job added last runs last). */
function drained(queue: LateQueue): Promise<void> {
	return new Promise((resolve) => queue.add(resolve));
}

/** Delivers `count` messages one per turn of the event loop, as JSON-RPC's reader does. */
function readOnePerTurn(count: number, deliver: (index: number) => void, index = 0): void {
	if (index < count) {
		setImmediate(() => {
			deliver(index);
			readOnePerTurn(count, deliver, index + 1);
		});
	}
}

suite('server: LateQueue', () => {
	test('jobs run one at a time, in the order added, and none at once', async () => {
		const queue = new LateQueue(8);
		const ran: string[] = [];
		for (const name of ['a', 'b', 'c']) {
			queue.add(() => ran.push(name));
		}
		assert.deepEqual(ran, [], 'adding runs nothing yet');
		await drained(queue);
		assert.deepEqual(ran, ['a', 'b', 'c']);
	});

	test('messages read during a job, one per turn, are all seen before the next job starts', async () => {
		for (const [turns, messages, seen] of [
			[8, 6, 'all'],
			[8, 1, 'all'],
			[2, 6, 'not all'],
		] as const) {
			const queue = new LateQueue(turns);
			let delivered = 0;
			let seenByNext = -1;
			// The first job is a long request: the messages that came meanwhile are read after it.
			queue.add(() => readOnePerTurn(messages, () => delivered++));
			queue.add(() => (seenByNext = delivered));
			await drained(queue);
			const all = seenByNext === messages;
			assert.equal(all ? 'all' : 'not all', seen, `${turns} turns, ${messages} messages: the next job saw ${seenByNext}`);
		}
	});

	test('a job added while the queue is idle also waits its turns', async () => {
		const queue = new LateQueue(4);
		let delivered = 0;
		let seen = -1;
		readOnePerTurn(3, () => delivered++);
		queue.add(() => (seen = delivered));
		await drained(queue);
		assert.equal(seen, 3);
	});
});
