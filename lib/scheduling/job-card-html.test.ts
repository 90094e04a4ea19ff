import { describe, expect, it } from 'vitest';
import { boardJob } from '../test/board-job';
import { jobCard } from './job-card';
import { jobCardHtml } from './job-card-html';

describe('jobCardHtml', () => {
  it('draws each line as spans by kind, the glyphs hidden from screen readers', () => {
    const html = jobCardHtml(jobCard(boardJob({ num: 7, priority: 'high' }), 'Scheduled'), 'week');
    expect(html).toBe(
      '<span class="job-card job-card--week">' +
        '<span class="job-card__line"><span class="job-card__priority" aria-hidden="true">▲</span><span class="job-card__who">Acme</span></span>' +
        '<span class="job-card__line"><span class="job-card__meta">10:00–11:00</span><span class="job-card__status" aria-hidden="true">◷</span><span class="job-card__meta">#7</span></span>' +
        '</span>',
    );
  });
  it('escapes what the API sends', () => {
    const html = jobCardHtml(
      jobCard(boardJob({ customer: { id: 1, name: `<img src=x onerror="alert('x')"> & Co` } }), 'Scheduled'),
      'line',
    );
    expect(html).toContain('&lt;img src=x onerror=&quot;alert(&#39;x&#39;)&quot;&gt; &amp; Co');
    expect(html).not.toContain('<img');
  });
});
