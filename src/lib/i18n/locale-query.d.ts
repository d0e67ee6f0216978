// `messages/index.ts?locale=<locale>` (scripts/split-messages.ts): the merged tables with only
// that language filled in.
declare module '*?locale=zh-CN' {
  export const messages: { 'zh-CN': import('./translate').MessageTable };
}
declare module '*?locale=en' {
  export const messages: { en: import('./translate').MessageTable };
}
