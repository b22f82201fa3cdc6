/** schema.org Events in JSON-LD anywhere on a page (a talk page, or a schedule listing many). */
import { decodeEntities, hasType, jsonLdObjects, placeText, stringOrNull } from './dom';
import { statusOf, talksFromSchemaEvents, type SchemaEvent, type SchemaPerson } from './schema-event';
import type { Extractor } from './types';

type Json = Record<string, unknown>;
/** Follows an `{"@id": …}` reference to the node of the page's graph it names (Yoast, RankMath); identity otherwise. */
type Resolve = (v: unknown) => unknown;

const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined || v === null ? [] : [v]);
const obj = (v: unknown): Json => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : {});
const same: Resolve = (v) => v;

/** Text as sites encode it: WordPress plugins write names HTML-escaped ("Q&amp;A", "&#8211;") into JSON. */
const text = (v: unknown): string | null => {
  const s = stringOrNull(v);
  return s ? stringOrNull(decodeEntities(s)) : null;
};

/** A URL-ish value: a string, or an object's `url` / `@id` (ImageObject, VideoObject…). */
function urlOf(v: unknown): string | null {
  const first = list(v)[0];
  if (typeof first === 'string') return stringOrNull(first);
  const o = obj(first);
  return stringOrNull(o.url) ?? stringOrNull(o.contentUrl) ?? stringOrNull(o.embedUrl) ?? stringOrNull(o['@id']);
}

function nameOf(v: unknown, resolve: Resolve = same): string | null {
  const first = resolve(list(v)[0]);
  return typeof first === 'string' ? text(first) : text(obj(first).name);
}

/** The Events Calendar prints `"performer": "Organization"`: a type's name, never a person. */
const TYPE_NAME = /^(?:Organi[sz]ation|Person|PerformingGroup|Thing)$/;

function personOf(v: unknown, resolve: Resolve = same): SchemaPerson | null {
  if (typeof v === 'string') {
    const name = text(v);
    return name && !TYPE_NAME.test(name) ? { name, jobTitle: null, worksFor: null, url: null, image: null } : null;
  }
  const p = obj(resolve(v));
  const name = text(p.name);
  if (!name) return null;
  return {
    name,
    jobTitle: text(p.jobTitle),
    worksFor: nameOf(p.worksFor, resolve) ?? nameOf(p.affiliation, resolve),
    url: stringOrNull(p.url) ?? urlOf(p.sameAs),
    image: urlOf(p.image),
  };
}

export function schemaEventFromJsonLd(o: Json, resolve: Resolve = same): SchemaEvent {
  const location = resolve(list(o.location)[0]);
  const address = obj(resolve(obj(location).address));
  const performers = [...list(o.performer), ...list(o.performers), ...list(o.actor)]
    .map((p) => personOf(p, resolve))
    .filter((p): p is SchemaPerson => !!p);
  const superEvent = resolve(list(o.superEvent)[0]);
  const keywords =
    typeof o.keywords === 'string'
      ? o.keywords.split(',')
      : list(o.keywords).filter((k): k is string => typeof k === 'string');
  return {
    name: text(o.name),
    url: stringOrNull(o.url),
    identifier: stringOrNull(o.identifier) ?? (typeof o.identifier === 'number' ? String(o.identifier) : null),
    startDate: stringOrNull(o.startDate),
    endDate: stringOrNull(o.endDate),
    room:
      typeof location === 'string'
        ? text(location)
        : hasType(obj(location), 'VirtualLocation')
          ? null
          : text(obj(location).name),
    place: placeText(location),
    city: text(address.addressLocality),
    country: text(address.addressCountry) ?? nameOf(address.addressCountry),
    description: stringOrNull(o.description),
    performers,
    superEvent: superEvent ? { name: nameOf(superEvent), url: urlOf(superEvent) } : null,
    video: urlOf(o.recordedIn) ?? urlOf(o.video) ?? urlOf(o.workFeatured),
    keywords: keywords.map((k) => decodeEntities(k).trim()).filter(Boolean),
    status: statusOf(o.eventStatus),
  };
}

function jsonLdEvents(doc: Document): SchemaEvent[] {
  const nodes = jsonLdObjects(doc);
  const byId = new Map<string, Json>();
  for (const node of nodes) {
    const id = stringOrNull(node['@id']);
    // The full node, not a bare reference to it ({"@id": …} alone).
    if (id && Object.keys(node).length > 1 && !byId.has(id)) byId.set(id, node);
  }
  const resolve: Resolve = (v) => {
    const o = obj(v);
    const id = stringOrNull(o['@id']);
    return id && !o.name && byId.has(id) ? byId.get(id) : v;
  };
  const events: { raw: Json; parent: Json | null }[] = [];
  // Every node once: `@id` references can make the graph a cycle (a series naming itself).
  const seen = new Set<Json>();
  const visit = (v: unknown, parent: Json | null) => {
    const o = obj(resolve(v));
    if (seen.has(o)) {
      // Met first at the top of the graph, nested later: the nesting event is still its parent.
      const known = events.find((e) => e.raw === o);
      if (known && !known.parent && parent && parent !== o) known.parent = parent;
      return;
    }
    seen.add(o);
    const isEvent = hasType(o, 'Event');
    if (isEvent) events.push({ raw: o, parent });
    // Sessions are often nested as subEvents of the conference (or of an EventSeries).
    const container = isEvent || hasType(o, 'EventSeries') ? o : parent;
    [...list(o.subEvent), ...list(o.subEvents)].forEach((child) => visit(child, container));
  };
  nodes.forEach((n) => visit(n, null));
  return events.map(({ raw, parent }) => {
    const event = schemaEventFromJsonLd(raw, resolve);
    // A nested session belongs to the event that nests it, when it does not name another.
    if (!event.superEvent && parent) event.superEvent = { name: nameOf(parent), url: urlOf(parent.url) };
    return event;
  });
}

export const jsonLdExtractor: Extractor = {
  name: 'jsonld',
  generic: true,
  detect: (doc) => !!doc.querySelector('script[type="application/ld+json"]'),
  extract: (doc, url, options = {}) => talksFromSchemaEvents(jsonLdEvents(doc), doc, url, 'jsonld', options),
};
