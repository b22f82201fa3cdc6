import fc from 'fast-check';

/** Pieces that matter to Markdown, HTML, YAML and URL parsers, mixed with arbitrary code points. */
export const hostilePiece = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(
    '*', '_', '[', ']', '(', ')', '#', '|', '<', '>', '&', ':', '"', "'", '`', '```', '~~~', '~', '\\', '!',
    '-', '+', '=', '{', '}', '{{', '{%', '%', '1.', '2)', ' ', '  ', '\t', '\n', '\n\n', '\r\n', '    ',
    '<script>', '</p>', '<img src=x onerror=alert(1)>', '<!--', '-->', '<?php', '<![CDATA[', '<iframe', '<a href=',
    'javascript:', 'JaVaScRiPt:', 'java\\script:', 'javascript\\:', 'javascript&#58;', '&colon;', '&amp;', '&#x3C;',
    'vbscript:', 'data:text/html,', 'http://x.y/', 'https://a.b', 'mailto:a@b', '<http://x>', '<javascript:x>',
    '](', ']:', '](<', ']: ', '![', '[^1]', '> ', '- ', '* ', '# ', '## ', '---', '===', '\u0000', '\u00a0', '\u2003',
    '\u3000', '\ufeff', '\u2028', '\u0085', '\u000b', '\f', 'é', '😀', 'alert(1)', 'onerror=', 'a', 'b', 'x', '1', 'C#',
    'snake_case', ': ', ' #', '...', '%YAML', 'null', 'true',
  ) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 3 }) },
);

export const hostileString = fc.array(hostilePiece, { maxLength: 20 }).map((parts) => parts.join(''));

export const hostileUrl = fc.oneof(
  hostileString,
  fc.webUrl({ withQueryParameters: true, withFragments: true }),
  fc.constantFrom('javascript:alert(1)', ' javascript:alert(1)', 'JAVASCRIPT:x', 'java\tscript:x', '\u0001javascript:x',
    'data:text/html,<script>alert(1)</script>', 'vbscript:x', 'https://a.b/)](javascript:x)', 'https://a.b/<script>',
    'https://a.b/&amp;x', 'https://www.youtube.com/watch?v=aB3dE5fG7hI', 'https://youtu.be/aB3dE5fG7hI?x=<b>', 'https://vimeo.com/1'),
);

export const hostileHtml = fc.array(fc.oneof(
  hostilePiece,
  fc.constantFrom('<p>', '</p>', '<ul><li>', '</li></ul>', '<a href="javascript:alert(1)">x</a>', '<a href="https://ok.example">ok</a>',
    '<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '<iframe src="https://evil.example"></iframe>', '&lt;script&gt;',
    '<code>&lt;b&gt;</code>', '<pre><code>&lt;img src=x onerror=alert(1)&gt;</code></pre>', '<em>', '</em>'),
), { maxLength: 12 }).map((parts) => parts.join(''));
