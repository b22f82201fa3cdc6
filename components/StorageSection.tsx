import { useEffect, useState } from 'preact/hooks';

interface Usage {
  usage: number;
  quota: number;
  persisted: boolean;
}

const mb = (bytes: number) => `${(bytes / 1_048_576).toFixed(bytes < 10_485_760 ? 1 : 0)} MB`;

/** How much room Talkmark's data takes, and whether the browser promised to keep it. */
export function StorageSection() {
  const [usage, setUsage] = useState<Usage | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  const refresh = async () => {
    if (!navigator.storage?.estimate) return setMessage('This browser does not report storage use.');
    const [estimate, persisted] = await Promise.all([
      navigator.storage.estimate(),
      navigator.storage.persisted?.() ?? Promise.resolve(false),
    ]);
    setUsage({ usage: estimate.usage ?? 0, quota: estimate.quota ?? 0, persisted });
  };
  useEffect(() => void refresh().catch((e: unknown) => setMessage(String(e))), []);

  const persist = async () => {
    const granted = await navigator.storage.persist?.();
    setMessage(
      granted
        ? 'The browser will keep Talkmark’s data even when disk space runs low.'
        : 'The browser did not grant persistent storage; your data is still kept unless you clear it or the disk fills up.',
    );
    await refresh();
  };

  return (
    <section aria-labelledby="storage-heading" class="card">
      <h2 id="storage-heading">Storage</h2>
      {usage && (
        <p>
          Talkmark uses <strong>{mb(usage.usage)}</strong>
          {usage.quota > 0 && <> of {mb(usage.quota)} available</>}.{' '}
          {usage.persisted ? 'Storage is persistent.' : 'Storage is not yet persistent.'}
        </p>
      )}
      {usage && !usage.persisted && (
        <button type="button" onClick={() => void persist()}>
          Keep my data persistent
        </button>
      )}
      {message && <p role="status">{message}</p>}
    </section>
  );
}
