/** Types of scripts/lib.mjs (plain Node, run before any build), for the specs that start servers of their own. */
import type { ChildProcess } from 'node:child_process';

export const ROOT: string;
export function startSandbox(opts: {
  port: number;
  db: string;
  args?: string[];
  env?: NodeJS.ProcessEnv;
}): ChildProcess;
export function startApp(opts: { port: number; env?: NodeJS.ProcessEnv }): ChildProcess;
export function waitForHttp(url: string, timeoutMs?: number, headers?: Record<string, string>): Promise<void>;
export function stopAll(children: (ChildProcess | null | undefined)[]): void;
