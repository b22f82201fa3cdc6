import { render } from 'preact';
import '../../components/theme.css';
import { Popup } from '../../components/Popup';
import { getDb } from '../../lib/db/schema';
import { clipTab } from '../../lib/extension/clip';
import { openSidePanel, popupTarget } from '../../lib/extension/tabs';

const target = await popupTarget(new URLSearchParams(location.search));
render(
  <Popup target={target} clip={(tabId) => clipTab(getDb(), tabId)} openSidePanel={() => openSidePanel(target?.tabId ?? null)} />,
  document.getElementById('app')!,
);
