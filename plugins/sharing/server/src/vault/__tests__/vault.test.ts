import { describe, expect, it } from 'vitest';
import { createMarkupScanner } from '../markup-scanner';
import { safeFileName } from '../safe-file-name';
import { sniffType } from '../sniff-type';

const bytes = (...parts: Array<string | number[]>) =>
  Buffer.concat(
    parts.map((part) =>
      typeof part === 'string' ? Buffer.from(part, 'latin1') : Buffer.from(part),
    ),
  );
const pad = (head: Buffer) => Buffer.concat([head, Buffer.alloc(32)]);

describe('sniffType', () => {
  it.each([
    ['pdf', bytes('%PDF-1.7\n')],
    ['jpeg', bytes([0xff, 0xd8, 0xff, 0xe0])],
    ['png', bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])],
    ['webp', bytes('RIFF', [0, 0, 0, 0], 'WEBPVP8 ')],
    ['heic', bytes([0, 0, 0, 24], 'ftypheic')],
  ])('recognises %s by its first bytes', (type, head) => {
    expect(sniffType(pad(head))).toBe(type);
  });

  it.each([
    ['HTML', bytes('<!DOCTYPE html><html>')],
    ['SVG', bytes('<svg xmlns="http://www.w3.org/2000/svg">')],
    ['a script', bytes('#!/bin/sh\nrm -rf /')],
    ['a ZIP archive', bytes('PK', [3, 4])],
    ['a Windows executable', bytes('MZ', [0x90, 0])],
    ['an ELF executable', bytes([0x7f], 'ELF')],
    ['an MP4 video', bytes([0, 0, 0, 24], 'ftypisom')],
    ['a PDF marker not at the start', bytes(' %PDF-1.7')],
  ])('refuses %s', (_name, head) => {
    expect(sniffType(pad(head))).toBeNull();
  });

  it('refuses a file too short to tell', () => expect(sniffType(bytes('%PDF'))).toBeNull());
});

describe('markup scanner', () => {
  it('finds HTML in a PDF, whatever the case', () => {
    expect(createMarkupScanner().push(bytes('%PDF-1.4\n<HtMl><body>'))).toBe('<html');
  });
  it('finds a marker split across two chunks', () => {
    const scanner = createMarkupScanner();
    expect(scanner.push(bytes('%PDF-1.4 .... <scr'))).toBeNull();
    expect(scanner.push(bytes('ipt>alert(1)</script>'))).toBe('<script');
  });
  it('finds PDF JavaScript actions', () => {
    expect(createMarkupScanner().push(bytes('<< /S /JavaScript /JS (app.alert(1)) >>'))).toBe(
      '/javascript',
    );
  });
  it('lets plain binary through', () => {
    const scanner = createMarkupScanner();
    expect(
      scanner.push(
        Buffer.from(
          Array.from({ length: 4096 }, (_, i) => (i * 7) % 256).filter((b) => b !== 0x3c),
        ),
      ),
    ).toBeNull();
  });
});

describe('safeFileName', () => {
  it('keeps letters of every script and puts the real extension', () => {
    expect(safeFileName('شهادة البكالوريوس.PDF', 'pdf')).toBe('شهادة البكالوريوس.pdf');
    expect(safeFileName('Zeugnis.pdf.exe', 'pdf')).toBe('Zeugnis.pdf.pdf');
  });
  it('drops paths, control characters, quotes and direction overrides', () => {
    expect(safeFileName('../../etc/passwd', 'png')).toBe('passwd.png');
    expect(safeFileName('C:\\Users\\a\\"evil"\u202Egnp.exe', 'jpg')).toBe('evilgnp.jpg');
    expect(safeFileName('Zeugnis\r\nSet-Cookie: x=1.pdf', 'pdf')).toBe('ZeugnisSet-Cookie x=1.pdf');
  });
  it('falls back to a neutral name', () => {
    expect(safeFileName(undefined, 'pdf')).toBe('document.pdf');
    expect(safeFileName('...', 'webp')).toBe('document.webp');
  });
});
