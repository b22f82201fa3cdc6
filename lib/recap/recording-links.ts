/**
 * Deep links into a talk's recording at a note's offset. Only players whose time parameter we
 * know get one; any other recording URL yields null and the offset is shown without a link.
 */

const YOUTUBE_ID = /^[A-Za-z0-9_-]{11}$/;
const YOUTUBE_HOSTS = new Set([
  'youtube.com',
  'www.youtube.com',
  'm.youtube.com',
  'music.youtube.com',
  'youtube-nocookie.com',
  'www.youtube-nocookie.com',
]);
const VIMEO_HOSTS = new Set(['vimeo.com', 'www.vimeo.com', 'player.vimeo.com']);

export type RecordingPlayer = 'youtube' | 'vimeo' | 'other';

/** The video id of a YouTube URL in any of its shapes (watch, youtu.be, embed, live, shorts). */
export function youtubeVideoId(url: URL): string | null {
  let id: string | null = null;
  if (url.hostname === 'youtu.be') id = url.pathname.split('/')[1] ?? null;
  else if (YOUTUBE_HOSTS.has(url.hostname)) {
    const [first, second] = url.pathname.split('/').slice(1);
    id =
      first === 'watch'
        ? url.searchParams.get('v')
        : ['embed', 'live', 'shorts', 'v'].includes(first ?? '')
          ? (second ?? null)
          : null;
  }
  return id !== null && YOUTUBE_ID.test(id) ? id : null;
}

/** The last URL parsed: a talk's linker and its video id read the same one (the URL is only read). */
let lastParsed: { raw: string; url: URL | null } | null = null;

function parse(videoUrl: string): URL | null {
  if (lastParsed?.raw === videoUrl) return lastParsed.url;
  const url = parseFresh(videoUrl);
  lastParsed = { raw: videoUrl, url };
  return url;
}

function parseFresh(videoUrl: string): URL | null {
  try {
    const url = new URL(videoUrl.trim());
    return url.protocol === 'https:' || url.protocol === 'http:' ? url : null;
  } catch {
    return null;
  }
}

export function recordingPlayer(videoUrl: string | null): RecordingPlayer {
  return recordingVideo(videoUrl)?.player ?? 'other';
}

/**
 * Vimeo's numeric id (`/123456`, `/channels/staffpicks/123456`, `/video/123456`) and a private
 * link's hex hash (`/123456/abc123def`).
 */
function vimeoPath(url: URL): { id: string; hash: string | null } | null {
  if (!VIMEO_HOSTS.has(url.hostname)) return null;
  const m = /\/(\d{2,})(?:\/([0-9a-f]{6,}))?\/?$/.exec(url.pathname);
  return m ? { id: m[1]!, hash: m[2] ?? null } : null;
}

/**
 * The player and the video's id, for embeds a site builds from the id alone (Hugo's
 * `{{< youtube ID >}}` and `{{< vimeo ID >}}`, dev.to's `{% youtube ID %}`). The id is only
 * `[A-Za-z0-9_-]` (YouTube) or digits (Vimeo). Null for other players.
 */
export function recordingVideo(
  videoUrl: string | null,
): { player: Exclude<RecordingPlayer, 'other'>; id: string } | null {
  const url = videoUrl ? parse(videoUrl) : null;
  if (!url) return null;
  const youtube = youtubeVideoId(url);
  if (youtube) return { player: 'youtube', id: youtube };
  const vimeo = vimeoPath(url);
  return vimeo ? { player: 'vimeo', id: vimeo.id } : null;
}

/**
 * A function from offset to deep link for one recording, parsing the URL once (a talk may have
 * hundreds of notes): `youtube.com/watch?v=ID&t=754s`, `youtu.be/ID?t=754`,
 * `vimeo.com/ID#t=754s`. Null when the player has no known time parameter.
 */
export function recordingLinker(videoUrl: string | null): ((offsetMs: number | null) => string | null) | null {
  const url = videoUrl ? parse(videoUrl) : null;
  if (!url) return null;
  const youtubeId = youtubeVideoId(url);
  // The short host keeps its own form; every youtube.com shape becomes the plain watch page.
  if (youtubeId && url.hostname === 'youtu.be') return at((s) => `https://youtu.be/${youtubeId}?t=${s}`);
  if (youtubeId) return at((s) => `https://www.youtube.com/watch?v=${youtubeId}&t=${s}s`);
  // Rebuilt from the numeric id alone: the rest of a page's URL (which may hold `)` or `[`)
  // never reaches a Markdown link destination.
  // Private links keep their hex hash segment (`/1015553301/abc123def`); nothing else survives.
  const vimeo = vimeoPath(url);
  if (vimeo) {
    const key = url.searchParams.get('h');
    const base =
      url.hostname === 'player.vimeo.com'
        ? `https://player.vimeo.com/video/${vimeo.id}${key && /^[0-9a-f]+$/.test(key) ? `?h=${key}` : ''}`
        : `https://vimeo.com/${vimeo.hash ? `${vimeo.id}/${vimeo.hash}` : vimeo.id}`;
    return at((s) => `${base}#t=${s}s`);
  }
  return null;
}

function at(build: (seconds: number) => string): (offsetMs: number | null) => string | null {
  return (offsetMs) => (offsetMs === null || offsetMs < 0 ? null : build(Math.floor(offsetMs / 1000)));
}

/** The recording at `offsetMs`, or null for other players, an unusable URL or no offset. */
export function recordingDeepLink(videoUrl: string | null, offsetMs: number | null): string | null {
  return recordingLinker(videoUrl)?.(offsetMs) ?? null;
}
