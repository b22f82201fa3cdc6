/** schema.org Events marked up as microdata (`itemscope itemtype=".../Event"`). */
import { absoluteUrl, textOf } from './dom';
import { statusOf, talksFromSchemaEvents, type SchemaEvent, type SchemaPerson } from './schema-event';
import type { Extractor } from './types';

const EVENT = '[itemscope][itemtype*="schema.org/"][itemtype$="Event"]';

/** The item a property belongs to: its nearest itemscope ancestor (a property that is itself an item belongs to the one above). */
function ownerOf(prop: Element): Element | null {
  return (prop.hasAttribute('itemscope') ? prop.parentElement : prop)?.closest('[itemscope]') ?? null;
}

/** Properties of one item, excluding those of items nested inside it. */
function propsOf(item: Element): Map<string, Element[]> {
  const props = new Map<string, Element[]>();
  for (const el of Array.from(item.querySelectorAll('[itemprop]'))) {
    if (ownerOf(el) !== item) continue;
    for (const name of (el.getAttribute('itemprop') ?? '').split(/\s+/).filter(Boolean))
      props.set(name, [...(props.get(name) ?? []), el]);
  }
  return props;
}

/** A property's value by the microdata rules: content, href, src, datetime, value, else text. */
function valueOf(el: Element | undefined, base: string): string | null {
  if (!el) return null;
  const tag = el.tagName;
  if (el.hasAttribute('content')) return el.getAttribute('content')!.trim() || null;
  if (tag === 'A' || tag === 'LINK' || tag === 'AREA') return absoluteUrl(el.getAttribute('href'), base);
  if (tag === 'IMG' || tag === 'IFRAME' || tag === 'SOURCE' || tag === 'VIDEO' || tag === 'AUDIO')
    return absoluteUrl(el.getAttribute('src'), base);
  if (tag === 'TIME' && el.hasAttribute('datetime')) return el.getAttribute('datetime')!.trim() || null;
  if ((tag === 'DATA' || tag === 'METER') && el.hasAttribute('value')) return el.getAttribute('value');
  return textOf(el) || null;
}

function personOf(el: Element, base: string): SchemaPerson | null {
  if (!el.hasAttribute('itemscope')) {
    const name = textOf(el);
    return name ? { name, jobTitle: null, worksFor: null, url: null, image: null } : null;
  }
  const props = propsOf(el);
  const name = valueOf(props.get('name')?.[0], base);
  if (!name) return null;
  const works = props.get('worksFor')?.[0] ?? props.get('affiliation')?.[0];
  return {
    name,
    jobTitle: valueOf(props.get('jobTitle')?.[0], base),
    worksFor: works?.hasAttribute('itemscope') ? valueOf(propsOf(works).get('name')?.[0], base) : valueOf(works, base),
    url: valueOf(props.get('url')?.[0], base),
    image: valueOf(props.get('image')?.[0], base),
  };
}

/** A description in a `<meta content>` is text; anywhere else it is the element's HTML. */
function descriptionOf(el: Element | undefined): string | Element | null {
  if (!el) return null;
  return el.hasAttribute('content') ? el.getAttribute('content') : el;
}

/** A part of the location's PostalAddress item ("addressLocality"). */
function addressPart(locationProps: Map<string, Element[]>, name: string, base: string): string | null {
  const address = locationProps.get('address')?.[0];
  return address?.hasAttribute('itemscope') ? valueOf(propsOf(address).get(name)?.[0], base) : null;
}

function eventOf(item: Element, base: string): SchemaEvent {
  const props = propsOf(item);
  const get = (name: string) => valueOf(props.get(name)?.[0], base);
  const location = props.get('location')?.[0];
  const locationProps = location?.hasAttribute('itemscope') ? propsOf(location) : null;
  const superEvent = props.get('superEvent')?.[0];
  const superProps = superEvent?.hasAttribute('itemscope') ? propsOf(superEvent) : null;
  return {
    name: get('name'),
    url: get('url'),
    identifier: get('identifier'),
    startDate: get('startDate'),
    endDate: get('endDate'),
    room: locationProps ? valueOf(locationProps.get('name')?.[0], base) : valueOf(location, base),
    place: location ? textOf(location) : null,
    city: locationProps ? addressPart(locationProps, 'addressLocality', base) : null,
    country: locationProps ? addressPart(locationProps, 'addressCountry', base) : null,
    description: descriptionOf(props.get('description')?.[0]),
    performers: [...(props.get('performer') ?? []), ...(props.get('actor') ?? [])]
      .map((p) => personOf(p, base))
      .filter((p): p is SchemaPerson => !!p),
    superEvent: superEvent
      ? {
          name: superProps ? valueOf(superProps.get('name')?.[0], base) : textOf(superEvent),
          url: superProps ? valueOf(superProps.get('url')?.[0], base) : null,
        }
      : null,
    video: get('recordedIn') ?? get('video'),
    keywords: (get('keywords') ?? '')
      .split(',')
      .map((k) => k.trim())
      .filter(Boolean),
    status: statusOf(get('eventStatus')),
  };
}

export const microdataExtractor: Extractor = {
  name: 'microdata',
  generic: true,
  detect: (doc) => !!doc.querySelector(EVENT),
  extract: (doc, url, options = {}) => {
    // Nested events (a conference holding its sessions) are each read; the date-only one is dropped later.
    const items = Array.from(doc.querySelectorAll(EVENT));
    return talksFromSchemaEvents(
      items.map((item) => eventOf(item, url.href)),
      doc,
      url,
      'microdata',
      options,
    );
  },
};
