import { packageProject } from '../../scripts/vite-shared.ts';
const base = packageProject({ name: 'widget', environment: 'happy-dom', jsx: true, setupFiles: ['./test/happy-dom-conformance.ts'] }) as any;
export default { ...base, root: __dirname, resolve: { ...base.resolve, alias: [
  { find: /^\.\.\/storage\/.*\.js$/, replacement: '/tmp/wscratch/store.ts' },
  { find: /^\.\.\/context\/capture\.js$/, replacement: '/tmp/wscratch/capture.ts' },
  { find: /^\.\/(chat|conversations|ticket|tickets)\/\w+View\.js$/, replacement: '/tmp/wscratch/view.ts' },
] } };
