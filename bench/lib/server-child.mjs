// Runs the reference server in its own process so the bench can read the server's RSS alone.
// Config arrives as JSON in argv[2]; the URL goes back over IPC.
import { startServer } from '../../packages/server/dist/index.js';

const server = await startServer(JSON.parse(process.argv[2] ?? '{}'));
process.send?.({ url: server.url });
process.on('message', async (message) => {
  if (message === 'stop') {
    await server.close();
    process.exit(0);
  }
});
