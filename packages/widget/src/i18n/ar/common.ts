export default {
  'common.title': 'المساعدة',
  'common.launcherOpen': 'فتح المساعدة',
  'common.launcherClose': 'إغلاق المساعدة',
  'common.launcherUnread':
    '{count, plural, zero {فتح المساعدة} one {فتح المساعدة، رسالة واحدة غير مقروءة} two {فتح المساعدة، رسالتان غير مقروءتين} few {فتح المساعدة، # رسائل غير مقروءة} many {فتح المساعدة، # رسالة غير مقروءة} other {فتح المساعدة، # رسالة غير مقروءة}}',
  'common.unread':
    '{count, plural, one {رسالة واحدة غير مقروءة} two {رسالتان غير مقروءتين} few {# رسائل غير مقروءة} many {# رسالة غير مقروءة} other {# رسالة غير مقروءة}}',
  'common.close': 'إغلاق المساعدة',
  'common.back': 'رجوع',
  'common.retry': 'إعادة المحاولة',
  'common.loading': 'جارٍ التحميل…',
  'common.error': 'حدث خطأ ما. يرجى المحاولة مرة أخرى.',
  'common.offline': 'أنت غير متصل بالإنترنت. سيُحمَّل هذا عند عودة الاتصال.',
  'common.crashed': 'حدث خطأ ما',
  'common.crashedDetail': 'توقف هذا الجزء من لوحة المساعدة عن العمل. بياناتك الأخرى في أمان.',
  'common.startChat': 'بدء محادثة',
  'common.submitTicket': 'إرسال تذكرة',
  'common.myTickets': 'تذاكري',
} as const;
