import { defineConfig } from 'vite';
import { preactJsx, sourceResolve } from '../../scripts/vite-shared.ts';

// In this repo the app builds from the workspace sources; an app that installs from npm needs none of this.
export default defineConfig({ ...sourceResolve, ...preactJsx, build: { target: 'es2022' } });
