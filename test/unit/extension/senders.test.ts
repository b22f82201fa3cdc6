import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Browser } from 'wxt/browser';
import { senderKind } from '../../../lib/extension/senders';
import { isSchedHost } from '../../../lib/schedule/sched-host';

const OWN = 'abcdefghijklmnopabcdefghijklmnop';
const tab = { id: 7, index: 0, windowId: 1 } as Browser.tabs.Tab;

/** A message from a frame of a tab at `url`, by our own extension unless told otherwise. */
const fromTab = (url: string | undefined, id = OWN): Browser.runtime.MessageSender => ({ id, url, tab, frameId: 0 });
const kind = (url: string | undefined) => senderKind(fromTab(url), OWN);

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('senderKind', () => {
  it('refuses any other extension, or a sender without an id, whatever it claims', () => {
    expect(
      senderKind({ id: 'otherextensionidotherextensionid', url: `chrome-extension://${OWN}/sidepanel.html` }, OWN),
    ).toBeNull();
    expect(senderKind(fromTab('https://conf.sched.com/', 'otherextensionidotherextensionid'), OWN)).toBeNull();
    expect(senderKind({ url: 'https://conf.sched.com/', tab }, OWN)).toBeNull();
    expect(senderKind({ url: `chrome-extension://${OWN}/popup.html` }, OWN)).toBeNull();
  });

  it('calls a sender without a tab one of our pages', () => {
    expect(senderKind({ id: OWN, url: `chrome-extension://${OWN}/sidepanel.html` }, OWN)).toBe('extension-page');
    expect(
      senderKind(
        { id: OWN, url: `chrome-extension://${OWN}/offscreen.html`, origin: `chrome-extension://${OWN}` },
        OWN,
      ),
    ).toBe('extension-page');
    expect(senderKind({ id: OWN }, OWN)).toBe('extension-page');
  });

  it('calls a script on an https Sched page the Sched content script', () => {
    for (const url of [
      'https://conf.sched.com/event/abc',
      'https://KubeCon2025.Sched.com/',
      'https://sched.com/',
      'https://a.b.sched.com:8443/x',
    ]) {
      expect(kind(url), url).toBe('sched-content-script');
    }
  });

  it('calls a script on any other http(s) page a plain content script', () => {
    for (const url of [
      'http://conf.sched.com/', // Sched over plain http: not Sched's own
      'https://notsched.com/',
      'https://sched.com.evil.example/',
      'https://evil.example/conf.sched.com',
      'https://conf.sched.com@evil.example/',
      'https://evil.example/?u=https://conf.sched.com',
      'https://conf.sched.com./',
      'https://blog.example.dev/post',
      'http://localhost:8080/',
    ]) {
      expect(kind(url), url).toBe('content-script');
    }
  });

  it('refuses a tab sender whose page is not http(s), or has no URL', () => {
    for (const url of [
      undefined,
      '',
      'not a url',
      'file:///home/me/sched.com.html',
      'chrome://settings/',
      'about:blank',
      'data:text/html,<p>',
      'javascript:alert(1)',
      'blob:https://conf.sched.com/6f1c',
      'ftp://conf.sched.com/',
      `chrome-extension://${OWN}/sidepanel.html`,
    ]) {
      expect(kind(url), String(url)).toBeNull();
    }
  });

  it('treats loopback as a plain content script outside the demo build', () => {
    expect(import.meta.env.WXT_DEMO).toBeUndefined();
    expect(kind('http://127.0.0.1:4173/sched/event/abc')).toBe('content-script');
    expect(kind('https://127.0.0.1/')).toBe('content-script');
  });

  it('treats loopback as the Sched content script in the demo build only', () => {
    vi.stubEnv('WXT_DEMO', 'true');
    expect(kind('http://127.0.0.1:4173/sched/event/abc')).toBe('sched-content-script');
    expect(kind('http://localhost:4173/')).toBe('content-script');
    vi.stubEnv('WXT_DEMO', 'false');
    expect(kind('http://127.0.0.1:4173/')).toBe('content-script');
  });
});

describe('isSchedHost', () => {
  it('matches sched.com and its subdomains only', () => {
    expect(['sched.com', 'conf.sched.com', 'A.SCHED.COM'].map(isSchedHost)).toEqual([true, true, true]);
    expect(
      ['notsched.com', 'sched.com.evil.example', 'sched.co', 'schedxcom', 'conf.sched.com.', ''].map(isSchedHost),
    ).toEqual([false, false, false, false, false, false]);
  });
});
