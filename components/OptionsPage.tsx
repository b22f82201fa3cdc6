import { useEffect, useState } from 'preact/hooks';
import { checkDatabase, type Availability } from '../lib/db/availability';
import { useDb } from './services';
import { AuthorSection } from './AuthorSection';
import { BackupSection } from './BackupSection';
import { ExportDefaultsSection } from './ExportDefaultsSection';
import { PictureSizeSection } from './PictureSizeSection';
import { StorageSection } from './StorageSection';
import { SyncSection } from './SyncSection';
import { TemplatesSection } from './TemplatesSection';

/** Settings: your name, storage, backups, recap export defaults and templates. */
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
      <AuthorSection />
      <StorageSection />
      <BackupSection />
      <PictureSizeSection />
      <SyncSection />
      <ExportDefaultsSection />
      <TemplatesSection />
    </main>
  );
}
