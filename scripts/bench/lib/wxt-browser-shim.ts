// The bench bundle of lib/ code runs in an extension page of the bench copy: `wxt/browser` is Chrome's own API there.
export const browser = chrome;
