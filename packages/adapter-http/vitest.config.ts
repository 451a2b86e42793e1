import { packageProject } from '../../scripts/vite-shared.ts';

export default packageProject({ name: 'adapter-http', environment: 'node', testTimeout: 20_000 });
