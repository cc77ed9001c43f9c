// The floor of memory for any JavaScript action that polls over undici: Node 24 and one keep-alive
// undici Agent, nothing else, making `count` GET requests `gapMs` apart to `url`
// (node bench/bare-poller.mjs URL COUNT GAP_MS).
import { Agent, request } from 'undici';

const [url, count, gapMs] = [process.argv[2], Number(process.argv[3]), Number(process.argv[4])];
const dispatcher = new Agent();
for (let i = 0; i < count; i++) {
  const answer = await request(url, { dispatcher });
  await answer.body.text();
  await new Promise((resolve) => setTimeout(resolve, gapMs));
}
await dispatcher.close();
console.log(`bare poller: ${count} requests`);
