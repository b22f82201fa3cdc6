// Note images: checks by magic bytes, downscaling, thumbnails, hashing, and their storage.
export {
  MAX_IMAGE_BYTES,
  MAX_IMAGE_PIXELS,
  checkImageBytes,
  isImageComplete,
  sniffImageType,
  type ImageCheck,
  type ImageHeader,
} from './check';
export { DEFAULT_MAX_SIDE, MAX_SIDE_CHOICES, THUMB_MAX_SIDE, fitWithin, imageMaxSideOf } from './fit';
export { sha256Hex } from './hash';
export { captureCropOf, setCaptureCrop } from './capture-crop';
export {
  CROP_BIG_STEP,
  CROP_STEP,
  MIN_CROP_SIDE,
  WHOLE_CROP,
  clampCrop,
  composeCrop,
  cropFromDrag,
  cropPercent,
  cropPixels,
  cropPlace,
  cropWithin,
  isValidCrop,
  isWholeCrop,
  moveCrop,
  resizeCrop,
  type PixelRect,
  type Point,
} from './crop';
export {
  prepareImage,
  type DecodedImage,
  type ImageCodec,
  type PreparedImage,
  type PrepareOptions,
  type PrepareResult,
} from './prepare';
export {
  addImageNote,
  addImageNoteFromBytes,
  deleteNoteAndImage,
  getImage,
  lastImageOf,
  restoreDeletedNote,
  type AddedImageNote,
  type DeletedNote,
  type NewImageNote,
} from './image-notes';
