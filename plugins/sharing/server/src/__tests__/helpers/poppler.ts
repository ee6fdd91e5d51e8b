import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

/** Where PDF tests leave their PDFs and PNGs for people to look at (git-ignored). */
export const RESULTS = join(__dirname, '../../../../test-results');

/** Whether poppler-utils (pdftotext, pdftoppm, pdfimages) is installed; CI installs it. */
export const hasPoppler = (() => {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

/** The text of a PDF, without the bidi marks pdftotext puts around right-to-left runs. */
export function pdfText(file: string): string {
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(
    /[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g,
    '',
  );
}

/** A PNG of the first page beside the PDF (`<name>.png`), to look at. */
export function pdfPicture(file: string): void {
  execFileSync('pdftoppm', ['-png', '-r', '60', '-singlefile', file, file.replace(/\.pdf$/, '')]);
}
