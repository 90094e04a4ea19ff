/**
 * `npm run sandbox -- [--port 4010] [--db data/sandbox.db|:memory:] [--seed 42] [--size small|large] [--reset]
 *                     [--live] [--rate-limit 120] [--daily-quota 10000] [--list-shape reference|observed]`
 * Environment: SANDBOX_PORT, SANDBOX_DB, SANDBOX_DOMAIN, SANDBOX_API_KEY, SANDBOX_TIMEZONE, SANDBOX_LIST_SHAPE.
 */
import { parseArgs } from 'node:util';
import { existsSync, rmSync } from 'node:fs';
import { startSandbox, type Sandbox } from './server';
import { describeSeed, isEmpty, seedSandbox, type SeedSize } from './seed';
import { LiveCompany } from './live';
import { LIST_SHAPES } from './config';

const { values: args } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.SANDBOX_PORT || '4010' },
    host: { type: 'string', default: process.env.SANDBOX_HOST || '127.0.0.1' },
    db: { type: 'string', default: process.env.SANDBOX_DB || 'data/sandbox.db' },
    seed: { type: 'string', default: '42' },
    size: { type: 'string', default: 'small' },
    reset: { type: 'boolean', default: false },
    live: { type: 'boolean', default: false },
    'rate-limit': { type: 'string', default: '120' },
    'daily-quota': { type: 'string', default: '10000' },
    'list-shape': { type: 'string', default: process.env.SANDBOX_LIST_SHAPE || 'reference' },
  },
});

function fail(msg: string): never {
  console.error(`sandbox: ${msg}`);
  process.exit(2);
}

const port = Number(args.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port must be a port number (got ${args.port})`);
const seed = Number(args.seed);
if (!Number.isInteger(seed)) fail(`--seed must be an integer (got ${args.seed})`);
if (args.size !== 'small' && args.size !== 'large') fail(`--size must be small or large (got ${args.size})`);
const rateLimit = Number(args['rate-limit']);
const dailyQuota = Number(args['daily-quota']);
if (!Number.isInteger(rateLimit) || rateLimit < 0) fail('--rate-limit must be a whole number (0 = unlimited)');
if (!Number.isInteger(dailyQuota) || dailyQuota < 0) fail('--daily-quota must be a whole number (0 = unlimited)');

const listShape = LIST_SHAPES.find((s) => s === args['list-shape']);
if (!listShape) fail(`--list-shape must be ${LIST_SHAPES.join(' or ')} (got ${args['list-shape']})`);

if (args.reset && args.db !== ':memory:') {
  for (const f of [args.db, `${args.db}-wal`, `${args.db}-shm`]) if (existsSync(f)) rmSync(f);
}

/** Seeds an empty database (a new file, :memory:, or after --reset) before the server answers. */
function seedIfEmpty(s: Sandbox): void {
  if (!isEmpty(s.store)) {
    const info = s.store.getSetting('seed');
    console.log(`Using the existing data in ${args.db}${info ? ` (seed ${info})` : ''}; --reset to seed again`);
    return;
  }
  console.log(`Seeding (--seed ${seed}, --size ${args.size})…`);
  const report = seedSandbox(s.store, s.config, { seed, size: args.size as SeedSize });
  console.log(describeSeed(report));
}

const sandbox = await startSandbox({
  db: args.db,
  port,
  host: args.host,
  config: { rateLimitPerMinute: rateLimit, dailyQuota, listShape },
  onReady: seedIfEmpty,
});
console.log(
  `Synchroteam sandbox on ${sandbox.url} (domain ${sandbox.config.domain}, db ${args.db}, job/list rows: ${listShape})`,
);

const live = args.live ? new LiveCompany(sandbox, { log: (m) => console.log(m) }).start() : null;
if (live) console.log("Live mode: technicians move and today's jobs start and complete every 5–10 s");

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  live?.stop();
  await sandbox.stop();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
