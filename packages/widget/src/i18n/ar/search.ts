export default {
  'search.label': 'البحث في مقالات المساعدة',
  'search.placeholder': 'ابحث عن مساعدة…',
  'search.clear': 'مسح البحث',
  'search.results':
    '{count, plural, zero {لم يتم العثور على مقالات} one {تم العثور على مقال واحد} two {تم العثور على مقالين} few {تم العثور على # مقالات} other {تم العثور على # مقالًا}}',
  'search.resultsList': 'نتائج البحث',
  'search.searching': 'جارٍ البحث…',
  'search.prompt': 'اكتب سؤالًا أو بضع كلمات مفتاحية.',
  'search.empty': 'لا توجد مقالات تطابق «{query}».',
  'search.emptyHint': 'يمكن لفريقنا مساعدتك مباشرة.',
  'search.error': 'البحث لا يعمل حاليًا.',
} as const;
