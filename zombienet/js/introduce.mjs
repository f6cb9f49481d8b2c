// Gives the node Alice's address, as a reserved peer it keeps dialling: from now on it tries
// to join the network, and whether it may is the validators' decision.
//
// Returns 1 once the node has taken the address.

import { withApi } from '../../scripts/zombienet-lib.mjs';

// The peer id of node key 0x..01 (zombienet/node-keys/alice).
const ALICE = '12D3KooWEyoppNCUx8Yx66oV9fJnriXwCcXwDDUA2kj6vnc6iDEp';

export async function run(nodeName, networkInfo) {
  const port = process.env.CHRONICLE_BOOT_PORT;
  if (!port) {
    throw new Error('CHRONICLE_BOOT_PORT is not set; run the suite with scripts/zombienet.sh');
  }
  const address = `/ip4/127.0.0.1/tcp/${port}/ws/p2p/${ALICE}`;
  await withApi(networkInfo, nodeName, (api) => api.rpc.system.addReservedPeer(address));
  console.log(`${nodeName}: dialling ${address}`);
  return 1;
}
