// Command line front of lib/extract + lib/segment:
//   npm run --silent clean -- [--format json|markdown] [--url URL] FILE
// JSON (CleanPage) or Markdown on stdout, nothing else; exit 2 with one line on stderr for bad input.
import { InputError, readPageFile } from './cli-core';
import { pageToMarkdown } from './format';

const USAGE = `usage: npm run --silent clean -- [--format json|markdown] [--url URL] FILE

Clean an e-paper page into articles.
  FILE               .txt (blocks separated by blank lines, or one per line) or .html/.htm
  --format FORMAT    json (default: the CleanPage, pretty-printed UTF-8) or markdown
  --url URL          the URL the page was served at (picks the e-paper template)
  -h, --help         show this help`;

interface Args {
  format: 'json' | 'markdown';
  url?: string;
  file?: string;
  help: boolean;
}

/** Parse argv; throws InputError with a one-line message on bad usage. */
export function parseArgs(argv: string[]): Args {
  const args: Args = { format: 'json', help: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = (name: string) => {
      const inline = a.includes('=') ? a.slice(a.indexOf('=') + 1) : undefined;
      if (inline !== undefined) return inline;
      const v = argv[++i];
      if (v === undefined) throw new InputError(`${name} needs a value`);
      return v;
    };
    if (a === '-h' || a === '--help') args.help = true;
    else if (a === '--format' || a.startsWith('--format=')) {
      const f = value('--format');
      if (f !== 'json' && f !== 'markdown' && f !== 'md') throw new InputError(`unknown format "${f}" (json or markdown)`);
      args.format = f === 'json' ? 'json' : 'markdown';
    } else if (a === '--url' || a.startsWith('--url=')) args.url = value('--url');
    else if (a === '--') continue;
    else if (a.startsWith('-') && a !== '-') throw new InputError(`unknown option ${a}`);
    else if (args.file) throw new InputError('give one FILE');
    else args.file = a;
  }
  return args;
}

function main(argv: string[]): number {
  try {
    const args = parseArgs(argv);
    if (args.help) {
      process.stdout.write(USAGE + '\n');
      return 0;
    }
    if (!args.file) throw new InputError('no FILE given (see --help)');
    const { source, clean } = readPageFile(args.file, args.url ? { url: args.url } : {});
    // A page with neither text nor article links (a layout page lists links) has nothing to clean.
    if (source && source.blocks.length === 0 && !source.links?.length) throw new InputError('the page has no text to clean');
    process.stdout.write(args.format === 'json' ? JSON.stringify(clean, null, 2) + '\n' : pageToMarkdown(clean));
    return 0;
  } catch (e) {
    const msg = e instanceof InputError ? e.message : `cannot clean the page: ${(e as Error).message}`;
    process.stderr.write(`clean: ${msg.replace(/\s+/g, ' ').trim()}\n`);
    return 2;
  }
}

process.exitCode = main(process.argv.slice(2));
