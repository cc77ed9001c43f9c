// The floor of memory for any JavaScript action that polls: Node 24 and node:http, nothing else,
// making `count` GET requests `gapMs` apart to `url` (node bench/bare-poller.mjs URL COUNT GAP_MS).
import { request } from 'node:http';

const [url, count, gapMs] = [process.argv[2], Number(process.argv[3]), Number(process.argv[4])];
const get = () =>
  new Promise((resolve, reject) => {
    const outgoing = request(url, (incoming) => {
      const chunks = [];
      incoming.on('data', (chunk) => chunks.push(chunk));
      incoming.on('error', reject);
      incoming.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    });
    outgoing.on('error', reject);
    outgoing.end();
  });
for (let i = 0; i < count; i++) {
  await get();
  await new Promise((resolve) => setTimeout(resolve, gapMs));
}
console.log(`bare poller: ${count} requests`);
