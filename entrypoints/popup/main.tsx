import { render } from 'preact';
import '../../components/theme.css';
import { Popup } from '../../components/Popup';
import { getDb } from '../../lib/db/schema';
import { chooseConferenceZone } from '../../lib/db/conference-zones';
import { extractTab, extractWithKnownZone, storeTalks } from '../../lib/extension/clip';
import { ensureHighlighter } from '../../lib/extension/highlighter-injection';
import { currentWindowId, openSidePanel, popupTarget, setSiteAccess, siteAccessFor } from '../../lib/extension/tabs';

const target = await popupTarget(new URLSearchParams(location.search));
const windowId = await currentWindowId();
render(
  <Popup
    target={target}
    extract={(tabId, timeZone) => extractTab(tabId, { timeZone })}
    extractInKnownZone={(tabId) => extractWithKnownZone(getDb(), tabId)}
    chooseZone={(conference, timeZone) => chooseConferenceZone(getDb(), conference, timeZone)}
    store={(talks, note) => storeTalks(getDb(), talks, note)}
    highlight={(tabId) => ensureHighlighter(tabId)}
    siteAccess={target ? await siteAccessFor(target.url) : null}
    setSiteAccess={setSiteAccess}
    openSidePanel={() => openSidePanel(windowId)}
  />,
  document.getElementById('app')!,
);
