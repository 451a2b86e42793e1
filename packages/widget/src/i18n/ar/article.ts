export default {
  'article.loading': 'جارٍ تحميل المقال…',
  'article.error': 'تعذر تحميل هذا المقال.',
  'article.helpful': 'هل كان هذا مفيدًا؟',
  'article.yes': 'نعم',
  'article.no': 'لا',
  'article.thanks': 'شكرًا على ملاحظاتك!',
  'article.voteError': 'تعذر حفظ تقييمك.',
  'article.related': 'مقالات ذات صلة',
  'article.updated': 'تم التحديث {date}',
  'article.stillNeedHelp': 'هل ما زلت بحاجة إلى مساعدة؟',
} as const;
