// Starts and stops a chronicle-node on loopback for tests and demos.

import { spawn } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The node binary: $CHRONICLE_NODE, or the release build in the shared target directory. */
export function nodeBinary() {
  if (process.env.CHRONICLE_NODE) return process.env.CHRONICLE_NODE;
  const target = process.env.CARGO_TARGET_DIR || join(process.env.HOME, '.cache/chronicle/target');
  return join(target, 'release', 'chronicle-node');
}

/** A TCP port on 127.0.0.1 that is free right now. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts a node with a temporary database and a fresh node key (unless `nodeKey` is given),
 * listening only on 127.0.0.1.
 * Returns { rpcUrl, metricsUrl, logPath, dataPath, pid, stop() }.
 */
export async function startNode({ chain = 'dev', extraArgs = [], name = 'node', nodeKey, basePath } = {}) {
  const [p2p, rpc, prometheus] = [await freePort(), await freePort(), await freePort()];
  const dir = mkdtempSync(join(tmpdir(), `chronicle-${name}-`));
  const logPath = join(dir, 'node.log');
  const dataPath = basePath ?? join(dir, 'data');
  const log = createWriteStream(logPath);
  const args = [
    '--chain', chain,
    '--base-path', dataPath,
    '--listen-addr', `/ip4/127.0.0.1/tcp/${p2p}`,
    '--rpc-port', String(rpc),
    '--prometheus-port', String(prometheus),
    ...(extraArgs.includes('--node-key-file') ? [] : ['--node-key', nodeKey ?? randomBytes(32).toString('hex')]),
    '--no-mdns',
    '--no-telemetry',
    ...extraArgs,
  ];
  const child = spawn(nodeBinary(), args, { stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  child.on('error', (err) => log.write(`failed to start: ${err.message}\n`));

  async function stop() {
    if (child.exitCode !== null || child.signalCode !== null) {
      rmSync(dir, { recursive: true, force: true });
      return await exited;
    }
    child.kill('SIGINT');
    const timeout = new Promise((resolve) => setTimeout(() => resolve(null), 30_000));
    const result = await Promise.race([exited, timeout]);
    if (result === null) {
      child.kill('SIGKILL');
      throw new Error(`the node did not stop within 30 s of SIGINT; its log is ${logPath}`);
    }
    rmSync(dir, { recursive: true, force: true });
    return result;
  }

  return {
    rpcUrl: `ws://127.0.0.1:${rpc}`,
    p2pAddress: `/ip4/127.0.0.1/tcp/${p2p}`,
    metricsUrl: `http://127.0.0.1:${prometheus}/metrics`,
    logPath,
    dataPath,
    pid: child.pid,
    exited,
    isRunning: () => child.exitCode === null && child.signalCode === null,
    stop,
    keepLog: () => dir,
  };
}
