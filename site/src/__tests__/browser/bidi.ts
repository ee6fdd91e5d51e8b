import type { Page } from 'playwright-core';

/**
 * Where a value meets the text around it badly, as Chromium laid the page out (not only as the
 * markup says): a value — an isolate (<bdi>, an element with its own dir) or an e-mail or phone
 * link — broken across lines inside a word, or glued to the text before it without a space (on a
 * Persian page "…Landkreises،datenschutz@…" is one word to the line breaker). One line per finding;
 * empty when all is well.
 */
export function mixedDirectionProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const where = (element: Element) =>
      `<${element.tagName.toLowerCase()}> "${element.textContent?.trim().slice(0, 40)}"`;
    const values = Array.from(
      document.querySelectorAll('body bdi, body [dir], a[href^="mailto:"], a[href^="tel:"]'),
    );
    for (const value of values) {
      if (value.closest('select, script, style, template')) continue;
      const texts = document.createTreeWalker(value, NodeFilter.SHOW_TEXT);
      for (let node = texts.nextNode(); node; node = texts.nextNode()) {
        // A word, up to and with a hyphen or slash after which a line may end ("B2-", "Prüfung").
        for (const word of node.textContent!.matchAll(/[^\s\-/\u2010]+[-/\u2010]*/g)) {
          const range = document.createRange();
          range.setStart(node, word.index);
          range.setEnd(node, word.index + word[0].length);
          const boxes = Array.from(range.getClientRects()).filter((box) => box.width > 0);
          const tops = boxes.map((box) => box.top);
          if (boxes.length > 1 && Math.max(...tops) - Math.min(...tops) > boxes[0].height / 2)
            problems.push(`${where(value)}: "${word[0]}" is broken across lines`);
        }
      }
      const before = value.previousSibling;
      if (
        before?.nodeType === Node.TEXT_NODE &&
        /[\p{L}\p{N},;:\u060C\u061B]$/u.test(before.textContent!)
      )
        problems.push(
          `${where(value)} follows "${before.textContent!.slice(-12)}" without a space`,
        );
    }
    return problems;
  });
}
