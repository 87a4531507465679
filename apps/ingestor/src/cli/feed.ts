/**
 * npm run feed -- parse <url-or-file>      the normalised feed and entries as JSON
 * npm run feed -- discover <page-url-or-file> [--probe]   the feeds a page links to, as JSON
 * Flags: --allow-private (local servers), --base-url <url> (for files). See feed-args.ts.
 */
import { runFeedCommand } from './feed-commands.js';

const result = await runFeedCommand(process.argv.slice(2), process.env);
if (result.stdout) process.stdout.write(result.stdout);
if (result.stderr) process.stderr.write(`${result.stderr}\n`);
process.exitCode = result.exitCode;
