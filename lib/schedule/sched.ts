/** Sched, on *.sched.com or an organiser's domain: session pages and list views. */
import { looksLikeSched } from './sched-common';
import { extractSchedList, isSchedListPage } from './sched-list';
import { scanSchedPage } from './sched-scan';
import { extractSchedSession } from './sched-session';
import type { Extractor } from './types';

export { isSchedHost, looksLikeSched, splitRoleCompany } from './sched-common';
export { extractSchedSession } from './sched-session';
export { extractSchedList } from './sched-list';

export const schedExtractor: Extractor = {
  name: 'sched',
  detect: looksLikeSched,
  extract(doc, url, options = {}) {
    const blocks = scanSchedPage(doc);
    return isSchedListPage(url, blocks)
      ? extractSchedList(doc, url, options, blocks)
      : extractSchedSession(doc, url, options);
  },
};
