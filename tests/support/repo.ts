export { repoRoot } from '#config';
