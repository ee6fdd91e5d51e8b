import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { NodeCompiler } from '@myriaddreamin/typst-ts-node-compiler';

/** Typst templates of this plugin (receipts; CVs and plans later), next to package.json. */
const TEMPLATES = join(__dirname, '..', '..', '..', 'templates');
/** Vazirmatn covers Arabic, Persian and Latin in one family; shipped as an npm package. */
const FONTS = join(dirname(require.resolve('vazirmatn/package.json')), 'fonts', 'ttf');

/**
 * PDFs with Arabic and Farsi shaped and ordered right, through typst (see STACK-NOTES: pdfkit and
 * pdfmake reverse words). The data goes in as JSON input, never into the markup, so nothing a
 * person typed can change the template. One compiler per process; a few ms per PDF when warm.
 */
const pdf = () => {
  let compiler: NodeCompiler | undefined;
  const templates = new Map<string, string>();

  return {
    render(template: 'receipt' | 'cv' | 'plan', data: unknown): Buffer {
      compiler ??= NodeCompiler.create({ fontArgs: [{ fontPaths: [FONTS] }] });
      if (!templates.has(template)) templates.set(template, readFileSync(join(TEMPLATES, `${template}.typ`), 'utf8'));
      return compiler.pdf({ mainFileContent: templates.get(template)!, inputs: { data: JSON.stringify(data) } });
    },
  };
};

export type PdfService = ReturnType<typeof pdf>;
export default pdf;
