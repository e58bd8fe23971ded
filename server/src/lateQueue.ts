/**
 * The queue behind `cancellableGuard` (`context.ts`). Pure Node timing, no LSP: it only
 * decides when each job starts.
 */

/**
 * Runs jobs one at a time, each after `turns` turns of the event loop counted from the end
 * of the one before. JSON-RPC reads one message per turn, and a message it has read is
 * acted on a turn later, so those turns let the messages that came during a long job (a
 * key's cancels, its change, its hover) be read and handled first: a cancel is seen before
 * the job it cancels starts, and a hover is not kept waiting behind requests already
 * cancelled. Timers set at dispatch would instead run back to back after the first long
 * job, before any message is read.
 */
export class LateQueue {
	readonly #jobs: (() => void)[] = [];
	#scheduled = false;

	constructor(private readonly turns: number) {}

	add(job: () => void): void {
		this.#jobs.push(job);
		this.#schedule();
	}

	#schedule(): void {
		if (this.#scheduled || this.#jobs.length === 0) {
			return;
		}
		this.#scheduled = true;
		afterTurns(this.turns, () => {
			this.#scheduled = false;
			try {
				this.#jobs.shift()?.();
			} finally {
				this.#schedule();
			}
		});
	}
}

/** Calls `run` after `turns` turns of the event loop (each `setImmediate` set from the last waits for the next turn). */
function afterTurns(turns: number, run: () => void): void {
	setImmediate(turns <= 1 ? run : () => afterTurns(turns - 1, run));
}
