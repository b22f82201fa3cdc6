// Timing and note logic for the side panel. Pure functions plus Dexie helpers taking a TalkmarkDB.
export {
  NOTE_PREFIXES,
  prefixHints,
  parseComposerInput,
  type NotePrefix,
  type PrefixHint,
  type ComposerResult,
} from './composer';
export {
  offsetIntoTalk,
  formatNoteOffset,
} from './offsets';
export {
  DEFAULT_TALK_DURATION_MS,
  talkSpans,
  type TimedTalk,
  type TalkSpan,
  type SpanOptions,
} from './spans';
export {
  chooseNowAndNext,
  talkProgress,
  type NowAndNext,
  type ChooseOptions,
  type TalkProgress,
} from './now-next';
export {
  currentTalkId,
  type TalkPick,
} from './current-talk';
export {
  findConflicts,
  type Conflicts,
} from './conflicts';
export {
  StorageError,
  isQuotaError,
  isDatabaseClosedError,
  classifyStorageError,
  attemptWrite,
  type StorageErrorKind,
  type StorageFailure,
  type StorageResult,
} from '../db/storage-errors';
export {
  MAX_NOTE_CHARS,
  addNote,
  updateNoteText,
  setNoteTime,
  deleteNote,
  restoreNote,
  listNotes,
  storedNoteIds,
  type NewNote,
  type AddNoteOptions,
} from './notes-store';
export {
  saveDraft,
  loadDraft,
} from './drafts';
export {
  DRAFT_MIRROR_PREFIX,
  writeMirror,
  readMirror,
  newerDraft,
  pageStorage,
  readSending,
  markSending,
  markSent,
  type MirroredDraft,
  type DraftStorage,
  type SendingNote,
} from './draft-mirror';
export {
  pendingEdit,
  mirrorEdit,
  editSaved,
  recoverEdits,
  type MirroredEdit,
  type EditKind,
  type ListableStorage,
} from './edit-mirror';
export {
  foldText,
  foldWithMap,
  queryTerms,
  matchesAllTerms,
  type FoldedText,
} from './fold';
export {
  SNIPPET_LENGTH,
  makeSnippet,
  type Snippet,
} from './snippet';
export {
  DEFAULT_SEARCH_LIMIT,
  searchAll,
  type TalkHit,
  type NoteHit,
  type SearchResults,
} from './search';
