import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { log, sleep } from './process.mjs';

/**
 * Runs a service as a child process and restarts it with backoff when it exits on its own
 * (a consumer that crashed exits on purpose so that this happens). Its JSON logs go to a file;
 * warnings and errors are echoed to the console.
 */
export class SupervisedService {
  constructor({ name, script, env, logDir }) {
    this.name = name;
    this.script = script;
    this.env = env;
    this.logFile = path.join(logDir, `${name}.log`);
    this.stopping = false;
    this.restarts = 0;
  }

  start() {
    const out = fs.openSync(this.logFile, 'a');
    this.child = spawn(process.execPath, [this.script], {
      env: { ...process.env, ...this.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const echo = (chunk) => {
      fs.writeSync(out, chunk);
      for (const line of chunk.toString().split('\n')) {
        if (/"level":"(warn|error)"/.test(line) || (line && !line.startsWith('{'))) {
          process.stdout.write(`[${this.name}] ${line}\n`);
        }
      }
    };
    this.child.stdout.on('data', echo);
    this.child.stderr.on('data', echo);
    this.exited = new Promise((resolve) => {
      this.child.on('exit', (code, signal) => {
        fs.closeSync(out);
        resolve(code);
        if (!this.stopping) this.restartLater(code, signal);
      });
    });
  }

  async restartLater(code, signal) {
    this.restarts += 1;
    const delay = Math.min(30_000, 1000 * 2 ** Math.min(this.restarts - 1, 5));
    log(`[${this.name}] exited (${signal ?? `code ${code}`}); restarting in ${delay / 1000} s`);
    await sleep(delay);
    if (!this.stopping) this.start();
  }

  async stop() {
    this.stopping = true;
    if (!this.child || this.child.exitCode !== null) return;
    this.child.kill('SIGTERM');
    const timeout = sleep(20_000).then(() => 'timeout');
    if ((await Promise.race([this.exited, timeout])) === 'timeout') this.child.kill('SIGKILL');
  }
}
