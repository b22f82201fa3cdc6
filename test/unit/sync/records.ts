import type { Highlight, Note, Talk } from '../../../lib/model';
import { makeTalk } from '../notes/factories';

/** Small valid records for the sync tests. */
export const aTalk = (over: Partial<Talk> = {}): Talk =>
  makeTalk({
    id: 't1',
    key: 'conf.sched.com/aaaa',
    url: 'https://conf.sched.com/event/aaaa',
    externalId: 'aaaa',
    timeZone: null,
    clippedAt: 1,
    updatedAt: 1,
    ...over,
  });
export const aNote = (over: Partial<Note> = {}): Note => ({
  id: 'n1',
  talkId: 't1',
  kind: 'plain',
  text: 'hello',
  createdAt: 10,
  updatedAt: 10,
  ...over,
});
export const aHighlight = (over: Partial<Highlight> = {}): Highlight => ({
  id: 'h1',
  talkId: 't1',
  pageUrl: 'https://example.com/a',
  pageTitle: 'A',
  quote: { type: 'TextQuoteSelector', exact: 'x', prefix: '', suffix: '' },
  position: null,
  comment: '',
  color: 'yellow',
  createdAt: 1,
  updatedAt: 1,
  ...over,
});
