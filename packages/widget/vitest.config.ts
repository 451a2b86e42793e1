import { packageProject } from '../../scripts/vite-shared.ts';

export default packageProject({
  name: 'widget',
  environment: 'happy-dom',
  jsx: true,
});
