/** Sched session pages for e2e tests, built from our fixture with the times and names a test needs. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { expect, OWN_FIXTURES } from './fixtures';

const TEMPLATE = readFileSync(join(OWN_FIXTURES, 'sched/kcdsf2025-session.html'), 'utf8');
const TEMPLATE_TITLE = 'Platform Engineering Without the Platform Team';
const TEMPLATE_ID = '6f1c2e8a9b0d4c3e8f7a6b5c4d3e2f10';

export interface SessionSpec {
  /** 32 hex digits; must differ per talk. */
  id: string;
  title: string;
  start: number;
  minutes: number;
  room?: string;
  /** The blog post the description links to (default: the fixture's). */
  descriptionLink?: string;
}

/** `2026-11-21T09:30:00+0000`: Sched's JSON-LD form (offset without a colon), in UTC. */
const schedIso = (ms: number) => new Date(ms).toISOString().slice(0, 19) + '+0000';

export function sessionUrl(spec: SessionSpec): string {
  return `https://kcdsf2025.sched.com/event/${spec.id.slice(0, 5)}/${spec.title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
}

export function sessionHtml(spec: SessionSpec): string {
  return TEMPLATE.replaceAll(TEMPLATE_TITLE, spec.title)
    .replaceAll(TEMPLATE_ID, spec.id)
    .replace(/"startDate":"[^"]+"/, `"startDate":"${schedIso(spec.start)}"`)
    .replace(/"endDate":"[^"]+"/, `"endDate":"${schedIso(spec.start + spec.minutes * 60_000)}"`)
    .replace(/<link rel="canonical"[^>]*>/, `<link rel="canonical" href="${sessionUrl(spec)}">`)
    .replaceAll('Grand Ballroom A', spec.room ?? 'Grand Ballroom A')
    .replace('https://blog.example.dev/paved-roads', spec.descriptionLink ?? 'https://blog.example.dev/paved-roads');
}

/** Open a Sched session page and clip it with its in-page button, as a user would. */
export async function clipInPage(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.getByRole('button', { name: 'Clip talk' }).click();
  await expect(page.getByRole('button', { name: 'Clipped talk' })).toBeVisible();
}

/** Serve each session at its URL and clip it with the in-page button, as a user would. */
export async function clipSessions(context: BrowserContext, specs: SessionSpec[]): Promise<Page> {
  const page = await context.newPage();
  for (const spec of specs) {
    await context.route(sessionUrl(spec), (route) =>
      route.fulfill({ contentType: 'text/html', body: sessionHtml(spec) }),
    );
    await clipInPage(page, sessionUrl(spec));
  }
  return page;
}

export const MINUTE = 60_000;
