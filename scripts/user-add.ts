/**
 * Adds a dashboard account from the command line (the first admin of a real install, or any account later):
 *
 *   npm run user:add -- --email ann@example.com --role admin [--name "Ann Lee"] [--password …]
 *
 * Without --password it asks for one (typed without echo on a terminal, or read from the first line of stdin), so the
 * password stays out of shell history. Uses the same createAccount and rules as the admin page, against
 * APP_DATABASE (default data/app.db), migrating it on first use.
 *
 * The lib/server modules start with `import 'server-only'`, which throws outside Next's server bundles. A resolve hook
 * maps that one specifier to an empty module for this process only, before those modules are imported.
 */
import { register } from 'node:module';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';

const SERVER_ONLY_HOOK = `data:text/javascript,${encodeURIComponent(
  `export async function resolve(s, c, next) { return s === 'server-only' ? { url: 'data:text/javascript,', shortCircuit: true } : next(s, c); }`,
)}`;

const USAGE =
  'Usage: npm run user:add -- --email <email> --role <dispatcher|manager|admin> [--name <name>] [--password <password>]';

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

/** Reads a password without echoing it on a terminal; from a pipe, the first line. */
async function askPassword(prompt: string): Promise<string> {
  const stdin = process.stdin;
  if (!stdin.isTTY) {
    const rl = createInterface({ input: stdin });
    for await (const line of rl) {
      rl.close();
      return line;
    }
    return '';
  }
  process.stdout.write(prompt);
  stdin.setRawMode(true);
  stdin.resume();
  stdin.setEncoding('utf8');
  return new Promise((resolve) => {
    let value = '';
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n' || ch === '\u0004') {
          stdin.setRawMode(false);
          stdin.pause();
          stdin.off('data', onData);
          process.stdout.write('\n');
          resolve(value);
          return;
        }
        if (ch === '\u0003') {
          process.stdout.write('\n');
          process.exit(130);
        }
        if (ch === '\u007f' || ch === '\b') value = value.slice(0, -1);
        else value += ch;
      }
    };
    stdin.on('data', onData);
  });
}

async function main() {
  let args;
  try {
    args = parseArgs({
      options: {
        email: { type: 'string' },
        role: { type: 'string' },
        name: { type: 'string' },
        password: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    }).values;
  } catch (e) {
    fail(`${(e as Error).message}\n${USAGE}`);
  }
  if (args.help) {
    console.log(USAGE);
    return;
  }
  if (!args.email || !args.role) fail(USAGE);

  register(SERVER_ONLY_HOOK);
  const { isRole } = await import('../lib/permissions');
  const { passwordProblem } = await import('../lib/accounts/account-rules');
  if (!isRole(args.role)) fail(`--role must be dispatcher, manager or admin (got "${args.role}").`);

  let password = args.password;
  if (password === undefined) {
    password = await askPassword('Password (at least 10 characters): ');
    const problem = passwordProblem(password);
    if (problem) fail(`Password not accepted: ${problem}`);
    if (process.stdin.isTTY && (await askPassword('Repeat the password: ')) !== password)
      fail('The passwords do not match.');
  }

  const { openAppDb } = await import('../lib/server/db');
  const { AccountError, createAccount } = await import('../lib/server/auth/accounts');
  const file = process.env.APP_DATABASE || 'data/app.db';
  const db = openAppDb(file);
  const name = args.name?.trim() || args.email.split('@')[0];
  try {
    const a = await createAccount(db, { email: args.email, name, role: args.role, password });
    console.log(`Created ${a.role} account ${a.email} (${a.name}) in ${file}.`);
  } catch (e) {
    if (e instanceof AccountError) fail(`Not created: ${e.field ? `${e.field}: ` : ''}${e.message}`);
    throw e;
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
