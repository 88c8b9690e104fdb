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
       *[other] قد يملك (تواريخ إدراج بعض المالكين غير معروفة)
    } أطرافٌ مدرجة في قائمة {$list} مجتمعةً {$percent}% من {$party} ({$chain}): {$rule}
holding = {$owner} يملك {$percent}% من {$owned}
holding-listed = {$owner} يملك {$percent}% من {$owned}، {$list}
step-ownership-not-applied = تملك أطرافٌ مدرجة في قائمة {$list} نسبة {$percent}% من {$party}، لكن قاعدة الملكية لم تكن تنطبق في التاريخ المطلوب (انظر الاستشهاد)؛ وتبقى الملكية مؤشر خطر.
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
label-decided-by = يحسمه
match-alias = {" "}(بوصفه «{$alias}»)
check-match = «{$party}» يطابق {$name}{$alias} في {$list} — الدرجة {$score}
label-screened-against = فُحص مقابل
label-warning = تحذير
check-charge = رسوم{ $may ->
        [yes] {" "}(قد تنطبق)
       *[no] {""}
    }: {$rate}% {$kind} — {$text}
check-disclaimer = هذا تحديد وفق القواعد التي رمّزها earl، وليس إذنًا بالتصدير ولا مشورة قانونية.
screen-with-address = {" "}بعنوان في {$country} (أو بلا عنوان)
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
rule-texts-in-english = نصوص القواعد نفسها (الشروط والتنبيهات وما لم يفحصه earl وآثار القوائم) مقتبسة بالإنجليزية كما رمّزها earl؛ والاستشهادات كما نُشرت.
