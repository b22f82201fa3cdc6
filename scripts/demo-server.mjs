// A made-up conference in Sched's markup, served from loopback so `npm start` works offline.
// Talk times are relative to now (rounded to 10 minutes), so the Now view has a live talk.
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const conference = JSON.parse(readFileSync(join(here, '../test/demo/conference.json'), 'utf8'));

const esc = (s) =>
  String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
const pad = (n) => String(n).padStart(2, '0');

/** Wall-clock ISO with the machine's offset, written without a colon as Sched does. */
function schedIso(date) {
  const off = -date.getTimezoneOffset();
  const sign = off < 0 ? '-' : '+';
  const abs = Math.abs(off);
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}:00${sign}${pad(Math.floor(abs / 60))}${pad(abs % 60)}`;
}
const clock = (d) =>
  d.toLocaleTimeString('en-US', { hour: 'numeric', minute: '2-digit' }).replace(/\s/g, '').toLowerCase();
const dayLine = (d) =>
  d.toLocaleDateString('en-US', { weekday: 'long', month: 'long', day: 'numeric', year: 'numeric' }).replace(',', '');

function timed(talk, now) {
  const base = Math.floor(now / 600000) * 600000;
  const start = new Date(base + talk.startIn * 60000);
  return { ...talk, start, end: new Date(start.getTime() + talk.minutes * 60000) };
}

function layout(title, body, head = '') {
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><base href="/"><title>${esc(title)}</title>${head}
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:760px;margin:2rem auto;padding:0 1rem}.event{font-weight:600}.vs{color:#666;font-weight:400;margin-left:.5em}
.sched-person-session{margin:.5rem 0}.sched-avatar img{display:none}h2{font-size:1rem;margin:0}</style></head>
<body><div id="sched-page-me-event" class="sched-container"><div class="sched-container-inner">
<p><a href="/">${esc(conference.name)}</a> · a demo conference bundled with Talkmark</p>${body}</div></div></body></html>`;
}

function sessionPage(t, origin) {
  const url = `${origin}/event/${t.short}/${t.slug}`;
  const ld = {
    '@context': 'http://schema.org',
    '@type': 'Event',
    name: t.title,
    startDate: schedIso(t.start),
    endDate: schedIso(t.end),
    url,
    location: { '@type': 'Place', name: t.room },
  };
  const people = t.speakers
    .map(
      (
        s,
      ) => `<div class="sched-person-session"><a class="sched-avatar" href="speaker/${esc(s.user)}"><img src="//static.sched.com/images/avatar-empty.png" alt=""></a>
<h2><a href="speaker/${esc(s.user)}" title="${esc(s.name)}">${esc(s.name)}</a></h2><div class="sched-event-details-role-company">${esc(s.roleCompany)}</div></div>`,
    )
    .join('');
  return layout(
    `${conference.name}: ${t.title}`,
    `
<span class="event"><a name="${t.id}" id="${t.id}" class="name"><span class="session-title">${esc(t.title)}</span> <span class="vs">${esc(t.room)}</span></a></span>
<div class="sched-event-details">
<div class="list-single__date">${dayLine(t.start)} ${clock(t.start)} - ${clock(t.end)}</div>
<div class="list-single__location"><a href="venue/${encodeURIComponent(t.room)}">${esc(t.room)}</a></div>
<div class="sched-event-type"><a href="type/${encodeURIComponent(t.type)}">${esc(t.type)}</a></div>
<div class="tip-description">${t.description}</div>
${people ? `<div class="tip-roles"><strong>Speakers</strong>${people}</div>` : ''}
</div>`,
    `<script type="application/ld+json">${JSON.stringify(ld).replace(/</g, '\\u003c')}</script>`,
  );
}

const zoneAbbr = (d) =>
  new Intl.DateTimeFormat('en-US', { timeZoneName: 'short' }).formatToParts(d).find((p) => p.type === 'timeZoneName')
    ?.value ?? 'UTC';
const dayId = (d) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;

function schedulePage(talks) {
  const first = talks[0].start;
  const dayHeader = `<a class="sched-container-anchor" id="${dayId(first)}"></a><div class="sched-container-header"><div class="sched-container-dates"><div class="sched-current-date"><b>${first.toLocaleDateString('en-US', { weekday: 'long' })}</b>, ${first.toLocaleDateString('en-US', { month: 'long', day: 'numeric' })}</div></div></div>`;
  const rows = talks
    .map(
      (t) => `<h3>${clock(t.start)} <span class='tz'>${esc(zoneAbbr(t.start))}</span></h3>
<span class="event ev_1"><a href="event/${t.short}/${t.slug}" id="${t.id}" name="${t.id}" class="name"><span class="session-title">${esc(t.title)}</span><span class="vs">${esc(t.room)}</span>${t.speakers.length ? `<span class="sched-event-evpeople">${t.speakers.map((p) => esc(p.name)).join(' &bull; ')}</span>` : ''}</a></span>`,
    )
    .join('\n');
  return layout(
    conference.name,
    `<h1>${esc(conference.name)} — schedule</h1><p>Open a talk and press “Clip”, or use the Talkmark button in the toolbar (pinned right of the address bar; in another profile it is in the puzzle-piece Extensions menu → Talkmark).</p>${dayHeader}${rows}`,
  );
}

/** Sched's `all.ics`: UTC times, UID = the session id, CRLF lines. */
function feed(talks, origin) {
  const utc = (d) =>
    d
      .toISOString()
      .replace(/[-:]/g, '')
      .replace(/\.\d{3}/, '');
  const text = (s) =>
    String(s)
      .replace(/[\\,;]/g, (c) => `\\${c}`)
      .replace(/<[^>]+>/g, '');
  const events = talks.map((t) =>
    [
      'BEGIN:VEVENT',
      `DTSTAMP:${utc(new Date())}`,
      `DTSTART:${utc(t.start)}`,
      `DTEND:${utc(t.end)}`,
      `SUMMARY:${text(t.title)}`,
      `DESCRIPTION:${text(t.description)}`,
      `LOCATION:${text(t.room)}`,
      `UID:${t.id}`,
      `URL:${origin}/event/${t.short}/${t.slug}`,
      'END:VEVENT',
    ].join('\r\n'),
  );
  return [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Talkmark demo//EN',
    'X-WR-TIMEZONE:UTC',
    ...events,
    'END:VCALENDAR',
    '',
  ].join('\r\n');
}

const blogPost = () =>
  layout(
    'Paved roads on a budget',
    `<article><h1>Paved roads on a budget</h1>
<p>Most teams cannot staff a platform team. They still deserve paved roads: a golden path from <em>git push</em> to production that needs no ticket.</p>
<p>We started with a template repository, a CI pipeline every service shares, and a single page of documentation. Everything else came later.</p>
<p>The most important lesson: measure the time from a new repository to its first deploy, and make it shorter every month.</p></article>`,
  );

export function startDemoServer({ port = 0, host = '127.0.0.1' } = {}) {
  const server = createServer((req, res) => {
    const now = Date.now();
    const talks = conference.talks.map((t) => timed(t, now));
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const talk = talks.find((t) => path === `/event/${t.short}/${t.slug}` || path === `/event/${t.short}`);
    if (path === '/all.ics') {
      res.writeHead(200, { 'content-type': 'text/calendar; charset=utf-8' });
      return res.end(feed(talks, `http://${req.headers.host}`));
    }
    const body =
      path === '/'
        ? schedulePage(talks)
        : talk
          ? sessionPage(talk, `http://${req.headers.host}`)
          : path === '/blog/paved-roads'
            ? blogPost()
            : null;
    res.writeHead(body ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' });
    res.end(body ?? layout('Not found', '<p>Not found.</p>'));
  });
  return new Promise((resolve) => {
    server.listen(port, host, () => {
      const { port: actual } = server.address();
      resolve({
        url: `http://${host}:${actual}/`,
        firstTalkUrl: `http://${host}:${actual}/event/${conference.talks[1].short}/${conference.talks[1].slug}`,
        close: () =>
          new Promise((r) => {
            server.closeAllConnections();
            server.close(() => r());
          }),
      });
    });
  });
}
