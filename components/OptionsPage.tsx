import { useEffect, useState } from 'preact/hooks';
import { checkDatabase, type Availability } from '../lib/db/availability';
import { useDb } from './services';
import { BackupSection } from './BackupSection';
import { ExportDefaultsSection } from './ExportDefaultsSection';
import { StorageSection } from './StorageSection';
import { SyncSection } from './SyncSection';
import { TemplatesSection } from './TemplatesSection';

/** Settings: storage, backups, recap export defaults and templates. */
export function OptionsPage() {
  const db = useDb();
  const [storage, setStorage] = useState<Availability | null>(null);
  useEffect(() => void checkDatabase(db).then(setStorage), []);
  return (
    <main class="panel options">
      <h1>Talkmark settings</h1>
      {storage && !storage.ok && (
        <p class="error" role="alert">
          {storage.message}
        </p>
      )}
      <StorageSection />
      <BackupSection />
      <SyncSection />
      <ExportDefaultsSection />
      <TemplatesSection />
    </main>
  );
}
