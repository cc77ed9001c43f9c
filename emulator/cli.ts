/**
 * The standalone emulator (`npm run emulator`, i.e. `tsx emulator/cli.ts`). tsx's loader is also
 * registered here so that plain `node emulator/cli.ts` (Node's own type stripping, which cannot
 * resolve the `.js` specifiers of the other files) works too; under tsx it is a no-op.
 */
import { register } from 'tsx/esm/api';

register();
const { main } = await import('./standalone.js');
await main(process.argv.slice(2), process.env);
