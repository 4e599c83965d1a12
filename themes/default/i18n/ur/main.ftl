# ڈیفالٹ تھیم کی عبارتیں: اردو

## صفحے کا ڈھانچہ
skip-to-content = مواد پر جائیں
language-switcher = زبان
main-navigation = مرکزی فہرست
breadcrumbs = آپ یہاں ہیں
pagination = صفحات
footer-generator = nashr سے تیار کردہ
list-separator = {"، "}

## مرکزی فہرست
nav-home = سرورق
nav-outputs = مطبوعات
nav-projects = منصوبے
nav-authors = مصنفین
nav-topics = موضوعات

## ترجمہ دستیاب نہ ہو
fallback-notice = یہ تحریر ابھی اردو میں دستیاب نہیں، اس لیے { $language } میں دکھائی جا رہی ہے۔
fallback-tag = { $language } میں

## تعداد
outputs-count = { $count ->
    [0] کوئی اشاعت نہیں
    [one] { $count } اشاعت
   *[other] { $count } مطبوعات
}
projects-count = { $count ->
    [0] کوئی منصوبہ نہیں
    [one] { $count } منصوبہ
   *[other] { $count } منصوبے
}
duration-months = { $count ->
    [one] { $count } مہینہ
   *[other] { $count } مہینے
}

## فہرستیں
home-latest = تازہ ترین مطبوعات
home-all-outputs = تمام مطبوعات
empty-list = یہاں ابھی کچھ نہیں۔
page-previous = پچھلا صفحہ
page-next = اگلا صفحہ
page-of = صفحہ { $current } از { $total }

## مطبوعات
field-date = تاریخِ اشاعت
field-authors = { $count ->
    [one] مصنف
   *[other] مصنفین
}
field-publisher = ناشر
field-project = منصوبہ
field-topics = موضوعات
field-doi = DOI
field-url = مستقل پتا
field-license = لائسنس
field-abstract = خلاصہ
downloads = ڈاؤن لوڈ
size-kb = { $size } کے بی
size-mb = { $size } ایم بی

type-report = رپورٹ
type-training-material = تربیتی مواد
type-brief = مختصر جائزہ
type-article = مضمون
type-dataset = ڈیٹا سیٹ
type-presentation = پریزنٹیشن
type-video = ویڈیو

## منصوبے
project-facts = منصوبہ ایک نظر میں
project-description = منصوبے کا تعارف
project-outputs = منصوبے کے نتائج
field-number = منصوبہ نمبر
field-funding = کل مالی معاونت
field-officer = پروگرام افسر
field-status = کیفیت
field-start = آغاز
field-end = اختتام
field-duration = مدت
field-programs = { $count ->
    [one] پروگرام
   *[other] پروگرام
}
field-lead-organisations = { $count ->
    [one] مرکزی ادارہ
   *[other] مرکزی ادارے
}
field-leaders = { $count ->
    [one] منصوبے کے سربراہ
   *[other] منصوبے کے سربراہان
}
field-partners = شراکت دار
field-countries = { $count ->
    [one] ملک
   *[other] ممالک
}
field-regions = { $count ->
    [one] علاقہ
   *[other] علاقے
}
status-active = جاری
status-completed = مکمل
money = { $amount }{"\u00A0"}{ $currency }

## مصنفین
kind-person = فرد
kind-organisation = ادارہ
field-affiliation = وابستگی
field-homepage = ویب سائٹ
members = وابستہ افراد
role-leader = منصوبے کی سربراہی
role-lead-organisation = مرکزی ادارہ
role-partner = شراکت دار
role-officer = پروگرام افسر

## فلٹر، اشاریے، فیڈ
filters = مطبوعات چھانٹیں
filter-all = تمام مطبوعات
filter-type = قسم
filter-year = سال
filter-topic = موضوع
filter-shown = دکھائی گئی مطبوعات: {"{count}"}
outputs-filtered = مطبوعات: { $filter }
related-outputs = متعلقہ مطبوعات
letters = حرف پر جائیں

## حوالہ
cite-heading = اس اشاعت کا حوالہ دیں
cite-download = حوالہ ڈاؤن لوڈ کریں:
cite-format-bibtex = BibTeX ‏(.bib)
cite-format-ris = RIS ‏(.ris: Zotero، EndNote، Mendeley)
cite-format-csl = CSL-JSON ‏(.json)
cite-and-apa = اور
cite-and = اور
cite-et-al = وغیرہ
cite-comma = {"،"}
cite-stop = ۔

## عطیہ دہندگان اور تربیت کار
nav-training = تربیت
portfolio-totals = منصوبے اعداد و شمار میں
portfolio-charts = منصوبے خاکوں میں
project-filters = منصوبے چھانٹیں
all-projects = تمام منصوبے
projects-filtered = منصوبے: { $filter }
projects-active = { $count ->
    [one] { $count } جاری
   *[other] { $count } جاری
}
projects-completed = { $count ->
    [one] { $count } مکمل
   *[other] { $count } مکمل
}
filter-status = کیفیت
filter-programme = پروگرام
filter-country = ملک
chart-count = تعداد
chart-outputs-per-year = ہر سال کی مطبوعات
chart-outputs-per-year-desc = ہر سال کتنی مطبوعات شائع ہوئیں۔
chart-outputs-per-topic = ہر موضوع پر مطبوعات
chart-outputs-per-topic-desc = ہر موضوع پر کتنی مطبوعات ہیں؛ ایک اشاعت کئی موضوعات پر ہو سکتی ہے۔
chart-funding-per-programme = ہر پروگرام کی مالی معاونت ({ $currency })
project-timeline = ٹائم لائن
file-pages = { $count ->
    [one] { $count } صفحہ
   *[other] { $count } صفحات
}
training-intro = استعمال کے لیے تیار تربیتی مواد: ہر ایک کو اس کے تمام کاغذات سمیت ایک ہی فائل میں ڈاؤن لوڈ کیا جا سکتا ہے۔
training-use = اس مواد کا استعمال
training-format = شکل
training-audience = کن کے لیے
training-duration = دورانیہ
training-level = سطح
training-languages = دستیاب زبانیں
training-pack = { $count ->
    [one] مواد ڈاؤن لوڈ کریں (1 فائل)
   *[other] تمام { $count } فائلیں ڈاؤن لوڈ کریں
}
format-workshop = ورکشاپ
format-handout = ہینڈ آؤٹ
format-slides = سلائیڈز
format-video = ویڈیو

## تلاش
search-title = تلاش
search-label = پورٹل میں تلاش کریں
search-button = تلاش
search-all-languages = تمام زبانوں میں تلاش کریں
search-any = کوئی بھی
filter-language = تحریر کی زبان
search-results = نتائج: {"{count}"}
search-none = کچھ نہیں ملا۔ کوئی اور لفظ آزمائیں، یا تمام زبانوں میں تلاش کریں۔
search-searching = تلاش جاری ہے…
search-error = تلاش کا اشاریہ لوڈ نہیں ہو سکا۔
search-in-language = {"{language}"} میں
search-more = مزید نتائج
search-needs-js = تلاش کے لیے جاوا اسکرپٹ درکار ہے۔ اس کے بجائے مطبوعات، مصنفین یا موضوعات دیکھیں۔

## خرابی کا صفحہ
not-found = یہ صفحہ موجود نہیں، یا کہیں اور منتقل ہو چکا ہے۔
not-found-home = { $site } کے سرورق پر جائیں

## ممالک (`countries:` کے ISO 3166-1 کوڈ)
country-PK = پاکستان
country-CA = کینیڈا
country-IN = بھارت
country-BD = بنگلہ دیش
country-AF = افغانستان
country-NP = نیپال
country-LK = سری لنکا
country-FR = فرانس
country-SN = سینیگال
country-KE = کینیا
country-US = ریاست ہائے متحدہ امریکا
country-GB = برطانیہ
