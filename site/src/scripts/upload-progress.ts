/*
 * Progress bar for document uploads. Without JavaScript the form posts as usual; with it, the same
 * form goes through XMLHttpRequest, whose upload events give the progress. The server's answer is
 * used as it is: a redirect after success is followed, a page with errors replaces this one (so
 * the messages and everything typed come back exactly as without JavaScript).
 * Texts come from the form's data attributes, which the page filled from the catalogues.
 */

function show(form: HTMLFormElement, text: string, value?: number) {
  const box = form.querySelector<HTMLElement>('.upload-progress');
  const bar = form.querySelector('progress');
  const status = form.querySelector<HTMLElement>('.upload-progress__text');
  if (!box || !bar || !status) return;
  box.hidden = false;
  if (value === undefined) bar.removeAttribute('value');
  else bar.value = value;
  status.textContent = text;
}

function replacePage(html: string) {
  const next = new DOMParser().parseFromString(html, 'text/html');
  document.title = next.title;
  document.body.replaceWith(document.adoptNode(next.body));
  document.querySelector<HTMLElement>('main')?.focus();
}

function upload(form: HTMLFormElement) {
  const { maxBytes, tooLarge = '', failed = '', progress = '' } = form.dataset;
  const file = form.querySelector<HTMLInputElement>('input[type=file]')?.files?.[0];
  // Said before sending anything, so nothing typed is lost to a refusal of the whole body.
  if (file && maxBytes && file.size > Number(maxBytes)) {
    show(form, tooLarge);
    return;
  }
  const percent = new Intl.NumberFormat(document.documentElement.lang, { style: 'percent' });
  const button = form.querySelector<HTMLButtonElement>('button[type=submit]');
  if (button) button.disabled = true;
  const request = new XMLHttpRequest();
  request.open('POST', form.action);
  let lastSaid = -1;
  request.upload.addEventListener('progress', (event) => {
    if (!event.lengthComputable) return;
    const share = event.loaded / event.total;
    // The visible bar moves smoothly; the spoken text only every tenth, so a screen reader is not flooded.
    const tenth = Math.floor(share * 10);
    show(
      form,
      tenth === lastSaid
        ? (form.querySelector('.upload-progress__text')?.textContent ?? '')
        : progress.replace('{percent}', percent.format(tenth / 10)),
      share * 100,
    );
    lastSaid = tenth;
  });
  request.addEventListener('load', () => {
    // Success answers with a redirect (followed here): go where it led. Errors answer with this page.
    if (request.status < 400 && request.responseURL && request.responseURL !== form.action) {
      window.location.assign(request.responseURL);
    } else {
      replacePage(request.responseText);
    }
  });
  request.addEventListener('error', () => {
    if (button) button.disabled = false;
    show(form, failed, 0);
  });
  request.send(new FormData(form));
}

/** Sends every upload form of the document through XMLHttpRequest with a progress bar. */
export function enhanceUploads(root: Document) {
  // On the document, not the form: the listener survives a page replaced with the server's answer.
  root.addEventListener('submit', (event) => {
    const form = event.target;
    if (!(form instanceof HTMLFormElement) || !('upload' in form.dataset) || !window.FormData)
      return;
    event.preventDefault();
    upload(form);
  });
}
