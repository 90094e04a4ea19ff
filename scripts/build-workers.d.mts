/** Types of build-workers.mjs (imported by the report worker's contract test). */
export function buildWorkers(): Promise<void>;
