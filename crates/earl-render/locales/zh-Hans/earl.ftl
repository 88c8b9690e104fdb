# earl 的简体中文语句。与 locales/en/earl.ftl 一一对应：每条消息、每个变量都相同（tests/catalogs.rs 检查）。
# 术语依 docs/i18n/glossary.md（附来源）。名称、编号、清单名和引文保持原文（英文）。

## Joining lists

list-semicolon = {"；"}
list-comma = {"、"}
list-or = {"或"}
list-and = {"和"}

## Steps (prose.rs)

the-entry = 该条目
step-if-branch = 若为 {$branch}：{$text}
outcome-not = 非 {$eccn}
step-tpp = TPP = { $given ->
        [yes] 给定的
       *[no] {""}
    }稠密 {$precision} 算力 {$tops} TOPS × {$bits} 位 = {$tpp}{ $over ->
        [yes] （所列 {$precisions} 种精度中的最高值）
       *[no] {""}
    }
step-tpp-as-given = TPP = {$tpp}（给定值）
step-pd = PD = TPP {$tpp} / {$area} { $given ->
        [yes] mm²
       *[no] mm² 适用芯片面积
    } = {$pd}
step-pd-as-given = PD = {$pd}（给定值）
step-hbm-density = 内存带宽密度 = {$bandwidth} GB/s / {$area} mm² = {$density} GB/s/mm²
step-io-bound = 双向聚合 I/O 取芯片间带宽 {$chip_to_chip} GB/s 加上至多 {$host_link} GB/s 的主机链路：介于 {$low} 与 {$high} GB/s 之间。
step-no-3a090 = 在所问日期 ECCN 3A090 尚不存在：它由 2022-10-07 生效的规则（87 FR 62186）设立。
step-exclusion = {$entry}{ $verdict ->
        [applies] 适用
        [does-not-apply] 不适用
       *[undetermined] 无法判断是否适用
    }：{$rule}
step-paragraph-not-applicable = {$entry}（{$rule}）：不适用于此类物项。
step-paragraph = {$entry}（{$rule}）：{ $verdict ->
        [applies] 满足
        [does-not-apply] 不满足
       *[undetermined] 未定
    } — {$tests}。
comparison = {$metric} {$shown} {$op} {$threshold}：{ $verdict ->
        [applies] 满足
        [does-not-apply] 不满足
       *[undetermined] 无法判断
    }
shown-between = 介于 {$low} 与 {$high} 之间
shown-unknown = 未知
shown-not-applicable = 不适用
step-unknown-irrelevant = {$metric} 未知，但不会改变此结果：决定结果的条款不取决于 {$metric}。
step-classified = 分类：{$outcome}。
step-classification-open = 分类未定：可能为 {$possible}；取决于 {$deciding}。
step-rests-on-unverified = 此结果依赖于来源标注为未核实的数据：{$figures}。
contained-part = {$count} × {$name}（{$chip}）
step-contains = {$system} 包含 {$parts}。
step-assembly = {$entry}（{$rule}）：{ $verdict ->
        [applies] 适用 — 它包含 {$by}。
        [undetermined] 未定 — 它包含 {$by}，其分类尚未确定。
       *[does-not-apply] 不适用 — 所含芯片均不满足。
    }
step-treated-as = 自 {$from} 起，{$country} 在《出口管制条例》（EAR）下视同 {$treated_as}。
control-reading = “{$reading}”（{$cite}）
step-control-unsettled = 未定 — 法律尚无定论：{$rule} 各种解读不同：{$readings}。
step-control-figures-unknown = 无法判断是否适用（数据未知）：{$rule}
step-control = { $requirement ->
        [prohibited] 禁止
       *[license] 需要许可证
    }：{$rule}
step-no-requirement = 在所问日期，earl 规则中没有任何许可证要求适用于出口至 {$destination} 的此物项（规则版本 {$regime}）。
party-matched-as = {$name}（以“{$matched}”匹配）
party-subject = “{$party}”与 {$list} 清单上的 {$who} 匹配
step-party-listed = {$subject}{$since}：{$rule}
step-party-listed-later = {$subject}，但{$listing}，晚于所问日期：当时尚未列入，因此不适用该列名。
step-party-listing-undated = {$subject}；{$listing}，earl 不知道其生效日期，因此该条目在所问日期可能已列入，也可能尚未列入：{$rule}
listing-on = 该条目由 {$notice} 列入，{$date} 生效
listing-by = 该条目由 {$notice} 列入，最迟于 {$date} 生效
listing-in-year = 该条目由 {$notice} 列入（{$year} 年发布）
listing-no-notice = 该条目未引用任何《联邦公报》（Federal Register）公告
listed-since-on = （由 {$notice} 列入，{$date} 生效）
listed-since-by = （由 {$notice} 列入，最迟于 {$date} 生效）
listed-since-in-year = （由 {$notice} 列入，{$year} 年）
step-owned = {$party}{ $verdict ->
        [applies] 由
       *[other] 可能由（部分所有者的列名日期未知，或某项持股系由控制关系推断、未载明比例）
    } {$list} 清单上的各方合计持有 {$percent}%（{$chain}）：{$rule}
step-owned-read = {$party} 可能由 {$list} 清单上的各方持有达到或超过门槛的比例：未载明比例，持股系由控制关系推断（{$chain}）——尚未确定，绝不视为无限制：{$rule}
affiliate-share-stated = 载明比例 {$percent}%
affiliate-no-share-stated = 未载明比例
holding = {$owner} 持有 {$owned} 的 {$percent}%
holding-listed = {$owner} 持有 {$owned} 的 {$percent}%，{$list}
holding-consolidation = {$owner} 将 {$owned} 纳入其合并报表（控制关系，未载明比例：很可能为多数所有权，尚未确定）
holding-range = {$owner} 持有 {$owned} 的 {$minimum}% 至 {$maximum}%
holding-control = {$owner} 对 {$owned} 拥有载明持股以外的权益（所有权比例未知，尚未确定）
holding-with-list = {$holding}，{$list}
holding-from-graph = {$holding} [所有权图：{$source}；{$period}]
holding-period = 自 {$from} 至 {$to} 持有，导入于 {$imported}
holding-period-unstated = 来源未载明日期，导入于 {$imported}
holding-date-unstated = （未载明）
affiliate-owner = {$name}（{$list}）
affiliate = {$party}{ $verdict ->
        [applies] 是
       *[other] 可能是（某一列名日期未知，或某项持股系由控制关系推断、未载明比例）
    } {$owners} 的关联方：{$stated}，经由 {$chain}。{ $status ->
        [in_force] 依据在所问日期有效的 {$rule}，其受到与上述各方相同的限制。
        [suspended] {$rule} 在所问日期处于暂停状态：未予适用；该所有权仍是一个危险信号。
       *[other] {$rule} 在所问日期尚未生效：未予适用；该所有权仍是一个危险信号。
    }
holding-question-differs = {$holding}（问题给出的是 {$percent}%；按较严格的解读追溯）
step-ownership-not-applied = {$party} 由 {$list} 清单上的各方持有 {$percent}%，但在所问日期所有权规则并不适用（见其引文）；该所有权仍是一个危险信号。
step-owner-not-screenable = 最终用户上方所有权链中的一个所有者仅以其 LEI（{$owner}）标识：无法就其查询任何清单，因此未检查所有权规则是否经由它限制该最终用户。请导入其 lei-record（`earl update --ownership` 会这样做）或提供其名称。
step-found-in-ownership-graph = 在所有权图中找到 {$asked}，名称为 {$found}；已使用其在图中的持股关系。
step-exception = 许可证例外 {$code} 可予授权：{$rule}
step-exception-barred = 许可证例外 {$code} 本可适用，但该方被列入 {$list} 清单，不得使用许可证例外。
step-review-overridden = 本应适用审查政策“{$policy}”，但被列名方更严格的政策取代（见下文）：{$rule}
step-review-figures-unknown = 无法判断此审查政策是否适用（数据未知）：{$rule}
step-review = 审查政策“{$policy}”：{$rule}
step-policy-override-replaces = {$list} 列名设定了更严格的审查政策：{$policy}。它取代 {$replaced}，该政策的条件和费用不再适用。
step-policy-override = {$list} 列名设定了审查政策：{$policy}。
step-same-across-outcomes = 每一种可能的分类都得出同一答案，因此未知数据不会改变它。
step-depends-on-classification = 答案取决于分类，而分类取决于 {$deciding}。
review-reading-first = 若 {$entry} 适用，则为{$policy}
review-reading-else = 否则若 {$entry} 适用，则为{$policy}
review-reading-fallback = 否则为{$policy}（{$entry}）
review-reading-none = 否则均不适用
step-review-undetermined = 审查政策未定：{$readings}。上文未定的步骤说明了由什么决定。
step-condition-if-review = 若适用 {$review}：{$rule}
step-condition-may-apply = 可能适用（决定它的事实未知）：{$rule}
step-exception-undetermined = 许可证例外 {$code} 可能可用：根据所给事实无法判断是否满足其条件。{$rule}
step-charge-undetermined = 此项费用可能须缴纳：决定它的数据并不确切。{$rule}
step-listing-date-unknown = {$list} 清单中 {$name} 的条目最早引用 {$notice}（{$year} 年）；earl 不知道该公告的生效日期，因此 {$name} 在所问日期是否已被列入尚未确定。
step-listing-undated = {$list} 清单中 {$name} 的条目未引用任何《联邦公报》公告，earl 无法确定列入日期；已按其在所问日期有效处理。
step-no-end-user = 未指明最终用户，因此未筛查任何受限方清单。
step-hq-not-given = 未提供最终用户的总部所在地：earl 假定其（及其最终母公司）总部不在国家组 D:5 或澳门。若在，则先进计算物项出口至任何目的地均需要许可证。
step-ownership-not-given = { $in_force ->
        [applies] 未提供最终用户的所有者，因此未检查被列名方的所有权。
       *[other] 未提供最终用户的所有者。
    }
step-rules-vintage = earl 的规则反映截至 {$as_of} 的来源（{$source}）；此后的变化 earl 并不知晓，因此本答案可能已过时。
document-effective = ，{$date} 生效
newer-document = {$kind}“{$title}”（{$cite}，{$published} 发布{$effective}）{$link}
step-newer-documents = earl 的规则反映截至 {$as_of} 的来源（{$source}）。此后 BIS 已发布 {$count} { $count ->
       *[other] 份
    }涉及 earl 所编码部分的文件，可能改变本答案，而 earl 尚未编码：{$documents}。

## Review policies and metrics

policy-presumption-of-approval = 推定批准
policy-case-by-case = 逐案审查
policy-presumption-of-denial = 推定拒绝
policy-policy-of-denial = 拒绝政策
metric-tpp = TPP
metric-pd = PD
metric-memory-bandwidth = 内存带宽（GB/s）
metric-chip-to-chip = 芯片间带宽（GB/s）
metric-io-aggregate = 双向聚合 I/O（GB/s）
metric-hbm-density = 内存带宽密度（GB/s/mm²）
metric-frontier-share = 占前沿芯片 TPP 的比例
metric-shipment-tpp = 货物 TPP（TPP × 数量）

## Human output (human.rs)

field = {$label}：{$value}
heading = {$title}：
heading-conditions = 条件
heading-why = 理由
heading-notices = 提示
heading-not-checked = 未检查 — 须由您核查
mark-unverified = 未核实
yes = 是
no = 否
none = 无
unknown = 未知
verdict-prohibited = 禁止 — 任何许可证或例外均不能授权
verdict-licence-possibly-prohibited = 需要许可证，且可能被禁止 — 见决定因素
verdict-undetermined-possibly-prohibited = 未定，可能被禁止 — 见决定因素
verdict-licence-exception = 需要许可证，但许可证例外 {$exception} 可予授权（见其条件）
verdict-licence-required = 需要许可证
verdict-no-licence = 依 earl 评估的规则，无需许可证
verdict-undetermined = 未定 — 见决定因素
destination-treated-as = {$destination}（视同 {$treated_as}）
check-head = {$chip} → {$destination}，自 {$from}，{$date}：{$verdict}
classification-undetermined = 未定
label-classification = 分类
check-rules-in-force = {$date} 有效的规则：{$count} { $count ->
       *[other] 项修订
    }，最新为 {$regime}{$scenario}
scenario-suffix = ，情景 {$scenario}
label-decided-under = 依据
label-licence-exception = 许可证例外
label-review-policy = 审查政策
check-if-outcome = 若为 {$outcome}：许可证{ $licence ->
        [required] 需要
        [not-required] 不需要
       *[undetermined] 未定
    } · 例外 {$exception} · 审查 {$review}
review-open = 未定：{$readings}
label-decided-by = 取决于
match-alias = （作为“{$alias}”）
check-match = “{$party}”与 {$list} 上的 {$name}{$alias} 匹配 — 得分 {$score}
label-screened-against = 筛查依据
label-warning = 警告
check-charge = 费用{ $may ->
        [yes] （可能适用）
       *[no] {""}
    }：{$rate}% {$kind} — {$text}
charge-kind-tariff = 关税
charge-kind-revenue-share = 收入分成
check-disclaimer = 这是依 earl 已编码规则作出的判定，并非许可放行或法律意见。
screen-with-address = ，地址在 {$country}（或无地址）
screen-in-lists = （仅筛查名单：{$lists}）
screen-no-match = 在 {$date}，“{$query}”{$place}没有得分达到或超过 {$threshold} 的匹配。
below-threshold = 低于阈值
label-matched-alias = 匹配的别名
label-countries = 国家
label-listed = 列入
label-effect = 效力
effect-not-named = earl 的规则未提及 {$list} 清单；请阅读该条目及其来源清单
label-licence-policy = 许可政策
label-why = 理由
screen-footer = 清单：{$source}，{$generated}。匹配只是需要复核的线索，而非判定。
screen-listed-on = 由 {$notice} 列入，{$date} 生效
screen-listed-by = 由 {$notice} 列入，最迟于 {$date} 生效
screen-listed-in-year = 由 {$notice} 列入（{$year} 年；earl 不知道确切日期）
screen-listed-no-notice = 未引用任何《联邦公报》公告
screen-listed = {$when} — { $verdict ->
        [applies] 在所问日期已列入
        [does-not-apply] 在所问日期尚未列入
       *[undetermined] 在所问日期可能已列入，也可能尚未列入
    }
lists-generated = 生成于 {$date}
lists-generation-date-unknown = 生成日期未知
classify-excluded = 非 3A090 — 由 {$exclusion} 排除
classify-undetermined = 未定 — 可能为 {$possible}
classify-as-of = 截至 {$date}，规则版本 {$regime}{$scenario}
classify-contains = 包含 {$count} × {$name}（{$chip}）：{$paragraph}
classify-part-not-3a090 = 非 3A090 或未定
classify-metrics = TPP {$tpp}{$precision} · PD {$pd} · 数据中心：{$datacenter} · 内存带宽 {$bandwidth}
label-rests-on-unverified = 依赖未核实的数据
rule-texts-in-english = 部分规则原文（条件、提示、earl 未检查的事项、清单效力）尚无译文，按 earl 编码时的英文引用；引文保持发布时的原样。

## Outcome classes (the charts, the page's timeline) and where a rule stands

outcome-class-no_licence = 无需许可证
outcome-class-exception = 可用许可证例外
outcome-class-presumption_of_approval = 需许可证：推定批准
outcome-class-case_by_case = 需许可证：逐案审查
outcome-class-licence_no_policy = 需许可证：未载明审查政策
outcome-class-presumption_of_denial = 需许可证：推定拒绝
outcome-class-policy_of_denial = 需许可证：拒绝政策
outcome-class-prohibited = 禁止
outcome-class-undetermined = 未定（数据未知）
status-enforced = 已执行
status-published_not_enforced = 已公布但未执行
status-announced = 已宣布
status-proposed = 拟议
status-introduced = 已提出
status-passed_committee = 已获委员会通过
status-passed_one_chamber = 已获一院通过
status-enacted = 已颁布
status-withdrawn = 已撤回

## The web page

page-language = 语言
page-title = earl — 美国 AI 芯片出口规则
page-tagline = 以代码表达的美国 AI 芯片出口规则。每个答案都以某一日期为准，并为每一步注明出处。并非法律意见或许可放行。
page-token = 持有者令牌（Bearer token）
page-token-hint = 此服务器的 API 需要令牌。
page-check-heading = 这批货物需要许可证吗？
page-chip = 芯片
page-destination = 目的地
page-destination-placeholder = CN 或 China
page-end-user = 最终用户
page-end-user-placeholder = 可选：将与各清单比对筛查
page-end-user-hq = 最终用户总部
page-end-user-hq-placeholder = 可选：国家
page-date = 日期
page-scenario = 情景
page-rules-in-force = 现行规则
page-check-button = 检查
page-screen-heading = 筛查一方
page-name = 名称
page-country = 国家
page-optional = 可选
page-screen-button = 筛查
page-explore-heading = 情景与历史
page-explore-hint = 每种芯片与目的地在某一情景下的结果，与上述日期（或今天）的现行规则不同之处加框标出；以及一种芯片的结果如何随每项规则而变化。
page-chips = 芯片
page-destinations = 目的地
page-matrix-button = 显示矩阵
page-timeline-button = 显示时间线
page-decision-prohibited = 禁止：任何许可证均不能授权
page-decision-possibly_prohibited = 可能被禁止：已知事实无法排除
page-decision-no_license_required = 无需许可证
page-decision-license_exception = 需要许可证，但适用许可证例外
page-decision-presumption_of_approval = 需要许可证：推定批准
page-decision-case_by_case = 需要许可证：逐案审查
page-decision-presumption_of_denial = 需要许可证：推定拒绝
page-decision-policy_of_denial = 需要许可证：拒绝政策
page-decision-license_required = 需要许可证
page-decision-undetermined = 未定：已知数据无法决定
page-classification = 分类
page-date-and-rules = 日期与规则
page-rules-as-of = {$date}，规则版本 {$regime}
page-licence-exception = 许可证例外
page-review-policy = 审查政策
page-end-user-matches = 最终用户匹配
page-charges = 费用
page-score = 得分 {$score}
page-no-match-at-threshold = 没有达到或超过阈值的匹配
page-no-end-user = 未指明最终用户
page-affiliates-heading = 被列名方的关联方（所有权数据）
page-affiliate = {$party} — 列名所有者：{$owners}；{$verdict}；{$rule}：{$status}
page-affiliate-owner = {$list}：{$name}
page-affiliate-applies = 已达到该规则规定的持股比例
page-affiliate-undetermined = 可能是关联方（某一列名日期未知，或某项持股系由控制关系推断、未载明比例）
page-rule-in-force = 在所问日期有效：其受到与上述各方相同的限制
page-rule-suspended = 在所问日期处于暂停状态：未予适用；该所有权仍是一个危险信号
page-rule-not-in-force = 在所问日期尚未生效：未予适用；该所有权仍是一个危险信号
page-owner-match = {$list}：{$name}（所有者 {$party}）
page-classification-undetermined = 未定：{$possible}
page-possible-outcomes = 仍可能的结果（已知数据无法确定分类）
page-if-licence-required = 若为 {$classification}：需要许可证
page-if-licence-exception = 若为 {$classification}：需要许可证，可适用许可证例外 {$exception}
page-if-no-licence = 若为 {$classification}：无需许可证
page-if-undetermined = 若为 {$classification}：未定
page-deciding = 决定因素
page-why = 理由（每一步均注明出处）
page-not-checked = 未检查
page-checking = 正在检查…
page-screening = 正在筛查…
page-comparing = 正在比较…
page-drawing = 正在绘制…
page-matched-as = 作为“{$name}”
page-pairs = 配对：{$pairs}
page-unmatched-query = 查询中未匹配：{$tokens}
page-weighed-low = 低权重：{$tokens}
page-transliterated = 转写：{$items}
page-screen-summary = 得分达到或超过 {$threshold} 的匹配：{$count} — 清单生成于 {$generated}（{$source}）
page-more = 另有 {$count} 项
page-no-scenarios = 未加载任何情景。
page-chart-failed = 无法显示图表
page-matrix-alt = 情景 {$scenario} 下的结果与 {$date} 现行规则的比较
page-timeline-alt = {$chip} 出口至 {$destination} 的许可判定随时间的变化
page-lists-age-unknown = 时效未知：文件未载明日期
page-lists-age = 已有 {$days} 天
page-lists-unknown-date = 日期未知
page-lists = 筛查清单：{$source}，生成于 {$generated}（{$age}；{$total} 个条目）。
page-newer-documents = 规则编码之后 BIS 发布的、可能改变这些答案的文件：{$count}
page-effective = {$date} 生效
page-lists-failed = 无法显示所用清单：{$reason}
page-api = API
page-licence-policy = 许可政策：{$policy}
page-review-heading = 审核命中
page-review-hint = 审计记录中尚无审核人处置的命中，按时间先后排列。记录处置需要以持有者令牌启动的服务器。
page-review-load = 加载待审核队列
page-review-loading = 正在加载…
page-review-per-list = 待审核（按清单）：{$lists}
page-review-party = 当事方
page-review-entry = 清单条目
page-review-list = 清单
page-review-entry-id = 条目编号
page-review-first-recorded = 首次记录
page-review-records = 记录
page-review-decision = 处置
page-review-reviewer = 审核人
page-review-reason = 理由
page-review-expires = 有效期最后一天
page-review-submit = 记录处置
page-review-recording = 正在记录…
page-review-recorded = 已记录处置 {$id}：{$decision}，“{$party}” ≈ {$name} [{$entry}]。
page-review-refused = 未记录（{$status} {$code}）：{$message}
page-review-not-read = 有 {$count} 条记录无法读取，其中的命中不在此队列中：{$records}

## The charts (svg.rs)

chart-legend = 图例
chart-diff-title = 在 {$to} 下的出口许可结果
chart-diff-subtitle = 黑框单元格表示相对 {$from} 发生了变化 — {$cells} 个单元格中有 {$changed} 个变化。
chart-destination-axis = 目的地（ISO 代码；自美国出口）
chart-chip-axis = 芯片
chart-outlined = 加框：结果与 {$from} 不同（许可证、例外、审查政策、条件或费用）
chart-with-scenario = ，情景 {$scenario}
chart-timeline-title = {$chip} 出口至 {$destination}：许可判定，{$start} 至 {$end}{$scenario}
chart-timeline-subtitle = 自美国出口，未指明最终用户。每一阶梯是某项规则或国家组变化改变结果的日期（列于下方）。
chart-determination-axis = 判定（越往下越严格）
chart-july = {$year} 年 7 月
chart-date-axis = 日期（现行规则版本）
chart-outcome-band = 结果色带
chart-changes = 变化
chart-start = 时间线起点
chart-change = {$date} — {$outcome} — {$cause}

## Licences and shipments (prose.rs)

fresh-check-decided-by = （取决于 {$deciding}）
fresh-check-prohibited = 重新检查发现此出口在 {$date} 被禁止{$by}：任何许可证都不能授权，因此许可证 {$number} 项下的货物将被拒绝；已按要求记录
fresh-check-possibly-prohibited = 重新检查无法排除此出口在 {$date} 被禁止{$by}：在此确定之前，许可证 {$number} 项下的货物将被拒绝；已按要求记录
fresh-check-no-licence-needed = 重新检查发现此出口在 {$date} 无需许可证{$by}；许可证 {$number} 已按要求记录，但它并未授权任何需要许可证的出口
fresh-check-undetermined = 重新检查无法确定此出口在 {$date} 是否需要许可证{$by}；许可证 {$number} 已按要求记录
none-named = （无）
refusal-unknown-licence = 没有记录许可证 {$number}（见 `earl licence list`）。
refusal-duplicate-licence = 许可证 {$number} 已记录；每份许可证只记录一次。
refusal-before-issue = 货物日期 {$date} 早于许可证 {$number} 的签发日期（{$issued}）。
refusal-expired = 许可证 {$number} 已于 {$expires} 到期；货物日期为 {$date}。
refusal-over-quantity = 本批 {$asked} 件超出许可证 {$number} 的剩余数量：{$remaining} 件。
refusal-over-value = 本批货值 US${$asked} 超出许可证 {$number} 的剩余金额：US${$remaining}。
refusal-value-needed = 许可证 {$number} 限制出口金额：请给出货物的 --value。
refusal-mismatch = 许可证 {$number} 适用于 {$licensed}，而非 {$asked}。
refusal-end-user-mismatch = 许可证 {$number} 指定的最终用户为 {$licensed}，而非 {$asked}。
refusal-prohibited = 对货物的重新检查发现其被禁止：任何许可证（包括 {$number}）都不能授权。
refusal-possibly-prohibited = 对货物的重新检查无法排除其被禁止（见检查的决定因素）：在此确定之前不能依赖许可证 {$number}。
refusal-listed-since = 最终用户 {$party} 与 {$list} 清单上的 {$listed_as} 匹配，其列入晚于许可证 {$number} 的签发（或 earl 无法确定其早于签发）：该许可证可能已不足以支持本批货物。
refusal-owners-listed-since = 在货物日期，最终用户 {$party} 由 {$list} 清单上的当事方持有 {$percent}%（实体清单关联方规则，Affiliates rule），但在许可证 {$number} 于 {$issued} 签发时并非如此（所有者此后才被列入、持股此后才取得，或该规则此后才生效）：该许可证是否仍授权本批货物尚无定论；发货前请咨询 BIS。
refusal-cap = 依 {$entry}（{$rule} — {$cite}）拒绝：再出口 {$asked} 件 {$chip} 将使该通道下运往 {$places} 的货物达到 {$total} 件，超过截至货物日期运往美国最终用户的 {$us_units} 件的 {$share}%（允许 {$allowed} 件）。

## Scenarios, diff and timeline (explore.rs)

point-scenario = 在 {$date} 规则之上的情景 {$scenario}
point-rule-version = 规则版本 {$spec}（{$date}）
point-rules-of = {$date} 的规则
event-lapses = {$id} 失效 — {$title} [{$cite}]
event-country-group = {$country}{ $action ->
        [add] 加入
       *[other] 退出
    }国家组 {$group} [{$cite}]
brief-licence-required = 需要许可证
brief-no-licence = 无需许可证
brief-licence-undetermined = 许可证要求未定
brief-prohibited = 禁止
brief-possibly-prohibited = 可能被禁止
brief-exception = 例外 {$code}
brief-conditions = {$count} 项条件
scenarios-head = 共 {$count} 个情景（用于 --scenario ID，或作为 earl diff 的 A/B）：
scenario-effective-until = {$from} 生效，至 {$until}
scenario-effective = {$from} 生效
scenario-no-date = 无生效日期：适用于所问的任何日期
scenario-status = 状态：{$status}；{$when}
diff-head = earl diff：A = {$a}  →  B = {$b}
diff-subtitle = 自美国出口，未指明最终用户；比较的结果：许可证、例外、审查政策、条件、费用。
diff-only-in-b = 仅在 B 中适用
diff-only-in-a = 仅在 A 中适用
diff-summary = {$chips} 种芯片 × {$destinations} 个目的地 = {$cells} 个单元格；{$changed} 个变化。
label-because-of = 原因
diff-country-group = 国家组：{$country} { $action ->
        [add] 加入
       *[other] 退出
    } {$group}，{$date} — {$cite}
timeline-head = {$chip} → {$destination}：自美国出口，未指明最终用户{$scenario}；检查了自 {$first} 至 {$until} 的 {$count} 个规则版本，共 {$periods} 个不同时期。
timeline-today = 今天
label-changed-by = 变化原因
timeline-period = {$from} → {$until}   {$outcome}

## 管辖：物项是否受《出口管理条例》管辖（15 CFR 734.3、734.4、734.9）
step-tpp-range = TPP 介于 {$low} 与 {$high} 之间（未公布算力数据；此为其来源给出的范围，{$source}）
step-subject = 该物项受《出口管理条例》（EAR）管辖。
step-not-subject = 不受《出口管理条例》（EAR）管辖：15 CFR 734.3 的任何一项均不涵盖该物项，因此不适用 EAR 的许可证要求。
step-subject-undetermined = 该物项是否受《出口管理条例》（EAR）管辖尚无法确定，因此是否需要许可证亦无法确定；以下为若其受管辖时适用的内容。
step-production = 生产事实：生产地 {$made_in}；受管制的美国原产成分 {$us_content}；是否为美国原产技术或软件的直接产品：{$us_tech}。
fact-sourced = {$value}（{$source}）
fact-sourced-unverified = {$value}（{$source}，未经核实）
fact-yes = 是
fact-no = 否
fact-or = 或
prong-us-located = 位于美国境内
prong-us-origin = 美国原产
prong-de-minimis-level = 最低减让（受管制美国成分超过 {$level}%）
prong-de-minimis = 最低减让
prong-direct-product = 外国直接产品
prong-presumed = BIS 推定受管辖
step-prong-applies = {$prong}：受 EAR 管辖 — {$rule}
step-prong-does-not-apply = {$prong}：不涵盖该物项 — {$rule}
step-prong-unsettled = {$prong}：无法确定 — 该规则的适用范围尚不明确：{$rule} 各解读不同：{$readings}。
step-prong-fact-unknown = {$prong}：无法确定 — 决定性事实未知：{$rule}
verdict-not-subject = 不受 EAR 管辖 — 不适用任何 EAR 许可证要求（见判定路径）
verdict-jurisdiction-undetermined = （是否受 EAR 管辖尚无法确定）

## earl match
match-score = {$score} — {$matched ->
    [yes] 匹配
   *[no] 不匹配
}（阈值 {$threshold}）
match-pair = {$query} ≈ {$list}（{$similarity}，{$method}）
match-unmatched-first = 第一个名称中未配对：{$tokens}
match-unmatched-second = 第二个名称中未配对：{$tokens}
match-transliterated = 转写（{$script}，{$method}）：{$from} → {$to}

## earl about
about-rules = 规则：来源截至 {$as_of}（{$versions} 个规则版本；最新为 {$newest}）
about-newest-rule = {$id}，{$effective} 生效
about-none = 无
about-scenarios = 情景：{$count}
about-chips = 芯片：{$count}（来源截至 {$as_of}）
about-country-groups = 国家组：eCFR {$issue} 版 + {$changes} 项有日期的变更
about-listing-dates = 列名日期：{$count} 份《联邦公报》文件
about-screening = 筛查：综合筛查清单（Consolidated Screening List），{$generated}（{$entries} 个条目），来自 {$file}
about-content-hash = 内容哈希：{$hash}
about-newer-documents = 自规则来源日期 {$as_of} 以来 BIS 发布的、可能改变本答案的文件（earl 未编码）：
about-effective = ，{$date} 生效

## Hit review (earl review; reviewed and re-raised hits)
label-entry = 条目
decision-false-positive = 误报
decision-true-match = 真实匹配
decision-escalated = 已上报
review-confirmed = {$reviewer} 于 {$date} 审核为真实匹配（处置 {$id}）：{$reason}
review-escalated = {$reviewer} 于 {$date} 上报（处置 {$id}），仍待处理：{$reason}
review-reraised-changed = 再次提出：自 {$reviewer} 于 {$date} 将其作为误报排除以来，该条目已变更（处置 {$id}；条目哈希 {$reviewed} 现为 {$current}）
review-reraised-expired = 再次提出：处置 {$id}（{$reviewer}，{$date}：误报）已于 {$expires} 到期，早于 {$judged}
heading-reviewed = 已审核——作为误报排除；任何许可证决定均不以其为依据：
reviewed-hit = “{$party}” ≈ {$list} 上的 {$name} [{$entry}]：经 {$reviewer} 于 {$date} 认定为误报（处置 {$id}{$expires}）：{$reason}
reviewed-expires = ，有效至 {$date}
disposition-line = {$id}  {$decision}  “{$party}”{$country} ≈ {$name} [{$entry}] — {$reviewer}，{$date}{$expires}：{$reason}
disposition-country = {" "}（{$country}）
disposition-revoked = {"   "}{$reviewer} 于 {$date} 撤销（记录 {$id}）：{$reason}
review-none = 尚无已记录的处置。
revocation-recorded = 处置 {$disposition} 已撤销（记录 {$id}）：其匹配将再次提出。
queue-empty = 没有待审核的已记录命中。
queue-head = {$count} 条已记录命中待审核（{$lists}）：
queue-hit = {$recorded}  “{$party}” ≈ {$list} 上的 {$name} [{$entry}] — 得分 {$score}；记录 {$records}
queue-no-entry-id = 未记录条目编号：请重新筛查

owners-imported = 已导入 {$file}（{$format}，{$rows} 行，SHA-256 {$sha}），数据集 {$dataset}：{$percent} 项载明比例的持股，{$read} 项以其他方式解读（比例区间，或未载明比例的控制关系）；跳过 {$skipped} 条记录。所有权图现有 {$after} 条边（导入前：{$before}）；版本为 {$version}。
owners-found = {$asked} 在所有权图中，名称为 {$found}（图版本 {$version}）。
owners-not-found = {$asked} 不在所有权图中（版本 {$version}）：earl 不了解其所有权，而非"没有所有者"。
owners-up = 所有者（向上）：
owners-down = 持股（向下）：
owners-none = 图中没有
owners-list = 共 {$edges} 条边，来自 {$imports} 次导入；图版本 {$version}。
owners-affiliates = {$date} 共有 {$count} 个列名方的关联方（已筛查图中 {$owners} 个所有者；图版本 {$version}）。
owners-diff = {$old} → {$new}：新增 {$added} 项持股，移除 {$removed} 项，变更 {$changed} 项，未变 {$unchanged} 项。

## The licence ledger (earl licence, earl ship, earl ledger)
licences-none = 尚未记录任何许可证。
licence-line = 许可证 {$number}：{$item} → {$destination}{$end_user}（签发于 {$issued}{$expires}）{$expired}
licence-end-user = ，最终用户 {$name}
licence-expires = ，{$date} 到期
licence-expired = {" "}— 已过期
licence-quantity = 数量：已出货 {$shipped}，上限 {$limit} · 剩余 {$remaining}
licence-unlimited = 不限
licence-value = 金额：已出货 {$shipped} 美元，上限 {$limit} 美元 · 剩余 {$remaining} 美元
licence-conditions = 条件：{$conditions}
licence-shipment = 第 {$seq} 批出货：{$date} 出货 {$quantity} 件{$value}
shipment-value = ，{$value} 美元
shipment-recorded = 已记录：{$quantity} × {$item} → {$destination}，{$date}，{$under}{$left}
shipment-to-us = 运往美国最终用户
shipment-under = 依许可证 {$licence}
shipment-left = ；剩余 {$remaining} 件
shipment-note = 注：{$note}
ledger-head-chip = 芯片
ledger-head-us = 美国数量
ledger-head-china = 中国+澳门数量
ledger-head-lane = 通道内
ledger-head-headroom = 通道余量
ledger-lane = 2026 年 1 月的通道（91 FR 1684）：某一芯片运往中国和澳门的累计出货量不得超过运往美国最终用户的 50%；数量按芯片计，系统按其所含芯片计。

## The audit trail (earl audit list, verify, tail) and the lists in use (earl lists)
audit-shown = 显示 {$count} 条记录（{$path}）
audit-verify-ok = 通过：{$count} 条记录，哈希链完整（{$path}）；最后一条的哈希 {$hash}
audit-verify-empty = 无（审计记录为空）
audit-verify-altered = 已被篡改：共 {$count} 条记录，第一条有问题的是第 {$seq} 条：{$reason}
audit-tail = {$path} 的第 {$seq} 条记录：哈希 {$hash}
audit-tail-keep = 请另行保存此值：之后运行 `earl audit verify` 时第 {$seq} 条记录应显示同一哈希，否则审计记录已被截断或改写
audit-tail-none = {$path}：尚无记录
lists-line = {$file} — {$generated}（{$basis}），{$count} 个条目，sha256 {$sha256}
lists-basis-bundled = 随附快照所载明的日期
lists-basis-envelope = 取自文件本身的日期字段
lists-basis-unknown = 文件未载明日期

## The catalogs (earl chips, earl systems)
chips-head-id = 标识
chips-head-vendor = 厂商
chips-head-name = 名称
chips-head-dc = 数据中心
chips-head-memory = 内存 GB/s
chips-footer = 共 {$count} 款芯片。TPP 和 PD 依目录中的稠密算力和芯片面积计算；* = 依赖标为未核实的数字。
catalog-as-of = 目录截至 {$as_of}（{$source}）。
systems-head-form = 形态
systems-head-contains = 所含芯片
systems-head-confidence = 可信度
systems-china-variant = （中国特供版）
systems-footer = 共 {$count} 个系统。数量为加速器封装数，各附来源（`earl systems --json`）。
systems-as-of = 系统目录截至 {$as_of}（{$source}）。

## earl impact
impact-head = earl impact：{$rules}，出口至 {$destination}，自美国出口
impact-scenario-dates-both = 自 {$from} 至 {$until}
impact-scenario-dates-from = 自 {$from} 起
impact-scenario-dates-until = 至 {$until}
impact-scenario-dates-any = 在任何日期
impact-scenario-not-in-force = 注：情景 {$scenario} {$dates}有效，而非在 {$date}：以下各数字仅依规则本身。
impact-scenario-no-change = 注：情景 {$scenario} 在此不改变任何结果：叠加于 {$date} 有效的规则之上，它对任何一行的判定均无不同（判定依据 {$decided_by}），因此以下各数字与不加该情景时相同。
impact-col-chip = 芯片
impact-col-units = 数量
impact-col-h100 = H100 当量
impact-col-fp16 = FP16 稠密
impact-col-fp8 = FP8 稠密
impact-col-determination = 判定
impact-missing = 缺失
impact-licensable = 可获许可
impact-not-licensable = 不可获许可
impact-total = 合计：{$units} 件，{$tpp} TPP = {$h100} 个 H100 当量（目录中一枚 H100 SXM = {$h100_tpp} TPP）。
impact-dense = FP16 稠密：{$fp16}；FP8 稠密：{$fp8}。
impact-not-counted = 未计入（目录未列出该精度的算力）：{$precisions}。
impact-licensable-line = 可获许可：{$total} 件中的 {$units} 件（{$share_units}），{$tpp} TPP（{$share_tpp}）。
impact-licensable-definition = 在所问的规则（及情景）下，若某件物项出口至该目的地无需许可证，或可由许可证例外授权，或需要许可证但审查政策并非推定拒绝或拒绝政策（逐案审查、推定批准或未载明政策），且未被禁止，则该件物项为可获许可。适用推定拒绝或拒绝政策、被禁止，或其分类无法依现有数字确定的物项，不可获许可。
impact-no-charges = 依这些规则，不适用任何费用或关税。
impact-charges = 费用和关税（税率 × 价格 × 数量）：
impact-charge-amount = {$rate} × {$price} × {$units} 件 = {$amount}
impact-charge-no-price = 未提供 --price，未计算金额
impact-charge-may = （可能适用：决定它的数字并不确切；未计入合计）
impact-total-due = 应缴合计：{$amount}
impact-give-price = 请为以下芯片提供 --price：{$chips}
impact-reference = 参考数字（来源、日期、可信度）：
impact-unit-chip = 件（{$chip}）
impact-compare-chip = 本批货物的 TPP 为该数字的 {$ratio}（{$value} 件 {$chip} ≈ {$h100} 个 H100 当量）
impact-compare = 本批货物的 TPP 为该数字的 {$ratio}
impact-compare-context = 仅供参考：全球算力占比与单批货物没有共同单位
impact-note = 注：{$note}

## How current the lists in use are
staleness-old = 筛查清单生成于 {$generated}，已有 {$age} 天（超过 {$max} 天）；请下载最新的综合筛查清单
staleness-undated = {$file} 中的筛查清单未载明生成日期，earl 无法判断其是否为最新（该文件最后修改于{$modified}）；请使用载明日期的 trade.gov JSON 下载文件，或运行 `earl update`
staleness-modified-on = {" "}{$date}
staleness-modified-unknown = 未知时间

## Keeping answers current (currency.rs): earl lists, earl lists diff, earl audit rescreen and recheck
quoted = “{$text}”
lists-in-use = 正在使用：{$source}，生成于 {$date}，已有 {$days} 天。
lists-in-use-undated = 正在使用：{$source}，生成日期未知（文件未载明），因此无法得知其时效。
lists-provenance = {$source}（{$generated}，{$count} 个条目，sha256 {$hash}…）
lists-diff-from = 旧版 {$provenance}
lists-diff-to = 新版 {$provenance}
lists-diff-same = 两个版本所含条目相同。
lists-diff-counts = 新增 {$added}，删除 {$removed}，变更 {$changed}
lists-diff-field = {$before} → {$after}
records-and-more = {$shown} 等，另有 {$more} 条
reexamine-party-change = {$name} — {$list}：{$entry}（匹配名称“{$matched}”，得分 {$score}）；记录 {$records}
not-read-record = 记录 {$record}：{$reason}
not-read-more = … 另有 {$more} 条（见 --json）
rescreen-head = {$records} 条记录中的 {$parties} 个当事方（出现 {$occurrences} 次）已对照 {$source}（sha256 {$hash}…）筛查：本次筛查 {$screened} 个，{$reused} 个此前已对照这些清单筛查。
rescreen-unchanged-by-update = 对照此前清单（sha256 {$hash}…）筛查的名称中，有 {$names} 个结果不变：此次更新（新增或变更 {$added} 个条目，删除或变更 {$removed} 个）不涉及它们。
rescreen-none-changed = 没有任何当事方的匹配发生变化。
rescreen-new-hits = 新列入（记录中原先没有的匹配）：
rescreen-reraised = 再次提出（复核人员曾作为误报排除的匹配）：
rescreen-cleared = 不再匹配（记录中原有的匹配）：
rescreen-not-read = 有 {$count} 条记录无法读取：
recheck-head = {$records} 条已记录的核查（{$questions} 个不同问题）已按当前使用的规则和清单（{$source}）重新作答。
recheck-ownership-graph = 另已在所有权图（版本 {$graph}）中查询所有者。
recheck-none-changed = 没有任何答案发生变化。
recheck-outcome = { $licence ->
        [required] 需要许可证
        [not-required] 无需许可证
       *[undetermined] 未定
    }{ $prohibited ->
        [yes] {"，禁止"}
       *[no] {""}
    }
recheck-changed = 记录 {$record}（{$date}）：{$before} → {$after}；原因：{$because}
recheck-because-details = 答案的细节
recheck-not-rechecked = 有 {$count} 条记录无法重新核查：

## The CLI's own status lines (status.rs), after "earl: "
batch-screened = 共 {$rows} 行：{$hits} 行有匹配，{$failed} 行无法筛查
batch-checked = 共 {$rows} 行：已核查 {$checked} 行（其中 {$required} 行需要许可证{ $undetermined ->
        [0] {""}
       *[other] ，{$undetermined} 行未定
    }），{$failed} 行无法核查
audit-exported = 已导出 {$count} 条记录
written-matrix = 矩阵已写入 {$path}
written-chart = 图表已写入 {$path}

## The lists' count-drop warnings (currency.rs) and `earl update`'s report
count-drop-vanished = 清单 {$list} 为空或缺失（原有 {$before} 个条目）
count-drop = 清单 {$list} 的条目从 {$before} 个降至 {$now} 个（−{$percent}%，超过 {$max}%）
list-warning-against-bundled = {$file} 中：{$drop}（与随附清单相比）
list-warning-partial-accepted = 所筛查的清单中没有{$missing}的任何条目，已按接受处理（--accept-partial-lists）：仅列于该处的当事方将无法查出
essential-list-el = 实体清单（EL）
essential-list-sdn = SDN 清单（SDN）
essential-lists-both = {$first}和{$second}
update-lists-in-use = 当前使用的清单：{$file}，来源 {$url}（{$count} 个条目；生成日期：{$generated}），获取于 {$fetched}；sha256 {$hash}
update-generated-unknown = 未知（文件未载明）
update-previously = 此前：{$source}
update-accepted-drop = 已接受（--accept-drop）：{$drop}
update-documents = 自 {$since} 以来发布的 BIS 文件中，有 {$count} 份涉及 earl 所编码的部分（已读取 {$pages} 页）：
update-document = {$date} {$kind} — {$title}（{$citation}）
update-no-documents = 目录中没有 documents*.json：联邦公报文件未更新。

## The CLI's refusals of bad input (errors.rs), after "earl: "
error-unknown-chip = 未知芯片“{$name}”（见 `earl chips`）
error-unknown-chip-suggest = 未知芯片“{$name}”；目录中最接近的名称：{$suggestions}（见 `earl chips`）
error-unknown-country = 未知国家或地区“{$name}”（请给出 ISO 3166-1 二字母代码，如 CN，或名称）
error-unknown-country-suggest = 未知国家或地区“{$name}”；您是否指 {$suggestions}？（请给出 ISO 3166-1 二字母代码，如 CN，或名称）
error-ambiguous-country = 国家或地区名称“{$name}”有歧义：可能指 {$candidates}（请给出 ISO 3166-1 二字母代码，如 CN，或名称）
error-bad-date = 日期“{$text}”无效：应为 YYYY-MM-DD
error-bad-date-detail = 日期“{$text}”无效：应为 YYYY-MM-DD（{$detail}）
error-unknown-scenario = 未知情景“{$name}”（已知情景：{$known}；或提供情景文件）
error-unknown-point = “{$spec}”既不是日期（YYYY-MM-DD），也不是规则版本 ID（见 data/rules.toml，如 2026-01-15-h200-lane），也不是情景 ID（已知情景：{$known}）
error-not-assignment = {$flag}“{$arg}”：应为 {$form}，例如 {$example}
error-bad-units = --units“{$arg}”：“{$n}”不是整数（单位数应为正整数）
error-zero-units = --units“{$arg}”：单位数至少为 1
error-bad-price = --price“{$arg}”：“{$price}”不是以美元计的价格（如 27000 或 27000.50）
error-name-empty = {$subject}为空
error-name-too-long = {$subject}超过 {$max} 个字符
error-name-control = {$subject}“{$name}”的第 {$at} 个字符是 {$char}（控制字符或换行符）：请删除
error-name-bidi = {$subject}“{$name}”的第 {$at} 个字符是 {$char}（双向控制字符，它改变名称的显示方式，但不改变所筛查的内容）：请删除
error-name-no-letter = {$subject}“{$name}”不含任何字母或数字：没有可筛查的内容
name-subject-name = 名称
name-subject-to-screen = 待筛查的名称
name-subject-first = 第一个名称
name-subject-second = 第二个名称
name-subject-end-user = 最终用户名称
name-subject-owner-name = 所有者名称
name-subject-party = 当事方名称
name-subject-owner = 所有者
name-subject-owned = 被持有方
error-rows-not-checked = {$rows} 行中有 {$failed} 行无法核查（见上文）
error-rows-not-screened = {$rows} 行中有 {$failed} 行无法筛查（见上文）
error-unreadable-row = {$file}：第 {$line} 行：无法读取的行：{$error}
error-unreadable = 无法读取的行：{$error}
# 用户指定的文件
error-cannot-open = {$file}：无法打开：{$error}
error-cannot-read = {$file}：无法读取：{$error}
error-cannot-create = {$file}：无法创建：{$error}
error-unknown-column = {$file}：第 1 行第 {$column} 列：未知列“{$name}”；可用的列为：{$expected}
error-unknown-column-hint = {$file}：第 1 行第 {$column} 列：未知列“{$name}”（您是否指“{$hint}”？）；可用的列为：{$expected}
error-column-twice = {$file}：第 1 行：列“{$name}”出现了两次
error-missing-column = {$file}：第 1 行：缺少列“{$name}”（可用的列为：{$expected}）
error-missing-pair-column = {$file}：第 1 行：缺少列“{$name}”（比较的是 a 列和 b 列）
error-row = {$file}：第 {$line} 行：{$reason}
error-not-whole-number = {$column} 的值“{$text}”不是整数
error-not-number = {$column} 的值“{$text}”不是数字
error-not-yes-no = {$column} 的值“{$text}”不是 yes 或 no（事实未知时请留空）
error-quantity-not-units = 数量（quantity）不是整数个单位
error-licence-and-us = 一行要么按许可证出货，要么标记 us 列，不能两者兼有
error-owns-itself = 文件称“{$name}”拥有其自身
error-not-share = percent 列：“{$text}”不是大于 0 且不超过 100 的持股比例
error-not-date = {$column} 列：“{$text}”不是日期（格式应为 YYYY-MM-DD）
error-to-before-from = to 列：{$to} 早于 from 列的 {$from}
error-at = {$file}：第 {$line} 行：{$reason}
error-review-unknown-column = 未知列“{$name}”（必需列：{$required}；可选列：{$optional}）
error-header-lacks = 表头缺少“{$name}”列
error-not-decision = decision 列应为 false-positive、true-match 或 escalated
note-absent-columns = {$file}：缺少以下列，每行均按空值处理：{$columns}
io-not-found = 没有那个文件或目录
io-permission-denied = 权限不够

## A figure outside its bound (earl_core::bounds): what it is, and why the bound is there.
error-out-of-bounds = {$flag}：{$value} 超出{$what}的允许范围（{$low}，且不超过 {$max}）：{$reason}
bound-more-than = 大于 {$min}
bound-at-least = 不小于 {$min}
bound-what-tops = 算力（TOPS）
bound-what-tpp = TPP
bound-what-die-area = 芯片面积（mm²）
bound-what-pd = 性能密度
bound-what-memory-bandwidth = 内存带宽（GB/s）
bound-what-chip-to-chip = 芯片间带宽（GB/s）
bound-what-package-area = 封装面积（mm²）
bound-what-memory = 内存容量（GB）
bound-what-power = 功率（W）
bound-reason-tops = 1000 万 TOPS 是整片晶圆处理器峰值（Cerebras WSE-3，稀疏 FP16 125 PFLOPS）的 80 倍；3A090 最多汇总到一块电路板
bound-reason-tpp = 可接受的最大算力（1000 万 TOPS）乘以最长位长（64）为 6.4 亿
bound-reason-die-area = 一片 300 mm 晶圆为 70,686 mm²，由此类芯片组成的电路板不足一平方米（10⁶ mm²）；小于 1 mm² 的逻辑芯片无法承载数据中心加速器
bound-reason-pd = chips.md 中密度最高的芯片不超过 45.8；10,000 是其 200 多倍
bound-reason-memory-bandwidth = 100 PB/s 是整片晶圆处理器片上 SRAM 带宽（21 PB/s）的五倍，是任何 HBM 封装的一万多倍
bound-reason-chip-to-chip = 10 PB/s 是最快加速器互连（NVLink 5，1.8 TB/s）的一千多倍
bound-reason-package-area = 一个 HBM 堆栈约为 100 mm²；100,000 mm² 比任何封装都大
bound-reason-memory = 1 PB 是任何加速器内存的数千倍
bound-reason-power = 1 兆瓦是数据中心的一整排机柜，而不是一颗芯片

## earl update's refusals of a list.
error-list-dropped = 已拒绝来自 {$origin} 的清单：{$drops}；下载不完整时就是这样。如果清单确实缩减了，请加上 --accept-drop 重新运行
error-list-empty = 已拒绝来自 {$origin} 的清单：其中没有任何条目
error-cannot-write = {$file}：无法写入：{$error}
error-cannot-write-file = 无法写入 {$file}：{$error}
error-bad-count = --contains“{$arg}”：“{$n}”不是整数（芯片数应为整数）
error-threshold-range = 阈值必须介于 0 与 1 之间，给定值为 {$value}
error-http-status = {$url}：服务器返回 HTTP {$status}

## 命令行用法错误（参数解析器给出的各部分）
usage-error = 错误：{$wrong}
usage-unknown-argument = 无法识别的参数“{$arg}”
usage-unknown-subcommand = 无法识别的子命令“{$name}”
usage-missing-arguments = 缺少以下必需参数：
usage-value-missing = 参数“{$arg}”需要一个值，但未提供
usage-invalid-value = 参数“{$arg}”的值“{$value}”无效
usage-possible-values = [可选值：{$values}]
usage-bad-value = 参数“{$arg}”的值“{$value}”无效：{$reason}
usage-used-twice = 参数“{$arg}”不能多次使用
usage-conflict = 参数“{$arg}”不能与“{$other}”同时使用
usage-conflict-many = 参数“{$arg}”不能与以下参数同时使用：
usage-conflict-unnamed = 参数“{$arg}”不能与命令行中的其他一个或多个参数同时使用
usage-extra-value = 参数“{$arg}”多出了值“{$value}”；不应再有更多的值
usage-missing-subcommand = “{$name}”需要一个子命令，但未提供
usage-subcommands = [子命令：{$values}]
usage-tip = 提示：{$tip}
usage-quoted = “{$name}”
usage-similar-argument = 有一个相似的参数：{$names}
usage-similar-arguments = 有几个相似的参数：{$names}
usage-similar-subcommand = 有一个相似的子命令：{$names}
usage-similar-subcommands = 有几个相似的子命令：{$names}
usage-similar-value = 有一个相似的值：{$names}
usage-similar-values = 有几个相似的值：{$names}
usage-pass-as-value = 若要将“{$arg}”作为值传入，请写成“{$command}”
usage-usage = 用法：{$usage}
usage-more = 如需更多信息，请运行“{$help}”。

## 台账的上下限；某列的单元格被拒
error-units-out-of-bounds = {$what} 为 {$quantity}：数量应为 1 至 1000000000 之间的整数个单位（10^9，已超过全球 AI 加速器一年的产量）
error-value-out-of-bounds = {$what} 为 {$value}：金额应为 0 至 10000000000000 美元（10^13，超过任何许可证所能授权的金额）
error-in-column = {$column} 列：{$error}
error-holding-twice = “{$owner}”对“{$owned}”的同一时段持股出现了两次
csv-not-utf8 = 第 {$column} 个字段不是 UTF-8 文本
csv-field-count = 该行有 {$found} 个字段，而之前各行有 {$expected} 个

## earl serve 开始监听前的拒绝
error-token-file-unreadable = {$file}：无法读取令牌文件：{$error}
error-token-file-empty = {$file}：令牌文件为空
error-token-var-empty = 已设置 EARL_TOKEN，但其值为空
error-token-required = 拒绝在没有令牌的情况下监听 {$addr}，因为它不是环回地址：请设置 EARL_TOKEN 或传入 --token-file FILE（或改为监听 127.0.0.1）
error-bad-address = 无法使用地址“{$addr}”：{$reason}
warning-short-token = 警告：令牌短于 {$min} 个字符，可能被猜出

## earl update 的网络故障与拒绝（error 为 HTTP 库、加载器或解析器的原文，英文）
error-cannot-fetch = 无法获取 {$url}：{$error}（是否离线？隔离网络环境下，请在别处下载这些文件，再使用 `earl update --from-dir DIR`）
error-cut-short-after = {$url}：下载在 {$bytes} 字节后中断：{$error}
error-cut-short = {$url}：下载中断：{$error}
error-short-of = {$url}：下载中断：只收到 {$expected} 字节中的 {$got} 字节
error-http-answer = 服务器返回 HTTP {$status}
error-gave-up = {$url}：{$last}（已尝试 {$attempts} 次）
error-answer-not-utf8 = {$url}：返回内容不是 UTF-8
error-answer-not-json = {$url}：返回内容不是 JSON：{$error}
error-list-refused = 已拒绝来自 {$origin} 的清单：{$error}
error-documents-refused = 已拒绝这些文件：{$error}
error-too-many-pages = 已拒绝来自 {$base} 的文件：超过 {$max} 页
error-no-lists-file = {$dir}：没有 consolidated.json 或 consolidated.csv（trade.gov 的综合筛查清单下载文件）
error-no-gleif-files = {$dir}：没有 gleif*.json（GLEIF API 文档）
error-not-json = {$file}：不是有效的 JSON：{$error}

## 审计记录与所有权图的拒绝
error-trail = 审计记录：{$reason}
error-trail-is-directory = 审计记录：{$path} 是一个目录；审计记录需要一个数据库文件路径
error-trail-missing = 审计记录：{$path} 处没有审计记录
error-trail-not-sqlite = 审计记录：{$path} 不是 SQLite 数据库
error-trail-foreign = 审计记录：{$path} 是一个 SQLite 数据库，但不是 earl 的审计记录；拒绝修改
error-trail-needs-migration = 审计记录：{$path} 的结构版本为 {$found}：请运行 `earl audit migrate` 将其升级到版本 3（升级前后均会校验，并保留备份）
error-needs-trail-dispositions = 处置保存在审计记录中：请去掉 --no-audit
error-needs-trail-review-queue = 待审核队列从审计记录中读取：请去掉 --no-audit
error-needs-trail-ledger = 许可证和出货记录保存在审计记录中：请去掉 --no-audit
error-no-ownership-graph = 尚无所有权图：请用 `earl owners import FILE` 导入
error-no-disposition = 没有编号为 {$id} 的处置记录
error-already-revoked = 处置 {$id} 此前已撤销

## The API's errors that are only an HTTP status (earl-server's `ApiError::from_status`)
api-status-not-found = 没有该端点；参见 GET /v1/openapi.json
api-status-method-not-allowed = 该端点不接受此方法
api-status-timeout = 请求耗时过长，已被放弃
api-status-payload-too-large = 请求正文过大
api-status-unsupported-media-type = 请以 application/json 发送正文
api-status-unauthorized = 需要持有者令牌（bearer token）
api-status-bad-request = 请求未被接受
api-status-internal = 服务器未能作答；该故障已记入日志
