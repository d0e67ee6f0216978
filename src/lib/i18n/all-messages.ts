/**
 * Both languages' messages, installed synchronously when this module is imported: for the
 * workers (which translate in the language each request names) and for unit tests (vitest's
 * setup file). The page does not import it: it loads one language at a time (load.ts).
 */
import { messages } from './messages';
import { installMessages } from './translate';
import { LOCALES } from './messages/define';

for (const locale of LOCALES) installMessages(locale, messages[locale]);
