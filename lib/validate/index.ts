// One vocabulary for untrusted data: strict checks, lenient readers over them, and the domain's rules.
export {
  ValidationError,
  type Check,
  arrayOf,
  boolean,
  exactly,
  fail,
  integer,
  isPlainObject,
  jsonValue,
  matching,
  memberOf,
  nullable,
  optional,
  optionalNullable,
  shape,
  string,
  stringMap,
  timestamp,
} from './checks';
export { clippedText, orDefault, orNull, parseOrNull, required, validItems } from './lenient';
export {
  MAX_URL_CHARS,
  isWebUrl,
  knownTimeZone,
  speakerShape,
  talkFileShape,
  templateKind,
  webLink,
  webUrl,
} from './rules';
