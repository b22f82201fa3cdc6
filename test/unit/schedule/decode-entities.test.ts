import { describe, expect, it } from 'vitest';
import { decodeEntities } from '../../../lib/schedule/dom';

describe('decodeEntities', () => {
  it('decodes named and numeric references, as Sched’s feed writes them', () => {
    expect(decodeEntities('It&rsquo;s &amp; &#8211; &#x2014; &nbsp;done')).toBe('It’s & – — \u00a0done');
  });

  it('leaves markup as text and builds nothing', () => {
    const hostile = '<img src=x onerror="globalThis.pwned=1">&lt;b&gt;</textarea><script>globalThis.pwned=1</script>';
    expect(decodeEntities(hostile)).toBe(
      '<img src=x onerror="globalThis.pwned=1"><b></textarea><script>globalThis.pwned=1</script>',
    );
    expect((globalThis as { pwned?: number }).pwned).toBeUndefined();
  });
});
