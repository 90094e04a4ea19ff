/** Limits the API sets, in one place for the forms, the proxy and the sandbox. */

/** Largest attachment file the API accepts (the sandbox enforces the same). */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

/** "10 MB", "700 KB": a file size as people read it. */
export function formatBytes(n: number): string {
  return n >= 1024 * 1024
    ? `${Math.round((n / (1024 * 1024)) * 10) / 10} MB`
    : `${Math.max(1, Math.round(n / 1024))} KB`;
}
