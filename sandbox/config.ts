/** Sandbox settings, from flags and environment (see main.ts). */
export interface SandboxConfig {
  domain: string;
  apiKey: string;
  /** Account time zone (IANA). All API wall-clock times are in this zone. */
  timeZone: string;
  rateLimitPerMinute: number;
  dailyQuota: number;
  /** Largest accepted request body, bytes. */
  bodyLimit: number;
  /**
   * How job/list rows look. `reference`: the documented simplified job. `observed`: as a production account's export
   * shows them (with preferences and project; without duration, skills, tags, validateBy, dateDeleted), so the
   * dashboard is tested against both (issue 17).
   */
  listShape: ListShape;
}

export const LIST_SHAPES = ['reference', 'observed'] as const;
export type ListShape = (typeof LIST_SHAPES)[number];

export const defaultConfig: SandboxConfig = {
  domain: process.env.SANDBOX_DOMAIN || 'demo',
  apiKey: process.env.SANDBOX_API_KEY || 'demo-api-key',
  timeZone: process.env.SANDBOX_TIMEZONE || 'America/Chicago',
  rateLimitPerMinute: 120,
  dailyQuota: 10_000,
  bodyLimit: 20 * 1024 * 1024,
  listShape: process.env.SANDBOX_LIST_SHAPE === 'observed' ? 'observed' : 'reference',
};
