/**
 * Customer job lookup (/track): right and wrong proof, one answer for "no such job" and "wrong proof", the signed
 * link and its expiry, the attempt limits, the language, and the form without script.
 */
import { test, expect } from '../fixtures';
import { createTrackedJob, tokenAt, uniqueIp } from './track-fixtures';

const NOT_FOUND = 'We could not find a job with this number and this email or postcode. Check both and try again.';

test.describe('customer job lookup', () => {
  let ip: string;
  test.beforeEach(async ({ page }, info) => {
    ip = uniqueIp(info);
    await page.setExtraHTTPHeaders({ 'x-forwarded-for': ip });
  });

  test('the right email opens a signed link that shows the job, and works for someone else too', async ({ page, browser }) => {
    const job = await createTrackedJob({ technician: 'mrivera', startInMinutes: 24 * 60 });
    const res = await page.goto('/track');
    expect(res?.headers()['cache-control']).toContain('no-store');
    await expect(page).toHaveTitle(/Track your job/);
    await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', /noindex/);
    await page.getByLabel('Job number').fill(`#${job.num}`);
    await page.getByLabel('Email address or postcode').fill(`  ${job.email.toUpperCase()} `);
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

  test('the postcode works too, ZIP+4 included', async ({ page }) => {
    const job = await createTrackedJob();
    await page.goto('/track');
    await page.getByLabel('Job number').fill(String(job.num));
    await page.getByLabel('Email address or postcode').fill(`${job.zip}-1234`);
    await page.getByRole('button', { name: 'Find my job' }).click();
    await expect(page.getByRole('heading', { name: `Job ${job.num}` })).toBeVisible();
    await expect(page.locator('[aria-current="step"]')).toContainText('Received');
  });

  test('a wrong proof and an unknown job get exactly the same answer', async ({ page, request }) => {
    const job = await createTrackedJob();
    const headers = { 'x-forwarded-for': ip };
    const wrong = await request.post('/api/track/lookup', { data: { jobNumber: String(job.num), proof: 'someone@else.test' }, headers });
    const unknown = await request.post('/api/track/lookup', { data: { jobNumber: '987654321', proof: 'someone@else.test' }, headers });
    const wrongZip = await request.post('/api/track/lookup', { data: { jobNumber: String(job.num), proof: '60601' }, headers });
    expect(wrong.status()).toBe(404);
    expect(unknown.status()).toBe(404);
    expect(wrongZip.status()).toBe(404);
    const body = await wrong.text();
    expect(await unknown.text()).toBe(body);
    expect(await wrongZip.text()).toBe(body);
    expect(JSON.parse(body)).toEqual({ error: 'NotFound', message: NOT_FOUND });
    for (const h of ['cache-control', 'content-type', 'x-robots-tag']) expect(unknown.headers()[h], h).toBe(wrong.headers()[h]);
    expect(wrong.headers()['cache-control']).toContain('private');

    await page.goto('/track');
    await page.getByLabel('Job number').fill(String(job.num));
    await page.getByLabel('Email address or postcode').fill('someone@else.test');
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
    await expect(page.getByText('Enter the email address or the postcode.')).toBeVisible();
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

  test('five wrong proofs lock the job number for a while, even with the right proof after', async ({ page, request }) => {
    const job = await createTrackedJob();
    for (let i = 0; i < 5; i++) {
      const r = await request.post('/api/track/lookup', { data: { jobNumber: String(job.num), proof: `guess${i}@x.test` }, headers: { 'x-forwarded-for': `${ip.split('.').slice(0, 3).join('.')}.${200 + i}` } });
      expect(r.status()).toBe(404);
    }
    const r = await request.post('/api/track/lookup', { data: { jobNumber: String(job.num), proof: job.email }, headers: { 'x-forwarded-for': ip } });
    expect(r.status()).toBe(429);
    expect(Number(r.headers()['retry-after'])).toBeGreaterThan(60);
    expect((await r.json()).message).toMatch(/^Too many attempts\. Try again in \d+ minutes\.$/);

    await page.goto('/track');
    await page.getByLabel('Job number').fill(String(job.num));
    await page.getByLabel('Email address or postcode').fill(job.email);
    await page.getByRole('button', { name: 'Find my job' }).click();
    await expect(page.getByRole('main').getByRole('alert')).toHaveText(/Too many attempts\. Try again in 1[45] minutes\./);
  });

  test('ten lookups from one address lock that address', async ({ request }) => {
    const headers = { 'x-forwarded-for': ip };
    for (let i = 0; i < 10; i++) {
      const r = await request.post('/api/track/lookup', { data: { jobNumber: String(900_000_000 + i), proof: '60647' }, headers });
      expect(r.status(), `attempt ${i + 1}`).toBe(404);
    }
    const blocked = await request.post('/api/track/lookup', { data: { jobNumber: '900000999', proof: '60647' }, headers });
    expect(blocked.status()).toBe(429);
    expect((await blocked.json()).retryAfter).toBeGreaterThan(0);
    // Another address is not affected.
    const other = await request.post('/api/track/lookup', { data: { jobNumber: '900000999', proof: '60647' }, headers: { 'x-forwarded-for': `${ip.split('.').slice(0, 3).join('.')}.251` } });
    expect(other.status()).toBe(404);
  });

  test.describe('in French', () => {
    test.use({ locale: 'fr-FR' });
    test('the page follows the browser language', async ({ page }) => {
      const job = await createTrackedJob({ technician: 'mrivera', startInMinutes: 24 * 60 });
      await page.goto('/track');
      await expect(page.getByRole('heading', { name: 'Suivre votre intervention' })).toBeVisible();
      await page.getByLabel('Numéro d’intervention').fill(String(job.num));
      await page.getByLabel('Adresse e-mail ou code postal').fill('faux@exemple.test');
      await page.getByRole('button', { name: 'Trouver mon intervention' }).click();
      await expect(page.getByRole('main').getByRole('alert')).toContainText('Nous n’avons trouvé aucune intervention');
      await page.getByLabel('Adresse e-mail ou code postal').fill(job.zip);
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
      await page.getByLabel('Email address or postcode').fill('nobody@x.test');
      await page.getByRole('button', { name: 'Find my job' }).click();
      await expect(page.getByText(NOT_FOUND)).toBeVisible();
      await page.getByLabel('Job number').fill(String(job.num));
      await page.getByLabel('Email address or postcode').fill(job.email);
      await page.getByRole('button', { name: 'Find my job' }).click();
      await expect(page.getByRole('heading', { name: `Job ${job.num}` })).toBeVisible();
    });
  });
});
