import { packageProject } from '../../scripts/vite-shared.ts';

export default packageProject({ name: 'adapter-chatwoot', environment: 'node', testTimeout: 20_000 });
