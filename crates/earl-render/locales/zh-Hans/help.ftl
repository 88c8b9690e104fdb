# earl 的 --help（简体中文）。英文即命令行参数的文档注释本身，故英文没有此文件。
# 键：help-<命令路径> 为命令说明，help-<命令路径>--<参数 id> 为参数说明；
# .long 为长说明，.after 为帮助末尾的文字，.value-<值> 为某个可选值的说明。
# 名称（earl、命令名、--to 等标志名、ISO2 等值名）、标识符与引文保持原样。

## clap 自身写出的文字

help-heading-commands = 命令
help-heading-arguments = 参数
help-heading-options = 选项
help-heading-data-options = 数据选项（适用于每个子命令）
help-clap-help = 打印帮助
help-clap-help-more = 打印帮助（用“--help”查看更多）
help-clap-help-summary = 打印帮助（用“-h”查看摘要）
help-clap-version = 打印版本
help-clap-help-command = 打印本帮助，或所给子命令的帮助
help-clap-help-command--subcommand = 打印所给子命令的帮助
help-clap-env = [环境变量：{$setting}]
help-clap-default = [默认值：{$values}]
help-clap-possible-values = [可选值：{$values}]
help-clap-possible-values-heading = 可选值：
help-clap-value = - {$name} {$help}

## 共用的措辞

-json-answer = 以 JSON 输出答案（字段名见 docs/json.md）
-json = 以 JSON 输出
-json-report = 以 JSON 输出报告
-json-differences = 以 JSON 输出差异
-date-of-question = 所问日期，YYYY-MM-DD（默认：今天，UTC）
-scenario = 情景 id（见 `earl scenarios`），或在命令行上给出情景文件
-tpp = 不在目录中的芯片：其 TPP
-throughput = 不在目录中的芯片：某一精度下的稠密 TOPS，如 fp8=1979；可重复（JSON 中写作 `{"{"}"fp8": 1979{"}"}`）
-pd = 性能密度，用于已知性能密度而不知芯片面积时
-datacenter = 该芯片是否为数据中心使用而设计或销售
-package-area = HBM 堆栈的封装面积，单位 mm²
-disposition-id = 处置的 id（其记录的序号）
-licence-number = 许可证号
-machine-readable = 机器可读的输出
-why = 理由

## earl

help-earl = 以代码表达的美国 AI 芯片出口规则：分类、检查、筛查与探索——离线运行，以日期为准，每一步注明出处。
    .after = 每个答案都以某一日期为准（默认：今天，UTC），并列出 earl 未检查的内容。并非法律意见或许可放行。

        退出码：0 已作答；1 内部错误，或审计记录未通过验证；2 输入或数据有误；3 被拒绝（许可证或发货），或网络故障（update）；4 无法写入审计记录（磁盘已满、I/O 错误、审计记录只读）：未给出答案。
help-earl--chips-file = 加入此目录文件中的芯片（格式同 data/chips.toml）；可重复
help-earl--rules = 使用此规则文件，而不是内置的 data/rules.toml
help-earl--countries = 使用此国家文件，而不是内置的
help-earl--country-groups = 使用此国家组文件，而不是内置的
help-earl--lists = 对照此综合筛查清单（Consolidated Screening List）文件筛查（trade.gov 的 CSV 或 JSON）
help-earl--accept-partial-lists = 即使清单中没有任何实体清单或 SDN 条目也照样筛查（否则拒绝）；对照该清单筛查的每个答案都会注明这一点
help-earl--db = 审计记录数据库（默认：位于用户数据目录下）
help-earl--no-audit = 不把判定写入审计记录
help-earl--data-dir = `earl update` 存放所获取文件的目录（默认：审计记录默认位置所在的目录，如 ~/.local/share/earl）
help-earl--lang = `check`、`classify`、`screen`、`match`、`about`、`licence`、`ship`、`ledger`、`review`、`owners`、`lists`、`audit`、`chips`、`systems`、`impact`、`scenarios`、`diff` 与 `timeline`（及其图表）的语句所用语言：en、ar 或 zh（默认：EARL_LANG，其次 LC_ALL 或 LANG，否则英文）。JSON 字段名、id、枚举值与引文保持原样

## chips, systems

help-chips = 列出芯片目录，含 TPP、PD、数据中心标记与内存带宽
help-chips--json = { -machine-readable }
help-systems = 列出系统（板卡、服务器、机架），含其所含芯片与来源
help-systems--json = { -machine-readable }

## classify

help-classify = 按 ECCN 3A090 对某一芯片在某一日期进行分类，并给出理由
help-classify--chip = 目录中的芯片或系统名称，如“H200”（大小写、空格、连字符与厂商前缀均无影响；先按系统名称查找，故“HGX B200”指该板卡）
help-classify--system = 目录中的系统（见 `earl systems`），按 ECCN 4A090 分类
help-classify--contains = 不在目录中的系统：其所含的目录芯片及数量，如 H200=8；可重复
help-classify--date = { -date-of-question }
help-classify--scenario = { -scenario }
help-classify--tpp = { -tpp }
help-classify--throughput = { -throughput }
help-classify--die-area = 适用的芯片面积，单位 mm²（所有非平面逻辑裸片）
help-classify--pd = { -pd }
help-classify--datacenter = { -datacenter }
help-classify--memory-bandwidth = DRAM 总带宽，单位 GB/s（kind 为 hbm 时为 HBM 堆栈的带宽）
help-classify--chip-to-chip = 芯片间（互连）带宽，单位 GB/s，用于 2022 年 10 月的规则
help-classify--package-area = { -package-area }
help-classify--kind = `accelerator`（默认）或 `hbm`：HBM 堆栈（3A090.c），按内存带宽与封装面积判断
help-classify--json = { -json-answer }

## check

help-check = 将一种芯片运往某一目的地（及最终用户）是否需要许可证？条件如何？
help-check--chip = 目录中的芯片或系统名称（先按系统名称查找：“HGX B200”指该板卡；许可证规则将 3A090 与 4A090 一并列明）
help-check--system = 目录中的系统（板卡、服务器、机架；见 `earl systems`）
help-check--contains = 不在目录中的系统：其所含的目录芯片及数量，如 H200=8；可重复。此时数量按系统计
help-check--to = 目的地国家（ISO 代码或名称；香港视同中国）
help-check--from = 物项的出口国（默认 US）；再出口时可以不同
help-check--end-user = 最终用户名称，将与受限方清单比对筛查
help-check--end-user-hq = 最终用户（或其最终母公司）总部所在国家
help-check--date = { -date-of-question }
help-check--scenario = { -scenario }
help-check--quantity = 单位数量（对系统而言为系统数），用于费用、数量条件与按数量适用的例外
help-check--ownership = 谁拥有最终用户（及其所有者），用于关联方规则（Affiliates rule）：每个所有者、其所拥有的一方（默认：最终用户）及其持股比例。命令行上写作 `--owner NAME=PERCENT`，可重复；JSON 中写作 `[{"{"}"owner": …, "owned": …, "percent": …{"}"}]` 或 `["NAME=PERCENT"]`。未给出时，答案会说明未检查所有权
help-check--made-in = 物项的生产国（外国生产的物项仅因美国成分、外国直接产品规则或其所在地而受 EAR 管辖；默认：目录中的事实，否则未知）
help-check--us-content = 受管制的美国原产成分，占物项价值的百分比（0 到 100），用于 de minimis（15 CFR 734.4）；默认未知
help-check--us-tech = 物项是否为 15 CFR 734.9 所列美国原产技术或软件的直接产品，或为此类技术或软件的直接产品的工厂或主要部件的直接产品（yes 或 no；默认：目录中的事实，否则未知）
help-check--us-available = 该芯片是否曾在美国商业销售（2026 年 1 月逐案审查通道的适用范围；yes 或 no；默认：目录中的事实，否则未知）
help-check--tpp = { -tpp }
help-check--throughput = { -throughput }
help-check--die-area = 适用的芯片面积，单位 mm²
help-check--pd = { -pd }
help-check--datacenter = { -datacenter }
help-check--memory-bandwidth = DRAM 总带宽，单位 GB/s
help-check--chip-to-chip = 芯片间带宽，单位 GB/s
help-check--package-area = { -package-area }
help-check--kind = `accelerator`（默认）或 `hbm`
help-check--ownership-file = 任意层级持股的 CSV，列为 owner,owned,percent，并入问题中的所有者；与 --batch 一起使用时适用于每一行的最终用户（该文件从未列为被拥有方的最终用户，其所有权为未知：答案会说明未检查）
help-check--batch = 检查此 CSV 的每一行（列 chip、destination；可选：问题的每项事实——end_user、end_user_hq、date、quantity、from、made_in、us_content、us_tech、us_available；见 docs/json.md）
help-check--out = 批量结果的去处（默认标准输出）；`.jsonl`（或 `--json`）写入 JSON Lines，其他均写入 CSV
help-check--json = 以 JSON 输出答案（字段名见 docs/json.md）；与 --batch 一起使用时输出 JSON Lines：每行一个对象，含 CSV 的各字段

## screen, match, lists

help-screen = 将一方名称与美国受限方清单比对筛查
help-screen--name = 该方的名称，任何文字均可
help-screen--country = 只保留地址在此国家的条目（ISO 代码、名称或别名；没有地址国家的条目予以保留）
help-screen--sources = 只筛查这些清单，如 EL,MEU,SDN（trade.gov 的 `sources` 代码）
help-screen--threshold = 构成匹配的最低得分，在 [0, 1] 之间
help-screen--all = 同时返回低于阈值的最佳条目
help-screen--date = 判断各清单效力与列名日期所依据的日期，YYYY-MM-DD（默认：今天，UTC）
help-screen--batch = 筛查此 CSV 的每一行（列 `name`，可选 `country`）
help-screen--out = 批量结果的去处（JSON Lines；默认标准输出）
help-screen--json = { -json-answer }
help-match = 按筛查的方式比较两个名称，并解释得分
help-match--a = 第一个名称，任何文字均可
help-match--b = 第二个名称，任何文字均可
help-match--threshold = 名称被视为匹配的得分下限（达到或超过即为匹配），在 [0, 1] 之间
help-match--batch = 比较此文件的每一行：列 `a` 与 `b`（CSV；文件名以 .tsv 结尾时为制表符分隔）；写入 JSON Lines {"{"}row, score, match{"}"}
help-match--json = 以 JSON 输出得分及其解释
help-lists = 显示所用的筛查清单：来源、条目数、哈希值、是否过时
help-lists--max-age-days = 清单超过这么多天时发出警告
help-lists--json = 以 JSON 输出来源信息
help-lists-diff = 两个清单文件（trade.gov 的 CSV 或 JSON）之间新增、删除与变更的条目，按清单列出，并附两个文件的来源信息
help-lists-diff--old = 较旧的清单文件
help-lists-diff--new = 较新的清单文件
help-lists-diff--json = { -json-differences }

## scenarios, diff, timeline, impact

help-scenarios = 列出 earl 已知的政策情景
help-scenarios--scenario = 同时验证并列出此情景文件
help-scenarios--json = { -json-answer }
help-diff = 两个日期、规则版本或情景之间有何变化，逐芯片、逐国家列出
help-diff--from = 比较的起点规则：日期（YYYY-MM-DD）、规则版本 id（data/rules.toml 中某项修订的 id）、情景 id，或（在命令行上）情景文件
help-diff--to = 比较的终点规则，形式与 A 相同
help-diff--destinations = 目的地（ISO 代码或名称；可重复）。默认：CN、HK、MO、RU、IR、SA、AE、IN、VN、MY、SG、IL、DE、GB、JP、US
help-diff--chips = 芯片（可重复）。默认：目录中的每种芯片
help-diff--date = 叠加情景所依据的日期（默认：今天）
help-diff--svg = 将 B 的“芯片 × 目的地”矩阵（有变化的单元格加框标出）写入此 SVG 文件
help-diff--json = { -json-answer }
help-timeline = 一种芯片运往某一目的地，在 2022 年至今每个规则版本下的判定
help-timeline--chip = 目录中的芯片名称
help-timeline--to = 目的地（ISO 代码或名称）
help-timeline--until = 考虑的最后日期，YYYY-MM-DD（默认：今天）
help-timeline--scenario = 叠加在每个日期上的情景（id，或在命令行上给出的文件）
help-timeline--svg = 将判定随时间变化的阶梯图写入此 SVG 文件
help-timeline--json = { -json-answer }
help-impact = 一组发货转移了多少算力，以及某一情景许可了什么
help-impact--units = 发货的单位数，每项写作 CHIP=N，如 H200=400000（可重复）
help-impact--prices = 以美元计的单价，每项写作 CHIP=USD，用于费用与关税（可重复）
help-impact--to = 目的地（默认 CN）
help-impact--date = 规则所依据的日期，YYYY-MM-DD（默认：今天）
help-impact--scenario = 叠加在该日期规则之上的情景（id，或在命令行上给出的文件）
help-impact--json = { -json-answer }

## licence, ship, ledger

help-licence = 记录许可证并查看其余额（保存在审计记录中）
help-licence-add = 记录 BIS 颁发的一份许可证
help-licence-add--number = { -licence-number }
help-licence-add--chip = 许可证所涉的目录芯片
help-licence-add--system = 许可证所涉的目录系统
help-licence-add--to = 目的地国家
help-licence-add--end-user = 许可证上载明的最终用户
help-licence-add--quantity = 授权的单位数（1 至 10^9）
help-licence-add--value = 授权的价值，美元（0 至 10^13）
help-licence-add--expires = 许可证有效的最后一天，YYYY-MM-DD
help-licence-add--conditions = 许可证的条件，以文字写出
help-licence-add--issued = 许可证的签发日，YYYY-MM-DD（默认：今天）
help-licence-add--json = 以 JSON 输出该许可证
help-licence-list = 每份许可证及其余额
help-licence-list--date = 余额与到期情况以此日期为准（默认：今天）
help-licence-list--json = { -json }
help-licence-show = 一份许可证及其余额与发货
help-licence-show--number = { -licence-number }
help-licence-show--date = 余额与到期情况以此日期为准（默认：今天）
help-licence-show--json = { -json }
help-ship = 记录一次发货：依据某份许可证（扣减额度、重新检查、执行该通道 50% 的上限），或发往美国最终用户；被拒绝的发货以退出码 3 结束且不记录任何内容，无法记录的发货以退出码 4 结束
help-ship--licence = 从此许可证中扣减本次发货
help-ship--us = 发往美国境内最终用户的发货（2026 年 1 月通道 50% 上限的比较基数）
help-ship--chip = 发货的目录芯片（与 --us 一起使用时必填；否则与许可证核对）
help-ship--system = 发货的目录系统
help-ship--to = 目的地，给出时与许可证核对
help-ship--end-user = 最终用户，给出时与许可证核对
help-ship--quantity = 发货的单位数（1 至 10^9）
help-ship--value = 发货的价值，美元（0 至 10^13）
help-ship--date = 发货日期，YYYY-MM-DD
help-ship--batch = 发货的 CSV（列 licence、quantity、date；可选 value、chip、system、us），全部记录或全不记录
help-ship--json = 以 JSON 输出已记录的发货（或拒绝）
help-ledger = 按芯片列出：运往美国最终用户与运往中国大陆/澳门的单位数，以及该通道的剩余额度
help-ledger--json = { -json }

## review

help-review = 审核人对清单匹配的决定：add、list、show、revoke、import、export（保存在审计记录中）
help-review-add = 记录审核人对一项匹配的决定：false-positive（搁置，条件是该条目仍如审核时所见、处置未过期）、true-match（保留并注明）或 escalated
help-review-add--party = 所筛查的一方名称，与提问时一致
help-review-add--entry = 所匹配的清单条目：`LIST:ENTITY_NUMBER`，即匹配所带的 `entry_id`
help-review-add--decision = 审核人的决定
    .value-false-positive = 该方不是所列条目：只要该条目仍如审核时所见、处置未过期，该匹配即被搁置
    .value-true-match = 该方就是所列条目：匹配保留，并附审核人的说明
    .value-escalated = 未作决定：匹配仍待处理，并附审核人的说明
help-review-add--reviewer = 作出决定的人
help-review-add--reason = { -why }
help-review-add--country = 该方的国家（ISO 代码或名称）：处置随即只涵盖为该方指明此国家的问题
help-review-add--expires = 处置有效的最后一天，YYYY-MM-DD（须晚于今天）
help-review-add--evidence = 决定所依据的文件；记录其 SHA-256
help-review-add--json = 以 JSON 输出已记录的处置
help-review-list = 每项处置，按时间先后排列，如已撤销则附撤销记录
help-review-list--json = { -json }
help-review-show = 一项处置
help-review-show--id = { -disposition-id }
help-review-show--json = { -json }
help-review-revoke = 撤回一项处置：其匹配重新提出
help-review-revoke--disposition = { -disposition-id }
help-review-revoke--reviewer = 撤回它的人
help-review-revoke--reason = { -why }
help-review-revoke--json = 以 JSON 输出已记录的撤销
help-review-import = 记录一个 CSV 文件中的每项处置（全部记录或全不记录）；每条记录以 SHA-256 标明该文件
help-review-import--file = 该 CSV 文件（列：party、entry、decision、reviewer、reason；可选 country、expires、entry_hash）
help-review-import--json = 以 JSON 输出已记录的处置
help-review-export = 以 CSV 写出现行有效的处置，其列即 `import` 所读取的列
help-review-queue = 没有任何处置涵盖的已记录命中，按时间先后排列，并按清单计数
help-review-queue--json = { -json }

## audit

help-audit = 判定的审计记录：list、show、verify、export
help-audit-list = 列出已记录的判定，按时间先后排列
help-audit-list--kind = 只列此类记录（check、classify、screen、match、diff、timeline、impact 等）
help-audit-list--since = 在此时间或之后的记录（RFC 3339 或 YYYY-MM-DD）
help-audit-list--until = 在此时间之前的记录（只给日期时包括当天）
help-audit-list--limit = 最多列出的记录数
help-audit-list--json = 以 JSON 输出这些记录
help-audit-show = 完整显示一条记录
help-audit-show--seq = 记录的序号（见 `earl audit list`）
help-audit-show--json = 以 JSON 输出该记录
help-audit-verify = 重新计算哈希链，并报告第一条被改动的记录
help-audit-verify--json = { -json-report }
help-audit-tail = 打印最后一条记录的序号与哈希值：请另行保存（工单、签名日志），因为哈希链本身无法表明其末尾是否被截去
help-audit-tail--json = { -json }
help-audit-migrate = 将第 2 版结构的审计记录升级到第 3 版：在其旁边备份，升级前后均验证，任一验证失败则不作改动
help-audit-migrate--json = { -json-report }
help-audit-rescreen = 将审计记录中的每个当事方名称（最终用户、所有者、批量行、已筛查的名称）对照所用清单重新筛查；报告新的匹配与消失的匹配，并附其记录。已对照同一清单重新筛查过的名称不再筛查
help-audit-rescreen--json = { -json-report }
help-audit-recheck = 按所用的规则与清单，以各自的日期重新回答每一项已记录的检查；报告答案有变化的检查，以及造成变化的原因
help-audit-recheck--since = 只重新回答在此时间或之后记录的检查（RFC 3339 或 YYYY-MM-DD）
help-audit-recheck--json = { -json-report }
help-audit-export = 以 JSON Lines 写出每条记录
help-audit-export--out = 输出文件（默认标准输出）

## owners

help-owners = 每次检查从中查找所有者的所有权图：import、show、list、affiliates
help-owners-import = 将一个所有权文件导入所有权图，逐行验证（某行有误时以退出码 2 结束，并给出文件、行与列）：它替换其数据集的各条边；若导入会使图中超过 20% 的边被删除，则除非给出 --accept-drop，否则拒绝。记录在审计记录中
help-owners-import--file = 该文件：earl 的 CSV（`owner,owned,percent`，可选 `source,from,to`）
help-owners-import--format = 文件的格式（默认：根据其文件名）
    .value-csv = earl 的 CSV：`owner,owned,percent`，可选 `source,from,to`
    .value-bods = 受益所有权数据标准（Beneficial Ownership Data Standard）0.4 的声明（JSON）
    .value-gleif = GLEIF 2 级关系记录，即 GLEIF API 返回的形式（JSON）
help-owners-import--dataset = 该文件替换的数据集（默认：格式的名称）
help-owners-import--accept-drop = 即使图会失去超过 20% 的边也照样导入
help-owners-import--json = 以 JSON 输出本次导入
help-owners-show = 一方在图中的链：向上是其所有者，向下是其持股
help-owners-show--name = 该方的名称（按筛查规范化名称的方式比较）
help-owners-show--json = 以 JSON 输出这些链
help-owners-list = 图中的每条边，附其来源与日期
help-owners-list--json = 以 JSON 输出这些边
help-owners-diff = 比较两个所有权文件给出的持股：新增、删除、持股比例变更
help-owners-diff--old = 较早的所有权文件
help-owners-diff--new = 较晚的所有权文件
help-owners-diff--format = 这些文件的格式（默认：根据每个文件的名称或内容）
    .value-csv = earl 的 CSV：`owner,owned,percent`，可选 `source,from,to`
    .value-bods = 受益所有权数据标准（Beneficial Ownership Data Standard）0.4 的声明（JSON）
    .value-gleif = GLEIF 2 级关系记录，即 GLEIF API 返回的形式（JSON）
help-owners-diff--json = { -json-differences }
help-owners-affiliates = 图中显示由列名方持股达到或超过某项所有权规则门槛的每一方，附其持股链以及该规则在该日期的效力
help-owners-affiliates--date = 判断列名情况与规则所依据的日期，YYYY-MM-DD（默认：今天，UTC）
help-owners-affiliates--json = 以 JSON 输出这些关联方

## update, serve, about, mcp, completions, man

help-update = 获取最新的筛查清单以及比规则更新的 BIS 文件；验证后投入使用（退出码 2：数据被拒；3：网络故障）
help-update--from-dir = 导入在别处下载的文件，而不是联网获取：`consolidated.json` 或 `consolidated.csv`，以及任何 `documents*.json`（《联邦公报》（Federal Register）文件 API 的响应）
help-update--accept-drop = 接受某一清单丢失超过 20% 条目（或整个消失）的清单
help-update--lists-url = 获取综合筛查清单（Consolidated Screening List）的地址（CSV 或 JSON）
help-update--fr-url = 所查询的文件 API 所在的《联邦公报》（Federal Register）网站
help-update--timeout = 等待连接以及等待任何一次读取的秒数
help-update--ownership = 获取审计记录中每个当事方的 GLEIF 2 级母公司（直接与最终会计合并母公司），而不是获取清单，并将其作为数据集 `gleif` 导入所有权图。与 --from-dir 一起使用时，导入该目录中的 `gleif*.json` 文件
help-update--gleif-url = --ownership 所查询的 GLEIF API
help-update--gleif-interval-ms = 两次 GLEIF 请求之间的毫秒数（earl 遵守的速率限制）
help-update--json = 以 JSON 输出所安装的内容
help-serve = 提供 HTTP API 与网页服务
help-serve--addr = 监听的地址。默认为环回地址；任何其他地址都需要令牌
help-serve--token-file = 从此文件读取每个 /v1/ 请求都必须出示的持有者令牌（Bearer token）（而不是从环境变量 EARL_TOKEN 读取，未给出此项时读取该变量）
help-serve--max-connections = 同时服务的连接数；超出后，少量连接得到 503（或 /healthz），其余被关闭。默认：打开文件数上限（提升至其硬上限）减去 128
help-serve--max-requests = 同时应答的请求数（除 /healthz、网页与 OpenAPI 文档外的每个端点）；超出后，请求得到 503 及 Retry-After
help-serve--header-timeout = 客户端发送完整请求头的秒数，自服务器开始等待时起算；超时则关闭连接
help-serve--idle-timeout = 连接在没有进行中的请求、也没有字节到达时可保持打开的秒数
help-serve--drain-timeout = 收到 SIGTERM 或 Ctrl-C 后，让进行中的请求完成的秒数，然后关闭其余连接
help-about = earl 的版本，以及每个内置数据集的版本日期
help-about--json = 以 JSON 输出每个数据集的版本日期
help-mcp = 通过 stdio 将 earl 的问题作为模型上下文协议（Model Context Protocol）工具提供给 AI 助手
help-completions = 打印 shell 补全脚本，如 `earl completions bash > ~/.local/share/bash-completion/completions/earl`
help-completions--shell = shell：bash、zsh、fish、elvish 或 powershell
help-man = 打印手册页（roff），或用 --dir 为每个子命令各写一页
help-man--dir = 将 earl.1 与 earl-SUBCOMMAND.1 各页写入此目录，而不是打印 earl.1
