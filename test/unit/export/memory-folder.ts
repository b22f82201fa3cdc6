/**
 * An in-memory folder with the calls of the File System Access API that "Save to folder" uses
 * (lib/export/folder-write.ts `FolderHandle`), for unit tests: files that already exist, a
 * permission state, and a write that fails on a chosen file (a full disk, a lost grant).
 */
import type {
  FolderFileHandle,
  FolderHandle,
  FolderPermission,
  FolderWritable,
} from '../../../lib/export/folder-write';

export interface MemoryFolderOptions {
  /** What queryPermission answers, and what requestPermission turns it into. */
  permission?: FolderPermission;
  onRequest?: FolderPermission;
  /** `write()` of this path throws a DOMException of this name. */
  failWrite?: { path: string; error: string };
}

const domError = (name: string, message = name) => new DOMException(message, name);

export class MemoryFolder implements FolderHandle {
  readonly kind = 'directory' as const;
  readonly files = new Map<string, Uint8Array>();
  readonly dirs = new Set<string>();
  requests = 0;
  permission: FolderPermission;

  constructor(
    readonly name: string,
    private readonly options: MemoryFolderOptions = {},
    private readonly root: MemoryFolder | null = null,
    private readonly prefix = '',
  ) {
    this.permission = options.permission ?? 'granted';
  }

  private get top(): MemoryFolder {
    return this.root ?? this;
  }

  /** Put a file there before the test (its folders too). */
  seed(path: string, bytes: Uint8Array | string): this {
    const parts = path.split('/');
    for (let i = 1; i < parts.length; i++) this.top.dirs.add(parts.slice(0, i).join('/'));
    this.top.files.set(path, typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes);
    return this;
  }

  text(path: string): string | undefined {
    const bytes = this.top.files.get(path);
    return bytes && new TextDecoder().decode(bytes);
  }

  private check(): void {
    if (this.top.permission !== 'granted') throw domError('NotAllowedError');
  }

  async queryPermission(): Promise<FolderPermission> {
    return this.top.permission;
  }

  async requestPermission(): Promise<FolderPermission> {
    this.top.requests++;
    if (this.top.permission === 'prompt') this.top.permission = this.top.options.onRequest ?? 'granted';
    return this.top.permission;
  }

  async getDirectoryHandle(name: string, options: { create?: boolean } = {}): Promise<FolderHandle> {
    this.check();
    const path = this.prefix + name;
    if (this.top.files.has(path)) throw domError('TypeMismatchError');
    if (!this.top.dirs.has(path)) {
      if (!options.create) throw domError('NotFoundError');
      this.top.dirs.add(path);
    }
    return new MemoryFolder(name, {}, this.top, `${path}/`);
  }

  async removeEntry(name: string): Promise<void> {
    this.check();
    if (!this.top.files.delete(this.prefix + name)) throw domError('NotFoundError');
  }

  async getFileHandle(name: string, options: { create?: boolean } = {}): Promise<FolderFileHandle> {
    this.check();
    const path = this.prefix + name;
    if (this.top.dirs.has(path)) throw domError('TypeMismatchError');
    if (!this.top.files.has(path)) {
      if (!options.create) throw domError('NotFoundError');
      this.top.files.set(path, new Uint8Array()); // Chrome creates the empty file at once
    }
    const top = this.top;
    return {
      kind: 'file',
      // Like Chrome's: writes go to a swap copy, the file changes only on close().
      async createWritable(): Promise<FolderWritable> {
        const chunks: Uint8Array[] = [];
        return {
          async write(data) {
            if (top.options.failWrite?.path === path) throw domError(top.options.failWrite.error);
            chunks.push(new Uint8Array(data));
          },
          async close() {
            const size = chunks.reduce((n, c) => n + c.length, 0);
            const out = new Uint8Array(size);
            let at = 0;
            for (const c of chunks) {
              out.set(c, at);
              at += c.length;
            }
            top.files.set(path, out);
          },
          async abort() {
            chunks.length = 0;
          },
        };
      },
    };
  }
}
