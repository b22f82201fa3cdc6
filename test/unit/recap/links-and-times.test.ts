import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { recapFileName, slugify } from '../../../lib/recap/file-name';
import { markdownUrl } from '../../../lib/recap/escape';
import { recordingDeepLink, recordingPlayer } from '../../../lib/recap/recording-links';
import { LATE_NOTE_GRACE_MS, formatElapsed, noteOffsetMs } from '../../../lib/recap/timestamps';

describe('recordingDeepLink', () => {
  const at = 754_900; // 12:34.9 → second 754

  it('links into YouTube at the offset, in the URL shape the user had', () => {
    expect(recordingDeepLink('https://www.youtube.com/watch?v=aB3dE5fG7hI', at)).toBe(
      'https://www.youtube.com/watch?v=aB3dE5fG7hI&t=754s',
    );
    expect(recordingDeepLink('https://youtube.com/watch?v=aB3dE5fG7hI&list=PL1&t=10s', at)).toBe(
      'https://www.youtube.com/watch?v=aB3dE5fG7hI&t=754s',
    );
    expect(recordingDeepLink('https://m.youtube.com/watch?v=aB3dE5fG7hI', at)).toBe(
      'https://www.youtube.com/watch?v=aB3dE5fG7hI&t=754s',
    );
    expect(recordingDeepLink('https://www.youtube.com/embed/aB3dE5fG7hI?rel=0', at)).toBe(
      'https://www.youtube.com/watch?v=aB3dE5fG7hI&t=754s',
    );
    expect(recordingDeepLink('https://www.youtube.com/live/aB3dE5fG7hI', at)).toBe(
      'https://www.youtube.com/watch?v=aB3dE5fG7hI&t=754s',
    );
    expect(recordingDeepLink('https://youtu.be/aB3dE5fG7hI', at)).toBe('https://youtu.be/aB3dE5fG7hI?t=754');
    expect(recordingDeepLink('https://youtu.be/aB3dE5fG7hI?si=tracking', 0)).toBe('https://youtu.be/aB3dE5fG7hI?t=0');
  });

  it('links into Vimeo with a #t= fragment, keeping private-link hashes', () => {
    expect(recordingDeepLink('https://vimeo.com/1015553301', at)).toBe('https://vimeo.com/1015553301#t=754s');
    expect(recordingDeepLink('https://vimeo.com/1015553301/abc123def', at)).toBe(
      'https://vimeo.com/1015553301/abc123def#t=754s',
    );
    expect(recordingDeepLink('https://player.vimeo.com/video/1015553301?h=abc#t=5s', at)).toBe(
      'https://player.vimeo.com/video/1015553301?h=abc#t=754s',
    );
  });

  it('gives no link for other players, odd URLs, or no offset', () => {
    expect(recordingDeepLink('https://media.ccc.de/v/some-talk', at)).toBeNull();
    expect(recordingDeepLink('https://www.youtube.com/@cncf', at)).toBeNull();
    expect(recordingDeepLink('https://www.youtube.com/watch?v=short', at)).toBeNull();
    expect(recordingDeepLink('https://evil.example/youtube.com/watch?v=aB3dE5fG7hI', at)).toBeNull();
    expect(recordingDeepLink('javascript:alert(1)//youtube.com/watch?v=aB3dE5fG7hI', at)).toBeNull();
    expect(recordingDeepLink('not a url', at)).toBeNull();
    expect(recordingDeepLink(null, at)).toBeNull();
    expect(recordingDeepLink('https://youtu.be/aB3dE5fG7hI', null)).toBeNull();
    expect(recordingPlayer('https://vimeo.com/channels/staffpicks/1015553301')).toBe('vimeo');
    expect(recordingPlayer('https://vimeo.com/about')).toBe('other');
  });
});

describe('timestamps', () => {
  it('formats offsets the way players show them', () => {
    expect(formatElapsed(0)).toBe('0:00');
    expect(formatElapsed(59_999)).toBe('0:59');
    expect(formatElapsed(754_000)).toBe('12:34');
    expect(formatElapsed(3_723_000)).toBe('1:02:03');
    expect(formatElapsed(36_000_000)).toBe('10:00:00');
  });

  it('has no offset without a start or before it', () => {
    expect(noteOffsetMs(1_000, null)).toBeNull();
    expect(noteOffsetMs(999, 1_000)).toBeNull();
    expect(noteOffsetMs(1_000, 1_000)).toBe(0);
    expect(noteOffsetMs(755_000, 1_000)).toBe(754_000);
  });

  it('drops notes long after the end, but not for a zero-length event (its end is unknown)', () => {
    const start = 1_000_000;
    expect(noteOffsetMs(start + 3_600_000, start, start + 1_800_000)).toBe(3_600_000);
    expect(noteOffsetMs(start + 1_800_000 + LATE_NOTE_GRACE_MS + 1, start, start + 1_800_000)).toBeNull();
    // DTEND = DTSTART: an hour in is still the talk.
    expect(noteOffsetMs(start + 3_600_000, start, start)).toBe(3_600_000);
    expect(noteOffsetMs(start + 3_600_000, start, start - 1)).toBe(3_600_000);
  });
});

describe('recap file names', () => {
  it('is date + conference slug + recap', () => {
    expect(recapFileName('2025-09-09', 'KCD SF Bay Area 2025')).toBe('2025-09-09-kcd-sf-bay-area-recap.md');
    expect(recapFileName('2025-09-09', 'KCD SF Bay Area')).toBe('2025-09-09-kcd-sf-bay-area-recap.md');
    expect(recapFileName('2023-06-22', 'Kubernetes Community Days Zürich 2023 – Recap')).toBe(
      '2023-06-22-kubernetes-community-days-zurich-2023-recap.md',
    );
    expect(recapFileName('2019-11-19', 'KubeCon + CloudNativeCon NA 2019')).toBe(
      '2019-11-19-kubecon-cloudnativecon-na-recap.md',
    );
    expect(recapFileName(null, null)).toBe('recap.md');
    expect(recapFileName('2025-09-09', '!!!')).toBe('2025-09-09-recap.md');
  });

  it('keeps slugs short, ASCII and hyphen-clean', () => {
    expect(slugify('Ça & Là: C++/Rust — "talks"')).toBe('ca-and-la-c-rust-talks');
    const long = slugify('A very long conference name that goes on and on well past any sensible file name length');
    expect(long.length).toBeLessThanOrEqual(60);
    expect(long).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
  });
});

describe('a hostile recording URL', () => {
  it('never carries page text into the deep link: only the numeric id (and a private hash)', () => {
    expect(recordingDeepLink('https://vimeo.com/channels/a/123456/)[x](javascript:alert(1)//', 5000)).toBeNull();
    expect(recordingDeepLink('https://vimeo.com/channels/staffpicks/987654321', 754_000)).toBe(
      'https://vimeo.com/987654321#t=754s',
    );
    expect(recordingDeepLink('https://player.vimeo.com/video/987654321?h=abc&x=)[y](javascript:1)', 1000)).toBe(
      'https://player.vimeo.com/video/987654321?h=abc#t=1s',
    );
  });
});

describe('a deep link as the recap writes it', () => {
  it('is already fit for a Markdown destination (recap-data.ts prints it without markdownUrl)', () => {
    const videos = [
      'https://www.youtube.com/watch?v=dQw4w9WgXcQ&list=x)y',
      'https://youtu.be/dQw4w9WgXcQ?si=a<b',
      'https://www.youtube.com/live/dQw4w9WgXcQ',
      'https://vimeo.com/channels/staffpicks/987654321',
      'https://vimeo.com/987654321/abc123def',
      'https://player.vimeo.com/video/987654321?h=abc&x=)[y](javascript:1)',
      'https://player.vimeo.com/video/987654321?h=zz`',
    ];
    fc.assert(
      fc.property(fc.constantFrom(...videos), fc.integer({ min: 0, max: 40 * 3_600_000 }), (video, ms) => {
        const link = recordingDeepLink(video, ms);
        expect(link).not.toBeNull();
        expect(markdownUrl(link)).toBe(link);
      }),
    );
  });
});
