// Sentry's user feedback widget as a product team would ship it: @sentry/browser with the feedback
// integration (Preact in a shadow root, like Helpline), bundled the same way as Helpline.
import { feedbackIntegration, init } from '@sentry/browser';

init({
  dsn: 'https://public@127.0.0.1/1',
  integrations: [feedbackIntegration({ colorScheme: 'system', autoInject: true })],
  tracesSampleRate: 0,
});
