# جمل earl بالعربية. تقابل locales/en/earl.ftl رسالةً برسالة وبالمتغيرات نفسها (يفحصها tests/catalogs.rs).
# المصطلحات وفق docs/i18n/glossary.md مع مصادرها. الأسماء والمعرّفات وأسماء القوائم والاستشهادات تبقى كما نُشرت (بالإنجليزية).
# الأرقام بالأرقام اللاتينية (0-9) كما في الاستشهادات المنشورة؛ انظر docs/i18n/glossary.md.

## Joining lists

list-semicolon = {"؛ "}
list-comma = {"، "}
list-or = {" أو "}
list-and = {" و"}

## Steps (prose.rs)

the-entry = البند
step-if-branch = إذا كان التصنيف {$branch}: {$text}
outcome-not = ليس {$eccn}
step-tpp = TPP = {$tops} TOPS كثيفة بدقة {$precision}{ $given ->
        [yes] {" "}(قيمة مُدخلة)
       *[no] {""}
    } × {$bits} بت = {$tpp}{ $over ->
        [yes] {" "}({ $precisions ->
                [two] الأعلى بين الدقتين المدرجتين
                [few] الأعلى بين {$precisions} دقات مدرجة
               *[other] الأعلى بين {$precisions} دقة مدرجة
            })
       *[no] {""}
    }
step-tpp-as-given = TPP = {$tpp} كما أُدخلت
step-pd = PD = TPP {$tpp} / {$area} { $given ->
        [yes] mm²
       *[no] mm² من مساحة الرقاقة المعتمدة
    } = {$pd}
step-pd-as-given = PD = {$pd} كما أُدخلت
step-hbm-density = كثافة عرض نطاق الذاكرة = {$bandwidth} GB/s / {$area} mm² = {$density} GB/s/mm²
step-io-bound = يُحتسب إجمالي الإدخال/الإخراج ثنائي الاتجاه على أنه رقم الربط بين الرقاقات {$chip_to_chip} GB/s مضافًا إليه ما يصل إلى {$host_link} GB/s من وصلة المضيف: بين {$low} و{$high} GB/s.
step-no-3a090 = لم يكن التصنيف ECCN 3A090 موجودًا في التاريخ المطلوب: فقد أُنشئ بالقاعدة النافذة في 2022-10-07 (87 FR 62186).
step-exclusion = {$entry} { $verdict ->
        [applies] ينطبق
        [does-not-apply] لا ينطبق
       *[undetermined] لا يمكن الجزم بانطباقه
    }: {$rule}
step-paragraph-not-applicable = {$entry} ({$rule}): لا ينطبق على هذا النوع من الأصناف.
step-paragraph = {$entry} ({$rule}): { $verdict ->
        [applies] مستوفى
        [does-not-apply] غير مستوفى
       *[undetermined] غير محسوم
    } — {$tests}.
comparison = {$metric} {$shown} {$op} {$threshold}: { $verdict ->
        [applies] مستوفى
        [does-not-apply] غير مستوفى
       *[undetermined] لا يمكن الجزم
    }
shown-between = بين {$low} و{$high}
shown-unknown = غير معروف
shown-not-applicable = لا ينطبق
step-unknown-irrelevant = {$metric} غير معروف، لكنه لا يغيّر هذه النتيجة: الفقرات التي تحسمها لا تعتمد على {$metric}.
step-classified = التصنيف: {$outcome}.
step-classification-open = التصنيف غير محسوم: قد يكون {$possible}؛ ويحسمه {$deciding}.
step-rests-on-unverified = تستند هذه النتيجة إلى أرقام تصفها المصادر بأنها غير مُتحقق منها: {$figures}.
contained-part = {$count} × {$name} ({$chip})
step-contains = يحتوي {$system} على {$parts}.
step-assembly = {$entry} ({$rule}): { $verdict ->
        [applies] ينطبق — فهو يحتوي على {$by}.
        [undetermined] غير محسوم — فهو يحتوي على {$by}، وتصنيفها لم يُحسم.
       *[does-not-apply] لا ينطبق — لا تستوفيه أي رقاقة مضمّنة.
    }
step-treated-as = تُعامَل {$country} معاملة {$treated_as} بموجب لوائح الرقابة على الصادرات (EAR) اعتبارًا من {$from}.
control-reading = «{$reading}» ({$cite})
step-control-unsettled = غير محسوم — القانون غير مستقر: {$rule} وتختلف القراءات: {$readings}.
step-control-figures-unknown = لا يمكن الجزم بانطباق هذا (الأرقام غير معروفة): {$rule}
step-control = { $requirement ->
        [prohibited] محظور
       *[license] يلزم ترخيص
    }: {$rule}
step-no-requirement = لا ينطبق أي اشتراط ترخيص في قواعد earl على هذا الصنف إلى {$destination} في التاريخ المطلوب (القواعد وفق الإصدار {$regime}).
party-matched-as = {$name} (مطابَق بوصفه «{$matched}»)
party-subject = «{$party}» يطابق {$who} في قائمة {$list}
step-party-listed = {$subject}{$since}: {$rule}
step-party-listed-later = {$subject}، لكن {$listing}، بعد التاريخ المطلوب: لم يكن مُدرجًا حينها، فلا يُطبَّق الإدراج.
step-party-listing-undated = {$subject}؛ {$listing}، ولا يعرف earl تاريخ نفاذه، فقد يكون البند مُدرجًا في التاريخ المطلوب وقد لا يكون: {$rule}
listing-on = أُدرج البند بموجب {$notice}، نافذًا من {$date}
listing-by = أُدرج البند بموجب {$notice}، نافذًا في {$date} على أبعد تقدير
listing-in-year = أُدرج البند بموجب {$notice} (المنشور عام {$year})
listing-no-notice = لا يستشهد البند بأي إشعار في السجل الفيدرالي (Federal Register)
listed-since-on = {" "}(أُدرج بموجب {$notice}، نافذًا من {$date})
listed-since-by = {" "}(أُدرج بموجب {$notice}، نافذًا في {$date})
listed-since-in-year = {" "}(أُدرج بموجب {$notice}، {$year})
step-owned = { $verdict ->
        [applies] يملك
       *[other] قد يملك (تواريخ إدراج بعض المالكين غير معروفة، أو حصة مستنتجة من السيطرة دون نسبة مذكورة)
    } أطرافٌ مدرجة في قائمة {$list} مجتمعةً {$percent}% من {$party} ({$chain}): {$rule}
step-owned-read = قد تملك أطرافٌ مدرجة في قائمة {$list} من {$party} ما يبلغ الحد أو يتجاوزه: لا نسبة مذكورة، والحصص مستنتجة من السيطرة ({$chain}) — غير محسوم، ولا يُعدّ خاليًا من القيود: {$rule}
affiliate-share-stated = {$percent}% مذكورة
affiliate-no-share-stated = لا نسبة مذكورة
holding = {$owner} يملك {$percent}% من {$owned}
holding-listed = {$owner} يملك {$percent}% من {$owned}، {$list}
holding-consolidation = {$owner} يدمج {$owned} في حساباته (سيطرة دون نسبة مذكورة: ملكية الأغلبية مرجّحة، غير محسومة)
holding-range = {$owner} يملك ما بين {$minimum}% و{$maximum}% من {$owned}
holding-control = لـ {$owner} مصلحة في {$owned} غير حصة ملكية مذكورة (نسبة الملكية غير معروفة، غير محسومة)
holding-with-list = {$holding}، {$list}
holding-from-graph = {$holding} [سجل الملكية: {$source}؛ {$period}]
holding-period = قائمة من {$from} إلى {$to}، استوردت في {$imported}
holding-period-unstated = لم يذكر المصدر التواريخ، استوردت في {$imported}
holding-date-unstated = (غير مذكور)
affiliate-owner = {$name} ({$list})
affiliate = { $verdict ->
        [applies] {$party} تابعٌ لـ
       *[other] قد يكون {$party} تابعًا لـ (تاريخ إدراج غير معروف، أو حصة مستنتجة من السيطرة دون نسبة مذكورة)
    } {$owners}: {$stated}، عبر {$chain}. { $status ->
        [in_force] بموجب {$rule}، النافذة في التاريخ المطلوب، يُقيَّد كما يُقيَّدون.
        [suspended] {$rule} معلّقة في التاريخ المطلوب: لم تُطبَّق؛ وتبقى الملكية مؤشر خطر.
       *[other] {$rule} غير نافذة في التاريخ المطلوب: لم تُطبَّق؛ وتبقى الملكية مؤشر خطر.
    }
holding-question-differs = {$holding} (ذكر السؤال {$percent}%؛ تُتبع القراءة الأشد)
step-ownership-not-applied = تملك أطرافٌ مدرجة في قائمة {$list} نسبة {$percent}% من {$party}، لكن قاعدة الملكية لم تكن تنطبق في التاريخ المطلوب (انظر الاستشهاد)؛ وتبقى الملكية مؤشر خطر.
step-owner-not-screenable = أحد المالكين في سلاسل الملكية فوق المستخدم النهائي معروف بمعرّف LEI فقط ({$owner}): لم يمكن فحصه في أي قائمة، فلم يُفحص ما إذا كانت قواعد الملكية تقيّد المستخدم النهائي من خلاله. استورد سجل lei-record الخاص به (يفعل ذلك `earl update --ownership`) أو أعطِ اسمه.
step-found-in-ownership-graph = عُثر على {$asked} في سجل الملكية باسم {$found}؛ واستُخدمت حصصه المسجلة هناك.
step-exception = يمكن أن يُجيزه استثناء الترخيص {$code}: {$rule}
step-exception-barred = كان استثناء الترخيص {$code} لينطبق، لكن إدراج الطرف في قائمة {$list} يمنع استثناءات الترخيص.
step-review-overridden = كانت سياسة المراجعة «{$policy}» لتنطبق، لكن السياسة الأشد لطرف مدرج تحل محلها (أدناه): {$rule}
step-review-figures-unknown = لا يمكن الجزم بانطباق سياسة المراجعة هذه (الأرقام غير معروفة): {$rule}
step-review = سياسة المراجعة «{$policy}»: {$rule}
step-policy-override-replaces = يفرض الإدراج في قائمة {$list} سياسة المراجعة الأشد: {$policy}. وهي تحل محل {$replaced}، فلا تنطبق شروط تلك السياسة ورسومها.
step-policy-override = يفرض الإدراج في قائمة {$list} سياسة المراجعة: {$policy}.
step-same-across-outcomes = كل تصنيف ممكن يؤدي إلى الجواب نفسه، فلا تغيّره الأرقام غير المعروفة.
step-depends-on-classification = يتوقف الجواب على التصنيف، والتصنيف يتوقف على {$deciding}.
review-reading-first = {$policy} إذا انطبق {$entry}
review-reading-else = وإلا {$policy} إذا انطبق {$entry}
review-reading-fallback = وإلا {$policy} ({$entry})
review-reading-none = وإلا لا شيء من ذلك
step-review-undetermined = سياسة المراجعة غير محسومة: {$readings}. والخطوات غير المحسومة أعلاه تبيّن ما يحسمها.
step-condition-if-review = إذا انطبق {$review}: {$rule}
step-condition-may-apply = قد ينطبق (الوقائع التي تحسمه غير معروفة): {$rule}
step-exception-undetermined = قد يكون استثناء الترخيص {$code} متاحًا: لا يمكن من الوقائع المقدمة الجزم باستيفاء شروطه. {$rule}
step-charge-undetermined = قد تستحق هذه الرسوم: الأرقام التي تحسمها غير معروفة بدقة. {$rule}
step-listing-date-unknown = يستشهد بند {$name} في قائمة {$list} أولًا بـ {$notice} ({$year})؛ ولا يعرف earl تاريخ نفاذ ذلك الإشعار، فإدراج {$name} في التاريخ المطلوب غير محسوم.
step-listing-undated = لا يستشهد بند {$name} في قائمة {$list} بأي إشعار في السجل الفيدرالي، فلا يستطيع earl تأريخ الإدراج؛ وقد طُبّق كأنه نافذ في التاريخ المطلوب.
step-no-end-user = لم يُذكر مستخدم نهائي، فلم تُفحص أي قائمة للأطراف المقيدة.
step-hq-not-given = لم يُذكر مقر المستخدم النهائي: افترض earl أن مقره (ومقر شركته الأم النهائية) ليس في مجموعة البلدان D:5 ولا في ماكاو. فإن كان كذلك، يلزم ترخيص لأصناف الحوسبة المتقدمة إلى أي وجهة.
step-ownership-not-given = { $in_force ->
        [applies] لم يُذكر مالكو المستخدم النهائي، فلم تُفحص ملكية الأطراف المدرجة.
       *[other] لم يُذكر مالكو المستخدم النهائي.
    }
step-rules-vintage = تعكس قواعد earl المصادر حتى {$as_of} ({$source})؛ ولا يعرف earl التغييرات اللاحقة لذلك التاريخ، فقد يكون هذا الجواب قديمًا.
document-effective = ، نافذة من {$date}
newer-document = {$kind} «{$title}» ({$cite}، نُشرت في {$published}{$effective}){$link}
step-newer-documents = تعكس قواعد earl المصادر حتى {$as_of} ({$source}). ومنذ ذلك الحين نشر مكتب الصناعة والأمن (BIS) { $count ->
        [zero] {$count} وثيقة
        [one] وثيقة واحدة
        [two] وثيقتين
        [few] {$count} وثائق
       *[other] {$count} وثيقة
    } تمس الأجزاء التي يرمّزها earl، قد تغيّر هذا الجواب ولم يرمّزها earl: {$documents}.

## Review policies and metrics

policy-presumption-of-approval = افتراض الموافقة
policy-case-by-case = على أساس كل حالة على حدة
policy-presumption-of-denial = افتراض الرفض
policy-policy-of-denial = سياسة الرفض
metric-tpp = TPP
metric-pd = PD
metric-memory-bandwidth = عرض نطاق الذاكرة (GB/s)
metric-chip-to-chip = عرض النطاق بين الرقاقات (GB/s)
metric-io-aggregate = إجمالي الإدخال/الإخراج ثنائي الاتجاه (GB/s)
metric-hbm-density = كثافة عرض نطاق الذاكرة (GB/s/mm²)
metric-frontier-share = النسبة من TPP للرقاقة الرائدة
metric-shipment-tpp = TPP للشحنة (TPP × الكمية)

## Human output (human.rs)

field = {$label}: {$value}
heading = {$title}:
heading-conditions = الشروط
heading-why = الأسباب
heading-notices = تنبيهات
heading-not-checked = لم يُفحص — عليك التحقق منه
mark-unverified = غير مُتحقق منه
yes = نعم
no = لا
none = لا يوجد
unknown = غير معروف
verdict-prohibited = محظور — لا يمكن لأي ترخيص أو استثناء أن يجيزه
verdict-licence-possibly-prohibited = يلزم ترخيص، وقد يكون محظورًا — انظر ما يحسم ذلك
verdict-undetermined-possibly-prohibited = غير محسوم، وقد يكون محظورًا — انظر ما يحسم ذلك
verdict-licence-exception = يلزم ترخيص، لكن استثناء الترخيص {$exception} يمكن أن يجيزه (انظر شروطه)
verdict-licence-required = يلزم ترخيص
verdict-no-licence = لا يلزم ترخيص وفق القواعد التي يقيّمها earl
verdict-undetermined = غير محسوم — انظر ما يحسمه
destination-treated-as = {$destination} (تُعامَل معاملة {$treated_as})
check-head = {$chip} ← {$destination} من {$from} في {$date}: {$verdict}
classification-undetermined = غير محسوم
label-classification = التصنيف
check-rules-in-force = القواعد النافذة في {$date}: { $count ->
        [zero] لا تعديلات
        [one] تعديل واحد
        [two] تعديلان
        [few] {$count} تعديلات
        [many] {$count} تعديلًا
       *[other] {$count} تعديل
    }، أحدثها {$regime}{$scenario}
scenario-suffix = ، السيناريو {$scenario}
label-decided-under = بموجب
label-licence-exception = استثناء الترخيص
label-review-policy = سياسة المراجعة
check-if-outcome = إذا كان التصنيف {$outcome}: الترخيص { $licence ->
        [required] لازم
        [not-required] غير لازم
       *[undetermined] غير محسوم
    } · الاستثناء {$exception} · المراجعة {$review}
review-open = غير محسومة: {$readings}
label-decided-by = يحسمه
match-alias = {" "}(بوصفه «{$alias}»)
check-match = «{$party}» يطابق {$name}{$alias} في {$list} — الدرجة {$score}
label-screened-against = فُحص مقابل
label-warning = تحذير
check-charge = رسوم{ $may ->
        [yes] {" "}(قد تنطبق)
       *[no] {""}
    }: {$rate}% {$kind} — {$text}
charge-kind-tariff = تعريفة جمركية
charge-kind-revenue-share = تقاسم الإيرادات
check-disclaimer = هذا تحديد وفق القواعد التي رمّزها earl، وليس إذنًا بالتصدير ولا مشورة قانونية.
screen-with-address = {" "}بعنوان في {$country} (أو بلا عنوان)
screen-in-lists = {" "}(القوائم المفحوصة: {$lists} فقط)
screen-no-match = لا تطابق بدرجة {$threshold} أو أعلى لـ «{$query}»{$place} في {$date}.
below-threshold = دون العتبة
label-matched-alias = الاسم البديل المطابَق
label-countries = البلدان
label-listed = الإدراج
label-effect = الأثر
effect-not-named = لا تسمّي قواعد earl قائمة {$list}؛ اقرأ البند وقائمته المصدر
label-licence-policy = سياسة الترخيص
label-why = السبب
screen-footer = القوائم: {$source}، {$generated}. التطابق خيط للمراجعة، وليس تحديدًا.
screen-listed-on = بموجب {$notice}، نافذًا من {$date}
screen-listed-by = بموجب {$notice}، نافذًا في {$date}
screen-listed-in-year = بموجب {$notice} ({$year}؛ التاريخ الدقيق غير معروف لـ earl)
screen-listed-no-notice = لا يُستشهد بأي إشعار في السجل الفيدرالي
screen-listed = {$when} — { $verdict ->
        [applies] مُدرج في التاريخ المطلوب
        [does-not-apply] لم يكن مُدرجًا بعد في التاريخ المطلوب
       *[undetermined] قد يكون مُدرجًا في التاريخ المطلوب وقد لا يكون
    }
lists-generated = أُنشئت في {$date}
lists-generation-date-unknown = تاريخ الإنشاء غير معروف
classify-excluded = ليس 3A090 — مستبعد بموجب {$exclusion}
classify-undetermined = غير محسوم — قد يكون {$possible}
classify-as-of = في {$date} وفق إصدار القواعد {$regime}{$scenario}
classify-contains = يحتوي على {$count} × {$name} ({$chip}): {$paragraph}
classify-part-not-3a090 = ليس 3A090 أو غير محسوم
classify-metrics = TPP {$tpp}{$precision} · PD {$pd} · مركز بيانات: {$datacenter} · عرض نطاق الذاكرة {$bandwidth}
label-rests-on-unverified = يستند إلى أرقام غير مُتحقق منها
rule-texts-in-english = بعض نصوص القواعد نفسها (الشروط والتنبيهات وما لم يفحصه earl وآثار القوائم) لا ترجمة لها بعد، فهي مقتبسة بالإنجليزية كما رمّزها earl؛ والاستشهادات كما نُشرت.

## Outcome classes (the charts, the page's timeline) and where a rule stands

outcome-class-no_licence = لا يلزم ترخيص
outcome-class-exception = استثناء ترخيص متاح
outcome-class-presumption_of_approval = ترخيص: افتراض الموافقة
outcome-class-case_by_case = ترخيص: مراجعة كل حالة على حدة
outcome-class-licence_no_policy = ترخيص: لم تُذكر سياسة مراجعة
outcome-class-presumption_of_denial = ترخيص: افتراض الرفض
outcome-class-policy_of_denial = ترخيص: سياسة الرفض
outcome-class-prohibited = محظور
outcome-class-undetermined = غير محسوم (الأرقام غير معروفة)
status-enforced = نافذ ومطبَّق
status-published_not_enforced = منشور وغير مطبَّق
status-announced = معلَن
status-proposed = مقترح
status-introduced = مقدَّم
status-passed_committee = أقرّته اللجنة
status-passed_one_chamber = أقرّه أحد المجلسين
status-enacted = صدر قانونًا
status-withdrawn = مسحوب

## The web page

page-language = اللغة
page-title = earl — قواعد التصدير الأمريكية لرقاقات الذكاء الاصطناعي
page-tagline = قواعد التصدير الأمريكية لرقاقات الذكاء الاصطناعي في صورة برمجية. كل جواب مؤرَّخ بتاريخ ويستشهد لكل خطوة. ليس مشورة قانونية ولا إذنًا بالتصدير.
page-token = رمز الوصول (Bearer token)
page-token-hint = يتطلب هذا الخادم رمزًا لواجهته البرمجية.
page-check-heading = هل تحتاج هذه الشحنة إلى ترخيص؟
page-chip = الرقاقة
page-destination = الوجهة
page-destination-placeholder = CN أو China
page-end-user = المستخدم النهائي
page-end-user-placeholder = اختياري: يُفحص مقابل القوائم
page-end-user-hq = مقر المستخدم النهائي
page-end-user-hq-placeholder = اختياري: البلد
page-date = التاريخ
page-scenario = السيناريو
page-rules-in-force = القواعد النافذة
page-check-button = تحقّق
page-screen-heading = فحص طرف
page-name = الاسم
page-country = البلد
page-optional = اختياري
page-screen-button = افحص
page-explore-heading = السيناريوهات والتاريخ
page-explore-hint = نتيجة كل رقاقة ووجهة في سيناريو ما، مع تمييز ما يختلف عن القواعد النافذة في التاريخ أعلاه (أو اليوم)؛ وكيف تغيّرت نتيجة رقاقة واحدة مع كل قاعدة.
page-chips = الرقاقات
page-destinations = الوجهات
page-matrix-button = اعرض المصفوفة
page-timeline-button = اعرض الخط الزمني
page-decision-prohibited = محظور: لا يمكن لأي ترخيص أن يجيزه
page-decision-possibly_prohibited = قد يكون محظورًا: لا تستبعد الوقائع المعروفة ذلك
page-decision-no_license_required = لا يلزم ترخيص
page-decision-license_exception = يلزم ترخيص، لكن ينطبق استثناء ترخيص
page-decision-presumption_of_approval = يلزم ترخيص: افتراض الموافقة
page-decision-case_by_case = يلزم ترخيص: مراجعة كل حالة على حدة
page-decision-presumption_of_denial = يلزم ترخيص: افتراض الرفض
page-decision-policy_of_denial = يلزم ترخيص: سياسة الرفض
page-decision-license_required = يلزم ترخيص
page-decision-undetermined = غير محسوم: الأرقام المعروفة لا تحسمه
page-classification = التصنيف
page-date-and-rules = التاريخ والقواعد
page-rules-as-of = {$date}، القواعد وفق الإصدار {$regime}
page-licence-exception = استثناء الترخيص
page-review-policy = سياسة المراجعة
page-end-user-matches = تطابقات المستخدم النهائي
page-charges = الرسوم
page-score = الدرجة {$score}
page-no-match-at-threshold = لا تطابق عند العتبة أو فوقها
page-no-end-user = لم يُذكر مستخدم نهائي
page-affiliates-heading = تابع لأطراف مدرجة (بيانات الملكية)
page-affiliate = {$party} — المالكون المدرجون: {$owners}؛ {$verdict}؛ {$rule}: {$status}
page-affiliate-owner = {$list}: {$name}
page-affiliate-applies = بلغت الحصة ما تشترطه القاعدة
page-affiliate-undetermined = قد يكون تابعًا (تاريخ إدراج غير معروف، أو حصة مستنتجة من السيطرة دون نسبة مذكورة)
page-rule-in-force = نافذة في التاريخ المطلوب: يُقيَّد كما يُقيَّدون
page-rule-suspended = معلّقة في التاريخ المطلوب: لم تُطبَّق؛ وتبقى الملكية مؤشر خطر
page-rule-not-in-force = غير نافذة في التاريخ المطلوب: لم تُطبَّق؛ وتبقى الملكية مؤشر خطر
page-owner-match = {$list}: {$name} (المالك {$party})
page-classification-undetermined = غير محسوم: {$possible}
page-possible-outcomes = النتائج التي ما زالت ممكنة (لا تحسم الأرقام المعروفة التصنيف)
page-if-licence-required = إن كان {$classification}: يلزم ترخيص
page-if-licence-exception = إن كان {$classification}: يلزم ترخيص، ويسري استثناء الترخيص {$exception}
page-if-no-licence = إن كان {$classification}: لا يلزم ترخيص
page-if-undetermined = إن كان {$classification}: غير محسوم
page-deciding = ما يحسم ذلك
page-why = الأسباب (كل خطوة مع استشهادها)
page-not-checked = لم يُفحص
page-checking = جارٍ التحقق…
page-screening = جارٍ الفحص…
page-comparing = جارٍ المقارنة…
page-drawing = جارٍ الرسم…
page-matched-as = بوصفه «{$name}»
page-pairs = الأزواج: {$pairs}
page-unmatched-query = غير مطابَق في الاستعلام: {$tokens}
page-weighed-low = بوزن منخفض: {$tokens}
page-transliterated = نقحرة: {$items}
page-screen-summary = التطابقات بدرجة {$threshold} أو أعلى: {$count} — قوائم {$generated} ({$source})
page-more = المزيد: {$count}
page-no-scenarios = لم يُحمَّل أي سيناريو.
page-chart-failed = تعذّر عرض الرسم البياني
page-matrix-alt = النتائج في السيناريو {$scenario} مقارنةً بالقواعد النافذة في {$date}
page-timeline-alt = قرار الترخيص عبر الزمن لـ {$chip} إلى {$destination}
page-lists-age-unknown = العمر غير معروف: الملف لا يحمل تاريخًا
page-lists-age = العمر بالأيام: {$days}
page-lists-unknown-date = في تاريخ غير معروف
page-lists = قائمة الفحص: {$source}، أُنشئت {$generated} ({$age}؛ عدد البنود {$total}).
page-newer-documents = وثائق نشرها مكتب الصناعة والأمن (BIS) منذ ترميز القواعد وقد تغيّر هذه الأجوبة: {$count}
page-effective = نافذة من {$date}
page-lists-failed = تعذّر عرض القوائم المستخدمة: {$reason}
page-api = الواجهة البرمجية (API)
page-licence-policy = سياسة الترخيص: {$policy}
page-review-heading = مراجعة المطابقات
page-review-hint = المطابقات المسجلة في سجل التدقيق التي لا يشملها قرار مراجِع، الأقدم أولًا. يتطلب تسجيل القرار خادمًا بدأ تشغيله برمز وصول.
page-review-load = تحميل قائمة الانتظار
page-review-loading = جارٍ التحميل…
page-review-per-list = بانتظار المراجعة، لكل قائمة: {$lists}
page-review-party = الطرف
page-review-entry = قيد القائمة
page-review-list = القائمة
page-review-entry-id = معرّف القيد
page-review-first-recorded = أول تسجيل
page-review-records = السجلات
page-review-decision = القرار
page-review-reviewer = المراجِع
page-review-reason = السبب
page-review-expires = آخر يوم يسري فيه
page-review-submit = تسجيل القرار
page-review-recording = جارٍ التسجيل…
page-review-recorded = سُجّل القرار {$id}: {$decision}، «{$party}» ≈ {$name} [{$entry}].
page-review-refused = لم يُسجَّل ({$status} {$code}): {$message}
page-review-not-read = تعذّرت قراءة {$count} من السجلات، وأي مطابقة فيها غائبة عن قائمة الانتظار هذه: {$records}

## The charts (svg.rs)

chart-legend = مفتاح الرموز
chart-diff-title = نتيجة ترخيص التصدير وفق {$to}
chart-diff-subtitle = الخلايا المؤطّرة بالأسود تغيّرت عن {$from} — تغيّرت {$changed} من أصل {$cells} خلية.
chart-destination-axis = الوجهة (رمز ISO؛ صادرات من الولايات المتحدة)
chart-chip-axis = الرقاقة
chart-outlined = مؤطّرة: النتيجة تختلف عن {$from} (الترخيص أو الاستثناء أو سياسة المراجعة أو الشروط أو الرسوم)
chart-with-scenario = {" "}مع السيناريو {$scenario}
chart-timeline-title = {$chip} إلى {$destination}: قرار الترخيص، من {$start} إلى {$end}{$scenario}
chart-timeline-subtitle = صادرات من الولايات المتحدة، دون ذكر مستخدم نهائي. كل درجة تاريخٌ غيّرت فيه قاعدةٌ أو تغييرٌ في مجموعات البلدان النتيجةَ (مدرجة أدناه).
chart-determination-axis = القرار (الأشد تقييدًا ↓)
chart-july = يوليو {$year}
chart-date-axis = التاريخ (إصدارات القواعد النافذة)
chart-outcome-band = شريط النتيجة
chart-changes = التغييرات
chart-start = بداية الخط الزمني
chart-change = {$date} — {$outcome} — {$cause}

## Licences and shipments (prose.rs)

fresh-check-decided-by = {" "}(يحسمه {$deciding})
fresh-check-prohibited = يجد فحصٌ جديد أن هذا التصدير محظور في {$date}{$by}: لا يمكن لأي ترخيص أن يجيزه، فستُرفض الشحنات بموجب الترخيص {$number}؛ سُجّل كما طُلب
fresh-check-possibly-prohibited = لا يستطيع فحصٌ جديد أن يستبعد حظر هذا التصدير في {$date}{$by}: ستُرفض الشحنات بموجب الترخيص {$number} حتى يُحسم ذلك؛ سُجّل كما طُلب
fresh-check-no-licence-needed = يجد فحصٌ جديد أن هذا التصدير لا يحتاج إلى ترخيص في {$date}{$by}؛ سُجّل الترخيص {$number} كما طُلب، لكنه لا يجيز شيئًا كان يحتاج إلى ترخيص
fresh-check-undetermined = يترك فحصٌ جديد حاجةَ هذا التصدير إلى ترخيص في {$date} غير محسومة{$by}؛ سُجّل الترخيص {$number} كما طُلب
none-named = (لا يوجد)
refusal-unknown-licence = لا يوجد ترخيص {$number} مسجّل (انظر `earl licence list`).
refusal-duplicate-licence = الترخيص {$number} مسجّل من قبل؛ يُسجَّل الترخيص مرة واحدة.
refusal-before-issue = تاريخ الشحنة {$date} يسبق إصدار الترخيص {$number} ({$issued}).
refusal-expired = انتهى الترخيص {$number} في {$expires}؛ وتاريخ الشحنة {$date}.
refusal-over-quantity = شحنة من {$asked} وحدة تتجاوز ما تبقّى في الترخيص {$number}: {$remaining} وحدة.
refusal-over-value = قيمة الشحنة، US${$asked}، تتجاوز ما تبقّى في الترخيص {$number}: US${$remaining}.
refusal-value-needed = يحدّ الترخيص {$number} من القيمة المشحونة: أعطِ قيمة الشحنة ‎--value.
refusal-mismatch = الترخيص {$number} صادر لـ {$licensed}، لا لـ {$asked}.
refusal-end-user-mismatch = يسمّي الترخيص {$number} المستخدم النهائي {$licensed}، لا {$asked}.
refusal-prohibited = يجد فحصٌ جديد للشحنة أنها محظورة: لا يمكن لأي ترخيص، بما فيه {$number}، أن يجيزها.
refusal-possibly-prohibited = لا يستطيع فحصٌ جديد للشحنة أن يستبعد حظرها (انظر الوقائع الحاسمة في الفحص): لا يمكن الاعتماد على الترخيص {$number} حتى يُحسم ذلك.
refusal-listed-since = المستخدم النهائي {$party} يطابق {$listed_as} في قائمة {$list}، وقد أُدرج بعد إصدار الترخيص {$number} (أو في تاريخ لا يستطيع earl أن يضعه قبله): قد لا يكون الترخيص هو ما تحتاجه الشحنة بعد الآن.
refusal-owners-listed-since = في تاريخ الشحنة يملك أطرافٌ مدرجون في قائمة {$list} نسبة {$percent}% من المستخدم النهائي {$party} (قاعدة الشركات التابعة لقائمة الكيانات)، ولم يكن الأمر كذلك عند إصدار الترخيص {$number} في {$issued} (مالك أُدرج لاحقًا، أو حصة اكتُسبت لاحقًا، أو قاعدة دخلت حيز النفاذ لاحقًا): لم يُحسم ما إذا كان الترخيص لا يزال يجيز الشحنة؛ استشر BIS قبل الشحن.
refusal-cap = مرفوض بموجب {$entry} ({$rule} — {$cite}): إن {$asked} وحدة إضافية من {$chip} سترفع الشحنات إلى {$places} في إطار هذا المسار إلى {$total}، أي فوق {$share}% من الوحدات الـ {$us_units} المشحونة إلى مستخدمين نهائيين في الولايات المتحدة حتى تاريخ الشحنة (المسموح {$allowed}).

## Scenarios, diff and timeline (explore.rs)

point-scenario = السيناريو {$scenario} فوق قواعد {$date}
point-rule-version = إصدار القواعد {$spec} ({$date})
point-rules-of = قواعد {$date}
event-lapses = ينقضي {$id} — {$title} [{$cite}]
event-country-group = { $action ->
        [add] تنضم
       *[other] تخرج
    } {$country} { $action ->
        [add] إلى
       *[other] من
    } مجموعة البلدان {$group} [{$cite}]
brief-licence-required = يلزم ترخيص
brief-no-licence = لا يلزم ترخيص
brief-licence-undetermined = الترخيص غير محسوم
brief-prohibited = محظور
brief-possibly-prohibited = قد يكون محظورًا
brief-exception = الاستثناء {$code}
brief-conditions = { $count ->
        [one] شرط واحد
        [two] شرطان
        [few] {$count} شروط
        [many] {$count} شرطًا
       *[other] {$count} شرط
    }
scenarios-head = { $count ->
        [zero] لا سيناريوهات
        [one] سيناريو واحد
        [two] سيناريوهان
        [few] {$count} سيناريوهات
        [many] {$count} سيناريو
       *[other] {$count} سيناريو
    } (للاستخدام مع ‎--scenario ID، أو بوصفه A/B في earl diff):
scenario-effective-until = نافذ من {$from} حتى {$until}
scenario-effective = نافذ من {$from}
scenario-no-date = بلا تاريخ نفاذ: ينطبق على أي تاريخ مطلوب
scenario-status = الحالة: {$status}؛ {$when}
diff-head = earl diff: A = {$a}  ←  B = {$b}
diff-subtitle = صادرات من الولايات المتحدة، دون ذكر مستخدم نهائي؛ النتائج المقارنة: الترخيص، الاستثناء، سياسة المراجعة، الشروط، الرسوم.
diff-only-in-b = مطبَّق في B فقط
diff-only-in-a = مطبَّق في A فقط
diff-summary = {$chips} رقاقة × {$destinations} وجهة = {$cells} خلية؛ تغيّر منها {$changed}.
label-because-of = بسبب
diff-country-group = مجموعة البلدان: { $action ->
        [add] تنضم
       *[other] تخرج
    } {$country} { $action ->
        [add] إلى
       *[other] من
    } {$group} في {$date} — {$cite}
timeline-head = {$chip} ← {$destination}: صادرات من الولايات المتحدة، دون ذكر مستخدم نهائي{$scenario}؛ فُحص { $count ->
        [one] إصدار واحد للقواعد
        [two] إصداران للقواعد
        [few] {$count} إصدارات للقواعد
        [many] {$count} إصدارًا للقواعد
       *[other] {$count} إصدار للقواعد
    } من {$first} إلى {$until}، و{ $periods ->
        [one] فترة واحدة متميزة
        [two] فترتان متميزتان
        [few] {$periods} فترات متميزة
        [many] {$periods} فترة متميزة
       *[other] {$periods} فترة متميزة
    }.
timeline-today = اليوم
label-changed-by = تغيّر بسبب
# Right to left the arrow points from the first date (at the right) to the second.
timeline-period = {$from} ← {$until}   {$outcome}

## الاختصاص: هل يخضع الصنف للوائح الرقابة على الصادرات (15 CFR 734.3 و734.4 و734.9)
step-tpp-range = TPP بين {$low} و{$high} (لم يُنشر معدل الأداء؛ هذا هو النطاق الذي تعطيه مصادره، {$source})
step-subject = الصنف خاضع للوائح الرقابة على الصادرات (EAR).
step-not-subject = غير خاضع للوائح الرقابة على الصادرات (EAR): لا يشمل أيٌّ من فروع 15 CFR 734.3 هذا الصنف، فلا ينطبق عليه أي شرط ترخيص بموجب هذه اللوائح.
step-subject-undetermined = خضوع الصنف للوائح الرقابة على الصادرات (EAR) غير محسوم، ولذلك فإن الحاجة إلى ترخيص غير محسومة أيضًا؛ ويلي ذلك ما ينطبق إن كان خاضعًا.
step-production = وقائع الإنتاج: بلد الصنع {$made_in}؛ المحتوى الأمريكي المنشأ الخاضع للرقابة {$us_content}؛ منتج مباشر لتقنية أو برمجيات أمريكية المنشأ: {$us_tech}.
fact-sourced = {$value} ({$source})
fact-sourced-unverified = {$value} ({$source}، غير موثَّق)
fact-yes = نعم
fact-no = لا
fact-or = {" "}أو{" "}
prong-us-located = موجود في الولايات المتحدة
prong-us-origin = أمريكي المنشأ
prong-de-minimis-level = الحد الأدنى (محتوى أمريكي خاضع للرقابة يزيد على {$level}%)
prong-de-minimis = الحد الأدنى (de minimis)
prong-direct-product = المنتج الأجنبي المباشر
prong-presumed = خاضع بافتراض مكتب الصناعة والأمن (BIS)
step-prong-applies = {$prong}: خاضع للوائح الرقابة على الصادرات — {$rule}
step-prong-does-not-apply = {$prong}: لا يشمل الصنف — {$rule}
step-prong-unsettled = {$prong}: غير محسوم — نطاق القاعدة غير مستقر: {$rule} وتختلف القراءات: {$readings}.
step-prong-fact-unknown = {$prong}: غير محسوم — واقعة حاسمة غير معروفة: {$rule}
verdict-not-subject = غير خاضع للوائح الرقابة على الصادرات (EAR) — لا يشمله أي شرط ترخيص بموجبها (انظر المسار)
verdict-jurisdiction-undetermined = {" "}(خضوعه للوائح الرقابة على الصادرات غير محسوم)

## earl match
match-score = {$score} — {$matched ->
    [yes] مطابقة
   *[no] لا مطابقة
} (العتبة {$threshold})
match-pair = {$query} ≈ {$list} ({$similarity}، {$method})
match-unmatched-first = غير مقترن في الاسم الأول: {$tokens}
match-unmatched-second = غير مقترن في الاسم الثاني: {$tokens}
match-transliterated = نقحرة ({$script}، {$method}): {$from} → {$to}

## earl about
about-rules = القواعد: مصادر حتى {$as_of} ({$versions} نسخة من القواعد؛ أحدثها {$newest})
about-newest-rule = {$id} نافذة من {$effective}
about-none = لا شيء
about-scenarios = السيناريوهات: {$count}
about-chips = الرقائق: {$count} (مصادر حتى {$as_of})
about-country-groups = مجموعات الدول: إصدار eCFR {$issue} + {$changes} تغييرات مؤرخة
about-listing-dates = تواريخ الإدراج: {$count} وثيقة من السجل الفيدرالي
about-screening = الفحص: القائمة الموحدة للفحص (Consolidated Screening List)، {$generated} ({$entries} قيدًا)، من {$file}
about-content-hash = بصمة المحتوى: {$hash}
about-newer-documents = وثائق نشرتها BIS منذ تاريخ مصادر القواعد {$as_of} وقد تغيّر هذه الإجابة (لم يرمّزها earl):
about-effective = ، نافذة من {$date}


## Hit review (earl review; reviewed and re-raised hits)
label-entry = القيد
decision-false-positive = إيجابية كاذبة
decision-true-match = مطابقة صحيحة
decision-escalated = مُصعَّدة
review-confirmed = راجعها {$reviewer} في {$date} بوصفها مطابقة صحيحة (القرار {$id}): {$reason}
review-escalated = صعّدها {$reviewer} في {$date} (القرار {$id})، وما زالت مفتوحة: {$reason}
review-reraised-changed = أُثيرت مجددًا: تغيّر القيد منذ أن استبعده {$reviewer} بوصفه إيجابية كاذبة في {$date} (القرار {$id}؛ بصمة القيد {$reviewed} أصبحت {$current})
review-reraised-expired = أُثيرت مجددًا: انتهت صلاحية القرار {$id} ({$reviewer}، {$date}: إيجابية كاذبة) في {$expires}، قبل {$judged}
heading-reviewed = تمت مراجعتها — استُبعدت بوصفها إيجابيات كاذبة؛ لا يقوم عليها أي قرار ترخيص:
reviewed-hit = «{$party}» ≈ {$name} في {$list} [{$entry}]: إيجابية كاذبة بحسب {$reviewer} في {$date} (القرار {$id}{$expires}): {$reason}
reviewed-expires = ، حتى {$date}
disposition-line = {$id}  {$decision}  «{$party}»{$country} ≈ {$name} [{$entry}] — {$reviewer}، {$date}{$expires}: {$reason}
disposition-country = {" "}({$country})
disposition-revoked = {"   "}ألغاه {$reviewer} في {$date} (السجل {$id}): {$reason}
review-none = لا توجد قرارات مسجلة.
revocation-recorded = أُلغي القرار {$disposition} (السجل {$id}): تُثار مطابقته مجددًا.
queue-empty = لا توجد مطابقة مسجلة تنتظر المراجعة.
queue-head = { $count ->
    [zero] لا توجد مطابقات مسجلة تنتظر المراجعة ({$lists}):
    [one] مطابقة مسجلة واحدة تنتظر المراجعة ({$lists}):
    [two] مطابقتان مسجلتان تنتظران المراجعة ({$lists}):
    [few] {$count} مطابقات مسجلة تنتظر المراجعة ({$lists}):
    [many] {$count} مطابقة مسجلة تنتظر المراجعة ({$lists}):
   *[other] {$count} مطابقة مسجلة تنتظر المراجعة ({$lists}):
}
queue-hit = {$recorded}  «{$party}» ≈ {$name} في {$list} [{$entry}] — الدرجة {$score}؛ السجلات {$records}
queue-no-entry-id = لم يُسجَّل معرّف القيد: أعد الفحص

owners-imported = استُورد {$file} ({$format}، {$rows} صفًا، SHA-256 {$sha}) بوصفه مجموعة البيانات {$dataset}: {$percent} حصة بنسبة مذكورة، و{$read} مقروءة على نحو آخر (نطاق، أو سيطرة دون نسبة)؛ وتُخطّي {$skipped} سجلًا. يضم السجل {$after} حافة (قبلها: {$before})؛ وإصداره {$version}.
owners-found = {$asked} موجود في سجل الملكية باسم {$found} (إصدار السجل {$version}).
owners-not-found = {$asked} غير موجود في سجل الملكية (الإصدار {$version}): ملكيته غير معروفة لـ earl، لا "بلا مالكين".
owners-up = المالكون، صعودًا:
owners-down = الحصص، نزولًا:
owners-none = لا شيء في السجل
owners-list = {$edges} حافة من {$imports} عملية استيراد؛ إصدار السجل {$version}.
owners-affiliates = {$count} تابعًا لأطراف مدرجة في {$date} (فُحص {$owners} مالكًا في السجل؛ إصدار السجل {$version}).
owners-diff = {$old} ← {$new}: أُضيفت {$added} حصة، وأُزيلت {$removed}، وتغيّرت {$changed}، وبقيت {$unchanged} دون تغيير.

## The licence ledger (earl licence, earl ship, earl ledger)
licences-none = لم يُسجَّل أي ترخيص.
licence-line = الترخيص {$number}: {$item} → {$destination}{$end_user} (صدر في {$issued}{$expires}){$expired}
licence-end-user = ، المستخدم النهائي {$name}
licence-expires = ، ينتهي في {$date}
licence-expired = {" "}— منتهي الصلاحية
licence-quantity = الكمية: شُحن {$shipped} من {$limit} · المتبقي {$remaining}
licence-unlimited = غير محدودة
licence-value = القيمة: شُحن ما قيمته {$shipped} دولار أمريكي من {$limit} دولار أمريكي · المتبقي {$remaining} دولار أمريكي
licence-conditions = الشروط: {$conditions}
licence-shipment = الشحنة رقم {$seq}: {$quantity} وحدة في {$date}{$value}
shipment-value = ، {$value} دولار أمريكي
shipment-recorded = سُجِّل: {$quantity} × {$item} → {$destination} في {$date} {$under}{$left}
shipment-to-us = إلى مستخدمين نهائيين في الولايات المتحدة
shipment-under = بموجب الترخيص {$licence}
shipment-left = ؛ تبقّى {$remaining} وحدة
shipment-note = ملاحظة: {$note}
ledger-head-chip = الرقاقة
ledger-head-us = وحدات الولايات المتحدة
ledger-head-china = وحدات الصين+ماكاو
ledger-head-lane = ضمن المسار
ledger-head-headroom = المتاح في المسار
ledger-lane = مسار يناير 2026 (91 FR 1684): لا يتجاوز إجمالي شحنات الرقاقة إلى الصين وماكاو 50% مما يُشحن إلى المستخدمين النهائيين في الولايات المتحدة؛ تُعدّ الوحدات بالرقاقات، والنظام بما يحتويه منها.

## The audit trail (earl audit list, verify, tail) and the lists in use (earl lists)
audit-shown = عُرض {$count} سجلًا ({$path})
audit-verify-ok = سليم: {$count} سجلًا، والسلسلة متصلة ({$path})؛ آخر بصمة {$hash}
audit-verify-empty = لا شيء (سجل التدقيق فارغ)
audit-verify-altered = مُعدَّل: أول سجل معيب هو {$seq} من {$count}: {$reason}
audit-tail = السجل {$seq} من {$path}: البصمة {$hash}
audit-tail-keep = احفظ هذه البصمة في مكان آخر: يُظهر `earl audit verify` لاحقًا البصمة نفسها عند السجل {$seq}، وإلا فقد قُطع سجل التدقيق أو أُعيدت كتابته
audit-tail-none = {$path}: لا سجلات بعد
lists-line = {$file} — {$generated} ({$basis})، {$count} قيدًا، sha256 {$sha256}
lists-basis-bundled = التاريخ الموثَّق للنسخة المرفقة
lists-basis-envelope = من حقل التاريخ في الملف نفسه
lists-basis-unknown = لا يحمل الملف تاريخًا

## The catalogs (earl chips, earl systems)
chips-head-id = المعرّف
chips-head-vendor = المورّد
chips-head-name = الاسم
chips-head-dc = مراكز البيانات
chips-head-memory = الذاكرة GB/s
chips-footer = {$count} رقاقة. تُحسب TPP وPD من الإنتاجية الكثيفة ومساحة الرقاقة في الفهرس؛ * = تستند إلى رقم موسوم بأنه غير مُتحقق منه.
catalog-as-of = الفهرس حتى {$as_of} ({$source}).
systems-head-form = الشكل
systems-head-contains = يحتوي
systems-head-confidence = الثقة
systems-china-variant = {" "}(نسخة الصين)
systems-footer = {$count} نظامًا. الأعداد عبوات مسرّعات، لكل منها مصدره (`earl systems --json`).
systems-as-of = الأنظمة حتى {$as_of} ({$source}).

## earl impact
impact-head = earl impact: {$rules} إلى {$destination}، صادرات من الولايات المتحدة
impact-scenario-dates-both = من {$from} حتى {$until}
impact-scenario-dates-from = من {$from}
impact-scenario-dates-until = حتى {$until}
impact-scenario-dates-any = في أي تاريخ
impact-scenario-not-in-force = ملاحظة: السيناريو {$scenario} نافذ {$dates}، لا في {$date}: كل رقم أدناه للقواعد وحدها.
impact-scenario-no-change = ملاحظة: السيناريو {$scenario} لا يغيّر شيئًا هنا: إذا طُبّق على القواعد النافذة في {$date} فلا يحسم أي سطر على نحو مختلف (حسمته {$decided_by})، فكل رقم أدناه يساوي الإجابة من دونه.
impact-col-chip = الرقاقة
impact-col-units = الوحدات
impact-col-h100 = مكافئ H100
impact-col-fp16 = FP16 كثيفة
impact-col-fp8 = FP8 كثيفة
impact-col-determination = التحديد
impact-missing = غير متوفر
impact-licensable = قابلة للترخيص
impact-not-licensable = غير قابلة للترخيص
impact-total = المجموع: {$units} وحدة، {$tpp} TPP = {$h100} مكافئًا لـ H100 (رقاقة H100 SXM واحدة = {$h100_tpp} TPP في الفهرس).
impact-dense = FP16 كثيفة: {$fp16}؛ FP8 كثيفة: {$fp8}.
impact-not-counted = غير محسوبة (لا يذكر الفهرس إنتاجية بتلك الدقة): {$precisions}.
impact-licensable-line = قابلة للترخيص: {$units} من {$total} وحدة ({$share_units})، {$tpp} TPP ({$share_tpp}).
impact-licensable-definition = تكون الوحدة قابلة للترخيص إذا كان تصديرها إلى الوجهة، بموجب القواعد (والسيناريو) المطلوبة، لا يحتاج إلى ترخيص، أو يمكن أن يأذن به استثناء ترخيص، أو يلزم له ترخيص بموجب سياسة مراجعة ليست افتراض الرفض ولا سياسة الرفض (على أساس كل حالة على حدة، أو افتراض الموافقة، أو دون سياسة مذكورة)، ولم يكن محظورًا. أما الوحدات الخاضعة لافتراض الرفض أو سياسة الرفض، أو المحظورة، أو التي لا تستطيع الأرقام حسم تصنيفها، فليست قابلة للترخيص.
impact-no-charges = لا تنطبق أي رسوم أو تعريفات بموجب هذه القواعد.
impact-charges = الرسوم والتعريفات (النسبة × السعر × الوحدات):
impact-charge-amount = {$rate} × {$price} × {$units} وحدة = {$amount}
impact-charge-no-price = لم يُعطَ ‎--price، فلم يُحسب المبلغ
impact-charge-may = {" "}(قد تنطبق: الأرقام التي تحسمها غير معروفة بدقة؛ غير داخلة في المجموع)
impact-total-due = المستحق الإجمالي: {$amount}
impact-give-price = أعطِ ‎--price لـ: {$chips}
impact-reference = أرقام مرجعية (المصدر، التاريخ، الثقة):
impact-unit-chip = وحدة ({$chip})
impact-compare-chip = TPP الشحنة تساوي {$ratio} من هذا الرقم ({$value} {$chip} ≈ {$h100} مكافئًا لـ H100)
impact-compare = TPP الشحنة تساوي {$ratio} من هذا الرقم
impact-compare-context = للسياق فقط: لا وحدة مشتركة بين حصة من القدرة الحاسوبية العالمية وشحنة
impact-note = ملاحظة: {$note}

## How current the lists in use are
staleness-old = قوائم الفحص الصادرة في {$generated} عمرها {$age} يومًا (أكثر من {$max})؛ نزّل قائمة موحدة حديثة
staleness-undated = قوائم الفحص في {$file} لا تحمل تاريخ إصدار، فلا يستطيع earl معرفة مدى حداثتها (آخر تعديل للملف {$modified})؛ استخدم ملف JSON من trade.gov، وهو مؤرخ، أو `earl update`
staleness-modified-on = في {$date}
staleness-modified-unknown = في وقت غير معروف

## Keeping answers current (currency.rs): earl lists, earl lists diff, earl audit rescreen and recheck
quoted = «{$text}»
lists-in-use = القائمة المستخدمة: {$source}، أُنشئت في {$date}، وعمرها { $days ->
        [one] يوم واحد
        [two] يومان
        [few] {$days} أيام
        [many] {$days} يومًا
       *[other] {$days} يوم
    }.
lists-in-use-undated = القائمة المستخدمة: {$source}، تاريخ إنشائها غير معروف (لا يحمل الملف تاريخًا)، فعمرها غير معروف.
lists-provenance = {$source} ({$generated}، { $count ->
        [one] قيد واحد
        [two] قيدان
        [few] {$count} قيود
        [many] {$count} قيدًا
       *[other] {$count} قيد
    }، sha256 {$hash}…)
lists-diff-from = من {$provenance}
lists-diff-to = إلى {$provenance}
lists-diff-same = تحمل النسختان القيود نفسها.
lists-diff-counts = أُضيف {$added}، حُذف {$removed}، تغيّر {$changed}
lists-diff-field = {$before} ← {$after}
records-and-more = {$shown} و{$more} غيرها
reexamine-party-change = {$name} — {$list}: {$entry} (باسم «{$matched}»، الدرجة {$score})؛ السجلات {$records}
not-read-record = السجل {$record}: {$reason}
not-read-more = … و{$more} غيرها (انظر ‎--json)
rescreen-head = فُحص { $parties ->
        [one] طرف واحد
        [two] طرفان
        [few] {$parties} أطراف
        [many] {$parties} طرفًا
       *[other] {$parties} طرف
    } واردة في { $records ->
        [one] سجل واحد
        [two] سجلين
        [few] {$records} سجلات
        [many] {$records} سجلًا
       *[other] {$records} سجل
    } (مرات الورود: {$occurrences}) مقابل {$source} (sha256 {$hash}…): فُحص منها الآن {$screened}، وسبق فحص {$reused} مقابل هذه القوائم.
rescreen-unchanged-by-update = من الأسماء التي فُحصت مقابل القوائم السابقة (sha256 {$hash}…) يبقى {$names} على نتيجته: التحديث (قيود أُضيفت أو تغيّرت: {$added}؛ قيود حُذفت أو تغيّرت: {$removed}) لا يطالها.
rescreen-none-changed = لم تتغير تطابقات أي طرف.
rescreen-new-hits = مُدرج الآن (تطابقات لم تكن في السجلات):
rescreen-reraised = أُثير مجددًا (تطابقات كان مراجِع قد استبعدها بوصفها إيجابيات كاذبة):
rescreen-cleared = لم يعد مطابقًا (تطابقات كانت في السجلات):
rescreen-not-read = تعذّرت قراءة { $count ->
        [one] سجل واحد
        [two] سجلين
        [few] {$count} سجلات
        [many] {$count} سجلًا
       *[other] {$count} سجل
    }:
recheck-head = التحققات المسجلة: {$records} (الأسئلة المختلفة: {$questions})، أُجيب عنها من جديد وفق القواعد والقوائم المستخدمة ({$source}).
recheck-ownership-graph = بُحث عن المالكين أيضًا في سجل الملكية، الإصدار {$graph}.
recheck-none-changed = لم تتغير أي إجابة.
recheck-outcome = { $licence ->
        [required] يلزم ترخيص
        [not-required] لا يلزم ترخيص
       *[undetermined] غير محسوم
    }{ $prohibited ->
        [yes] {"، محظور"}
       *[no] {""}
    }
recheck-changed = السجل {$record} ({$date}): {$before} ← {$after}؛ بسبب {$because}
recheck-because-details = تفاصيل الإجابة
recheck-not-rechecked = تعذّرت إعادة التحقق من { $count ->
        [one] سجل واحد
        [two] سجلين
        [few] {$count} سجلات
        [many] {$count} سجلًا
       *[other] {$count} سجل
    }:

## The CLI's own status lines (status.rs), after "earl: "
batch-screened = الصفوف: {$rows}؛ فيها تطابقات: {$hits}؛ تعذّر فحصها: {$failed}
batch-checked = الصفوف: {$rows}؛ تم التحقق منها: {$checked} (يلزمها ترخيص: {$required}{ $undetermined ->
        [0] {""}
       *[other] ؛ غير محسومة: {$undetermined}
    })؛ تعذّر التحقق منها: {$failed}
audit-exported = صُدِّر { $count ->
        [one] سجل واحد
        [two] سجلان
        [few] {$count} سجلات
        [many] {$count} سجلًا
       *[other] {$count} سجل
    }
written-matrix = كُتبت المصفوفة في {$path}
written-chart = كُتب الرسم البياني في {$path}

## The lists' count-drop warnings (currency.rs) and `earl update`'s report
count-drop-vanished = القائمة {$list} فارغة أو مفقودة (كان عدد قيودها {$before})
count-drop = انخفض عدد قيود القائمة {$list} من {$before} إلى {$now} (−{$percent}%، أي أكثر من {$max}%)
list-warning-against-bundled = {$drop} في {$file}، مقارنةً بالقوائم المرفقة
list-warning-partial-accepted = جرى الفحص مقابل قوائم لا تحوي أي صف من {$missing}، كما قُبل (‎--accept-partial-lists): لن يُعثر على طرف مُدرج فيها وحدها
essential-list-el = قائمة الكيانات (EL)
essential-list-sdn = قائمة SDN (SDN)
essential-lists-both = {$first} و{$second}
update-lists-in-use = القوائم المستخدمة الآن: {$file} من {$url} (عدد القيود: {$count}؛ تاريخ الإنشاء: {$generated})، جُلبت في {$fetched}؛ sha256 {$hash}
update-generated-unknown = غير معروف (لا يحمل الملف تاريخًا)
update-previously = القوائم السابقة: {$source}
update-accepted-drop = قُبل (‎--accept-drop): {$drop}
update-documents = وثائق مكتب الصناعة والأمن (BIS) المنشورة منذ {$since} والتي تمس الأجزاء التي يرمّزها earl: {$count} (الصفحات المقروءة: {$pages}):
update-document = {$date} {$kind} — {$title} ({$citation})
update-no-documents = لا يوجد ملف documents*.json في الدليل: لم تُحدَّث وثائق السجل الفيدرالي.

## The CLI's refusals of bad input (errors.rs), after "earl: "
error-unknown-chip = رقاقة غير معروفة «{$name}» (انظر ‎`earl chips`)
error-unknown-chip-suggest = رقاقة غير معروفة «{$name}»؛ أقرب الأسماء في الكتالوج: {$suggestions} (انظر ‎`earl chips`)
error-unknown-country = بلد غير معروف «{$name}» (اذكر رمز ISO 3166-1 المؤلف من حرفين مثل CN، أو اسمًا)
error-unknown-country-suggest = بلد غير معروف «{$name}»؛ هل تقصد {$suggestions}؟ (اذكر رمز ISO 3166-1 المؤلف من حرفين مثل CN، أو اسمًا)
error-ambiguous-country = اسم البلد «{$name}» ملتبس: قد يعني {$candidates} (اذكر رمز ISO 3166-1 المؤلف من حرفين مثل CN، أو اسمًا)
error-bad-date = تاريخ غير صالح «{$text}»: الصيغة المتوقعة YYYY-MM-DD
error-bad-date-detail = تاريخ غير صالح «{$text}»: الصيغة المتوقعة YYYY-MM-DD ({$detail})
error-unknown-scenario = سيناريو غير معروف «{$name}» (السيناريوهات المعروفة: {$known}؛ أو قدّم ملف سيناريو)
error-unknown-point = «{$spec}» ليس تاريخًا (YYYY-MM-DD) ولا معرّف نسخة من القواعد (انظر data/rules.toml، مثل 2026-01-15-h200-lane) ولا معرّف سيناريو (السيناريوهات المعروفة: {$known})
error-not-assignment = ‎{$flag} «{$arg}»: الصيغة المتوقعة {$form}، مثل {$example}
error-bad-units = ‎--units «{$arg}»: «{$n}» ليس عددًا صحيحًا من الوحدات (المتوقع عدد صحيح موجب)
error-zero-units = ‎--units «{$arg}»: يجب ألا يقل عدد الوحدات عن 1
error-bad-price = ‎--price «{$arg}»: «{$price}» ليس سعرًا بالدولار الأمريكي (مثل 27000 أو 27000.50)
error-name-empty = {$subject} فارغ
error-name-too-long = {$subject} يتجاوز الحد الأقصى لعدد الأحرف ({$max})
error-name-control = {$subject} «{$name}» يحوي {$char} في الحرف رقم {$at} (حرف تحكم أو فاصل أسطر): احذفه
error-name-bidi = {$subject} «{$name}» يحوي {$char} في الحرف رقم {$at} (حرف تحكم ثنائي الاتجاه، يغيّر طريقة عرض الاسم لا ما يُفحص): احذفه
error-name-no-letter = {$subject} «{$name}» لا يحوي أي حرف أو رقم: لا شيء يُفحص
name-subject-name = الاسم
name-subject-to-screen = الاسم المراد فحصه
name-subject-first = الاسم الأول
name-subject-second = الاسم الثاني
name-subject-end-user = اسم المستخدم النهائي
name-subject-owner-name = اسم المالك
name-subject-party = اسم الطرف
name-subject-owner = المالك
name-subject-owned = الكيان المملوك
error-rows-not-checked = صفوف تعذّر التحقق منها: {$failed} من أصل {$rows} (انظر أعلاه)
error-rows-not-screened = صفوف تعذّر فحصها: {$failed} من أصل {$rows} (انظر أعلاه)
error-unreadable-row = {$file}: السطر {$line}: صف تتعذّر قراءته: {$error}
error-unreadable = صف تتعذّر قراءته: {$error}
# ملف سمّاه المستخدم
error-cannot-open = {$file}: تعذّر فتح الملف: {$error}
error-cannot-read = {$file}: تعذّرت قراءة الملف: {$error}
error-cannot-create = {$file}: تعذّر الإنشاء: {$error}
error-unknown-column = {$file}: السطر 1، العمود {$column}: عمود غير معروف «{$name}»؛ الأعمدة هي: {$expected}
error-unknown-column-hint = {$file}: السطر 1، العمود {$column}: عمود غير معروف «{$name}» (هل تقصد «{$hint}»؟)؛ الأعمدة هي: {$expected}
error-column-twice = {$file}: السطر 1: العمود «{$name}» مذكور مرتين
error-missing-column = {$file}: السطر 1: العمود «{$name}» مفقود (الأعمدة هي: {$expected})
error-missing-pair-column = {$file}: السطر 1: العمود «{$name}» مفقود (يُقارَن بين العمودين a و b)
error-row = {$file}: السطر {$line}: {$reason}
error-not-whole-number = القيمة «{$text}» في العمود {$column} ليست عددًا صحيحًا
error-not-number = القيمة «{$text}» في العمود {$column} ليست عددًا
error-not-yes-no = القيمة «{$text}» في العمود {$column} ليست yes أو no (اترك الخانة فارغة إن لم تكن المعلومة معروفة)
error-quantity-not-units = الكمية (quantity) ليست عددًا صحيحًا من الوحدات
error-licence-and-us = يكون الصف إمّا بموجب ترخيص وإمّا بالعمود us، لا الاثنين معًا
error-owns-itself = يَذكر الملف أن «{$name}» يملك نفسه
error-not-share = العمود percent: القيمة «{$text}» ليست حصة أكبر من 0 ولا تزيد على 100
error-not-date = العمود {$column}: القيمة «{$text}» ليست تاريخًا (YYYY-MM-DD)
error-to-before-from = العمود to: التاريخ {$to} سابق لتاريخ العمود from ({$from})
error-at = {$file}: السطر {$line}: {$reason}
error-review-unknown-column = عمود غير معروف «{$name}» (الأعمدة: {$required}، واختياريًا: {$optional})
error-header-lacks = يخلو سطر العناوين من العمود «{$name}»
error-not-decision = قيمة العمود decision إمّا false-positive أو true-match أو escalated
note-absent-columns = {$file}: أعمدة غير موجودة، تُعدّ فارغة في كل صف: {$columns}
io-not-found = لا يوجد ملف أو دليل بهذا الاسم
io-permission-denied = الإذن مرفوض

## A figure outside its bound (earl_core::bounds): what it is, and why the bound is there.
error-out-of-bounds = ‎{$flag}: القيمة {$value} خارج الحدود المقبولة ({$what}: {$low} ولا يزيد على {$max}): {$reason}
bound-more-than = أكبر من {$min}
bound-at-least = لا يقل عن {$min}
bound-what-tops = الإنتاجية بوحدة TOPS
bound-what-tpp = TPP
bound-what-die-area = مساحة الرقاقة بوحدة mm²
bound-what-pd = كثافة الأداء
bound-what-memory-bandwidth = عرض نطاق الذاكرة بوحدة GB/s
bound-what-chip-to-chip = عرض النطاق بين الرقاقات بوحدة GB/s
bound-what-package-area = مساحة الحزمة بوحدة mm²
bound-what-memory = سعة الذاكرة بوحدة GB
bound-what-power = القدرة بوحدة W
bound-reason-tops = 10 ملايين TOPS تعادل 80 ضعف ذروة معالج بحجم رقاقة السيليكون الكاملة (Cerebras WSE-3، ‏125 PFLOPS بدقة FP16 المتناثرة)؛ والبند 3A090 يجمع الأداء على مستوى لوحة دارات واحدة على الأكثر
bound-reason-tpp = أكبر إنتاجية مقبولة (10 ملايين TOPS) بأطول طول بت (64) تعطي 640 مليونًا
bound-reason-die-area = رقاقة سيليكون قطرها 300 mm مساحتها 70,686 mm²، ولوحة دارات من هذه الرقاقات أقل من متر مربع (10⁶ mm²)؛ ورقاقة منطقية أصغر من 1 mm² لا تتسع لمسرّع لمراكز البيانات
bound-reason-pd = أعلى كثافة لرقاقة في chips.md لا تتجاوز 45.8؛ و10,000 أكثر من 200 ضعف ذلك
bound-reason-memory-bandwidth = ‏100 PB/s تعادل خمسة أضعاف عرض نطاق ذاكرة SRAM على رقاقة السيليكون لمعالج بحجمها الكامل (21 PB/s) وأكثر من 10,000 ضعف أي حزمة HBM
bound-reason-chip-to-chip = ‏10 PB/s أكثر من 1,000 ضعف أسرع وصلات المسرّعات (NVLink 5 بسرعة 1.8 TB/s)
bound-reason-package-area = مساحة رصّة HBM نحو 100 mm²؛ و100,000 mm² أكبر من أي حزمة
bound-reason-memory = البيتابايت الواحد آلاف أضعاف ذاكرة أي مسرّع
bound-reason-power = الميغاواط صف كامل من قاعة بيانات، لا رقاقة واحدة

## earl update's refusals of a list.
error-list-dropped = رُفضت القائمة الواردة من {$origin}: {$drops}؛ هكذا يبدو التنزيل المبتور. إن كانت القوائم قد تقلّصت فعلًا، فأعد التشغيل مع ‎--accept-drop
error-list-empty = رُفضت القائمة الواردة من {$origin}: لا تحوي أي قيد
error-cannot-write = {$file}: تعذّرت الكتابة: {$error}
error-cannot-write-file = تعذّرت الكتابة في {$file}: {$error}
error-bad-count = ‎--contains «{$arg}»: «{$n}» ليس عددًا صحيحًا من الرقاقات
error-threshold-range = يجب أن تكون عتبة التطابق بين 0 و1، والقيمة المعطاة {$value}
error-http-status = {$url}: ردّ الخادم برمز HTTP {$status}

## أخطاء استعمال سطر الأوامر (أجزاء يعطيها محلّل الوسائط)
usage-error = خطأ: {$wrong}
usage-unknown-argument = وسيط غير متوقَّع «{$arg}»
usage-unknown-subcommand = أمر فرعي غير معروف «{$name}»
usage-missing-arguments = لم تُعطَ الوسائط المطلوبة التالية:
usage-value-missing = يلزم إعطاء قيمة للوسيط «{$arg}»، ولم تُعطَ أي قيمة
usage-invalid-value = القيمة «{$value}» غير صالحة للوسيط «{$arg}»
usage-possible-values = [القيم الممكنة: {$values}]
usage-bad-value = القيمة «{$value}» غير صالحة للوسيط «{$arg}»: {$reason}
usage-used-twice = لا يجوز استعمال الوسيط «{$arg}» أكثر من مرة
usage-conflict = لا يجوز استعمال الوسيط «{$arg}» مع «{$other}»
usage-conflict-many = لا يجوز استعمال الوسيط «{$arg}» مع:
usage-conflict-unnamed = لا يجوز استعمال الوسيط «{$arg}» مع وسيط آخر أو أكثر من الوسائط المعطاة
usage-extra-value = قيمة غير متوقَّعة «{$value}» للوسيط «{$arg}»؛ لا يُنتظر مزيد من القيم
usage-missing-subcommand = يتطلّب «{$name}» أمرًا فرعيًا، ولم يُعطَ أي أمر فرعي
usage-subcommands = [الأوامر الفرعية: {$values}]
usage-tip = تلميح: {$tip}
usage-quoted = «{$name}»
usage-similar-argument = يوجد وسيط مشابه: {$names}
usage-similar-arguments = توجد وسائط مشابهة: {$names}
usage-similar-subcommand = يوجد أمر فرعي مشابه: {$names}
usage-similar-subcommands = توجد أوامر فرعية مشابهة: {$names}
usage-similar-value = توجد قيمة مشابهة: {$names}
usage-similar-values = توجد قيم مشابهة: {$names}
usage-pass-as-value = لتمرير «{$arg}» قيمةً، اكتب «{$command}»
usage-usage = الاستعمال: {$usage}
usage-more = لمزيد من المعلومات، جرّب «{$help}».

## حدود السجلّ؛ خانة عمود مرفوضة
error-units-out-of-bounds = {$what} = {$quantity}: الكمية عدد صحيح من الوحدات من 1 إلى 1000000000 (10^9، أي أكثر من إنتاج العالم من مسرّعات الذكاء الاصطناعي في سنة)
error-value-out-of-bounds = {$what} = {$value}: القيمة مبلغ بالدولار الأمريكي من 0 إلى 10000000000000 (10^13، أي أكثر مما يأذن به أي ترخيص)
error-in-column = العمود {$column}: {$error}
error-holding-twice = حصة «{$owner}» في «{$owned}» للتواريخ نفسها مذكورة مرتين
csv-not-utf8 = الحقل رقم {$column} ليس نصًّا بترميز UTF-8
csv-field-count = عدد الحقول في هذا الصف {$found}، وفي الصفوف السابقة {$expected}

## رفض earl serve قبل أن يبدأ الاستماع
error-token-file-unreadable = {$file}: تعذّرت قراءة ملف رمز الوصول: {$error}
error-token-file-empty = {$file}: ملف رمز الوصول فارغ
error-token-var-empty = المتغير EARL_TOKEN معرَّف لكنه فارغ
error-token-required = رُفض الاستماع على {$addr} دون رمز وصول، لأنه ليس عنوان استرجاع (loopback): عيّن EARL_TOKEN أو مرّر ‎--token-file FILE (أو استمع على 127.0.0.1)
error-bad-address = تعذّر استعمال العنوان «{$addr}»: {$reason}
warning-short-token = تحذير: رمز الوصول أقصر من {$min} حرفًا ويمكن تخمينه

## إخفاقات الشبكة في earl update وما يرفضه (error: نص مكتبة HTTP أو المحمِّل أو المحلِّل، بالإنجليزية)
error-cannot-fetch = تعذّر جلب {$url}: {$error} (هل الجهاز غير متصل؟ في موقع معزول عن الشبكة، نزّل الملفات في مكان آخر واستعمل ‎`earl update --from-dir DIR`)
error-cut-short-after = {$url}: انقطع التنزيل بعد {$bytes} بايت: {$error}
error-cut-short = {$url}: انقطع التنزيل: {$error}
error-short-of = {$url}: انقطع التنزيل: وصل {$got} بايت من أصل {$expected}
error-http-answer = ردّ الخادم برمز HTTP {$status}
error-gave-up = {$url}: {$last} (عدد المحاولات: {$attempts})
error-answer-not-utf8 = {$url}: الرد ليس بترميز UTF-8
error-answer-not-json = {$url}: الرد ليس JSON: {$error}
error-list-refused = رُفضت القائمة الواردة من {$origin}: {$error}
error-documents-refused = رُفضت الوثائق: {$error}
error-too-many-pages = رُفضت الوثائق الواردة من {$base}: عدد الصفحات أكثر من {$max}
error-no-lists-file = {$dir}: لا يوجد consolidated.json ولا consolidated.csv (ملف القائمة الموحدة للفحص من trade.gov)
error-no-gleif-files = {$dir}: لا يوجد gleif*.json (وثائق واجهة GLEIF البرمجية)
error-not-json = {$file}: ليس JSON صالحًا: {$error}

## رفض سجل التدقيق وسجل الملكية
error-trail = سجل التدقيق: {$reason}
error-trail-is-directory = سجل التدقيق: {$path} دليل، ويحتاج سجل التدقيق إلى مسار ملف قاعدة بيانات
error-trail-missing = سجل التدقيق: لا يوجد سجل تدقيق في {$path}
error-trail-not-sqlite = سجل التدقيق: {$path} ليس قاعدة بيانات SQLite
error-trail-foreign = سجل التدقيق: {$path} قاعدة بيانات SQLite ليست سجل تدقيق لـ earl؛ رُفض تعديلها
error-trail-needs-migration = سجل التدقيق: إصدار بنية {$path} هو {$found}: شغّل ‎`earl audit migrate` لترقيته إلى الإصدار 3 (مع التحقق قبل الترقية وبعدها ونسخة احتياطية)
error-needs-trail-dispositions = تُحفظ قرارات المراجعة في سجل التدقيق: احذف ‎--no-audit
error-needs-trail-review-queue = تُقرأ قائمة انتظار المراجعة من سجل التدقيق: احذف ‎--no-audit
error-needs-trail-ledger = تُحفظ التراخيص والشحنات في سجل التدقيق: احذف ‎--no-audit
error-no-ownership-graph = لا يوجد سجل ملكية بعد: استورد واحدًا بالأمر ‎`earl owners import FILE`
error-no-disposition = لا يوجد قرار مراجعة مسجَّل برقم {$id}
error-already-revoked = القرار {$id} مُلغى من قبل

## The API's errors that are only an HTTP status (earl-server's `ApiError::from_status`)
api-status-not-found = لا توجد نقطة نهاية بهذا الاسم؛ راجع GET /v1/openapi.json
api-status-method-not-allowed = نقطة النهاية هذه لا تقبل هذه الطريقة
api-status-timeout = استغرق الطلب وقتًا أطول مما ينبغي فتُرك
api-status-payload-too-large = متن الطلب أكبر مما ينبغي
api-status-unsupported-media-type = أرسل المتن بصيغة application/json
api-status-unauthorized = يلزم رمز حامل (bearer token)
api-status-bad-request = لم يُقبل الطلب
api-status-internal = تعذّر على الخادم الإجابة؛ وقد سُجّل الخلل
