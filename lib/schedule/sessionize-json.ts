/**
 * Sessionize's API JSON: `view/All` ({sessions, speakers, questions, categories, rooms}) and the
 * grouped `view/Sessions` ([{groupName, sessions}]). Times (`startsAt`) are the venue's wall
 * clock with no offset and the export never names the zone, so they become instants only with a
 * zone the caller supplies (the conference's, known from its site or an earlier clip).
 */
import type { ExtractedTalk, Speaker } from '../model';
import { describeText } from './description';
import { hostOf, videoUrlFrom } from './dom';
import { count, newTalk, uniqueStrings } from './talk';
import { splitTagline } from './role-company';
import type { ExtractOptions, ExtractionResult } from './types';
import { isValidTimeZone } from '../time/zones';
import { wallTimeToIso } from '../time/parse';

type Json = Record<string, unknown>;

const obj = (v: unknown): Json => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : {});
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string | null =>
  typeof v === 'string' && v.trim() ? v.trim() : typeof v === 'number' ? String(v) : null;

/**
 * The sessions of an `All` export, of grouped `Sessions` views, or of `GridSmart` days (rooms →
 * sessions, where a plenary session is repeated in every room and in the time slots): each once.
 */
function sessionsOf(json: unknown): Json[] {
  if (!Array.isArray(json)) return arr(obj(json).sessions).map(obj);
  const all = json
    .flatMap((g) => [...arr(obj(g).sessions), ...arr(obj(g).rooms).flatMap((r) => arr(obj(r).sessions))])
    .map(obj);
  const seen = new Set<string>();
  return all.filter((s) => {
    const id = str(s.id);
    if (id === null) return true;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

export function isSessionizeExport(json: unknown): boolean {
  const sessions = sessionsOf(json);
  return sessions.length > 0 && sessions.every((s) => 'startsAt' in s && 'title' in s);
}

/** A tagline ("Principal Architect at Microsoft", "CTO, Acme", "Engineer - Beta", "Dev @ Gamma") → role and company (role-company.ts). */
function speakerFrom(p: Json): Speaker | null {
  const name =
    str(p.fullName) ?? ([str(p.firstName), str(p.lastName)].filter(Boolean).join(' ') || null) ?? str(p.name);
  if (!name) return null;
  const tagLine = str(p.tagLine);
  const split = tagLine ? splitTagline(tagLine) : { role: null, company: null };
  const links = arr(p.links).map(obj);
  const profile = links.find((l) => /sessionize/i.test(str(l.linkType) ?? '')) ?? null;
  return {
    name,
    role: split.role,
    company: split.company,
    roleCompanyRaw: tagLine,
    group: null,
    profileUrl: str(profile?.url),
    avatarUrl: str(p.profilePicture),
  };
}

function wallOf(value: unknown) {
  const m = typeof value === 'string' ? /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(value) : null;
  return m ? { year: +m[1]!, month: +m[2]!, day: +m[3]!, hour: +m[4]!, minute: +m[5]! } : null;
}

export function parseSessionizeAll(json: unknown, url: string, options: ExtractOptions = {}): ExtractionResult {
  const sessions = sessionsOf(json);
  if (!sessions.length)
    return { talks: [], warnings: ['This Sessionize export has no sessions in it.'], source: 'sessionize' };
  const root = obj(json);
  const speakers = new Map(
    arr(root.speakers)
      .map(obj)
      .map((p) => [str(p.id), p] as const),
  );
  const rooms = new Map(
    arr(root.rooms)
      .map(obj)
      .map((r) => [str(r.id), str(r.name)] as const),
  );
  const questions = new Map(
    arr(root.questions)
      .map(obj)
      .map((q) => [str(q.id), str(q.question)] as const),
  );
  const items = new Map<string | null, { category: string; name: string }>();
  for (const c of arr(root.categories).map(obj)) {
    for (const item of arr(c.items).map(obj))
      items.set(str(item.id), { category: str(c.title) ?? 'Category', name: str(item.name) ?? '' });
  }
  const zone = options.timeZone && isValidTimeZone(options.timeZone) ? options.timeZone : null;
  const resolution = { timeZone: zone, offsetMinutes: null };
  const apiId = /\/api\/v2\/([a-z0-9]+)\//i.exec(url)?.[1];
  const conference = {
    key: apiId ? `sessionize:${apiId}` : (hostOf(url) ?? url),
    name: null,
    url: null,
    timeZone: zone,
  };
  const page = url.split('#')[0]!;

  const talks: ExtractedTalk[] = [];
  for (const s of sessions) {
    const title = str(s.title);
    if (!title) continue;
    const id = str(s.id);
    const start = wallOf(s.startsAt);
    const end = wallOf(s.endsAt);
    const fields: Record<string, string> = {};
    const tracks: string[] = [];
    // Grouped views embed categories; the All view refers to them by item id.
    const categoryNames = [
      ...arr(s.categoryItems)
        .map((i) => items.get(str(i)))
        .filter((i): i is { category: string; name: string } => !!i),
      ...arr(s.categories)
        .map(obj)
        .flatMap((c) =>
          arr(c.categoryItems).map((i) => ({ category: str(c.name) ?? 'Category', name: str(obj(i).name) ?? '' })),
        ),
    ];
    for (const { category, name } of categoryNames) {
      if (!name) continue;
      if (/track|topic|tag/i.test(category)) tracks.push(name);
      else fields[category] = fields[category] ? `${fields[category]}, ${name}` : name;
    }
    for (const a of arr(s.questionAnswers).map(obj)) {
      const question = questions.get(str(a.questionId)) ?? str(a.question);
      const answer = str(a.answerValue) ?? str(a.answer);
      if (question && answer) fields[question] = answer;
    }
    const people = arr(s.speakers).map((ref) =>
      typeof ref === 'object' ? (speakers.get(str(obj(ref).id)) ?? obj(ref)) : speakers.get(str(ref)),
    );
    const videoUrl =
      [str(s.recordingUrl), str(s.liveUrl)].find(Boolean) ??
      Object.values(fields).map(videoUrlFrom).find(Boolean) ??
      null;
    talks.push(
      newTalk('sessionize', id ? `${page}#sz-session-${id}` : page, title, {
        externalId: id,
        start: start ? wallTimeToIso(start, resolution) : null,
        end: end ? wallTimeToIso(end, resolution) : null,
        timeZone: zone,
        room: rooms.get(str(s.roomId)) ?? str(s.room) ?? null,
        tracks: uniqueStrings(tracks),
        customFields: fields,
        speakers: people.map((p) => (p ? speakerFrom(p) : null)).filter((p): p is Speaker => !!p),
        ...describeText(str(s.description)),
        videoUrl,
        conference,
      }),
    );
  }

  const warnings: string[] = [];
  const printed = sessions.filter((s) => wallOf(s.startsAt)).length;
  if (!zone && printed) {
    warnings.push(
      `Sessionize’s export gives times without a time zone, so the times of ${count(printed, 'session')} were left empty. Say which zone they are in (the Talkmark popup asks), or clip from the conference’s schedule page.`,
    );
  }
  return { talks, warnings, source: 'sessionize' };
}
