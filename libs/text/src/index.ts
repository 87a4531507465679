export { regconfigFor, primaryLanguage, SIMPLE_CONFIG, TEXT_SEARCH_CONFIGS } from './regconfig.js';
export { segmentForIndex, containsUnspacedScript, UNSPACED_LANGUAGES } from './segment.js';
