// The shape of a template profile: a declarative record of URL patterns and selectors for one
// e-paper vendor template. Profiles live in ./profiles/, one file each, listed in ./registry.ts.
import type { PageType } from '../types';

/** Where one metadata field can be read, tried in the profile's order (enpproperty first, URL last). */
export type MetaSource =
  /** A key of the `<!--enpproperty-->` comment, without the "founder-" prefix. */
  | { from: 'enp'; key: string }
  /** The normalized text of the first element matching `selector` whose text matches `pattern`. */
  | { from: 'text'; selector: string; pattern?: RegExp }
  /** The document's <title>. */
  | { from: 'doctitle'; pattern?: RegExp }
  /** The page URL. */
  | { from: 'url'; pattern?: RegExp };

/** A URL pattern that says which page type the URL is. */
export interface UrlRule {
  type: 'article' | 'layout';
  re: RegExp;
  /** Score this pattern adds (default 2): vendor-specific paths outrank generic ones. */
  weight?: number;
}

/** A DOM signature: a selector (or an enpproperty key) typical of the template. */
export type Signature = { selector: string; weight?: number } | { enp: string; weight?: number };

export interface Profile {
  id: string;
  /** One line for the docs: papers and URL shapes. */
  description: string;
  url: UrlRule[];
  signature: Signature[];
  /** Selectors whose presence (with text) means an article page; checked before `layoutSignature`. */
  articleSignature: string[];
  layoutSignature: string[];
  headings: {
    title: string[];
    /** Matches before the title element are kicker (引题) blocks. */
    kicker?: string[];
    /** Matches after the title element are subtitle (副题) blocks. */
    subtitle?: string[];
    byline?: string[];
    /** Heading-area texts that are metadata, not headings ("版次：A02 来源：…"). */
    skip?: RegExp;
  };
  /** Containers of the article text: the first selector with text wins (all of its matches). */
  body: string[];
  /** Picture captions (`table#newspic`, `.pci_c`): become caption blocks where they stand. */
  caption: string[];
  /** Elements never read inside a body (share bars, hidden inputs). */
  skip?: string[];
  meta: {
    paper: MetaSource[];
    date: MetaSource[];
    /** Patterns may name groups `num` (版次, "A01") and `name` (版名, "要闻"). */
    page: MetaSource[];
    /** Fallbacks when the page shows no heading. */
    title?: MetaSource[];
    kicker?: MetaSource[];
    subtitle?: MetaSource[];
  };
  links: {
    /** Elements (`a`, `area`) that point at the page's articles. */
    selector: string;
    /** An article URL's file name; group `page` = the 版次 it belongs to, when the URL says. */
    href: RegExp;
    /** Keep only articles of the current 版次 (pages that list the whole issue). */
    samePageOnly?: boolean;
  };
}

export interface Detection {
  template: string;
  pageType: PageType | null;
  confidence?: number;
}
