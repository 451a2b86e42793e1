export default {
  'preview.open': 'Open the reply from {name}',
  'preview.dismiss': 'Dismiss',
  'preview.said': '{name} replied: {text}',
  'preview.support': 'Support',
} as const;
