import { useEffect, useState } from 'preact/hooks';
import type { TalkmarkDB } from '../lib/db/schema';
import { getImage } from '../lib/images';
import type { CaptureCrop } from '../lib/model';

export type ImageUrl =
  | { state: 'idle' | 'loading' | 'missing' }
  | { state: 'ready'; url: string; width: number; height: number; crop?: CaptureCrop };

/**
 * An object URL for a stored image (its thumbnail or the full picture), made when `active`
 * and revoked when the component goes or the image changes: a list of 200 pictures holds URLs
 * only for those it has shown.
 */
export function useImageUrl(db: TalkmarkDB, imageId: string, which: 'thumb' | 'full', active: boolean): ImageUrl {
  const [value, setValue] = useState<ImageUrl>({ state: 'idle' });
  useEffect(() => {
    if (!active) return;
    let url: string | null = null;
    let live = true;
    setValue({ state: 'loading' });
    void getImage(db, imageId)
      .catch(() => undefined)
      .then((image) => {
        if (!live) return;
        if (!image) return setValue({ state: 'missing' });
        const thumb = which === 'thumb';
        url = URL.createObjectURL(
          new Blob([thumb ? image.thumb : image.bytes], { type: thumb ? image.thumbMime : image.mime }),
        );
        setValue({
          state: 'ready',
          url,
          width: thumb ? image.thumbWidth : image.width,
          height: thumb ? image.thumbHeight : image.height,
          ...(image.crop ? { crop: image.crop } : {}),
        });
      });
    return () => {
      live = false;
      if (url) URL.revokeObjectURL(url);
    };
  }, [db, imageId, which, active]);
  return value;
}
