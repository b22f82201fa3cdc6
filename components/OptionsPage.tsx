import { useEffect, useState } from 'preact/hooks';
import { checkDatabase, type Availability } from '../lib/db/availability';
import { getDb } from '../lib/db/schema';
import { BackupSection } from './BackupSection';
import { ExportDefaultsSection } from './ExportDefaultsSection';
import { StorageSection } from './StorageSection';
import { TemplatesSection } from './TemplatesSection';

/** Settings: storage, backups, recap export defaults and templates. */
export function OptionsPage() {
  const [db, setDb] = useState<Availability | null>(null);
  useEffect(() => void checkDatabase(getDb()).then(setDb), []);
  return (
    <main class="panel options">
      <h1>Talkmark settings</h1>
      {db && !db.ok && (
        <p class="error" role="alert">
          {db.message}
        </p>
      )}
      <StorageSection />
      <BackupSection />
      <ExportDefaultsSection />
      <TemplatesSection />
    </main>
  );
}
