// Whether Northfield's validator authors blocks. The first argument says what to wait for:
//
// - "authors": the account is in the session's validator set (`session.validators`), a
//   block is authored with its Aura key, and that block is finalized by the five validators;
// - "stopped": the account is out of the validator set and its key out of the Aura
//   authorities, and then `blocks` (second argument, default 12: three turns of the four
//   remaining validators) blocks in a row, up to a finalized one, are all authored by others,
//   and Northfield's node built no block meanwhile (its Prometheus count of blocks
//   constructed stands still).
//
// The author of a block is read from its Aura slot and the authorities at its parent.
// Returns the number of the block that showed it.

import {
  accounts, auraAuthor, heads, metric, NORTHFIELD, until, withApi,
} from '../../scripts/zombienet-lib.mjs';

const BLOCKS_CONSTRUCTED = 'substrate_proposer_block_constructed_count';

export async function run(nodeName, networkInfo, args) {
  const [expectation, count] = args;
  const { northfieldValidator } = await accounts();
  const validator = northfieldValidator.address;
  return withApi(networkInfo, nodeName, async (api) => {
    const keys = await api.query.session.nextKeys(validator);
    if (keys.isNone) throw new Error(`${validator} has no session keys on chain`);
    const aura = keys.unwrap().aura.toHex();
    const inSet = async () => (await api.query.session.validators())
      .some((v) => v.toString() === validator);
    const inAura = async () => (await api.query.aura.authorities())
      .some((k) => k.toHex() === aura);

    if (expectation === 'authors') {
      const since = await until(async () => (await inSet() ? (await heads(api)).best : undefined),
        3_000);
      console.log(`${nodeName}: ${validator} is a validator from #${since} on`);
      let next = since;
      const authored = await until(async () => {
        const { best } = await heads(api);
        for (; next <= best; next += 1) {
          const header = await api.rpc.chain.getHeader(await api.rpc.chain.getBlockHash(next));
          if (await auraAuthor(api, header) === aura) return next;
        }
        return undefined;
      });
      await until(async () => ((await heads(api)).finalized >= authored ? true : undefined));
      const built = await metric(networkInfo, NORTHFIELD.node, BLOCKS_CONSTRUCTED);
      if (built < 1) throw new Error('Northfield\'s node reports no block constructed');
      console.log(`${nodeName}: block #${authored} was authored by Northfield's node and ` +
        'is finalized');
      return authored;
    }

    if (expectation === 'stopped') {
      const blocks = Number(count ?? 12);
      const since = await until(async () => (!(await inSet()) && !(await inAura())
        ? (await heads(api)).best : undefined), 3_000);
      console.log(`${nodeName}: ${validator} is out of the validator set from #${since} on`);
      const constructed = () => metric(networkInfo, NORTHFIELD.node, BLOCKS_CONSTRUCTED);
      const builtBefore = await constructed();
      for (let n = since + 1; n <= since + blocks; n += 1) {
        await until(async () => ((await heads(api)).finalized >= n ? true : undefined));
        const header = await api.rpc.chain.getHeader(await api.rpc.chain.getBlockHash(n));
        if (await auraAuthor(api, header) === aura) {
          throw new Error(`block #${n} was authored by Northfield's node after its removal`);
        }
      }
      const builtAfter = await constructed();
      if (builtAfter !== builtBefore) {
        throw new Error(`Northfield's node built ${builtAfter - builtBefore} blocks after its ` +
          'removal');
      }
      console.log(`${nodeName}: blocks #${since + 1} to #${since + blocks} are finalized and ` +
        'none is Northfield\'s');
      return since + blocks;
    }

    throw new Error(`unknown expectation "${expectation}": use "authors" or "stopped"`);
  });
}
