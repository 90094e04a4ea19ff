/**
 * Customer job lookup (/track): job number + access code; the postcode and the email no longer open a job; one answer
 * for "no such job" and "wrong code"; the signed link and its expiry; limits that stop a guesser without locking the
 * customer out; the language; the form without script.
 */
import { test, expect } from '../fixtures';
import { createTrackedJob, tokenAt, uniqueIp, wrongCode } from './track-fixtures';

const NOT_FOUND = 'We could not find a job with this number and this access code. Check both and try again.';
const CODE_LABEL = 'Access code';
/** Another address in the test's own /24 (`last` 1–254). */
const near = (ip: string, last: number) => `${ip.split('.').slice(0, 3).join('.')}.${last}`;

test.describe('customer job lookup', () => {
  let ip: string;
  test.beforeEach(async ({ page }, info) => {
    ip = uniqueIp(info);
    await page.setExtraHTTPHeaders({ 'x-forwarded-for': ip });
  });

  test('the access code opens a signed link that shows the job, and works for someone else too', async ({
    page,
    browser,
  }) => {
    const job = await createTrackedJob({ technician: 'mrivera', startInMinutes: 24 * 60 });
    const res = await page.goto('/track');
    expect(res?.headers()['cache-control']).toContain('no-store');
    await expect(page).toHaveTitle(/Track your job/);
    await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', /noindex/);
    await page.getByLabel('Job number').fill(`#${job.num}`);
    // As a customer may type it: lower case, a space for the dash.
    await page.getByLabel(CODE_LABEL).fill(`  ${job.code.toLowerCase().replace('-', ' ')} `);
    await page.getByRole('button', { name: 'Find my job' }).click();
    await expect(page).toHaveURL(/\/track\/[A-Za-z0-9_-]{60,}$/);
    const token = new URL(page.url()).pathname.split('/').pop()!;
    expect(token).not.toContain(String(job.num));
    expect(Buffer.from(token, 'base64url').toString('latin1')).not.toContain(job.id);
    await expect(page.getByRole('heading', { name: `Job ${job.num}` })).toBeVisible();
    await expect(page.locator('[aria-current="step"]')).toContainText('Scheduled');

    // A household member opens the shared link in their own browser.
    const other = await browser.newContext({ extraHTTPHeaders: { 'x-forwarded-for': ip } });
    const p2 = await other.newPage();
    await p2.goto(`/track/${token}`);
    await expect(p2.getByRole('heading', { name: `Job ${job.num}` })).toBeVisible();
    await other.close();
  });

  test('the postcode and the contact email no longer open a job (anyone could guess them)', async ({
    page,
    request,
  }) => {
    const job = await createTrackedJob();
    const headers = { 'x-forwarded-for': ip };
    for (const proof of [job.zip, `${job.zip}-1234`, job.email]) {
      const r = await request.post('/api/track/lookup', { data: { jobNumber: String(job.num), proof }, headers });
      expect(r.status(), proof).toBe(400);
      expect(await r.json()).toMatchObject({
        field: 'proof',
        message: 'Enter the access code (8 letters and digits).',
      });
    }
    await page.goto('/track');
    await page.getByLabel('Job number').fill(String(job.num));
    await page.getByLabel(CODE_LABEL).fill(job.zip);
    await page.getByRole('button', { name: 'Find my job' }).click();
    await expect(page.getByText('Enter the access code (8 letters and digits).')).toBeVisible();
    await expect(page).toHaveURL(/\/track$/);
  });

  test('a wrong code, an unknown job and another job’s code get exactly the same answer', async ({ page, request }) => {
    const job = await createTrackedJob();
    const other = await createTrackedJob();
    const headers = { 'x-forwarded-for': ip };
    const wrong = await request.post('/api/track/lookup', {
      data: { jobNumber: String(job.num), proof: wrongCode(job) },
      headers,
    });
    const unknown = await request.post('/api/track/lookup', {
      data: { jobNumber: '987654321', proof: wrongCode(job) },
      headers,
    });
    const others = await request.post('/api/track/lookup', {
      data: { jobNumber: String(job.num), proof: other.code },
      headers,
    });
    expect(wrong.status()).toBe(404);
    expect(unknown.status()).toBe(404);
    expect(others.status()).toBe(404);
    const body = await wrong.text();
    expect(await unknown.text()).toBe(body);
    expect(await others.text()).toBe(body);
    expect(JSON.parse(body)).toEqual({ error: 'NotFound', message: NOT_FOUND });
    for (const h of ['cache-control', 'content-type', 'x-robots-tag'])
      expect(unknown.headers()[h], h).toBe(wrong.headers()[h]);
    expect(wrong.headers()['cache-control']).toContain('private');

    await page.goto('/track');
    await page.getByLabel('Job number').fill(String(job.num));
    await page.getByLabel(CODE_LABEL).fill(wrongCode(job, 1));
    await page.getByRole('button', { name: 'Find my job' }).click();
    await expect(page.getByRole('main').getByRole('alert')).toHaveText(NOT_FOUND);
    // What was typed survives the failed attempt.
    await expect(page.getByLabel('Job number')).toHaveValue(String(job.num));
    await expect(page).toHaveURL(/\/track$/);
  });

  test('fields are checked before anything is looked up', async ({ page }) => {
    await page.goto('/track');
    await page.getByRole('button', { name: 'Find my job' }).click();
    await expect(page.getByText('Enter your job number (digits only).')).toBeVisible();
    await expect(page.getByText('Enter the access code (8 letters and digits).')).toBeVisible();
    await expect(page.getByLabel('Job number')).toHaveAttribute('aria-invalid', 'true');
  });

  test('an expired link says so and offers a new lookup; a tampered link does not work', async ({ page, request }) => {
    const job = await createTrackedJob();
    const expired = tokenAt(job.id, Date.now() - 8 * 24 * 3600_000);
    await page.goto(`/track/${expired}`);
    await expect(page.getByRole('heading', { name: 'This link has expired' })).toBeVisible();
    await expect(page.getByLabel('Job number')).toBeVisible();
    await expect(page.getByText(job.description)).toHaveCount(0);
    expect((await request.get(`/api/track/${expired}`)).status()).toBe(410);

    const valid = tokenAt(job.id, Date.now());
    const last = valid.at(-1) === 'A' ? 'B' : 'A';
    const tampered = valid.slice(0, -1) + last;
    await page.goto(`/track/${tampered}`);
    await expect(page.getByRole('heading', { name: 'This link does not work' })).toBeVisible();
    expect((await request.get(`/api/track/${tampered}`)).status()).toBe(404);

    // A link that expires in a second works, then does not.
    const short = tokenAt(job.id, Date.now(), 2);
    expect((await request.get(`/api/track/${short}`)).status()).toBe(200);
    await page.waitForTimeout(2100);
    expect((await request.get(`/api/track/${short}`)).status()).toBe(410);
  });

  test('guessing from many addresses fails and does not lock the customer out of their job', async ({
    page,
    request,
  }) => {
    const job = await createTrackedJob();
    // 25 wrong codes on this job from 25 addresses (more than the per-job threshold of 20).
    for (let i = 0; i < 25; i++) {
      const r = await request.post('/api/track/lookup', {
        data: { jobNumber: String(job.num), proof: wrongCode(job, i) },
        headers: { 'x-forwarded-for': near(ip, 200 + i) },
      });
      expect(r.status(), `guess ${i + 1}`).toBe(404);
    }
    // The customer, from their own address, with their code: the job opens (answers about this job are slower now).
    const started = Date.now();
    const r = await request.post('/api/track/lookup', {
      data: { jobNumber: String(job.num), proof: job.code },
      headers: { 'x-forwarded-for': ip },
    });
    expect(r.status()).toBe(200);
    expect((await r.json()).url).toMatch(/^\/track\/[A-Za-z0-9_-]{60,}$/);
    expect(Date.now() - started).toBeGreaterThanOrEqual(2900);

    await page.goto('/track');
    await page.getByLabel('Job number').fill(String(job.num));
    await page.getByLabel(CODE_LABEL).fill(job.code);
    await page.getByRole('button', { name: 'Find my job' }).click();
    await expect(page.getByRole('heading', { name: `Job ${job.num}` })).toBeVisible();
  });

  test('ten lookups from one address lock that address, not the customer’s', async ({ request }) => {
    const job = await createTrackedJob();
    const attacker = near(ip, 10);
    for (let i = 0; i < 10; i++) {
      const r = await request.post('/api/track/lookup', {
        data: { jobNumber: String(job.num), proof: wrongCode(job, 100 + i) },
        headers: { 'x-forwarded-for': attacker },
      });
      expect(r.status(), `attempt ${i + 1}`).toBe(404);
    }
    const blocked = await request.post('/api/track/lookup', {
      data: { jobNumber: String(job.num), proof: job.code },
      headers: { 'x-forwarded-for': attacker },
    });
    expect(blocked.status()).toBe(429);
    expect(Number(blocked.headers()['retry-after'])).toBeGreaterThan(60);
    expect((await blocked.json()).message).toMatch(/^Too many attempts\. Try again in \d+ minutes\.$/);
    // The customer's own address is not affected.
    const customer = await request.post('/api/track/lookup', {
      data: { jobNumber: String(job.num), proof: job.code },
      headers: { 'x-forwarded-for': ip },
    });
    expect(customer.status()).toBe(200);
  });

  test('one code sprayed over many job numbers is refused after ten failures, from any address', async ({
    request,
  }) => {
    const job = await createTrackedJob();
    const sprayed = wrongCode(job, 500);
    for (let i = 0; i < 10; i++) {
      const r = await request.post('/api/track/lookup', {
        data: { jobNumber: String(900_000_000 + i), proof: sprayed },
        headers: { 'x-forwarded-for': near(ip, 20 + i) },
      });
      expect(r.status(), `attempt ${i + 1}`).toBe(404);
    }
    const refused = await request.post('/api/track/lookup', {
      data: { jobNumber: '900000999', proof: sprayed.toLowerCase() },
      headers: { 'x-forwarded-for': near(ip, 40) },
    });
    expect(refused.status()).toBe(429);
    expect((await refused.json()).retryAfter).toBeGreaterThan(0);
    // Another code from that address is tried as usual.
    const other = await request.post('/api/track/lookup', {
      data: { jobNumber: '900000999', proof: wrongCode(job, 501) },
      headers: { 'x-forwarded-for': near(ip, 40) },
    });
    expect(other.status()).toBe(404);
  });

  test.describe('in French', () => {
    test.use({ locale: 'fr-FR' });
    test('the page follows the browser language', async ({ page }) => {
      const job = await createTrackedJob({ technician: 'mrivera', startInMinutes: 24 * 60 });
      await page.goto('/track');
      await expect(page.getByRole('heading', { name: 'Suivre votre intervention' })).toBeVisible();
      await page.getByLabel('Numéro d’intervention').fill(String(job.num));
      await page.getByLabel('Code d’accès').fill(wrongCode(job));
      await page.getByRole('button', { name: 'Trouver mon intervention' }).click();
      await expect(page.getByRole('main').getByRole('alert')).toContainText('Nous n’avons trouvé aucune intervention');
      await page.getByLabel('Code d’accès').fill(job.code);
      await page.getByRole('button', { name: 'Trouver mon intervention' }).click();
      await expect(page.getByRole('heading', { name: `Intervention ${job.num}` })).toBeVisible();
      await expect(page.locator('[aria-current="step"]')).toContainText('Planifiée');
      await expect(page.locator('[lang="fr"]').first()).toBeVisible();
    });
  });

  test.describe('without script', () => {
    test.use({ javaScriptEnabled: false });
    test('the form still works (slow phone before the script has loaded)', async ({ page }) => {
      const job = await createTrackedJob();
      await page.goto('/track');
      await page.getByLabel('Job number').fill(String(job.num));
      await page.getByLabel(CODE_LABEL).fill(wrongCode(job));
      await page.getByRole('button', { name: 'Find my job' }).click();
      await expect(page.getByText(NOT_FOUND)).toBeVisible();
      await page.getByLabel('Job number').fill(String(job.num));
      await page.getByLabel(CODE_LABEL).fill(job.code);
      await page.getByRole('button', { name: 'Find my job' }).click();
      await expect(page.getByRole('heading', { name: `Job ${job.num}` })).toBeVisible();
    });
  });
});
