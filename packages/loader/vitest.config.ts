import { packageProject } from '../../scripts/vite-shared.ts';

export default packageProject({ name: 'loader', environment: 'happy-dom' });
