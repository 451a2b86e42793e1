import { packageProject } from '../../scripts/vite-shared.ts';

// The loader build puts in the hashed file names (vite.loader.config.ts); tests load the source.
export default {
  ...packageProject({ name: 'loader', environment: 'happy-dom' }),
  define: { __HELPLINE_ENTRY__: '"helpline-test.js"', __HELPLINE_CAPTURE__: '"capture-test.js"' },
};
