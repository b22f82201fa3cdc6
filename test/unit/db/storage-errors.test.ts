import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { attemptWrite, classifyStorageError, isQuotaError, StorageError } from '../../../lib/db/storage-errors';

const quota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

describe('classifyStorageError', () => {
  it('recognises quota errors however they are wrapped', () => {
    expect(classifyStorageError(quota()).kind).toBe('quota');
    expect(classifyStorageError(new Dexie.AbortError('Transaction aborted', quota())).kind).toBe('quota');
    expect(classifyStorageError(new Dexie.QuotaExceededError('full')).kind).toBe('quota');
    expect(classifyStorageError({ name: 'QuotaExceededError', message: 'plain object' }).kind).toBe('quota');
    expect(classifyStorageError(new Error('outer', { cause: quota() })).kind).toBe('quota');
    expect(classifyStorageError(new Dexie.BulkError('bulk', { 3: quota() })).kind).toBe('quota');
    expect(classifyStorageError({ name: 'NS_ERROR_DOM_QUOTA_REACHED' }).kind).toBe('quota');
  });

  it('recognises a closed database', () => {
    expect(classifyStorageError(new Dexie.DatabaseClosedError('closed')).kind).toBe('closed');
    expect(classifyStorageError(new Dexie.AbortError('aborted', new Dexie.DatabaseClosedError())).kind).toBe('closed');
  });

  it('passes our own kinds through and labels the rest unknown with the first line of the message', () => {
    expect(classifyStorageError(new StorageError('missing', 'Gone.'))).toMatchObject({
      kind: 'missing',
      message: 'Gone.',
    });
    const unknown = classifyStorageError(new Error('Something odd\nstack-ish detail'));
    expect(unknown).toMatchObject({ kind: 'unknown', message: 'Could not save to browser storage: Something odd' });
    expect(classifyStorageError('a string').kind).toBe('unknown');
    expect(classifyStorageError(null).kind).toBe('unknown');
  });

  it('survives a cyclic inner chain', () => {
    const a: { name: string; inner?: unknown } = { name: 'AbortError' };
    a.inner = { name: 'X', inner: a };
    expect(isQuotaError(a)).toBe(false);
  });
});

describe('attemptWrite', () => {
  it('wraps the value or the classified failure, never throws', async () => {
    await expect(attemptWrite(async () => 42)).resolves.toEqual({ ok: true, value: 42 });
    const r = await attemptWrite(async () => {
      throw new Dexie.AbortError('aborted', quota());
    });
    expect(r).toMatchObject({ ok: false, error: { kind: 'quota' } });
    const sync = await attemptWrite(() => {
      throw new Error('sync');
    });
    expect(sync).toMatchObject({ ok: false, error: { kind: 'unknown' } });
  });
});
