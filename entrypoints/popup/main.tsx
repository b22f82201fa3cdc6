import { render } from 'preact';
import '../../components/theme.css';
import { Popup } from '../../components/Popup';
import { getDb } from '../../lib/db/schema';
import { chooseConferenceZone } from '../../lib/db/conference-zones';
import { setSetting } from '../../lib/db/settings';
import { clippedKeys } from '../../lib/db/talks';
import { extractTab, extractWithKnownZone, storeTalks } from '../../lib/extension/clip';
import { ensureHighlighter } from '../../lib/extension/highlighter-injection';
import { currentWindowId, openSidePanel, popupTarget, setSiteAccess, siteAccessFor } from '../../lib/extension/tabs';
import { pageTalkChoice, sendPageTo } from '../../lib/talks/page-talk';

const target = await popupTarget(new URLSearchParams(location.search));
const windowId = await currentWindowId();
const db = getDb();
render(
  <Popup
    target={target}
    extract={(tabId, timeZone) => extractTab(tabId, { timeZone })}
    extractInKnownZone={(tabId) => extractWithKnownZone(db, tabId)}
    chooseZone={(conference, timeZone) => chooseConferenceZone(db, conference, timeZone)}
    store={(talks, note) => storeTalks(db, talks, note)}
    clippedKeys={(keys) => clippedKeys(db, keys)}
    highlight={(tabId) => ensureHighlighter(tabId)}
    pageTalk={(pageUrl) => pageTalkChoice(db, pageUrl)}
    sendPageTo={(pageUrl, talkId) => sendPageTo(db, pageUrl, talkId)}
    completeTalk={async (key, notice) => {
      const talk = await db.talks.where('key').equals(key).first();
      if (talk) await setSetting(db, 'editTalkRequest', { talkId: talk.id, notice, at: Date.now() });
    }}
    siteAccess={target ? await siteAccessFor(target.url) : null}
    setSiteAccess={setSiteAccess}
    openSidePanel={() => openSidePanel(windowId)}
  />,
  document.getElementById('app')!,
);
