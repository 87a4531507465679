export interface CliOptions {
  all: boolean;
  batchSize: number;
}

export function parseArgs(argv: string[]): CliOptions {
  const options: CliOptions = { all: false, batchSize: 200 };
  for (const arg of argv) {
    if (arg === '--all') options.all = true;
    else if (/^--batch=\d+$/.test(arg)) options.batchSize = Math.max(1, Number(arg.slice(8)));
    else throw new Error(`unknown argument ${arg} (expected --all, --batch=N)`);
  }
  return options;
}
