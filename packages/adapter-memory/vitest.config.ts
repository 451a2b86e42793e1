import { packageProject } from '../../scripts/vite-shared.ts';

export default packageProject({ name: 'adapter-memory' });
