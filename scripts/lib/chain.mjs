// Talks to a Chronicle node with polkadot.js, with no custom type definitions.

import { ApiPromise, WsProvider } from '@polkadot/api';

/**
 * Connects to `url`, retrying until the node answers or `timeoutMs` passes; gives up at once
 * if `isRunning` says the node has exited.
 */
export async function connect(url, { timeoutMs = 60_000, isRunning = () => true } = {}) {
  const deadline = Date.now() + timeoutMs;
  let lastError;
  while (Date.now() < deadline) {
    if (!isRunning()) throw new Error(`the node exited before answering on ${url}`);
    const provider = new WsProvider(url, false);
    try {
      await provider.connect();
      await waitFor(() => provider.isConnected, 2_000);
      return await ApiPromise.create({ provider, throwOnConnect: true, noInitWarn: true });
    } catch (error) {
      lastError = error;
      await provider.disconnect().catch(() => {});
      await sleep(500);
    }
  }
  throw new Error(`no RPC answer from ${url} within ${timeoutMs / 1000} s: ${lastError?.message}`);
}

export function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function waitFor(condition, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await sleep(50);
  }
}

/** Waits until the finalized head reaches `number`, failing after `timeoutMs`. */
export async function waitForFinalized(api, number, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const head = await api.rpc.chain.getFinalizedHead();
    const header = await api.rpc.chain.getHeader(head);
    if (header.number.toNumber() >= number) return header.number.toNumber();
    if (Date.now() > deadline) {
      throw new Error(`finality did not reach block ${number} within ${timeoutMs / 1000} s ` +
        `(finalized: ${header.number.toNumber()})`);
    }
    await sleep(500);
  }
}

/** The name of a dispatch error, `pallet.Error` for module errors. */
export function describeDispatchError(api, dispatchError) {
  if (dispatchError.isModule) {
    const { section, name } = api.registry.findMetaError(dispatchError.asModule);
    return `${section}.${name}`;
  }
  return dispatchError.toString();
}

/** A transaction the chain refused, with the pallet error name or the pool's reason. */
export class ChainError extends Error {
  constructor(message, { name, events } = {}) {
    super(message);
    this.chainError = name;
    this.events = events;
  }
}

/**
 * Signs and submits `tx` as `signer`, resolving when its block is finalized (or, with
 * `finalized: false`, included in a block) with { blockHash, events }. Rejects with a
 * ChainError naming the pallet error if the call failed, or with the pool's reason if the
 * transaction was refused.
 */
export function submit(api, tx, signer, { timeoutMs = 120_000, finalized = true } = {}) {
  return new Promise((resolve, reject) => {
    let unsubscribe = () => {};
    const timer = setTimeout(() => {
      unsubscribe();
      reject(new ChainError(`${tx.method.section}.${tx.method.method} not done within ` +
        `${timeoutMs / 1000} s`));
    }, timeoutMs);
    const done = (fn, value) => {
      clearTimeout(timer);
      unsubscribe();
      fn(value);
    };
    tx.signAndSend(signer, { nonce: -1 }, (result) => {
      const { status, events, dispatchError } = result;
      if (status.isInvalid || status.isDropped || status.isUsurped) {
        done(reject, new ChainError(`transaction ${status.type.toLowerCase()}`));
      } else if (finalized ? status.isFinalized : status.isInBlock) {
        const blockHash = finalized ? status.asFinalized.toHex() : status.asInBlock.toHex();
        if (dispatchError) {
          const name = describeDispatchError(api, dispatchError);
          done(reject, new ChainError(`${tx.method.section}.${tx.method.method} failed: ${name}`,
            { name, events }));
        } else {
          done(resolve, { blockHash, events });
        }
      }
    }).then((unsub) => { unsubscribe = unsub; })
      .catch((error) => done(reject, new ChainError(error.message, { name: 'pool' })));
  });
}

/** The first event `section.method` among `events`, or undefined. */
export function findEvent(events, section, method) {
  return events.find(({ event }) => event.section === section && event.method === method)?.event;
}

/**
 * Signs `calls` as `signer` with consecutive nonces and submits them `chunk` at a time,
 * waiting for each chunk to be in blocks, then for those blocks to be finalized. Resolves to
 * one { ok, error, events } per call, in order; a failed call does not stop the others.
 */
export async function submitMany(api, calls, signer, { chunk = 500, onProgress, timeoutMs = 120_000 } = {}) {
  const results = new Array(calls.length);
  let nonce = (await api.rpc.system.accountNextIndex(signer.address)).toNumber();
  let done = 0;
  let highest = 0;
  for (let start = 0; start < calls.length; start += chunk) {
    const slice = calls.slice(start, start + chunk);
    await Promise.all(slice.map((tx, i) => new Promise((resolve) => {
      let unsubscribe = () => {};
      const finish = (result) => {
        clearTimeout(timer);
        unsubscribe();
        results[start + i] = result;
        done += 1;
        onProgress?.(done, calls.length);
        resolve();
      };
      const timer = setTimeout(() => finish({ ok: false, error: 'not included in time' }), timeoutMs);
      tx.signAndSend(signer, { nonce: nonce + i }, ({ status, events, dispatchError }) => {
        if (status.isInvalid || status.isDropped || status.isUsurped) {
          finish({ ok: false, error: `transaction ${status.type.toLowerCase()}` });
        } else if (status.isInBlock) {
          const result = dispatchError
            ? { ok: false, error: describeDispatchError(api, dispatchError), events }
            : { ok: true, events };
          api.rpc.chain.getHeader(status.asInBlock)
            .then((header) => { highest = Math.max(highest, header.number.toNumber()); })
            .catch(() => {})
            .finally(() => finish(result));
        }
      }).then((unsub) => { unsubscribe = unsub; })
        .catch((error) => finish({ ok: false, error: error.message }));
    })));
    nonce += slice.length;
  }
  if (highest > 0) await waitForFinalized(api, highest, timeoutMs);
  return results;
}

/**
 * Passes `call` by a motion of the whole bureau (Alice proposes, Alice and Bob vote aye, Alice
 * closes), the way the operator's guide governs a consortium chain. Resolves with the events
 * of the block that executed it; fails unless the motion executed and the call succeeded.
 */
export async function bureauMotion(api, call, { alice, bob }) {
  const quick = { finalized: false };
  const proposed = await submit(api, api.tx.bureau.propose(2, call, call.encodedLength), alice,
    quick);
  const { proposalIndex, proposalHash } = findEvent(proposed.events, 'bureau', 'Proposed').data;
  await Promise.all([
    submit(api, api.tx.bureau.vote(proposalHash, proposalIndex, true), alice, quick),
    submit(api, api.tx.bureau.vote(proposalHash, proposalIndex, true), bob, quick),
  ]);
  const closed = await submit(api, api.tx.bureau.close(proposalHash, proposalIndex,
    { refTime: 5_000_000_000, proofSize: 1_000_000 }, call.encodedLength), alice);
  const executed = findEvent(closed.events, 'bureau', 'Executed');
  if (!executed) throw new Error('the bureau\'s motion was closed but not executed');
  if (executed.data.result.isErr) {
    const name = describeDispatchError(api, executed.data.result.asErr);
    throw new Error(`the bureau's motion executed and failed: ${name}`);
  }
  const interrupted = findEvent(closed.events, 'utility', 'BatchInterrupted');
  if (interrupted) throw new Error(`a call of the motion's batch failed: ${interrupted.data}`);
  return closed.events;
}
