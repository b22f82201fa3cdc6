import { describe, expect, it } from 'vitest';
import { changedPaths, mergeChoices } from '../../../lib/export/choices-merge';
import { DEFAULT_EXPORT_CHOICES, type ExportChoices } from '../../../lib/export/export-choices';
import type { FrontMatterRow } from '../../../lib/recap/front-matter-rows';

const row = (value: string): FrontMatterRow[] => [{ key: 'k', type: 'string', value }];

describe('export choices written by two pages', () => {
  it('names whole fields, and one key of rows, Intro and Closing', () => {
    const before: ExportChoices = { ...DEFAULT_EXPORT_CHOICES, frontMatterRows: { 'preset:narrative': row('a') } };
    const after: ExportChoices = {
      ...before,
      title: 'T',
      intro: { ...before.intro, day: 'hi' },
      frontMatterRows: { 'preset:bulleted': row('b') },
    };
    expect(changedPaths(before, after).sort()).toEqual([
      'frontMatterRows/preset:bulleted',
      'frontMatterRows/preset:narrative',
      'intro/day',
      'title',
    ]);
    expect(changedPaths(before, { ...before })).toEqual([]);
  });

  it('lays only the changed paths over the newest copy: the other page’s rows stay', () => {
    const loaded: ExportChoices = { ...DEFAULT_EXPORT_CHOICES, frontMatterRows: { 'preset:narrative': row('a') } };
    const theirs: ExportChoices = {
      ...loaded,
      frontMatterRows: { ...loaded.frontMatterRows, 'template:x': row('imported') },
    };
    const ours: ExportChoices = { ...loaded, preset: 'bulleted', frontMatterRows: {} };
    const merged = mergeChoices(theirs, ours, changedPaths(loaded, ours));
    expect(merged.preset).toBe('bulleted');
    // Ours removed the narrative rows; theirs added the template's: both hold.
    expect(merged.frontMatterRows).toEqual({ 'template:x': row('imported') });
    expect(theirs.frontMatterRows['preset:narrative']).toEqual(row('a'));
  });
});
