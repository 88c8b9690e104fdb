# earl's --help in Arabic. The English is the doc comments of the CLI's arguments themselves, so
# English has no such file. Keys: help-<command path> for a command, help-<command path>--<argument
# id> for an argument; .long a long help, .after the text after the help, .value-<name> a possible
# value's help. Names (earl, command names, flags such as --to, value names such as ISO2), ids and
# citations stay as they are. A Latin run that starts with a neutral character (- ` . ~ / [ {)
# is preceded by LEFT-TO-RIGHT MARK (U+200E), as in earl.ftl, so it is laid out in one piece.

## ما يكتبه clap نفسه

help-heading-commands = الأوامر
help-heading-arguments = الوسائط
help-heading-options = الخيارات
help-heading-data-options = خيارات البيانات (لكل أمر فرعي)
help-clap-help = اطبع المساعدة
help-clap-help-more = اطبع المساعدة (المزيد مع ‎--help)
help-clap-help-summary = اطبع المساعدة (ملخّص مع ‎-h)
help-clap-version = اطبع الإصدار
help-clap-help-command = اطبع هذه الرسالة أو مساعدة الأمر الفرعي المعطى
help-clap-help-command--subcommand = اطبع مساعدة الأمر الفرعي المعطى
help-clap-env = [متغيّر البيئة: {$setting}]
help-clap-default = [القيمة الافتراضية: {$values}]
help-clap-possible-values = [القيم الممكنة: {$values}]
help-clap-possible-values-heading = القيم الممكنة:
help-clap-value = - {$name} {$help}

## صيغ مشتركة

-json-answer = اطبع الجواب بصيغة JSON (أسماء الحقول في docs/json.md)
-json = اطبع بصيغة JSON
-json-report = اطبع التقرير بصيغة JSON
-json-differences = اطبع الفروق بصيغة JSON
-date-of-question = تاريخ السؤال، YYYY-MM-DD (الافتراضي: اليوم، بتوقيت UTC)
-scenario = معرّف سيناريو (انظر ‎`earl scenarios`) أو، في سطر الأوامر، ملف سيناريو
-tpp = رقاقة ليست في الكتالوج: قيمة TPP لها
-throughput = رقاقة ليست في الكتالوج: TOPS الكثيفة بدقة معيّنة، مثل fp8=1979؛ قابل للتكرار (في JSON: ‎`{"{"}"fp8": 1979{"}"}`)
-pd = كثافة الأداء، حين تُعرف ولا تُعرف مساحة الرقاقة
-datacenter = هل صُمّمت الرقاقة أو سُوّقت للاستخدام في مراكز البيانات
-package-area = مساحة غلاف حزمة HBM بالمليمتر المربع (mm²)
-disposition-id = معرّف قرار المراجعة (الرقم التسلسلي لسجله)
-licence-number = رقم الترخيص
-machine-readable = مخرجات تقرؤها الآلة
-why = السبب

## earl

help-earl = قواعد التصدير الأمريكية لرقاقات الذكاء الاصطناعي في صورة برمجية: التصنيف والتحقق والفحص والاستكشاف — دون اتصال، مؤرَّخة، وكل خطوة موثّقة بمصدرها.
    .after = كل جواب مؤرَّخ بتاريخ (الافتراضي: اليوم، بتوقيت UTC) ويذكر ما لم يتحقق منه earl. ليس مشورة قانونية ولا إذنًا بالتصدير.

        رموز الخروج: 0 أُجيب؛ 1 خطأ داخلي، أو سجل تدقيق لا يجتاز التحقق؛ 2 مدخلات أو بيانات خاطئة؛ 3 رُفض (ترخيص أو شحنة) أو عطل في الشبكة (update)؛ 4 تعذّر القيد في سجل التدقيق (قرص ممتلئ، خطأ إدخال/إخراج، سجل للقراءة فقط): لم يُعطَ أي جواب.
help-earl--chips-file = أضف رقاقات ملف الكتالوج هذا (بمخطط data/chips.toml)؛ قابل للتكرار
help-earl--rules = استعمل كتاب القواعد هذا بدل data/rules.toml المضمَّن
help-earl--countries = استعمل ملف البلدان هذا بدل المضمَّن
help-earl--country-groups = استعمل ملف مجموعات البلدان هذا بدل المضمَّن
help-earl--lists = افحص مقابل ملف قائمة الفحص الموحّدة (Consolidated Screening List) هذا (CSV أو JSON من trade.gov)
help-earl--accept-partial-lists = افحص حتى مقابل قائمة لا تحوي أي صف من قائمة الكيانات أو من SDN (وإلا تُرفض)؛ ويذكر ذلك كل جواب فُحص مقابلها
help-earl--db = قاعدة بيانات سجل التدقيق (الافتراضي: ضمن دليل بيانات المستخدم)
help-earl--no-audit = لا تقيّد القرارات في سجل التدقيق
help-earl--data-dir = حيث يحفظ ‎`earl update` ما جلبه (الافتراضي: دليل الموضع الافتراضي لسجل التدقيق، مثل ‎~/.local/share/earl)
help-earl--lang = لغة جمل ‎`check` و‎`classify` و‎`screen` و‎`match` و‎`about` و‎`licence` و‎`ship` و‎`ledger` و‎`review` و‎`owners` و‎`lists` و‎`audit` و‎`chips` و‎`systems` و‎`impact` و‎`scenarios` و‎`diff` و‎`timeline` (ورسومها البيانية): en أو ar أو zh (الافتراضي: EARL_LANG، ثم LC_ALL أو LANG، وإلا فالإنكليزية). تبقى أسماء حقول JSON والمعرّفات وقيم التعداد والاستشهادات كما هي

## chips, systems

help-chips = اعرض كتالوج الرقاقات مع TPP وPD وعلامة مركز البيانات وعرض نطاق الذاكرة
help-chips--json = { -machine-readable }
help-systems = اعرض الأنظمة (لوحات، خوادم، رفوف) مع الرقاقات التي تحويها والمصادر
help-systems--json = { -machine-readable }

## classify

help-classify = صنّف رقاقة وفق ECCN 3A090 في تاريخ معيّن، مع الأسباب
help-classify--chip = اسم رقاقة أو نظام في الكتالوج، مثل "H200" (لا أثر لحالة الأحرف ولا للمسافات ولا للشرطات ولا لبادئات المصنّعين؛ يُبحث عن اسم النظام أولًا، فـ"HGX B200" هي اللوحة)
help-classify--system = نظام في الكتالوج (انظر ‎`earl systems`)، يُصنَّف وفق ECCN 4A090
help-classify--contains = نظام ليس في الكتالوج: رقاقة من الكتالوج يحويها وعددها، مثل H200=8؛ قابل للتكرار
help-classify--date = { -date-of-question }
help-classify--scenario = { -scenario }
help-classify--tpp = { -tpp }
help-classify--throughput = { -throughput }
help-classify--die-area = مساحة الرقاقة المعتبرة بالمليمتر المربع (mm²) (كل رقاقات المنطق غير المستوية)
help-classify--pd = { -pd }
help-classify--datacenter = { -datacenter }
help-classify--memory-bandwidth = إجمالي عرض نطاق ذاكرة DRAM بوحدة GB/s (لحزمة HBM، مع النوع hbm)
help-classify--chip-to-chip = عرض النطاق بين الرقاقات (الربط البيني) بوحدة GB/s، لقاعدة أكتوبر 2022
help-classify--package-area = { -package-area }
help-classify--kind = ‎`accelerator` (الافتراضي) أو ‎`hbm`: حزمة HBM ‏(3A090.c)، يُحكم عليها بعرض نطاق الذاكرة ومساحة الغلاف
help-classify--json = { -json-answer }

## check

help-check = هل يلزم ترخيص لشحن رقاقة إلى وجهة (ومستخدم نهائي)، وبأي شروط؟
help-check--chip = اسم رقاقة أو نظام في الكتالوج (يُبحث عن اسم النظام أولًا: "HGX B200" هي اللوحة؛ وقواعد الترخيص تذكر 3A090 و4A090 معًا)
help-check--system = نظام في الكتالوج (لوحة، خادم، رف؛ انظر ‎`earl systems`)
help-check--contains = نظام ليس في الكتالوج: رقاقة من الكتالوج يحويها وعددها، مثل H200=8؛ قابل للتكرار. وتعدّ الكمية حينئذ الأنظمة
help-check--to = بلد الوجهة (رمز ISO أو اسم؛ تُعامل هونغ كونغ معاملة الصين)
help-check--from = البلد الذي يُصدَّر منه الصنف (الافتراضي US)؛ وقد يختلف في إعادة التصدير
help-check--end-user = اسم المستخدم النهائي، يُفحص مقابل قوائم الأطراف المقيّدة
help-check--end-user-hq = البلد الذي يقع فيه المقر الرئيسي للمستخدم النهائي (أو لشركته الأم النهائية)
help-check--date = { -date-of-question }
help-check--scenario = { -scenario }
help-check--quantity = عدد الوحدات (الأنظمة، في حالة نظام)، للرسوم وشروط الحجم والاستثناءات القائمة على الكمية
help-check--ownership = من يملك المستخدم النهائي (ومالكيه)، لقاعدة الشركات التابعة (Affiliates rule): كل مالك، والطرف الذي يملكه (الافتراضي: المستخدم النهائي) والحصة التي يحوزها. في سطر الأوامر ‎`--owner NAME=PERCENT`، قابل للتكرار؛ وفي JSON ‎`[{"{"}"owner": …, "owned": …, "percent": …{"}"}]` أو ‎`["NAME=PERCENT"]`. إن غاب: يذكر الجواب أن الملكية لم يُتحقق منها
help-check--made-in = البلد الذي أُنتج فيه الصنف (لا يخضع الصنف المصنوع في الخارج للوائح EAR إلا بمحتواه الأمريكي أو بقواعد المنتج الأجنبي المباشر أو بمكان وجوده؛ الافتراضي: ما في الكتالوج، وإلا فمجهول)
help-check--us-content = المحتوى الخاضع للرقابة ذو المنشأ الأمريكي، نسبةً مئوية من قيمة الصنف (0 إلى 100)، لقاعدة de minimis ‏(15 CFR 734.4)؛ الافتراضي مجهول
help-check--us-tech = هل الصنف منتج مباشر للتقنية أو البرمجيات ذات المنشأ الأمريكي التي يذكرها 15 CFR 734.9، أو لمصنع أو مكوّن رئيسي هو كذلك (yes أو no؛ الافتراضي: ما في الكتالوج، وإلا فمجهول)
help-check--us-available = هل كانت الرقاقة متاحة تجاريًا في الولايات المتحدة (نطاق مسار يناير 2026 للمراجعة على أساس كل حالة على حدة؛ yes أو no؛ الافتراضي: ما في الكتالوج، وإلا فمجهول)
help-check--tpp = { -tpp }
help-check--throughput = { -throughput }
help-check--die-area = مساحة الرقاقة المعتبرة بالمليمتر المربع (mm²)
help-check--pd = { -pd }
help-check--datacenter = { -datacenter }
help-check--memory-bandwidth = إجمالي عرض نطاق ذاكرة DRAM بوحدة GB/s
help-check--chip-to-chip = عرض النطاق بين الرقاقات بوحدة GB/s
help-check--package-area = { -package-area }
help-check--kind = ‎`accelerator` (الافتراضي) أو ‎`hbm`
help-check--ownership-file = ملف CSV للحصص على أي عمق، أعمدته owner,owned,percent، يُضاف إلى مالكي السؤال؛ ومع ‎--batch ينطبق على المستخدم النهائي لكل صف (المستخدم النهائي الذي لا يذكره الملف مملوكًا تكون ملكيته مجهولة: يذكر الجواب أنها لم يُتحقق منها)
help-check--batch = تحقّق من كل صف في ملف CSV هذا (الأعمدة chip وdestination؛ واختياريًا: كل وقائع السؤال — end_user وend_user_hq وdate وquantity وfrom وmade_in وus_content وus_tech وus_available؛ انظر docs/json.md)
help-check--out = أين تذهب نتائج الدفعة (الافتراضي المخرج القياسي)؛ ‎`.jsonl` (أو ‎`--json`) يكتب JSON Lines، وأي شيء آخر CSV
help-check--json = اطبع الجواب بصيغة JSON (أسماء الحقول في docs/json.md)؛ ومع ‎--batch بصيغة JSON Lines: كائن لكل صف، بحقول CSV

## screen, match, lists

help-screen = افحص اسم طرف مقابل قوائم الأطراف المقيّدة الأمريكية
help-screen--name = اسم الطرف، بأي نظام كتابة
help-screen--country = أبقِ فقط القيود التي لها عنوان في هذا البلد (رمز ISO أو اسم أو اسم بديل؛ وتبقى القيود التي لا بلد في عنوانها)
help-screen--sources = افحص هذه القوائم وحدها، مثل EL,MEU,SDN (رموز ‎`sources` في trade.gov)
help-screen--threshold = أدنى درجة للمطابقة، ضمن [0, 1]
help-screen--all = أعِد أيضًا أفضل القيود التي دون العتبة
help-screen--date = تاريخ نفاذ كل قائمة وتواريخ الإدراج، YYYY-MM-DD (الافتراضي: اليوم، بتوقيت UTC)
help-screen--batch = افحص كل صف في ملف CSV هذا (العمود ‎`name`، واختياريًا ‎`country`)
help-screen--out = أين تذهب نتائج الدفعة (JSON Lines؛ الافتراضي المخرج القياسي)
help-screen--json = { -json-answer }
help-match = قارن اسمين كما يفعل الفحص، واشرح الدرجة
help-match--a = الاسم الأول، بأي نظام كتابة
help-match--b = الاسم الثاني، بأي نظام كتابة
help-match--threshold = الدرجة التي يُعدّ الاسمان عندها أو فوقها متطابقين، ضمن [0, 1]
help-match--batch = قارن كل صف في هذا الملف: العمودان ‎`a` و‎`b` ‏(CSV، أو مفصولة بعلامات الجدولة إن انتهى الاسم بـ‎.tsv)؛ يكتب JSON Lines ‏‎{"{"}row, score, match{"}"}
help-match--json = اطبع الدرجة وشرحها بصيغة JSON
help-lists = اعرض قوائم الفحص المستعملة: المصدر والأعداد والبصمة ومدى تقادمها
help-lists--max-age-days = نبّه حين تكون القوائم أقدم من هذا العدد من الأيام
help-lists--json = اطبع المصدر بصيغة JSON
help-lists-diff = القيود المضافة والمحذوفة والمعدّلة بين ملفَّي قوائم (CSV أو JSON من trade.gov)، لكل قائمة، مع مصدر كلا الملفين
help-lists-diff--old = ملف القوائم الأقدم
help-lists-diff--new = ملف القوائم الأحدث
help-lists-diff--json = { -json-differences }

## scenarios, diff, timeline, impact

help-scenarios = اعرض سيناريوهات السياسة التي يعرفها earl
help-scenarios--scenario = تحقّق أيضًا من ملف السيناريو هذا واعرضه
help-scenarios--json = { -json-answer }
help-diff = ما يتغيّر بين تاريخين أو إصدارَي قواعد أو سيناريوهين، رقاقةً رقاقة وبلدًا بلدًا
help-diff--from = القواعد التي تبدأ منها المقارنة: تاريخ (YYYY-MM-DD)، أو معرّف إصدار قواعد (معرّف تعديل في data/rules.toml)، أو معرّف سيناريو، أو (في سطر الأوامر) ملف سيناريو
help-diff--to = القواعد التي تنتهي إليها المقارنة، بالصيغ نفسها التي لـA
help-diff--destinations = الوجهات (رموز ISO أو أسماء؛ قابل للتكرار). الافتراضي: CN، HK، MO، RU، IR، SA، AE، IN، VN، MY، SG، IL، DE، GB، JP، US
help-diff--chips = الرقاقات (قابل للتكرار). الافتراضي: كل رقاقات الكتالوج
help-diff--date = التاريخ الذي يوضع عليه السيناريو (الافتراضي: اليوم)
help-diff--svg = اكتب مصفوفة الرقاقات × الوجهات لـB، مع إحاطة الخلايا المتغيّرة بإطار، في ملف SVG هذا
help-diff--json = { -json-answer }
help-timeline = قرار رقاقة لوجهة ما في كل إصدار من القواعد منذ 2022 حتى اليوم
help-timeline--chip = اسم رقاقة في الكتالوج
help-timeline--to = الوجهة (رمز ISO أو اسم)
help-timeline--until = آخر تاريخ يُنظر فيه، YYYY-MM-DD (الافتراضي: اليوم)
help-timeline--scenario = سيناريو (معرّف أو، في سطر الأوامر، ملف) يوضع على كل تاريخ
help-timeline--svg = اكتب مخططًا درجيًا للقرار عبر الزمن في ملف SVG هذا
help-timeline--json = { -json-answer }
help-impact = مقدار القدرة الحاسوبية التي تنقلها مجموعة من الشحنات، وما يرخّصه سيناريو
help-impact--units = الوحدات المشحونة، كل منها CHIP=N، مثل H200=400000 (قابل للتكرار)
help-impact--prices = سعر الوحدة بالدولار الأمريكي، كل منها CHIP=USD، للرسوم والتعريفات (قابل للتكرار)
help-impact--to = الوجهة (الافتراضي CN)
help-impact--date = تاريخ القواعد، YYYY-MM-DD (الافتراضي: اليوم)
help-impact--scenario = سيناريو (معرّف أو، في سطر الأوامر، ملف) يوضع على قواعد ذلك التاريخ
help-impact--json = { -json-answer }

## licence, ship, ledger

help-licence = قيّد التراخيص واطّلع على أرصدتها (تُحفظ في سجل التدقيق)
help-licence-add = قيّد ترخيصًا منحه BIS
help-licence-add--number = { -licence-number }
help-licence-add--chip = رقاقة الكتالوج التي صدر لها الترخيص
help-licence-add--system = نظام الكتالوج الذي صدر له الترخيص
help-licence-add--to = بلد الوجهة
help-licence-add--end-user = المستخدم النهائي المذكور في الترخيص
help-licence-add--quantity = الوحدات المرخّص بها (1 إلى 10^9)
help-licence-add--value = القيمة المرخّص بها، بالدولار الأمريكي (0 إلى 10^13)
help-licence-add--expires = آخر يوم يسري فيه الترخيص، YYYY-MM-DD
help-licence-add--conditions = شروط الترخيص، نصًّا
help-licence-add--issued = يوم إصدار الترخيص، YYYY-MM-DD (الافتراضي: اليوم)
help-licence-add--json = اطبع الترخيص بصيغة JSON
help-licence-list = كل ترخيص مع رصيده
help-licence-list--date = الأرصدة وانتهاء الصلاحية في هذا التاريخ (الافتراضي: اليوم)
help-licence-list--json = { -json }
help-licence-show = ترخيص واحد مع رصيده وشحناته
help-licence-show--number = { -licence-number }
help-licence-show--date = الرصيد وانتهاء الصلاحية في هذا التاريخ (الافتراضي: اليوم)
help-licence-show--json = { -json }
help-ship = قيّد شحنة: بموجب ترخيص (يُخصم منه، ويُعاد التحقق، ويُطبَّق سقف المسار البالغ 50%) أو إلى مستخدمين نهائيين في الولايات المتحدة؛ الشحنات المرفوضة تخرج بالرمز 3 ولا تُقيّد شيئًا، والشحنات التي تعذّر قيدها تخرج بالرمز 4
help-ship--licence = اخصم الشحنة من هذا الترخيص
help-ship--us = شحنة إلى مستخدمين نهائيين في الولايات المتحدة (ما يُقاس عليه سقف 50% لمسار يناير 2026)
help-ship--chip = رقاقة الكتالوج المشحونة (مطلوبة مع ‎--us؛ وإلا تُطابق مع الترخيص)
help-ship--system = نظام الكتالوج المشحون
help-ship--to = الوجهة، تُطابق مع الترخيص إن أُعطيت
help-ship--end-user = المستخدم النهائي، يُطابق مع الترخيص إن أُعطي
help-ship--quantity = الوحدات المشحونة (1 إلى 10^9)
help-ship--value = القيمة المشحونة، بالدولار الأمريكي (0 إلى 10^13)
help-ship--date = تاريخ الشحنة، YYYY-MM-DD
help-ship--batch = ملف CSV للشحنات (الأعمدة licence وquantity وdate؛ واختياريًا value وchip وsystem وus)، تُقيّد كلها أو لا يُقيّد شيء منها
help-ship--json = اطبع الشحنات المقيّدة (أو الرفض) بصيغة JSON
help-ledger = لكل رقاقة: الوحدات المشحونة إلى مستخدمين نهائيين في الولايات المتحدة وإلى الصين/ماكاو، والهامش المتبقي في المسار
help-ledger--json = { -json }

## review

help-review = ما قرّره المراجعون بشأن مطابقات القوائم: add وlist وshow وrevoke وimport وexport (تُحفظ في سجل التدقيق)
help-review-add = قيّد قرار مراجع بشأن مطابقة واحدة: false-positive (تُنحّى ما دام القيد كما رُوجع وقرار المراجعة غير منتهي الصلاحية)، أو true-match (تبقى، مع الملاحظة)، أو escalated
help-review-add--party = اسم الطرف المفحوص، كما سُئل عنه
help-review-add--entry = قيد القائمة المطابق: ‎`LIST:ENTITY_NUMBER`، أي ‎`entry_id` الذي تحمله المطابقة
help-review-add--decision = ما قرّره المراجع
    .value-false-positive = الطرف ليس القيد المدرج: تُنحّى المطابقة ما دام القيد كما رُوجع وقرار المراجعة غير منتهي الصلاحية
    .value-true-match = الطرف هو القيد المدرج: تبقى المطابقة، مع ملاحظة المراجع
    .value-escalated = لم يُقرَّر: تبقى المطابقة مفتوحة، مع ملاحظة المراجع
help-review-add--reviewer = من قرّر
help-review-add--reason = { -why }
help-review-add--country = بلد الطرف (رمز ISO أو اسم): لا يشمل قرار المراجعة حينئذ إلا الأسئلة التي تذكر هذا البلد للطرف
help-review-add--expires = آخر يوم يسري فيه قرار المراجعة، YYYY-MM-DD (بعد اليوم)
help-review-add--evidence = ملف يستند إليه القرار؛ تُقيَّد بصمة SHA-256 له
help-review-add--json = اطبع قرار المراجعة المقيّد بصيغة JSON
help-review-list = كل قرارات المراجعة، الأقدم أولًا، مع إلغائها إن أُلغيت
help-review-list--json = { -json }
help-review-show = قرار مراجعة واحد
help-review-show--id = { -disposition-id }
help-review-show--json = { -json }
help-review-revoke = اسحب قرار مراجعة: تُثار مطابقته من جديد
help-review-revoke--disposition = { -disposition-id }
help-review-revoke--reviewer = من يسحبه
help-review-revoke--reason = { -why }
help-review-revoke--json = اطبع السحب المقيّد بصيغة JSON
help-review-import = قيّد كل قرارات المراجعة في ملف CSV (كلها أو لا شيء)؛ ويذكر كل قيد الملف ببصمة SHA-256
help-review-import--file = ملف CSV (الأعمدة: party وentry وdecision وreviewer وreason؛ واختياريًا country وexpires وentry_hash)
help-review-import--json = اطبع قرارات المراجعة المقيّدة بصيغة JSON
help-review-export = اكتب قرارات المراجعة السارية بصيغة CSV، بالأعمدة التي يقرؤها ‎`import`
help-review-queue = المطابقات المقيّدة التي لا يشملها أي قرار مراجعة، الأقدم أولًا، مع أعدادها لكل قائمة
help-review-queue--json = { -json }

## audit

help-audit = سجل تدقيق القرارات: list وshow وverify وexport
help-audit-list = اعرض القرارات المقيّدة، الأقدم أولًا
help-audit-list--kind = قيود هذا النوع وحده (check وclassify وscreen وmatch وdiff وtimeline وimpact، …)
help-audit-list--since = القيود في هذا الوقت أو بعده (RFC 3339 أو YYYY-MM-DD)
help-audit-list--until = القيود قبل هذا الوقت (التاريخ وحده يشمل ذلك اليوم)
help-audit-list--limit = أقصى عدد من القيود يُعرض
help-audit-list--json = اطبع القيود بصيغة JSON
help-audit-show = اعرض قيدًا واحدًا كاملًا
help-audit-show--seq = الرقم التسلسلي للقيد (انظر ‎`earl audit list`)
help-audit-show--json = اطبع القيد بصيغة JSON
help-audit-verify = أعد حساب سلسلة البصمات وأبلغ عن أول قيد مُغيَّر
help-audit-verify--json = { -json-report }
help-audit-tail = اطبع الرقم التسلسلي لآخر قيد وبصمته: احفظهما في مكان آخر (تذكرة، سجل موقَّع)، إذ لا تستطيع سلسلة البصمات وحدها أن تُظهر أن ذيلها قد قُطع
help-audit-tail--json = { -json }
help-audit-migrate = رقِّ سجل تدقيق من البنية 2 إلى البنية 3: مع نسخة احتياطية بجانبه، والتحقق قبل الترقية وبعدها، ويُترك دون تغيير إن فشل أيّ من التحققين
help-audit-migrate--json = { -json-report }
help-audit-rescreen = أعد فحص كل اسم طرف في السجل (المستخدمون النهائيون، المالكون، صفوف الدفعات، الأسماء المفحوصة) مقابل القوائم المستعملة؛ وأبلغ عن المطابقات الجديدة والمطابقات الزائلة، مع قيودها. الأسماء التي أُعيد فحصها مقابل القوائم نفسها لا تُفحص مجددًا
help-audit-rescreen--json = { -json-report }
help-audit-recheck = أجب من جديد عن كل تحقّق مقيّد بالقواعد والقوائم المستعملة، في تاريخه هو؛ وأبلغ عن التحققات التي تغيّر جوابها وعمّا أحدث الفرق
help-audit-recheck--since = التحققات المقيّدة في هذا الوقت أو بعده وحدها (RFC 3339 أو YYYY-MM-DD)
help-audit-recheck--json = { -json-report }
help-audit-export = اكتب كل القيود بصيغة JSON Lines
help-audit-export--out = ملف المخرجات (الافتراضي المخرج القياسي)

## owners

help-owners = سجل الملكية الذي يجد فيه كل تحقّق المالكين: import وshow وlist وaffiliates
help-owners-import = استورد ملف ملكية إلى سجل الملكية، مع التحقق صفًّا صفًّا (الخروج بالرمز 2 مع الملف والسطر والعمود عند صف خاطئ): يحلّ محل روابط مجموعة بياناته؛ ويُرفض استيراد يُسقط أكثر من 20% من روابط السجل ما لم يُعطَ ‎--accept-drop. ويُقيَّد في سجل التدقيق
help-owners-import--file = الملف: CSV الخاص بـearl ‏(‎`owner,owned,percent`، واختياريًا ‎`source,from,to`)
help-owners-import--format = صيغة الملف (الافتراضي: من اسمه)
    .value-csv = CSV الخاص بـearl: ‎`owner,owned,percent`، واختياريًا ‎`source,from,to`
    .value-bods = بيانات معيار بيانات الملكية النفعية (Beneficial Ownership Data Standard) 0.4 ‏(JSON)
    .value-gleif = سجلات علاقات المستوى 2 من GLEIF، كما تُرجعها GLEIF API ‏(JSON)
help-owners-import--dataset = مجموعة البيانات التي يحلّ الملف محلها (الافتراضي: اسم الصيغة)
help-owners-import--accept-drop = استورد حتى لو فقد السجل أكثر من 20% من روابطه
help-owners-import--json = اطبع الاستيراد بصيغة JSON
help-owners-show = سلاسل طرف في سجل الملكية: مالكوه صعودًا وحصصه نزولًا
help-owners-show--name = اسم الطرف (يُقارن كما يوحّد الفحص الأسماء)
help-owners-show--json = اطبع السلاسل بصيغة JSON
help-owners-list = كل روابط سجل الملكية، مع مصدر كل منها وتواريخه
help-owners-list--json = اطبع الروابط بصيغة JSON
help-owners-diff = قارن الحصص التي يذكرها ملفّا ملكية: المضاف والمحذوف وتغيّر الحصة
help-owners-diff--old = ملف الملكية الأقدم
help-owners-diff--new = ملف الملكية الأحدث
help-owners-diff--format = صيغة الملفين (الافتراضي: من اسم كل ملف أو محتواه)
    .value-csv = CSV الخاص بـearl: ‎`owner,owned,percent`، واختياريًا ‎`source,from,to`
    .value-bods = بيانات معيار بيانات الملكية النفعية (Beneficial Ownership Data Standard) 0.4 ‏(JSON)
    .value-gleif = سجلات علاقات المستوى 2 من GLEIF، كما تُرجعها GLEIF API ‏(JSON)
help-owners-diff--json = { -json-differences }
help-owners-affiliates = كل طرف يُظهر سجل الملكية أن أطرافًا مدرجة تملكه بنسبة تبلغ عتبة قاعدة ملكية أو تتجاوزها، مع السلسلة وأثر القاعدة في التاريخ المعني
help-owners-affiliates--date = التاريخ الذي يُحكم فيه على الإدراجات والقواعد، YYYY-MM-DD (الافتراضي: اليوم، بتوقيت UTC)
help-owners-affiliates--json = اطبع الشركات التابعة بصيغة JSON

## update, serve, about, mcp, completions, man

help-update = اجلب أحدث قائمة فحص ووثائق BIS الأحدث من القواعد؛ تحقّق منها، ثم ضعها قيد الاستعمال (الرمز 2: بيانات مرفوضة؛ 3: عطل في الشبكة)
help-update--from-dir = استوعب ملفات نُزّلت في مكان آخر بدل الجلب: ‎`consolidated.json` أو ‎`consolidated.csv`، وأي ‎`documents*.json` (ردود واجهة وثائق السجل الفيدرالي (Federal Register))
help-update--accept-drop = اقبل قوائم فقدت إحداها أكثر من 20% من قيودها (أو اختفت)
help-update--lists-url = من أين تُجلب قائمة الفحص الموحّدة (Consolidated Screening List) ‏(CSV أو JSON)
help-update--fr-url = موقع السجل الفيدرالي (Federal Register) الذي تُسأل واجهة وثائقه
help-update--timeout = الثواني التي يُنتظر فيها الاتصال، وأي عملية قراءة واحدة
help-update--ownership = اجلب الشركات الأم من المستوى 2 في GLEIF (المباشرة والنهائية في توحيد الحسابات) لكل طرف يذكره سجل التدقيق، بدل القوائم، واستوردها إلى سجل الملكية بوصفها مجموعة البيانات ‎`gleif`. ومع ‎--from-dir، استورد ملفات ‎`gleif*.json` الموجودة هناك
help-update--gleif-url = واجهة GLEIF API التي يسألها ‎--ownership
help-update--gleif-interval-ms = الملّي ثوانٍ بين طلبين إلى GLEIF (حدّ معدّل يلتزمه earl)
help-update--json = اطبع ما ثُبّت بصيغة JSON
help-serve = قدّم واجهة HTTP API وصفحة الويب
help-serve--addr = العنوان الذي يُستمع عليه. عنوان الاسترجاع افتراضيًا؛ وأي عنوان آخر يتطلب رمز وصول
help-serve--token-file = اقرأ رمز الوصول (Bearer token) الذي يجب أن يقدّمه كل طلب ‎/v1/ من هذا الملف (بدل متغيّر البيئة EARL_TOKEN، الذي يُقرأ في غير ذلك)
help-serve--max-connections = الاتصالات التي تُخدم في آن واحد؛ وما زاد عليها يتلقى القليل منه 503 (أو ‎/healthz) ويُغلق الباقي. الافتراضي: حدّ الملفات المفتوحة (مرفوعًا إلى حدّه الأقصى) ناقص 128
help-serve--max-requests = الطلبات التي يُجاب عنها في آن واحد (كل نقطة نهاية عدا ‎/healthz والصفحة ووثيقة OpenAPI)؛ وما زاد عليها يتلقى 503 مع Retry-After
help-serve--header-timeout = الثواني المتاحة للعميل ليرسل رأس طلب كاملًا، منذ أن يبدأ الخادم انتظاره؛ ثم يُغلق الاتصال
help-serve--idle-timeout = الثواني التي قد يبقى فيها اتصال مفتوحًا دون طلب جارٍ ودون وصول أي بايت
help-serve--drain-timeout = الثواني المتاحة لإتمام الطلبات الجارية عند SIGTERM أو Ctrl-C قبل إغلاق الباقي
help-about = إصدار earl وتاريخ إصدار كل مجموعة بيانات مضمَّنة
help-about--json = اطبع تاريخ إصدار كل مجموعة بيانات بصيغة JSON
help-mcp = قدّم أسئلة earl أدواتٍ وفق بروتوكول سياق النموذج (Model Context Protocol) عبر stdio، لمساعدي الذكاء الاصطناعي
help-completions = اطبع سكربت إكمال للصدفة، مثل ‎`earl completions bash > ~/.local/share/bash-completion/completions/earl`
help-completions--shell = الصدفة: bash أو zsh أو fish أو elvish أو powershell
help-man = اطبع صفحة الدليل (roff)، أو اكتب صفحة لكل أمر فرعي مع ‎--dir
help-man--dir = اكتب صفحات earl.1 وearl-SUBCOMMAND.1 في هذا الدليل بدل طباعة earl.1
