export default {
  'preview.open': 'افتح الرد من {name}',
  'preview.dismiss': 'إخفاء',
  'preview.said': 'ردّ {name}: {text}',
  'preview.support': 'الدعم',
} as const;
