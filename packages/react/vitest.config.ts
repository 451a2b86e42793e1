import { packageProject } from '../../scripts/vite-shared.ts';

export default packageProject({ name: 'react', environment: 'happy-dom' });
