import { declareSize, patchName, zipOf } from './zips';

/**
 * Archives an attacker (or a broken disk) could hand to the import, each with the message the CMS
 * must refuse it with, made from a real export (`source()`, read when a case runs).
 */

export const PDF = Buffer.from(
  '%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n',
);
const LANGUAGE_SKILL = 'api::language-skill.language-skill';

export interface ExportSource {
  archive: Buffer;
  entries: Map<string, Buffer>;
  /** The export's entries with the JSON changed by `change`, zipped again. */
  withJson: (change: (json: any) => void) => Promise<Buffer>;
}

export function hostileArchives(
  source: () => ExportSource,
  limits: { uploadMaxBytes: number; importMaxJsonBytes: number },
): Array<[string, () => Promise<Buffer>, string]> {
  const withJson = (change: (json: any) => void) => source().withJson(change);
  const documentEntry = () =>
    [...source().entries.keys()].find((name) => name.endsWith('-diplom.pdf'))!;
  return [
    [
      'not a mobio export',
      () => withJson((json) => (json.format = 'other-export')),
      'error.importFormat',
    ],
    [
      'a version that is no number',
      () => withJson((json) => (json.version = '2')),
      'error.importFormat',
    ],
    [
      'a newer format version',
      () => withJson((json) => (json.version = 99)),
      'error.importNewerVersion',
    ],
    [
      'a record the form would refuse',
      () =>
        withJson(
          (json) => (json.records['api::education-entry.education-entry'][0].institution = ''),
        ),
      'error.importRecord',
    ],
    [
      'a record with a field no form has',
      () => withJson((json) => (json.records['api::profile.profile'][0].owner = 1)),
      'error.importRecord',
    ],
    [
      'a link to a record outside the archive',
      () =>
        withJson(
          (json) => (json.records['api::document.document'][0].educationEntry = 'a'.repeat(24)),
        ),
      'error.importFormat',
    ],
    [
      'an entry that climbs out of its folder',
      async () => {
        const name = documentEntry();
        const trick = `../../../../${name.slice(12)}`
          .padEnd(name.length, 'x')
          .slice(0, name.length);
        return patchName(source().archive, name, trick);
      },
      'error.importEntryName',
    ],
    [
      'an entry with an absolute path',
      async () => {
        const name = documentEntry();
        return patchName(source().archive, name, `/tmp/${name.slice(5)}`);
      },
      'error.importEntryName',
    ],
    [
      'an entry no document names',
      () => zipOf([...source().entries, ['documents/extra.pdf', PDF]]),
      'error.importEntryName',
    ],
    [
      'a zip bomb that declares its size',
      () =>
        zipOf(
          [...source().entries].map(([name, content]) => [
            name,
            name === documentEntry() ? Buffer.concat([PDF, Buffer.alloc(3_000_000)]) : content,
          ]),
        ),
      'error.importTooLarge',
    ],
    [
      'a zip bomb that hides its size',
      async () => {
        const bomb = await withJson((json) => (json.padding = ' '.repeat(3_000_000)));
        return declareSize(bomb, 'mobio-export.json', 2000);
      },
      'error.importTooLarge',
    ],
    [
      'a document larger than an upload may be',
      () =>
        zipOf(
          [...source().entries].map(([name, content]) => [
            name,
            name === documentEntry()
              ? Buffer.concat([PDF, Buffer.alloc(limits.uploadMaxBytes)])
              : content,
          ]),
        ),
      'error.importFileTooLarge',
    ],
    [
      'a document of a type not accepted at upload',
      () =>
        zipOf(
          [...source().entries].map(([name, content]) => [
            name,
            name === documentEntry()
              ? Buffer.from('MZ\x90\x00 this is a program, not a certificate')
              : content,
          ]),
        ),
      'error.importFileType',
    ],
    // The first file is already checked and encrypted (a .part file) when the second is refused.
    [
      'a bad document after a good one',
      () =>
        zipOf(
          [...source().entries].map(([name, content]) => [
            name,
            name.endsWith('.png') ? Buffer.from('<html><script>alert(1)</script></html>') : content,
          ]),
        ),
      'error.importFileType',
    ],
    [
      'a document with markup in it',
      () =>
        zipOf(
          [...source().entries].map(([name, content]) => [
            name,
            name === documentEntry()
              ? Buffer.concat([PDF, Buffer.from('<script>alert(1)</script>')])
              : content,
          ]),
        ),
      'error.importFileUnsafe',
    ],
    [
      'a mobio-export.json over its own limit',
      () => withJson((json) => (json.padding = ' '.repeat(limits.importMaxJsonBytes))),
      'error.importTooLarge',
    ],
    [
      'a document that hides how far it inflates',
      async () => {
        const name = documentEntry();
        const bomb = await zipOf(
          [...source().entries].map(([entry, content]) => [
            entry,
            entry === name ? Buffer.concat([PDF, Buffer.alloc(3_000_000)]) : content,
          ]),
        );
        return declareSize(bomb, name, 2000);
      },
      'error.importTooLarge',
    ],
    [
      'a list longer than a person can keep',
      () =>
        withJson((json) => {
          const [row] = json.records[LANGUAGE_SKILL];
          json.records[LANGUAGE_SKILL] = Array.from({ length: 501 }, (_, i) => ({
            ...row,
            documentId: `l${i}`.padEnd(24, '0'),
          }));
        }),
      'error.importTooManyRecords',
    ],
    [
      'a truncated zip',
      async () => source().archive.subarray(0, Math.floor(source().archive.length * 0.7)),
      'error.importNotArchive',
    ],
  ];
}
