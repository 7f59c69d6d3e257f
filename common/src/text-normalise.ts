/**
 * Small text clean-ups shared by the identifier and vocabulary rules: values typed on Chinese
 * input methods or pasted from spreadsheets carry full-width characters and odd spaces.
 */

/** Full-width ASCII (U+FF01–U+FF5E, e.g. ０-９, Ｘ, ｘ, （ ）) to half-width, per the Unicode Halfwidth and Fullwidth Forms block. */
const FULL_WIDTH = /[\uFF01-\uFF5E]/;
export function toHalfWidth(s: string): string {
  // Most cells hold no full-width character: test once before building a new string.
  return FULL_WIDTH.test(s) ? s.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)) : s;
}

/** Remove every space-like character: ASCII space and tabs, NBSP, ideographic space U+3000, zero-width spaces and BOM. */
export function removeSpaces(s: string): string {
  return s.replace(/[\s\u200B-\u200D\u2060\uFEFF]/g, '');
}
