import { packageProject } from '../../scripts/vite-shared.ts';

export default packageProject({ name: 'core', environment: 'happy-dom', setupFiles: ['fake-indexeddb/auto'] });
