import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { siteConfig } from './config';

/*
 * The district's colour (BRAND_COLOR) and logo (BRAND_LOGO) in the site. The header takes the
 * colour as its background; its text becomes white or black, whichever keeps WCAG AA
 * contrast, so any colour a district picks stays readable.
 */

const WHITE = '#ffffff';
// Black, not a softer ink: for mid-tones only pure black or white reach 4.5:1 (one of them always does).
const INK = '#000000';
// The default header's muted blue, used for the district's name while it is readable on the colour.
const MUTED = '#d6e4f2';
const AA = 4.5;

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio of two #rrggbb colours. */
export function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}

/** The custom properties of the header for a brand colour. */
export function brandColours(color: string): { brand: string; text: string; muted: string } {
  const text = contrast(color, WHITE) >= AA ? WHITE : INK;
  const muted = text === WHITE && contrast(color, MUTED) >= AA ? MUTED : text;
  return { brand: color, text, muted };
}

/** The stylesheet served at /brand.css. */
export function brandStylesheet(): string {
  const { brand, text, muted } = brandColours(siteConfig().municipality.brand.color);
  // Doubled :root outweighs global.css's defaults whatever order the two stylesheets load in.
  return `:root:root {\n  --brand: ${brand};\n  --brand-text: ${text};\n  --brand-muted: ${muted};\n}\n`;
}

const LOGO_TYPES: Record<string, string> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.svg': 'image/svg+xml',
};

/** The logo file and its type, or undefined when the district has none. */
export async function brandLogo(): Promise<{ body: Buffer; type: string } | undefined> {
  const path = siteConfig().municipality.brand.logo;
  if (!path) return undefined;
  return {
    body: await readFile(path),
    type: LOGO_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream',
  };
}
