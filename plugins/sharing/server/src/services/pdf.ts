import { existsSync, readFileSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';
import type { Core } from '@strapi/strapi';
import { NodeCompiler } from '@myriaddreamin/typst-ts-node-compiler';
import { pluginConfig } from '../config';

/** Typst templates of this plugin (receipts; CVs and plans later), next to package.json. */
const TEMPLATES = join(__dirname, '..', '..', '..', 'templates');
/** Vazirmatn covers Arabic, Persian and Latin in one family; shipped as an npm package. */
const FONTS = join(dirname(require.resolve('vazirmatn/package.json')), 'fonts', 'ttf');
/**
 * Noto Sans for Cyrillic (Ukrainian) and other scripts Vazirmatn lacks, from Debian's fonts-noto-core
 * (installed by .ci/run and on servers, see docs/operating.md, "Requirements"). Only these two
 * files are loaded, not the package's 250 others; the templates name it after Vazirmatn, so typst
 * takes it for what Vazirmatn has not.
 */
const NOTO_SANS = ['Regular', 'Bold']
  .map((weight) => `/usr/share/fonts/truetype/noto/NotoSans-${weight}.ttf`)
  .filter((file) => existsSync(file));

/**
 * PDFs with Arabic and Farsi shaped and ordered right, through typst (see STACK-NOTES: pdfkit and
 * pdfmake reverse words). The data goes in as JSON input, never into the markup, so nothing a
 * person typed can change the template. One compiler per process; a few ms per PDF when warm.
 */
const pdf = ({ strapi }: { strapi: Core.Strapi }) => {
  let compiler: NodeCompiler | undefined;
  let logo: string | null = null;
  const templates = new Map<string, string>();

  function compilerWithBrand(): NodeCompiler {
    if (compiler) return compiler;
    // The templates' folder is typst's workspace: `/x` in a template means TEMPLATES/x, nothing outside.
    // Memory fonts before the folder: typst-ts aborts on blobs added after a folder search.
    compiler = NodeCompiler.create({
      workspace: TEMPLATES,
      fontArgs: [
        { fontBlobs: NOTO_SANS.map((file) => readFileSync(file)) },
        { fontPaths: [FONTS] },
      ],
    });
    // The municipality's logo as a virtual file in that workspace.
    const file = pluginConfig(strapi).municipality.brand.logo;
    if (file) {
      logo = `/brand-logo${extname(file).toLowerCase()}`;
      compiler.mapShadow(join(TEMPLATES, logo), readFileSync(file));
    }
    return compiler;
  }

  return {
    /** Renders a template with the data (and the municipality's colour and logo as `data.brand`). */
    render(template: 'receipt' | 'cv' | 'plan', data: Record<string, unknown>): Buffer {
      const typst = compilerWithBrand();
      if (!templates.has(template))
        templates.set(template, readFileSync(join(TEMPLATES, `${template}.typ`), 'utf8'));
      const brand = { color: pluginConfig(strapi).municipality.brand.color, logo };
      return typst.pdf({
        mainFileContent: templates.get(template)!,
        inputs: { data: JSON.stringify({ ...data, brand }) },
      });
    },

    /** Answers with the rendered PDF as a download, never cached: it holds personal data. */
    send(
      ctx: { set(name: string, value: string): void; body: unknown },
      template: 'receipt' | 'cv' | 'plan',
      data: Record<string, unknown>,
      fileName: string,
    ) {
      ctx.set('Content-Type', 'application/pdf');
      ctx.set('Content-Disposition', `attachment; filename="${fileName}"`);
      ctx.set('Cache-Control', 'no-store');
      ctx.body = this.render(template, data);
    },
  };
};

export type PdfService = ReturnType<typeof pdf>;
export default pdf;
