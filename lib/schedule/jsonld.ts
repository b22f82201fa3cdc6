/** schema.org Events in JSON-LD anywhere on a page (a talk page, or a schedule listing many). */
import { hasType, jsonLdObjects, placeText, stringOrNull } from './dom';
import { talksFromSchemaEvents, type SchemaEvent, type SchemaPerson } from './schema-event';
import type { Extractor } from './types';

type Json = Record<string, unknown>;

const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined || v === null ? [] : [v]);
const obj = (v: unknown): Json => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : {});

/** A URL-ish value: a string, or an object's `url` / `@id` (ImageObject, VideoObject…). */
function urlOf(v: unknown): string | null {
  const first = list(v)[0];
  if (typeof first === 'string') return stringOrNull(first);
  const o = obj(first);
  return stringOrNull(o.url) ?? stringOrNull(o.contentUrl) ?? stringOrNull(o.embedUrl) ?? stringOrNull(o['@id']);
}

function nameOf(v: unknown): string | null {
  const first = list(v)[0];
  return typeof first === 'string' ? stringOrNull(first) : stringOrNull(obj(first).name);
}

function personOf(v: unknown): SchemaPerson | null {
  if (typeof v === 'string') return v.trim() ? { name: v.trim(), jobTitle: null, worksFor: null, url: null, image: null } : null;
  const p = obj(v);
  const name = stringOrNull(p.name);
  if (!name) return null;
  return {
    name,
    jobTitle: stringOrNull(p.jobTitle),
    worksFor: nameOf(p.worksFor) ?? nameOf(p.affiliation),
    url: stringOrNull(p.url) ?? urlOf(p.sameAs),
    image: urlOf(p.image),
  };
}

export function schemaEventFromJsonLd(o: Json): SchemaEvent {
  const location = list(o.location)[0];
  const performers = [...list(o.performer), ...list(o.performers), ...list(o.actor)].map(personOf).filter((p): p is SchemaPerson => !!p);
  const superEvent = list(o.superEvent)[0];
  const keywords = typeof o.keywords === 'string' ? o.keywords.split(',') : list(o.keywords).filter((k): k is string => typeof k === 'string');
  return {
    name: stringOrNull(o.name),
    url: stringOrNull(o.url),
    identifier: stringOrNull(o.identifier) ?? (typeof o.identifier === 'number' ? String(o.identifier) : null),
    startDate: stringOrNull(o.startDate),
    endDate: stringOrNull(o.endDate),
    room: typeof location === 'string' ? stringOrNull(location) : hasType(obj(location), 'VirtualLocation') ? null : stringOrNull(obj(location).name),
    place: placeText(o.location),
    description: stringOrNull(o.description),
    performers,
    superEvent: superEvent ? { name: nameOf(superEvent), url: urlOf(superEvent) } : null,
    video: urlOf(o.recordedIn) ?? urlOf(o.video) ?? urlOf(o.workFeatured),
    keywords: keywords.map((k) => k.trim()).filter(Boolean),
  };
}

function jsonLdEvents(doc: Document): SchemaEvent[] {
  const events: Json[] = [];
  const visit = (o: Json) => {
    if (hasType(o, 'Event') && !events.includes(o)) events.push(o);
    // Sessions are often nested as subEvents of the conference.
    list(o.subEvent).map(obj).forEach(visit);
  };
  jsonLdObjects(doc).forEach(visit);
  return events.map(schemaEventFromJsonLd);
}

export const jsonLdExtractor: Extractor = {
  name: 'jsonld',
  generic: true,
  detect: (doc) => !!doc.querySelector('script[type="application/ld+json"]'),
  extract: (doc, url, options = {}) => talksFromSchemaEvents(jsonLdEvents(doc), doc, url, 'jsonld', options),
};
