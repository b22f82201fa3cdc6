import { render, screen } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { HighlightItem } from '../../../components/HighlightItem';
import { EAGER_OPTIONS } from '../../../components/TalkOptions';
import { TalkPicker } from '../../../components/TalkPicker';
import type { Highlight } from '../../../lib/model';
import { readAllTalks } from '../../../lib/talks/all-talks';
import { noteCountsOf } from '../../../lib/talks/note-counts';
import { makeNote, makeTalk } from '../notes/factories';
import { testDb } from './harness';

const library = (n: number) =>
  Array.from({ length: n }, (_, i) =>
    makeTalk({
      id: `t${String(i).padStart(4, '0')}`,
      title: `Talk ${i}`,
      startAt: Date.UTC(2026, 4, 12, 13) + i * 60_000,
    }),
  );

describe('talk lists in a large library', () => {
  it('the picker draws only the talks around now until the user reaches for it, then every talk', async () => {
    const talks = library(EAGER_OPTIONS + 200);
    const onWantAll = vi.fn();
    render(
      <TalkPicker
        talks={talks}
        nearby={talks.slice(10, 13)}
        pickedId="t0011"
        onPick={() => {}}
        onWantAll={onWantAll}
      />,
    );
    const picker = screen.getByRole('combobox', { name: 'Talk to take notes for' }) as HTMLSelectElement;
    expect(picker.options).toHaveLength(1 + 3);
    expect(picker.value).toBe('t0011');
    await userEvent.hover(picker);
    expect(onWantAll).toHaveBeenCalled();
    expect(picker.options).toHaveLength(1 + talks.length);
    expect(picker.value).toBe('t0011');
  });

  it('a small library draws every option at once', () => {
    const talks = library(20);
    render(<TalkPicker talks={talks} nearby={talks.slice(0, 2)} pickedId={null} onPick={() => {}} />);
    expect(
      (screen.getByRole('combobox', { name: 'Talk to take notes for' }) as HTMLSelectElement).options,
    ).toHaveLength(21);
  });

  it('"Move highlight to talk" reaches every talk, not only the ones around now', async () => {
    const talks = library(EAGER_OPTIONS + 50);
    const highlight: Highlight = {
      id: 'h',
      talkId: 't0001',
      pageUrl: 'https://blog.example/post',
      pageTitle: 'A post',
      quote: { type: 'TextQuoteSelector', exact: 'a quote', prefix: '', suffix: '' },
      position: null,
      comment: '',
      color: 'yellow',
      createdAt: 1,
      updatedAt: 1,
    };
    const onChange = vi.fn();
    const onWantTalks = vi.fn();
    render(
      <HighlightItem
        highlight={highlight}
        talks={talks}
        onWantTalks={onWantTalks}
        onChange={onChange}
        onSaveComment={async () => ({ ok: true, value: null })}
        onDelete={() => {}}
      />,
    );
    const move = screen.getByRole('combobox', { name: 'Move highlight to talk' }) as HTMLSelectElement;
    expect(move.value).toBe('t0001');
    expect(move.options).toHaveLength(2);
    await userEvent.click(move); // a person opens the list first
    expect(move.options).toHaveLength(1 + talks.length);
    await userEvent.selectOptions(move, 'Talk 340');
    expect(onWantTalks).toHaveBeenCalled();
    expect(onChange).toHaveBeenCalledWith({ talkId: 't0340' });
  });

  it('readAllTalks reads every talk in pages', async () => {
    const db = testDb();
    const talks = library(23);
    await db.talks.bulkAdd(talks);
    expect((await readAllTalks(db, 5)).map((t) => t.id)).toEqual(talks.map((t) => t.id));
    expect(await readAllTalks(db, 23)).toHaveLength(23);
    expect(await readAllTalks(testDb(), 5)).toEqual([]);
  });

  it('noteCountsOf counts the notes of the talks asked for, 0 for a talk without notes', async () => {
    const db = testDb();
    await db.talks.bulkAdd(library(3));
    await db.notes.bulkAdd([
      makeNote({ talkId: 't0000' }),
      makeNote({ talkId: 't0000' }),
      makeNote({ talkId: 't0002' }),
    ]);
    expect([...(await noteCountsOf(db, ['t0000', 't0001', 't0002']))]).toEqual([
      ['t0000', 2],
      ['t0001', 0],
      ['t0002', 1],
    ]);
  });
});
