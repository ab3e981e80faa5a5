// Messages between the pool (src/parallel/pool.ts) and its workers (worker-entry.ts).
import type { TASKS } from './tasks.js';

export type TaskName = keyof typeof TASKS;

export interface TaskRequest {
  type: 'task';
  id: number;
  name: TaskName;
  payload: unknown;
}

/** A result, or the message and class of the error the task threw. */
export interface TaskReply {
  id: number;
  /** A number, or a typed array (or an array of them) for tasks that return arrays. */
  value?: unknown;
  error?: string;
  kind?: string;
}
