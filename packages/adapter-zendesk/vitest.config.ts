import { packageProject } from '../../scripts/vite-shared.ts';

export default packageProject({ name: 'adapter-zendesk', environment: 'node', testTimeout: 20_000 });
