export default {
  'home.greeting': 'مرحبًا! كيف يمكننا مساعدتك؟',
  'home.online': 'نحن متصلون الآن',
  'home.replyTime':
    '{minutes, plural, one {نرد عادةً خلال دقيقة واحدة} two {نرد عادةً خلال دقيقتين} few {نرد عادةً خلال # دقائق} other {نرد عادةً خلال # دقيقة}}',
  'home.away': 'نحن غير متاحين حاليًا',
  'home.offline': 'نحن غير متصلين حاليًا',
  'home.backAt': 'نعود {when}',
  'home.suggestions': 'مقترحات لهذه الصفحة',
  'home.tips': 'نصائح لهذه الصفحة',
  'home.searchLabel': 'البحث في مقالات المساعدة',
  'home.searchPlaceholder': 'ابحث عن مساعدة…',
  'home.contact': 'تواصل معنا',
  'home.recent': 'المحادثات الأخيرة',
  'home.allConversations': 'كل المحادثات',
  'home.conversation': 'محادثة',
} as const;
