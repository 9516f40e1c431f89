// The offline search index: one document per lecture section, indexed with MiniSearch at build time
// and shipped as a script (so it loads from file:// too, where fetch() of a JSON file is refused).
import MiniSearch from "minisearch";
import { scriptJson } from "./outputs";

export interface SearchDocument {
  id: number;
  /** Page URL relative to the site root, with the section anchor. */
  url: string;
  lecture: string;
  heading: string;
  text: string;
}

/** MiniSearch's options; the page's script uses the same ones to load the index. */
export const SEARCH_OPTIONS = {
  fields: ["heading", "text", "lecture"],
  storeFields: ["url", "lecture", "heading", "snippet"],
};

/** Builds the index and returns the `assets/search-index.js` script that defines it. */
export function searchIndexScript(docs: SearchDocument[]): string {
  const index = new MiniSearch<SearchDocument & { snippet: string }>(SEARCH_OPTIONS);
  index.addAll(docs.map((d) => ({ ...d, snippet: d.text.replace(/\s+/g, " ").slice(0, 160) })));
  return `window.NNLAB_SEARCH = ${scriptJson({ options: SEARCH_OPTIONS, index: JSON.stringify(index) })};\n`;
}
