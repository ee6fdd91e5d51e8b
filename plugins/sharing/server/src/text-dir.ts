/** Direction of a free text by its first strong letter: staff and newcomers type in any script. */
const RTL_LETTER = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]/;
const LTR_LETTER = /[A-Za-z\u00c0-\u024f\u0400-\u04ff]/;
export function textDir(text: string | null | undefined): 'rtl' | 'ltr' {
  for (const char of text ?? '') {
    if (RTL_LETTER.test(char)) return 'rtl';
    if (LTR_LETTER.test(char)) return 'ltr';
  }
  return 'ltr';
}
