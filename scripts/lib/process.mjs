import { spawn, spawnSync } from 'node:child_process';
import net from 'node:net';

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs a command with inherited output; rejects with a clear message on failure. */
export function run(command, args, options = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: 'inherit', ...options });
    child.on('error', (error) => reject(new Error(`${command} could not start: ${error.message}`)));
    child.on('exit', (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`${command} ${args.join(' ')} failed (${signal ?? `exit ${code}`})`));
    });
  });
}

export function commandExists(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

export function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** True when something accepts TCP connections on host:port. */
export function portOpen(host, port, timeoutMs = 500) {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (open) => {
      socket.destroy();
      resolve(open);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

export function log(message) {
  process.stdout.write(`${message}\n`);
}

/** The local broker's port (KAFKA_PORT lets a second checkout run its own broker). */
export const LOCAL_KAFKA_PORT = Number(process.env.KAFKA_PORT ?? 9092);

/**
 * Brokers the services and tests should use: KAFKA_BROKERS when given, else the local broker;
 * exported so child processes agree with the broker the scripts started.
 */
export function useKafkaBrokers() {
  process.env.KAFKA_BROKERS ||= `127.0.0.1:${LOCAL_KAFKA_PORT}`;
  return process.env.KAFKA_BROKERS;
}
