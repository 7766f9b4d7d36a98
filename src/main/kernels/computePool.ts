/**
 * Compute threads for the WebAssembly kernels (../shared/PERFORMANCE.md): a few worker_threads,
 * each with the same module instantiated on the one shared WebAssembly.Memory, taking tasks of a
 * job until none is left while the calling thread takes tasks too. The call stays synchronous:
 * the caller waits on Atomics for the threads it posted the job to. Results do not depend on
 * which thread ran which task: tasks write disjoint memory.
 *
 * Control words (Int32 on a SharedArrayBuffer): the job's next task, its task count, its address,
 * an error flag, a stop flag and how many tasks may start (a caller still writing the inputs of
 * later tasks raises it as it goes); then per thread: the generation posted to it, the generation it
 * finished, whether it is ready, its scratch address, the tasks it has run. A thread only touches a job posted to it,
 * and the caller returns only when every thread it posted to has finished, so the next job
 * cannot be read half-written.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { WasmMemory, WasmModule } from './wasmApi';

const NEXT = 0;
const COUNT = 1;
const JOB = 2;
const ERROR = 3;
const STOP = 4;
/** Tasks below this may start: the caller may still be writing the inputs of later ones. */
const READY = 5;
const THREADS = 8;
const POST = 0;
const DONE = 1;
const STARTED = 2;
const SCRATCH = 3;
const SLOT_WORDS = 5;
const TASKS = 4;

/** A task runner of the module: runs task `task` of the job at `job` with scratch at `scratch`. */
export type RunTask = (job: number, task: number, scratch: number) => void;

// Plain JavaScript, so it runs the same from the bundles, the tests and Electron, with no file to
// find: it instantiates the module on the shared memory and serves jobs until told to stop.
const threadSource = `
const { workerData } = require('node:worker_threads');
const { module, memory, control, slot } = workerData;
const words = new Int32Array(control);
const base = ${THREADS} + ${SLOT_WORDS} * slot;
const { runTask } = new WebAssembly.Instance(module, { env: { memory } }).exports;
Atomics.store(words, base + ${STARTED}, 1);
let seen = 0;
for (;;) {
  Atomics.wait(words, base + ${POST}, seen);
  const generation = Atomics.load(words, base + ${POST});
  if (generation === seen) continue;
  seen = generation;
  if (Atomics.load(words, ${STOP}) !== 0) break;
  try {
    const job = Atomics.load(words, ${JOB});
    const count = Atomics.load(words, ${COUNT});
    const scratch = Atomics.load(words, base + ${SCRATCH});
    for (;;) {
      const task = Atomics.add(words, ${NEXT}, 1);
      if (task >= count) break;
      for (;;) {
        const ready = Atomics.load(words, ${READY});
        if (ready > task) break;
        Atomics.wait(words, ${READY}, ready, 1000);
      }
      if (Atomics.load(words, ${ERROR}) !== 0) break;
      runTask(job, task, scratch);
      Atomics.add(words, base + ${TASKS}, 1);
    }
  } catch {
    Atomics.store(words, ${ERROR}, 1);
  }
  Atomics.store(words, base + ${DONE}, generation);
  Atomics.notify(words, base + ${DONE});
}
`;

/** Helper threads by default: one fewer than the cores (the caller is one), at least one. */
export function defaultThreads(): number {
  const configured = process.env.CEW_COMPUTE_THREADS;
  if (configured !== undefined && configured !== '') {
    const threads = Number(configured);
    if (Number.isInteger(threads) && threads >= 0) return Math.min(threads, 16);
  }
  return Math.max(1, availableParallelism() - 1);
}

export class ComputePool {
  private readonly words: Int32Array;
  private readonly workers: Worker[] = [];
  private generation = 0;

  constructor(module: WasmModule, memory: WasmMemory, threads: number) {
    this.words = new Int32Array(new SharedArrayBuffer(4 * (THREADS + SLOT_WORDS * threads)));
    for (let slot = 0; slot < threads; slot++) {
      try {
        const worker = new Worker(threadSource, {
          eval: true,
          workerData: { module, memory, control: this.words.buffer, slot },
        });
        // Never keeps the process alive; a thread that fails is simply never posted to.
        worker.unref();
        worker.on('error', () => undefined);
        this.workers.push(worker);
      } catch {
        break;
      }
    }
  }

  /** Waits (up to the timeout) until `threads` threads can take tasks; passes need not wait. */
  async whenReady(threads: number, timeoutMs: number): Promise<void> {
    const until = Date.now() + timeoutMs;
    while (this.ready < threads && Date.now() < until)
      await new Promise((resolve) => setTimeout(resolve, 5));
  }

  /** Threads that could take part now (started and ready). */
  get ready(): number {
    return this.workers.filter((_, slot) => this.isReady(slot)).length;
  }

  /** Tasks the helper threads have run so far. */
  get helperTasks(): number {
    let tasks = 0;
    this.workers.forEach((_, slot) => {
      tasks += Atomics.load(this.words, THREADS + SLOT_WORDS * slot + TASKS);
    });
    return tasks;
  }

  private isReady(slot: number): boolean {
    return Atomics.load(this.words, THREADS + SLOT_WORDS * slot + STARTED) === 1;
  }

  /**
   * Runs tasks 0..count−1 of the job, on this thread (with `scratch[0]`) and on every ready
   * helper (helper k with `scratch[k + 1]`; give one scratch per helper plus one).
   *
   * With `stage`, the helpers start before the job's inputs are all written: `stage` runs on this
   * thread first and calls `ready(k)` once the inputs of tasks below k are in place; helpers wait
   * for that before a task, and this thread takes tasks only after `stage` returns.
   */
  run(
    job: number,
    count: number,
    scratch: readonly number[],
    runTask: RunTask,
    stage?: (ready: (tasks: number) => void) => void,
  ): void {
    const words = this.words;
    const generation = ++this.generation;
    const markReady = (tasks: number): void => {
      Atomics.store(words, READY, tasks);
      Atomics.notify(words, READY);
    };
    Atomics.store(words, JOB, job | 0);
    Atomics.store(words, COUNT, count);
    Atomics.store(words, NEXT, 0);
    Atomics.store(words, ERROR, 0);
    Atomics.store(words, READY, stage === undefined ? count : 0);
    const posted: number[] = [];
    for (let slot = 0; slot < this.workers.length && posted.length < count - 1; slot++) {
      if (!this.isReady(slot) || scratch[slot + 1] === undefined) continue;
      const base = THREADS + SLOT_WORDS * slot;
      Atomics.store(words, base + SCRATCH, scratch[slot + 1]! | 0);
      Atomics.store(words, base + POST, generation);
      Atomics.notify(words, base + POST);
      posted.push(base);
    }
    try {
      if (stage !== undefined) {
        try {
          stage(markReady);
        } catch (error) {
          // No task may run on inputs that were never written: helpers stop at the error flag.
          Atomics.store(words, ERROR, 1);
          Atomics.store(words, NEXT, count);
          throw error;
        } finally {
          markReady(count);
        }
      }
      for (;;) {
        const task = Atomics.add(words, NEXT, 1);
        if (task >= count) break;
        runTask(job, task, scratch[0]!);
      }
    } finally {
      for (const base of posted) {
        for (;;) {
          const done = Atomics.load(words, base + DONE);
          if (done === generation) break;
          Atomics.wait(words, base + DONE, done, 1000);
        }
      }
    }
    if (Atomics.load(words, ERROR) !== 0) throw new Error('a compute thread failed');
  }

  /** Stops the threads (tests; the process otherwise ends them). */
  close(): Promise<unknown> {
    Atomics.store(this.words, STOP, 1);
    const generation = ++this.generation;
    this.workers.forEach((_, slot) => {
      Atomics.store(this.words, THREADS + SLOT_WORDS * slot + POST, generation);
      Atomics.notify(this.words, THREADS + SLOT_WORDS * slot + POST);
    });
    return Promise.all(this.workers.map((worker) => worker.terminate()));
  }
}
