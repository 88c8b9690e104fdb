//! `--lang`, `EARL_LANG` and the locale choose the language of earl's sentences (issue 25):
//! the same facts, the sentences from that language's catalog, JSON field names, ids and
//! citations unchanged; an unknown language asked for explicitly is bad input (exit 2).

use serde_json::Value;
use std::process::{Command, Output};

fn earl(args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_earl"));
    command.arg("--no-audit").args(args);
    for name in ["EARL_LANG", "LC_ALL", "LANG"] {
        command.env_remove(name);
    }
    command
        .envs(env.iter().copied())
        .output()
        .expect("earl runs")
}

const H200_CN: [&str; 6] = ["check", "H200", "--to", "CN", "--date", "2026-03-01"];

/// What earl wrote on stderr refusing `args` (exit 2), less the isolates (U+2068, U+2069)
/// around each argument in Arabic.
fn refused(args: &[&str]) -> String {
    let o = earl(args, &[]);
    assert_eq!(
        o.status.code(),
        Some(2),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8(o.stderr)
        .unwrap()
        .replace(['\u{2068}', '\u{2069}'], "")
}

/// What earl printed, less the isolates (U+2068, U+2069) around each argument in Arabic.
fn stdout(o: &Output) -> String {
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8(o.stdout.clone())
        .unwrap()
        .replace(['\u{2068}', '\u{2069}'], "")
}

#[test]
fn the_flag_the_variable_and_the_locale_choose_the_language() {
    let english = stdout(&earl(&H200_CN, &[]));
    assert!(english.contains(": LICENCE REQUIRED"), "{english}");
    let arabic = stdout(&earl(&[&H200_CN[..], &["--lang", "ar"]].concat(), &[]));
    assert!(arabic.contains(": يلزم ترخيص"), "{arabic}");
    assert!(
        arabic.contains("سياسة المراجعة: على أساس كل حالة على حدة"),
        "{arabic}"
    );
    let chinese = stdout(&earl(&H200_CN, &[("EARL_LANG", "zh")]));
    assert!(chinese.contains("：需要许可证"), "{chinese}");
    assert!(chinese.contains("审查政策：逐案审查"), "{chinese}");
    let from_locale = stdout(&earl(&H200_CN, &[("LANG", "ar_AE.UTF-8")]));
    assert_eq!(from_locale, arabic);
    // The flag wins over the variable; a locale without a catalog is English.
    let flagged = stdout(&earl(
        &[&H200_CN[..], &["--lang", "en"]].concat(),
        &[("EARL_LANG", "ar")],
    ));
    assert_eq!(flagged, english);
    assert_eq!(stdout(&earl(&H200_CN, &[("LANG", "fr_FR.UTF-8")])), english);
    // The same facts: every citation line is the same in every language.
    let cites = |text: &str| -> Vec<String> {
        text.lines()
            .filter(|l| l.trim_start().starts_with("— "))
            .map(|l| l.trim().trim_end_matches(" [UNVERIFIED]").to_string())
            .map(|l| l.split(" [").next().unwrap_or_default().to_string())
            .collect()
    };
    assert!(!cites(&english).is_empty());
    assert_eq!(cites(&arabic), cites(&english));
    assert_eq!(cites(&chinese), cites(&english));
}

#[test]
fn json_keeps_its_fields_and_ids_and_translates_the_text() {
    let english: Value =
        serde_json::from_slice(&earl(&[&H200_CN[..], &["--json"]].concat(), &[]).stdout).unwrap();
    let chinese: Value = serde_json::from_slice(
        &earl(
            &[&H200_CN[..], &["--json", "--lang", "zh-Hans"]].concat(),
            &[],
        )
        .stdout,
    )
    .unwrap();
    // The determination's fields are the answer's own (flattened).
    let d = |v: &Value| v.clone();
    for field in [
        "license_required",
        "review_policy",
        "paragraph",
        "eccn",
        "regime",
    ] {
        assert_eq!(d(&chinese)[field], d(&english)[field], "{field}");
    }
    let because = |v: &Value| d(v)["because"].as_array().unwrap().clone();
    assert_eq!(because(&chinese).len(), because(&english).len());
    for (zh, en) in because(&chinese).iter().zip(because(&english).iter()) {
        assert_eq!(zh["cite"], en["cite"]);
        assert_eq!(zh["entry"], en["entry"]);
    }
    let policy_step = because(&chinese)
        .into_iter()
        .find(|s| s["entry"] == "rp-2026-lane")
        .expect("the lane's review step");
    assert!(
        policy_step["text"]
            .as_str()
            .unwrap()
            .starts_with("审查政策“逐案审查”："),
        "{policy_step}"
    );
}

#[test]
fn an_unknown_language_asked_for_is_bad_input() {
    let out = earl(&[&H200_CN[..], &["--lang", "fr"]].concat(), &[]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("unknown language “fr”"));
    let out = earl(&H200_CN, &[("EARL_LANG", "xx")]);
    assert_eq!(out.status.code(), Some(2));
}

/// The ledger's commands speak the language asked too: a licence, a shipment drawn down from
/// it, the ledger's table, and a refusal.
#[test]
fn the_licence_ledger_speaks_the_language_asked() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("audit.sqlite");
    let db = db.to_str().unwrap();
    let run = |args: &[&str]| {
        let mut command = Command::new(env!("CARGO_BIN_EXE_earl"));
        for name in ["EARL_LANG", "LC_ALL", "LANG"] {
            command.env_remove(name);
        }
        command
            .args(["--db", db])
            .args(args)
            .output()
            .expect("earl runs")
    };
    let added = stdout(&run(&[
        "licence",
        "add",
        "--number",
        "L-1",
        "--chip",
        "H200",
        "--to",
        "CN",
        "--quantity",
        "100",
        "--issued",
        "2026-02-01",
        "--lang",
        "zh",
    ]));
    assert!(
        added.contains("许可证 L-1：NVIDIA H200 SXM → CN"),
        "{added}"
    );
    assert!(
        added.contains("数量：已出货 0，上限 100 · 剩余 100"),
        "{added}"
    );
    // Before any US shipment the lane's cap leaves nothing: refused, in the language asked,
    // the rule's own wording too, nothing recorded.
    let ship_cn = [
        "ship",
        "--licence",
        "L-1",
        "--quantity",
        "10",
        "--date",
        "2026-03-02",
    ];
    let refused = run(&[&ship_cn[..], &["--lang", "zh"]].concat());
    assert_eq!(refused.status.code(), Some(3));
    let refusal = String::from_utf8(refused.stderr).unwrap();
    assert!(refusal.contains("累计出货量不得超过"), "{refusal}");
    stdout(&run(&[
        "ship",
        "--us",
        "--chip",
        "H200",
        "--quantity",
        "1000",
        "--date",
        "2026-03-01",
    ]));
    let shipped = stdout(&run(&[&ship_cn[..], &["--lang", "ar"]].concat()));
    assert!(
        shipped.contains("سُجِّل: 10 × NVIDIA H200 SXM → CN"),
        "{shipped}"
    );
    assert!(shipped.contains("بموجب الترخيص L-1"), "{shipped}");
    let ledger = stdout(&run(&["ledger", "--lang", "zh"]));
    assert!(ledger.starts_with("芯片"), "{ledger}");
    assert!(
        ledger.contains("2026 年 1 月的通道（91 FR 1684）"),
        "{ledger}"
    );
    // The trail they are kept in, verified in the language asked.
    let verified = stdout(&run(&["audit", "verify", "--lang", "zh"]));
    assert!(verified.starts_with("通过："), "{verified}");
    assert!(verified.contains("条记录，哈希链完整"), "{verified}");
    let tail = stdout(&run(&["audit", "tail", "--lang", "ar"]));
    assert!(tail.contains("احفظ هذه البصمة"), "{tail}");
}

/// The catalogs' tables line up in Chinese too (a Chinese character takes two columns).
#[test]
fn the_catalogs_speak_the_language_asked() {
    let chips = stdout(&earl(&["chips", "--lang", "zh"], &[]));
    let mut lines = chips.lines();
    let head = lines.next().unwrap();
    assert!(head.starts_with("标识"), "{chips}");
    // The memory column ends where the header's does.
    let width = |s: &str| unicode_width::UnicodeWidthStr::width(s);
    let h100 = lines.find(|l| l.starts_with("h100-sxm ")).unwrap();
    assert_eq!(width(head), width(h100), "{head}\n{h100}");
    assert!(chips.contains("共 51 款芯片"), "{chips}");
    let systems = stdout(&earl(&["systems", "--lang", "ar"], &[]));
    assert!(systems.contains("الأنظمة حتى"), "{systems}");
}

/// The CLI's own status lines (a batch's summary, the file a chart went to) in the language
/// asked; the program's name before them stays.
#[test]
fn the_status_lines_speak_the_language_asked() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("orders.csv");
    std::fs::write(
        &input,
        "chip,destination,end_user,end_user_hq,date,quantity\nH200,CN,,,2026-03-01,8\nNOPE,CN,,,2026-03-01,1\n",
    )
    .unwrap();
    let out = dir.path().join("out.csv");
    let (input, out) = (input.to_str().unwrap(), out.to_str().unwrap());
    let batch = earl(
        &["check", "--batch", input, "--out", out, "--lang", "zh"],
        &[],
    );
    assert_eq!(batch.status.code(), Some(2), "a row could not be checked");
    let err = String::from_utf8_lossy(&batch.stderr);
    assert!(
        err.contains("earl: 共 2 行：已核查 1 行（其中 1 行需要许可证），1 行无法核查"),
        "{err}"
    );
    let matrix = dir.path().join("m.svg");
    let matrix = matrix.to_str().unwrap();
    let diff = stdout(&earl(
        &[
            "diff",
            "2025-11-20",
            "safe-chips-act",
            "--date",
            "2026-03-01",
            "--svg",
            matrix,
            "--lang",
            "ar",
        ],
        &[],
    ));
    assert!(
        diff.ends_with(&format!("\nكُتبت المصفوفة في {matrix}\n")),
        "{diff}"
    );
}

/// Bad input is refused in the language asked, with the same exit code; English is as it was.
#[test]
fn refusals_of_bad_input_speak_the_language_asked() {
    let chip = ["check", "H300", "--to", "CN"];
    assert_eq!(
        refused(&chip),
        "earl: unknown chip `H300`; closest catalog names: H100 SXM5, H200 SXM, H800 SXM, \
         B300, B30A (see `earl chips`)\n"
    );
    assert_eq!(
        refused(&[&["--lang", "zh"][..], &chip].concat()),
        "earl: 未知芯片“H300”；目录中最接近的名称：H100 SXM5、H200 SXM、H800 SXM、B300、B30A\
         （见 `earl chips`）\n"
    );
    let country = ["screen", "Huawei", "--country", "Atlantis"];
    assert!(refused(&country).starts_with("earl: unknown country `Atlantis`; did you mean"));
    assert!(
        refused(&[&["--lang", "ar"][..], &country].concat())
            .starts_with("earl: بلد غير معروف «Atlantis»؛ هل تقصد")
    );
    let date = ["classify", "H200", "--date", "1 March"];
    assert_eq!(
        refused(&date),
        "earl: invalid date `1 March`: expected YYYY-MM-DD\n"
    );
    assert_eq!(
        refused(&[&["--lang", "zh"][..], &date].concat()),
        "earl: 日期“1 March”无效：应为 YYYY-MM-DD\n"
    );

    // A batch with an unreadable row and a row it cannot check: the summary refusal and the
    // unreadable row's line in the language; the row's own reason stays as the CSV has it.
    let dir = tempfile::tempdir().unwrap();
    let rows = dir.path().join("rows.csv");
    std::fs::write(&rows, "chip,destination\nH200,CN\nH300,CN\n\"bad,CN\n").unwrap();
    let batch = ["check", "--batch", rows.to_str().unwrap()];
    let english = refused(&batch);
    assert!(
        english.ends_with("earl: 2 of 3 rows could not be checked (see above)\n"),
        "{english}"
    );
    assert!(
        english.contains(": line 4: unreadable row: CSV error"),
        "{english}"
    );
    let chinese = refused(&[&["--lang", "zh"][..], &batch].concat());
    assert!(
        chinese.ends_with("earl: 3 行中有 2 行无法核查（见上文）\n"),
        "{chinese}"
    );
    assert!(
        chinese.contains("：第 4 行：无法读取的行：该行有 1 个字段，而之前各行有 2 个\n"),
        "{chinese}"
    );
}

/// earl run in `dir` (so a file's name is as the user typed it), with its stderr and exit code;
/// the isolates (U+2068, U+2069) around each argument in Arabic are taken out.
fn in_dir(dir: &std::path::Path, args: &[&str]) -> (Option<i32>, String, String) {
    let mut command = Command::new(env!("CARGO_BIN_EXE_earl"));
    command.current_dir(dir).arg("--no-audit").args(args);
    for name in ["EARL_LANG", "LC_ALL", "LANG"] {
        command.env_remove(name);
    }
    let o = command.output().expect("earl runs");
    let clean = |b: Vec<u8>| {
        String::from_utf8(b)
            .unwrap()
            .replace(['\u{2068}', '\u{2069}'], "")
    };
    (o.status.code(), clean(o.stdout), clean(o.stderr))
}

/// The files a run reads for the tests of the CLI's file errors.
fn bad_files() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, text: &str| std::fs::write(dir.path().join(name), text).unwrap();
    write("unknown.csv", "chip,destination,end user\nH200,CN,x\n");
    write("twice.csv", "chip,destination,chip\nH200,CN,x\n");
    write("short.csv", "chip\nH200\n");
    write(
        "rows.csv",
        "chip,destination,date,end_user,end_user_hq,from,made_in,us_available,us_content\n\
         H200,CN,2026-03-01,,,,,,\nH300,CN,2026-03-01,,,,,,\n\"bad,CN\n",
    );
    write(
        "facts.csv",
        "chip,destination,date,quantity,us_tech\nH200,CN,2026-03-01,lots,\n\
         H200,CN,2026-03-01,3,maybe\nH200,Atlantis,2026-03-01,,\n",
    );
    write("names.csv", "name,country\nAcme,Atlantis\n\"bad,CN\n");
    dir
}

/// The CLI's file errors and a batch row's own reasons, exactly as the English said them
/// before they were typed (issue 25, round 5); the output's `reason` column is data and stays
/// English in every language.
#[test]
fn file_errors_and_batch_rows_in_english_exactly() {
    let dir = bad_files();
    let refused = |args: &[&str], expected: &str| {
        let (code, _, stderr) = in_dir(dir.path(), args);
        assert_eq!(code, Some(2), "{args:?}: {stderr}");
        assert_eq!(stderr, expected, "{args:?}");
    };
    let missing = "nope.csv: cannot open: No such file or directory (os error 2)";
    for args in [
        &["check", "--batch", "nope.csv"][..],
        &["match", "--batch", "nope.csv"],
        &["check", "H200", "--to", "CN", "--ownership", "nope.csv"],
        &["ship", "--batch", "nope.csv"],
    ] {
        refused(args, &format!("earl: {missing}\n"));
    }
    for args in [
        &["owners", "import", "nope.csv"][..],
        &["review", "import", "nope.csv"],
    ] {
        refused(
            args,
            "earl: nope.csv: cannot read: No such file or directory (os error 2)\n",
        );
    }
    refused(
        &["check", "--batch", "rows.csv", "--out", "no/such/dir.csv"],
        "earl: rows.csv: no column `quantity`, `us_tech` — taken as empty in every row\n\
         earl: no/such/dir.csv: cannot create: No such file or directory (os error 2)\n",
    );
    // (After the lists' staleness warning, which depends on today.)
    let (code, _, err) = in_dir(
        dir.path(),
        &[
            "screen",
            "--batch",
            "names.csv",
            "--out",
            "no/such/dir.jsonl",
        ],
    );
    assert_eq!(code, Some(2));
    assert!(
        err.ends_with(
            "\nearl: no/such/dir.jsonl: cannot create: No such file or directory (os error 2)\n"
        ),
        "{err}"
    );
    let columns = "chip, destination, date, end_user, end_user_hq, from, made_in, quantity, \
                   us_available, us_content, us_tech";
    refused(
        &["check", "--batch", "unknown.csv"],
        &format!(
            "earl: unknown.csv: line 1, column 3: unknown column `end user` (did you mean \
             `end_user`?); the columns are: {columns}\n"
        ),
    );
    refused(
        &["check", "--batch", "twice.csv"],
        "earl: twice.csv: line 1: column `chip` appears twice\n",
    );
    refused(
        &["check", "--batch", "short.csv"],
        &format!(
            "earl: short.csv: line 1: missing column `destination` (the columns are: \
             {columns})\n"
        ),
    );
    refused(
        &["match", "--batch", "short.csv"],
        "earl: short.csv: line 1: missing column `a` (columns a and b are compared)\n",
    );
    let h300 = "unknown chip `H300`; closest catalog names: H100 SXM5, H200 SXM, H800 SXM, \
                B300, B30A (see `earl chips`)";
    let (code, out, err) = in_dir(dir.path(), &["check", "--batch", "rows.csv"]);
    assert_eq!(code, Some(2));
    assert_eq!(
        err,
        format!(
            "earl: rows.csv: no column `quantity`, `us_tech` — taken as empty in every row\n\
             earl: rows.csv: line 3: {h300}\n\
             earl: rows.csv: line 4: unreadable row: CSV error: record 3 (line: 4, byte: \
             130): found record with 1 fields, but the previous record has 9 fields\n\
             earl: 3 rows: 1 checked (1 need a licence), 2 could not be checked\n\
             earl: 2 of 3 rows could not be checked (see above)\n"
        )
    );
    assert!(out.ends_with(&format!(",\"{h300}\"\n")), "{out}");
    let atlantis = "unknown country `Atlantis`; did you mean AL (Albania), AQ (Antarctica), PS \
                    (Palestine)? (give an ISO 3166-1 alpha-2 code such as CN, or a name)";
    let (code, out, err) = in_dir(dir.path(), &["check", "--batch", "facts.csv"]);
    assert_eq!(code, Some(2));
    assert!(
        err.starts_with(&format!(
            "earl: facts.csv: no column `end_user`, `end_user_hq`, `from`, `made_in`, \
             `us_available`, `us_content` — taken as empty in every row\n\
             earl: facts.csv: line 2: quantity `lots` is not a whole number\n\
             earl: facts.csv: line 3: us_tech `maybe` is not yes or no (leave it out when the \
             fact is not known)\n\
             earl: facts.csv: line 4: {atlantis}\n"
        )),
        "{err}"
    );
    for reason in [
        ",quantity `lots` is not a whole number\n",
        ",us_tech `maybe` is not yes or no (leave it out when the fact is not known)\n",
        &format!(",\"{atlantis}\"\n"),
    ] {
        assert!(out.contains(reason), "{out}");
    }
    let (code, out, err) = in_dir(dir.path(), &["screen", "--batch", "names.csv"]);
    assert_eq!(code, Some(2));
    let unreadable = "unreadable row: CSV error: record 2 (line: 3, byte: 27): found record \
                      with 1 fields, but the previous record has 2 fields";
    assert!(
        err.contains(&format!(
            "earl: names.csv: line 2: {atlantis}\nearl: names.csv: line 3: {unreadable}\n"
        )),
        "{err}"
    );
    assert!(out.contains(&format!("{{\"error\":\"{atlantis}\",\"row\":2}}")));
    assert!(out.contains(&format!("{{\"error\":\"{unreadable}\",\"row\":3}}")));
}

/// A missing file, a bad header and bad batch rows, said in Chinese and Arabic on stderr with
/// the same exit code (2); the output file's `reason` column keeps its English (data).
#[test]
fn file_errors_and_batch_rows_speak_the_language_asked() {
    let dir = bad_files();
    let run = |lang: &str, args: &[&str]| {
        let (code, out, err) = in_dir(dir.path(), &[&["--lang", lang][..], args].concat());
        assert_eq!(code, Some(2), "{args:?}: {err}");
        (out, err)
    };
    let (_, err) = run("zh", &["check", "--batch", "nope.csv"]);
    assert_eq!(err, "earl: nope.csv：无法打开：没有那个文件或目录\n");
    let (_, err) = run("ar", &["check", "--batch", "nope.csv"]);
    assert_eq!(
        err,
        "earl: nope.csv: تعذّر فتح الملف: لا يوجد ملف أو دليل بهذا الاسم\n"
    );
    let (_, err) = run(
        "zh",
        &["check", "--batch", "short.csv", "--out", "no/such/dir.csv"],
    );
    assert!(err.starts_with("earl: short.csv：第 1 行：缺少列"), "{err}");
    let (_, err) = run(
        "zh",
        &["check", "--batch", "rows.csv", "--out", "no/such/dir.csv"],
    );
    assert!(
        err.ends_with("\nearl: no/such/dir.csv：无法创建：没有那个文件或目录\n"),
        "{err}"
    );
    let (_, err) = run("zh", &["owners", "import", "nope.csv"]);
    assert_eq!(err, "earl: nope.csv：无法读取：没有那个文件或目录\n");
    let (_, err) = run("zh", &["check", "--batch", "twice.csv"]);
    assert_eq!(err, "earl: twice.csv：第 1 行：列“chip”出现了两次\n");
    let (_, err) = run("ar", &["match", "--batch", "short.csv"]);
    assert_eq!(
        err,
        "earl: short.csv: السطر 1: العمود «a» مفقود (يُقارَن بين العمودين a و b)\n"
    );

    // A batch's bad rows: each line in the language, the output's reasons in English.
    let (out, err) = run("zh", &["check", "--batch", "facts.csv"]);
    assert_eq!(
        err,
        "earl: facts.csv：缺少以下列，每行均按空值处理：`end_user`、`end_user_hq`、`from`、\
         `made_in`、`us_available`、`us_content`\n\
         earl: facts.csv：第 2 行：quantity 的值“lots”不是整数\n\
         earl: facts.csv：第 3 行：us_tech 的值“maybe”不是 yes 或 no（事实未知时请留空）\n\
         earl: facts.csv：第 4 行：未知国家或地区“Atlantis”；您是否指 AL (Albania)、AQ \
         (Antarctica)、PS (Palestine)？（请给出 ISO 3166-1 二字母代码，如 CN，或名称）\n\
         earl: 共 3 行：已核查 0 行（其中 0 行需要许可证），3 行无法核查\n\
         earl: 3 行中有 3 行无法核查（见上文）\n"
    );
    let (english, _) = {
        let (code, out, err) = in_dir(dir.path(), &["check", "--batch", "facts.csv"]);
        assert_eq!(code, Some(2));
        (out, err)
    };
    assert_eq!(
        out, english,
        "the output file is data: the same in every language"
    );
    assert!(
        out.contains(",quantity `lots` is not a whole number\n"),
        "{out}"
    );
    let (out, err) = run("ar", &["check", "--batch", "facts.csv"]);
    assert_eq!(out, english);
    assert!(
        err.contains(
            "earl: facts.csv: السطر 2: القيمة «lots» في العمود quantity ليست عددًا صحيحًا\n"
        ),
        "{err}"
    );
    assert!(
        err.contains("earl: facts.csv: السطر 4: بلد غير معروف «Atlantis»؛ هل تقصد"),
        "{err}"
    );

    // screen --batch: the rows' lines in the language, the JSON Lines' errors in English.
    let (out, err) = run("ar", &["screen", "--batch", "names.csv"]);
    assert!(
        err.contains(
            "earl: names.csv: السطر 3: صف تتعذّر قراءته: عدد الحقول في هذا الصف 1، وفي الصفوف \
             السابقة 2\n"
        ),
        "{err}"
    );
    assert!(
        out.contains("{\"error\":\"unreadable row: CSV error"),
        "{out}"
    );
    assert!(
        out.contains("{\"error\":\"unknown country `Atlantis`"),
        "{out}"
    );
    let (_, err) = run("zh", &["screen", "--batch", "names.csv"]);
    assert!(
        err.contains("earl: names.csv：第 2 行：未知国家或地区“Atlantis”"),
        "{err}"
    );
}

/// An unknown scenario and impact's bad units and prices: English as before, Chinese and
/// Arabic on request, exit 2.
#[test]
fn bad_figures_and_scenarios_speak_the_language_asked() {
    let known = "ai-diffusion, h200-revenue-share, blackwell-down-the-stack, safe-chips-act, \
                 gain-ai-act, ai-overwatch-act, chip-security-act";
    let scenario = ["check", "H200", "--to", "CN", "--scenario", "nope"];
    assert_eq!(
        refused(&scenario),
        format!("earl: unknown scenario `nope` (known: {known}; or give a scenario file)\n")
    );
    assert_eq!(
        refused(&[&["--lang", "zh"][..], &scenario].concat()),
        format!(
            "earl: 未知情景“nope”（已知情景：{}；或提供情景文件）\n",
            known.replace(", ", "、")
        )
    );
    let units = ["impact", "--units", "H200"];
    assert_eq!(
        refused(&units),
        "earl: --units `H200`: expected CHIP=N, e.g. H200=1000\n"
    );
    assert_eq!(
        refused(&[&["--lang", "ar"][..], &units].concat()),
        "earl: \u{200e}--units «H200»: الصيغة المتوقعة CHIP=N، مثل H200=1000\n"
    );
    let price = ["impact", "--units", "H200=1000", "--price", "H200=ten"];
    assert_eq!(
        refused(&price),
        "earl: --price `H200=ten`: `ten` is not a price in US dollars (e.g. 27000 or 27000.50)\n"
    );
    assert_eq!(
        refused(&[&["--lang", "zh"][..], &price].concat()),
        "earl: --price“H200=ten”：“ten”不是以美元计的价格（如 27000 或 27000.50）\n"
    );
    let name = ["screen", "--", "---"];
    assert_eq!(
        refused(&name),
        "earl: the name to screen `---` has no letter or digit: there is nothing to screen\n"
    );
    assert_eq!(
        refused(&[&["--lang", "zh"][..], &name].concat()),
        "earl: 待筛查的名称“---”不含任何字母或数字：没有可筛查的内容\n"
    );
    assert_eq!(
        refused(&[&["--lang", "ar"][..], &name].concat()),
        "earl: الاسم المراد فحصه «---» لا يحوي أي حرف أو رقم: لا شيء يُفحص\n"
    );
}

#[test]
fn figures_out_of_bounds_in_english_exactly() {
    assert_eq!(
        refused(&["classify", "--tpp", "1e12"]),
        "earl: --tpp: 1000000000000 is outside the bounds for TPP (more than 0 and at most \
         1000000000): the largest throughput accepted (10 million TOPS) at the longest bit \
         length (64) is 640 million\n"
    );
    assert_eq!(
        refused(&["classify", "--die-area", "0.5", "--tpp", "4800"]),
        "earl: --die-area: 0.5 is outside the bounds for die area in mm² (at least 1 and at most \
         1000000): a 300 mm wafer is 70,686 mm², and a circuit board of such dies is under a \
         square metre (10⁶ mm²); a logic die under 1 mm² cannot carry a datacenter accelerator\n"
    );
    assert_eq!(
        refused(&["check", "--tpp", "4800", "--pd", "1e9", "--to", "CN"]),
        "earl: --pd: 1000000000 is outside the bounds for performance density (more than 0 and \
         at most 10000): the densest chip in chips.md is at most 45.8; 10,000 is over 200 times \
         that\n"
    );
    assert_eq!(
        refused(&["classify", "--throughput", "fp8=1e12"]),
        "earl: --throughput fp8: 1000000000000 is outside the bounds for throughput in TOPS \
         (more than 0 and at most 10000000): 10 million TOPS is 80 times a whole-wafer \
         processor's peak (Cerebras WSE-3, 125 PFLOPS sparse FP16); 3A090 aggregates at most a \
         circuit board\n"
    );
}

#[test]
fn figures_out_of_bounds_speak_the_language_asked() {
    assert_eq!(
        refused(&["--lang", "zh", "classify", "--tpp", "1e12"]),
        "earl: --tpp：1000000000000 超出TPP的允许范围（大于 0，且不超过 1000000000）：\
         可接受的最大算力（1000 万 TOPS）乘以最长位长（64）为 6.4 亿\n"
    );
    assert_eq!(
        refused(&[
            "--lang",
            "ar",
            "classify",
            "--die-area",
            "0.5",
            "--tpp",
            "4800"
        ]),
        "earl: \u{200e}--die-area: القيمة 0.5 خارج الحدود المقبولة (مساحة الرقاقة بوحدة mm²: \
         لا يقل عن 1 ولا يزيد على 1000000): رقاقة سيليكون قطرها 300 mm مساحتها 70,686 mm²، \
         ولوحة دارات من هذه الرقاقات أقل من متر مربع (10⁶ mm²)؛ ورقاقة منطقية أصغر من 1 mm² \
         لا تتسع لمسرّع لمراكز البيانات\n"
    );
}

#[test]
fn files_earl_cannot_write_in_english_exactly() {
    assert_eq!(
        refused(&["man", "--dir", "/dev/null/x"]),
        "earl: /dev/null/x: cannot write: Not a directory (os error 20)\n"
    );
    assert_eq!(
        refused(&[
            "diff",
            "2026-01-01",
            "2026-03-01",
            "--svg",
            "/nonexistent/x.svg"
        ]),
        "earl: cannot write /nonexistent/x.svg: No such file or directory (os error 2)\n"
    );
}

#[test]
fn files_earl_cannot_write_speak_the_language_asked() {
    let svg = [
        "diff",
        "2026-01-01",
        "2026-03-01",
        "--svg",
        "/nonexistent/x.svg",
    ];
    assert_eq!(
        refused(&[&["--lang", "zh"][..], &svg].concat()),
        "earl: 无法写入 /nonexistent/x.svg：没有那个文件或目录\n"
    );
    assert_eq!(
        refused(&[&["--lang", "ar"][..], &svg].concat()),
        "earl: تعذّرت الكتابة في /nonexistent/x.svg: لا يوجد ملف أو دليل بهذا الاسم\n"
    );
    // A reason the catalogs do not word keeps the system's sentence.
    assert_eq!(
        refused(&["--lang", "zh", "man", "--dir", "/dev/null/x"]),
        "earl: /dev/null/x：无法写入：Not a directory (os error 20)\n"
    );
    assert_eq!(
        refused(&["--lang", "ar", "man", "--dir", "/dev/null/x"]),
        "earl: /dev/null/x: تعذّرت الكتابة: Not a directory (os error 20)\n"
    );
}

#[test]
fn contains_and_threshold_in_english_exactly() {
    assert_eq!(
        refused(&["check", "--contains", "H200=lots", "--to", "CN"]),
        "earl: --contains `H200=lots`: `lots` is not a whole number of chips\n"
    );
    assert_eq!(
        refused(&["screen", "Huawei", "--threshold", "2"]),
        "earl: the threshold must be between 0 and 1, got 2\n"
    );
}

#[test]
fn contains_and_threshold_speak_the_language_asked() {
    assert_eq!(
        refused(&[
            "--lang",
            "zh",
            "check",
            "--contains",
            "H200=lots",
            "--to",
            "CN"
        ]),
        "earl: --contains“H200=lots”：“lots”不是整数（芯片数应为整数）\n"
    );
    assert_eq!(
        refused(&[
            "--lang",
            "ar",
            "check",
            "--contains",
            "H200=lots",
            "--to",
            "CN"
        ]),
        "earl: \u{200e}--contains «H200=lots»: «lots» ليس عددًا صحيحًا من الرقاقات\n"
    );
    assert_eq!(
        refused(&["--lang", "zh", "screen", "Huawei", "--threshold", "2"]),
        "earl: 阈值必须介于 0 与 1 之间，给定值为 2\n"
    );
    assert_eq!(
        refused(&["--lang", "ar", "screen", "Huawei", "--threshold", "2"]),
        "earl: يجب أن تكون عتبة التطابق بين 0 و1، والقيمة المعطاة 2\n"
    );
}

/// Each of `files` (name, contents) written into one fresh directory and given, in turn, to the
/// command `args(dir, file)` builds, run there after `lang`: its exit code and its stderr, less
/// the Arabic isolates.
fn each_file_refused(
    lang: &[&str],
    files: &[(&str, &str)],
    args: impl Fn(&std::path::Path, &str) -> Vec<String>,
) -> Vec<(Option<i32>, String)> {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in files {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    files
        .iter()
        .map(|(file, _)| {
            let mut command = Command::new(env!("CARGO_BIN_EXE_earl"));
            command.current_dir(dir.path());
            for name in ["EARL_LANG", "LC_ALL", "LANG"] {
                command.env_remove(name);
            }
            let o = command
                .args(lang)
                .args(args(dir.path(), file))
                .output()
                .expect("earl runs");
            let stderr = String::from_utf8(o.stderr)
                .unwrap()
                .replace(['\u{2068}', '\u{2069}'], "");
            (o.status.code(), stderr)
        })
        .collect()
}

/// `ship --batch`'s two row reasons of its own, run in a directory with the files.
fn ship_rows(lang: &[&str]) -> Vec<(Option<i32>, String)> {
    each_file_refused(
        lang,
        &[
            (
                "q.csv",
                "quantity,date,licence,us,value,chip,system\nlots,2026-03-02,,,,,\n",
            ),
            (
                "b.csv",
                "quantity,date,licence,us,value,chip,system\n3,2026-03-02,L-1,yes,,,\n",
            ),
        ],
        |dir, file| {
            let db = dir.join("audit.sqlite");
            let db = db.to_str().unwrap();
            ["--no-audit", "--db", db, "ship", "--batch", file]
                .map(String::from)
                .into()
        },
    )
}

/// `ship --batch`'s row reasons exactly as the English said them before they were typed
/// (issue 25, round 7).
#[test]
fn ship_batch_rows_in_english_exactly() {
    assert_eq!(
        ship_rows(&[]),
        [
            (
                Some(2),
                "earl: q.csv: line 2: quantity is not a whole number of units\n".to_string()
            ),
            (
                Some(2),
                "earl: b.csv: line 2: a row is either under a licence or `us`, not both\n"
                    .to_string()
            ),
        ]
    );
}

#[test]
fn ship_batch_rows_speak_the_language_asked() {
    assert_eq!(
        ship_rows(&["--lang", "zh"]),
        [
            (
                Some(2),
                "earl: q.csv：第 2 行：数量（quantity）不是整数个单位\n".to_string()
            ),
            (
                Some(2),
                "earl: b.csv：第 2 行：一行要么按许可证出货，要么标记 us 列，不能两者兼有\n"
                    .to_string()
            ),
        ]
    );
    assert_eq!(
        ship_rows(&["--lang", "ar"]),
        [
            (
                Some(2),
                "earl: q.csv: السطر 2: الكمية (quantity) ليست عددًا صحيحًا من الوحدات\n".to_string()
            ),
            (
                Some(2),
                "earl: b.csv: السطر 2: يكون الصف إمّا بموجب ترخيص وإمّا بالعمود us، لا الاثنين معًا\n"
                    .to_string()
            ),
        ]
    );
}

/// `owners import`'s row reasons, run in a directory with the files (and the graph in it).
fn owners_rows(lang: &[&str]) -> Vec<(Option<i32>, String)> {
    each_file_refused(
        lang,
        &[
            ("self.csv", "owner,owned,percent\nAcme,Acme,50\n"),
            ("pct.csv", "owner,owned,percent\nAcme,Beta,150\n"),
            ("date.csv", "owner,owned,percent,from\nAcme,Beta,50,soon\n"),
            (
                "order.csv",
                "owner,owned,percent,from,to\nAcme,Beta,50,2026-02-01,2026-01-01\n",
            ),
        ],
        |dir, file| {
            let data = dir.join("data");
            let data = data.to_str().unwrap();
            ["--no-audit", "--data-dir", data, "owners", "import", file]
                .map(String::from)
                .into()
        },
    )
}

/// `owners import`'s row reasons exactly as the English said them before they were typed
/// (issue 25, round 7).
#[test]
fn owners_import_rows_in_english_exactly() {
    let said = |s: &str| (Some(2), format!("earl: {s}\n"));
    assert_eq!(
        owners_rows(&[]),
        [
            said("self.csv: line 2: `Acme` is said to own itself"),
            said(
                "pct.csv: line 2: column `percent`: `150` is not a share more than 0 and at most 100"
            ),
            said("date.csv: line 2: column `from`: `soon` is not a date (YYYY-MM-DD)"),
            said("order.csv: line 2: column `to`: 2026-01-01 is before `from` 2026-02-01"),
        ]
    );
}

#[test]
fn owners_import_rows_speak_the_language_asked() {
    let said = |s: &str| (Some(2), format!("earl: {s}\n"));
    assert_eq!(
        owners_rows(&["--lang", "zh"]),
        [
            said("self.csv：第 2 行：文件称“Acme”拥有其自身"),
            said("pct.csv：第 2 行：percent 列：“150”不是大于 0 且不超过 100 的持股比例"),
            said("date.csv：第 2 行：from 列：“soon”不是日期（格式应为 YYYY-MM-DD）"),
            said("order.csv：第 2 行：to 列：2026-01-01 早于 from 列的 2026-02-01"),
        ]
    );
    assert_eq!(
        owners_rows(&["--lang", "ar"]),
        [
            said("self.csv: السطر 2: يَذكر الملف أن «Acme» يملك نفسه"),
            said(
                "pct.csv: السطر 2: العمود percent: القيمة «150» ليست حصة أكبر من 0 ولا تزيد على 100"
            ),
            said("date.csv: السطر 2: العمود from: القيمة «soon» ليست تاريخًا (YYYY-MM-DD)"),
            said(
                "order.csv: السطر 2: العمود to: التاريخ 2026-01-01 سابق لتاريخ العمود from (2026-02-01)"
            ),
        ]
    );
}

/// `review import`'s refusals of a file (the audit trail in the directory: review needs it).
fn review_rows(lang: &[&str]) -> Vec<(Option<i32>, String)> {
    each_file_refused(
        lang,
        &[
            ("unk.csv", "party,entry,decision,reviewer,reason,color\n"),
            ("lacks.csv", "party,entry,decision,reviewer\n"),
            (
                "dec.csv",
                "party,entry,decision,reviewer,reason\nAcme,x,maybe,me,why\n",
            ),
        ],
        |dir, file| {
            let db = dir.join("audit.sqlite");
            let db = db.to_str().unwrap();
            ["--db", db, "review", "import", file]
                .map(String::from)
                .into()
        },
    )
}

/// `review import`'s refusals exactly as the English said them before they were typed
/// (issue 25, round 7).
#[test]
fn review_import_rows_in_english_exactly() {
    let said = |s: &str| (Some(2), format!("earl: {s}\n"));
    assert_eq!(
        review_rows(&[]),
        [
            said(
                "unk.csv:1: unknown column `color` (columns: party, entry, decision, reviewer, \
                 reason, optionally country, expires, entry_hash, id, list, entry_name, date)"
            ),
            said("lacks.csv:1: the header lacks `reason`"),
            said("dec.csv:2: `decision` is false-positive, true-match or escalated"),
        ]
    );
}

#[test]
fn review_import_rows_speak_the_language_asked() {
    let said = |s: &str| (Some(2), format!("earl: {s}\n"));
    assert_eq!(
        review_rows(&["--lang", "zh"]),
        [
            said(
                "unk.csv：第 1 行：未知列“color”（必需列：party, entry, decision, reviewer, reason；\
                 可选列：country, expires, entry_hash, id, list, entry_name, date）"
            ),
            said("lacks.csv：第 1 行：表头缺少“reason”列"),
            said("dec.csv：第 2 行：decision 列应为 false-positive、true-match 或 escalated"),
        ]
    );
    assert_eq!(
        review_rows(&["--lang", "ar"]),
        [
            said(
                "unk.csv: السطر 1: عمود غير معروف «color» (الأعمدة: party, entry, decision, \
                 reviewer, reason، واختياريًا: country, expires, entry_hash, id, list, \
                 entry_name, date)"
            ),
            said("lacks.csv: السطر 1: يخلو سطر العناوين من العمود «reason»"),
            said(
                "dec.csv: السطر 2: قيمة العمود decision إمّا false-positive أو true-match أو escalated"
            ),
        ]
    );
}

/// Command lines clap refuses, one of each kind earl says in every language.
const USAGE_ERRORS: [&[&str]; 10] = [
    &["check", "H200", "--bogus"],
    &["check", "H200", "--to", "CN", "--chip-count", "3"],
    &["chek"],
    &["check"],
    &[
        "review",
        "add",
        "--party",
        "X",
        "--entry",
        "E",
        "--decision",
        "false",
        "--reviewer",
        "r",
    ],
    &["check", "H200", "--to"],
    &["check", "H200", "--to", "CN", "--us-tech", "maybe"],
    &["ship", "--licence", "L", "--us"],
    &["check", "H200", "--to", "CN", "--to", "US"],
    &["screen", "Huawei", "extra", "words"],
];

/// What earl wrote refusing each of [`USAGE_ERRORS`] with `lang` before it (exit 2 each).
fn usage_errors(lang: &[&str]) -> Vec<String> {
    USAGE_ERRORS
        .iter()
        .map(|args| refused(&[lang, args].concat()))
        .collect()
}

#[test]
fn usage_errors_in_english_exactly() {
    let expected = [
        "error: unexpected argument '--bogus' found\n\n  tip: to pass '--bogus' as a value, use '-- --bogus'\n\nUsage: earl check <CHIP>\n\nFor more information, try '--help'.\n",
        "error: unexpected argument '--chip-count' found\n\n  tip: a similar argument exists: '--chip-to-chip'\n\nUsage: earl check --to <TO> --chip-to-chip <GBPS> <CHIP>\n\nFor more information, try '--help'.\n",
        "error: unrecognized subcommand 'chek'\n\n  tip: a similar subcommand exists: 'check'\n\nUsage: earl [OPTIONS] <COMMAND>\n\nFor more information, try '--help'.\n",
        "error: the following required arguments were not provided:\n  --to <TO>\n  <CHIP>\n\nUsage: earl check --to <TO> <CHIP>\n\nFor more information, try '--help'.\n",
        "error: invalid value 'false' for '--decision <DECISION>'\n  [possible values: false-positive, true-match, escalated]\n\n  tip: a similar value exists: 'false-positive'\n\nFor more information, try '--help'.\n",
        "error: a value is required for '--to <TO>' but none was supplied\n\nFor more information, try '--help'.\n",
        "error: invalid value 'maybe' for '--us-tech <yes|no>': `maybe` is not yes or no (leave it out when the fact is not known)\n\nFor more information, try '--help'.\n",
        "error: the argument '--licence <LICENCE>' cannot be used with '--us'\n\nUsage: earl ship --licence <LICENCE>\n\nFor more information, try '--help'.\n",
        "error: the argument '--to <TO>' cannot be used multiple times\n\nUsage: earl check [OPTIONS] [CHIP]\n\nFor more information, try '--help'.\n",
        "error: unexpected argument 'extra' found\n\nUsage: earl screen [OPTIONS] [NAME]\n\nFor more information, try '--help'.\n",
    ];
    assert_eq!(usage_errors(&[]), expected);
    assert_eq!(usage_errors(&["--lang", "en"]), expected);
    // `--version` is a name and a number in every language: on stdout, exit 0. (`--help` is
    // in the language asked: `help_speaks_the_language_asked`.)
    let o = earl(&["--version"], &[("EARL_LANG", "zh")]);
    assert_eq!(o.status.code(), Some(0));
    assert!(o.stderr.is_empty());
    assert_eq!(
        String::from_utf8(o.stdout).unwrap(),
        format!("earl {}\n", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn usage_errors_speak_the_language_asked() {
    let chinese = [
        "错误：无法识别的参数“--bogus”\n\n  提示：若要将“--bogus”作为值传入，请写成“-- --bogus”\n\n用法：earl check <CHIP>\n\n如需更多信息，请运行“--help”。\n",
        "错误：无法识别的参数“--chip-count”\n\n  提示：有一个相似的参数：“--chip-to-chip”\n\n用法：earl check --to <TO> --chip-to-chip <GBPS> <CHIP>\n\n如需更多信息，请运行“--help”。\n",
        "错误：无法识别的子命令“chek”\n\n  提示：有一个相似的子命令：“check”\n\n用法：earl [OPTIONS] <COMMAND>\n\n如需更多信息，请运行“--help”。\n",
        "错误：缺少以下必需参数：\n  --to <TO>\n  <CHIP>\n\n用法：earl check --to <TO> <CHIP>\n\n如需更多信息，请运行“--help”。\n",
        "错误：参数“--decision <DECISION>”的值“false”无效\n  [可选值：false-positive、true-match、escalated]\n\n  提示：有一个相似的值：“false-positive”\n\n如需更多信息，请运行“--help”。\n",
        "错误：参数“--to <TO>”需要一个值，但未提供\n\n如需更多信息，请运行“--help”。\n",
        "错误：参数“--us-tech <yes|no>”的值“maybe”无效：`maybe` is not yes or no (leave it out when the fact is not known)\n\n如需更多信息，请运行“--help”。\n",
        "错误：参数“--licence <LICENCE>”不能与“--us”同时使用\n\n用法：earl ship --licence <LICENCE>\n\n如需更多信息，请运行“--help”。\n",
        "错误：参数“--to <TO>”不能多次使用\n\n用法：earl check [OPTIONS] [CHIP]\n\n如需更多信息，请运行“--help”。\n",
        "错误：无法识别的参数“extra”\n\n用法：earl screen [OPTIONS] [NAME]\n\n如需更多信息，请运行“--help”。\n",
    ];
    let arabic = [
        "خطأ: وسيط غير متوقَّع «--bogus»\n\n  تلميح: لتمرير «--bogus» قيمةً، اكتب «-- --bogus»\n\nالاستعمال: earl check <CHIP>\n\nلمزيد من المعلومات، جرّب «--help».\n",
        "خطأ: وسيط غير متوقَّع «--chip-count»\n\n  تلميح: يوجد وسيط مشابه: «--chip-to-chip»\n\nالاستعمال: earl check --to <TO> --chip-to-chip <GBPS> <CHIP>\n\nلمزيد من المعلومات، جرّب «--help».\n",
        "خطأ: أمر فرعي غير معروف «chek»\n\n  تلميح: يوجد أمر فرعي مشابه: «check»\n\nالاستعمال: earl [OPTIONS] <COMMAND>\n\nلمزيد من المعلومات، جرّب «--help».\n",
        "خطأ: لم تُعطَ الوسائط المطلوبة التالية:\n  --to <TO>\n  <CHIP>\n\nالاستعمال: earl check --to <TO> <CHIP>\n\nلمزيد من المعلومات، جرّب «--help».\n",
        "خطأ: القيمة «false» غير صالحة للوسيط «--decision <DECISION>»\n  [القيم الممكنة: false-positive، true-match، escalated]\n\n  تلميح: توجد قيمة مشابهة: «false-positive»\n\nلمزيد من المعلومات، جرّب «--help».\n",
        "خطأ: يلزم إعطاء قيمة للوسيط «--to <TO>»، ولم تُعطَ أي قيمة\n\nلمزيد من المعلومات، جرّب «--help».\n",
        "خطأ: القيمة «maybe» غير صالحة للوسيط «--us-tech <yes|no>»: `maybe` is not yes or no (leave it out when the fact is not known)\n\nلمزيد من المعلومات، جرّب «--help».\n",
        "خطأ: لا يجوز استعمال الوسيط «--licence <LICENCE>» مع «--us»\n\nالاستعمال: earl ship --licence <LICENCE>\n\nلمزيد من المعلومات، جرّب «--help».\n",
        "خطأ: لا يجوز استعمال الوسيط «--to <TO>» أكثر من مرة\n\nالاستعمال: earl check [OPTIONS] [CHIP]\n\nلمزيد من المعلومات، جرّب «--help».\n",
        "خطأ: وسيط غير متوقَّع «extra»\n\nالاستعمال: earl screen [OPTIONS] [NAME]\n\nلمزيد من المعلومات، جرّب «--help».\n",
    ];
    assert_eq!(usage_errors(&["--lang", "zh"]), chinese);
    assert_eq!(usage_errors(&["--lang=ar"]), arabic);
    // The language is read wherever `--lang` is, and from the environment as for any command.
    assert_eq!(refused(&["chek", "--lang", "zh"]), chinese[2]);
    let o = earl(&["chek"], &[("LANG", "ar_AE.UTF-8")]);
    assert_eq!(o.status.code(), Some(2));
    let from_locale = String::from_utf8(o.stderr).unwrap();
    assert_eq!(from_locale.replace(['\u{2068}', '\u{2069}'], ""), arabic[2]);
    // After `--`, `--lang` is a value, not the language.
    assert!(refused(&["check", "--", "--lang", "zh"]).starts_with("error: "));
}

/// `ship --batch`'s bounds, `owners import`'s names and `review import`'s unreadable rows, each
/// file run in a directory with it: (exit code, stderr).
fn bounds_names_and_unreadable_rows(lang: &[&str]) -> Vec<(Option<i32>, String)> {
    let ship = |file: &str, dir: &std::path::Path| -> Vec<String> {
        let db = dir.join("audit.sqlite");
        let db = db.to_str().unwrap();
        ["--no-audit", "--db", db, "ship", "--batch", file]
            .map(String::from)
            .into()
    };
    let owners = |file: &str, dir: &std::path::Path| -> Vec<String> {
        let data = dir.join("data");
        let data = data.to_str().unwrap();
        ["--no-audit", "--data-dir", data, "owners", "import", file]
            .map(String::from)
            .into()
    };
    let review = |file: &str, dir: &std::path::Path| -> Vec<String> {
        let db = dir.join("audit.sqlite");
        let db = db.to_str().unwrap();
        ["--db", db, "review", "import", file]
            .map(String::from)
            .into()
    };
    let ship_header = "quantity,date,licence,us,value,chip,system\n";
    let review_header = "party,entry,decision,reviewer,reason\n";
    each_file_refused(
        lang,
        &[
            (
                "q0.csv",
                &format!("{ship_header}0,2026-03-02,,yes,,H200,\n"),
            ),
            (
                "v.csv",
                &format!("{ship_header}3,2026-03-02,,yes,1e14,H200,\n"),
            ),
            ("own.csv", "owner,owned,percent\n,Beta,50\n"),
            (
                "fields.csv",
                &format!("{review_header}Acme,x,false-positive,me\n"),
            ),
        ],
        |dir, file| match file {
            "own.csv" => owners(file, dir),
            "fields.csv" => review(file, dir),
            _ => ship(file, dir),
        },
    )
}

/// The English of [`bounds_names_and_unreadable_rows`] before their reasons were typed (issue
/// 25, round 8).
#[test]
fn bounds_names_and_unreadable_rows_in_english_exactly() {
    let said = |s: &str| (Some(2), format!("earl: {s}\n"));
    assert_eq!(
        bounds_names_and_unreadable_rows(&[]),
        [
            said(
                "q0.csv: line 2: quantity 0: a quantity is a whole number of units from 1 to \
                 1000000000 (10^9, more than a year's world output of AI accelerators)"
            ),
            said(
                "v.csv: line 2: value 100000000000000: a value is a number of US dollars from 0 \
                 to 10000000000000 (10^13, more than any licence authorises)"
            ),
            said("own.csv: line 2: column `owner`: the owner is empty"),
            // Was "fields.csv:0: CSV error: …" before round 8: the line the reader gives, and the
            // frame every other file reader uses.
            said(
                "fields.csv:2: unreadable row: CSV error: record 1 (line: 2, byte: 37): found \
                 record with 4 fields, but the previous record has 5 fields"
            ),
        ]
    );
}

#[test]
fn bounds_names_and_unreadable_rows_speak_the_language_asked() {
    let said = |s: &str| (Some(2), format!("earl: {s}\n"));
    assert_eq!(
        bounds_names_and_unreadable_rows(&["--lang", "zh"]),
        [
            said(
                "q0.csv：第 2 行：quantity 为 0：数量应为 1 至 1000000000 之间的整数个单位（10^9，\
                 已超过全球 AI 加速器一年的产量）"
            ),
            said(
                "v.csv：第 2 行：value 为 100000000000000：金额应为 0 至 10000000000000 美元\
                 （10^13，超过任何许可证所能授权的金额）"
            ),
            said("own.csv：第 2 行：owner 列：所有者为空"),
            said("fields.csv：第 2 行：无法读取的行：该行有 4 个字段，而之前各行有 5 个"),
        ]
    );
    assert_eq!(
        bounds_names_and_unreadable_rows(&["--lang", "ar"]),
        [
            said(
                "q0.csv: السطر 2: quantity = 0: الكمية عدد صحيح من الوحدات من 1 إلى 1000000000 \
                 (10^9، أي أكثر من إنتاج العالم من مسرّعات الذكاء الاصطناعي في سنة)"
            ),
            said(
                "v.csv: السطر 2: value = 100000000000000: القيمة مبلغ بالدولار الأمريكي من 0 إلى \
                 10000000000000 (10^13، أي أكثر مما يأذن به أي ترخيص)"
            ),
            said("own.csv: السطر 2: العمود owner: المالك فارغ"),
            said(
                "fields.csv: السطر 2: صف تتعذّر قراءته: عدد الحقول في هذا الصف 4، وفي الصفوف السابقة 5"
            ),
        ]
    );
}

/// A row with too few fields (`owners import`) and a field that is not UTF-8 (`ship --batch`),
/// each run in a directory with its file: (exit code, stderr).
fn csv_reader_refusals(lang: &[&str]) -> Vec<(Option<i32>, String)> {
    let files: [(&str, &[u8]); 2] = [
        ("fields.csv", b"owner,owned,percent\nAcme,Beta\n"),
        (
            "utf8.csv",
            b"quantity,date,licence,us,value,chip,system\n3,2026-03-02,,yes,,H2\xff00,\n",
        ),
    ];
    let dir = tempfile::tempdir().unwrap();
    for (name, bytes) in files {
        std::fs::write(dir.path().join(name), bytes).unwrap();
    }
    let data = dir.path().join("data");
    let db = dir.path().join("audit.sqlite");
    let commands = [
        vec!["owners", "import", "fields.csv"],
        vec!["--db", db.to_str().unwrap(), "ship", "--batch", "utf8.csv"],
    ];
    commands
        .iter()
        .map(|args| {
            let mut command = Command::new(env!("CARGO_BIN_EXE_earl"));
            for name in ["EARL_LANG", "LC_ALL", "LANG"] {
                command.env_remove(name);
            }
            let o = command
                .current_dir(dir.path())
                .args(lang)
                .args(["--no-audit", "--data-dir", data.to_str().unwrap()])
                .args(args)
                .output()
                .expect("earl runs");
            let stderr = String::from_utf8(o.stderr)
                .unwrap()
                .replace(['\u{2068}', '\u{2069}'], "");
            (o.status.code(), stderr)
        })
        .collect()
}

/// The CSV reader's refusals exactly as the English said them before they were typed (issue
/// 25, round 8).
#[test]
fn csv_reader_refusals_in_english_exactly() {
    let said = |s: &str| (Some(2), format!("earl: {s}\n"));
    assert_eq!(
        csv_reader_refusals(&[]),
        [
            said(
                "fields.csv: line 2: unreadable row: CSV error: record 1 (line: 2, byte: 20): \
                 found record with 2 fields, but the previous record has 3 fields"
            ),
            said(
                "utf8.csv: line 2: unreadable row: CSV parse error: record 1 (line 2, field: 5, \
                 byte: 43): invalid utf-8: invalid UTF-8 in field 5 near byte index 2"
            ),
        ]
    );
}

#[test]
fn csv_reader_refusals_speak_the_language_asked() {
    let said = |s: &str| (Some(2), format!("earl: {s}\n"));
    assert_eq!(
        csv_reader_refusals(&["--lang", "zh"]),
        [
            said("fields.csv：第 2 行：无法读取的行：该行有 2 个字段，而之前各行有 3 个"),
            said("utf8.csv：第 2 行：无法读取的行：第 6 个字段不是 UTF-8 文本"),
        ]
    );
    assert_eq!(
        csv_reader_refusals(&["--lang", "ar"]),
        [
            said(
                "fields.csv: السطر 2: صف تتعذّر قراءته: عدد الحقول في هذا الصف 2، وفي الصفوف السابقة 3"
            ),
            said("utf8.csv: السطر 2: صف تتعذّر قراءته: الحقل رقم 6 ليس نصًّا بترميز UTF-8"),
        ]
    );
}

/// `earl serve`'s refusals before it listens: the token file or variable, an address it cannot
/// use or will not use without a token, and the warning for a short token; (exit code, stderr).
fn serve_refusals(lang: &[&str]) -> Vec<(Option<i32>, String)> {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("empty.tok"), "").unwrap();
    std::fs::write(dir.path().join("short.tok"), "abc\n").unwrap();
    // Each case's arguments, and whether EARL_TOKEN is set (to nothing).
    let cases: [(&[&str], bool); 5] = [
        (&["--token-file", "missing.tok"], false),
        (&["--token-file", "empty.tok"], false),
        (&[], true),
        (&["--addr", "0.0.0.0:0"], false),
        (&["--token-file", "short.tok", "--addr", "nonsense"], false),
    ];
    cases
        .iter()
        .map(|(args, empty_token)| {
            let mut command = Command::new(env!("CARGO_BIN_EXE_earl"));
            for name in ["EARL_LANG", "LC_ALL", "LANG", "EARL_TOKEN"] {
                command.env_remove(name);
            }
            if *empty_token {
                command.env("EARL_TOKEN", "");
            }
            let o = command
                .current_dir(dir.path())
                .args(lang)
                .args(["--no-audit", "serve"])
                .args(*args)
                .output()
                .expect("earl runs");
            let stderr = String::from_utf8(o.stderr)
                .unwrap()
                .replace(['\u{2068}', '\u{2069}'], "");
            (o.status.code(), stderr)
        })
        .collect()
}

/// [`serve_refusals`] exactly as the English said them before they were typed (issue 25,
/// round 8).
#[test]
fn serve_refusals_in_english_exactly() {
    let said = |s: &str| (Some(2), format!("earl: {s}\n"));
    assert_eq!(
        serve_refusals(&[]),
        [
            said("missing.tok: cannot read the token file: No such file or directory (os error 2)"),
            said("empty.tok: the token file is empty"),
            said("EARL_TOKEN is set but empty"),
            said(
                "refusing to listen on 0.0.0.0:0, which is not a loopback address, without a \
                 token: set EARL_TOKEN or pass --token-file FILE (or listen on 127.0.0.1)"
            ),
            said(
                "warning: the token is shorter than 16 characters and can be guessed\nearl: \
                 cannot use the address `nonsense`: invalid socket address (expected HOST:PORT, \
                 e.g. 127.0.0.1:8080)"
            ),
        ]
    );
}

#[test]
fn serve_refusals_speak_the_language_asked() {
    let said = |s: &str| (Some(2), format!("earl: {s}\n"));
    assert_eq!(
        serve_refusals(&["--lang", "zh"]),
        [
            said("missing.tok：无法读取令牌文件：没有那个文件或目录"),
            said("empty.tok：令牌文件为空"),
            said("已设置 EARL_TOKEN，但其值为空"),
            said(
                "拒绝在没有令牌的情况下监听 0.0.0.0:0，因为它不是环回地址：请设置 EARL_TOKEN 或\
                 传入 --token-file FILE（或改为监听 127.0.0.1）"
            ),
            said(
                "警告：令牌短于 16 个字符，可能被猜出\nearl: 无法使用地址“nonsense”：invalid \
                 socket address (expected HOST:PORT, e.g. 127.0.0.1:8080)"
            ),
        ]
    );
    assert_eq!(
        serve_refusals(&["--lang", "ar"]),
        [
            said("missing.tok: تعذّرت قراءة ملف رمز الوصول: لا يوجد ملف أو دليل بهذا الاسم"),
            said("empty.tok: ملف رمز الوصول فارغ"),
            said("المتغير EARL_TOKEN معرَّف لكنه فارغ"),
            said(
                "رُفض الاستماع على 0.0.0.0:0 دون رمز وصول، لأنه ليس عنوان استرجاع (loopback): \
                 عيّن EARL_TOKEN أو مرّر \u{200e}--token-file FILE (أو استمع على 127.0.0.1)"
            ),
            said(
                "تحذير: رمز الوصول أقصر من 16 حرفًا ويمكن تخمينه\nearl: تعذّر استعمال العنوان \
                 «nonsense»: invalid socket address (expected HOST:PORT, e.g. 127.0.0.1:8080)"
            ),
        ]
    );
}

/// `earl update`'s refusals that need no server: nothing listens at the lists' URL, a
/// directory without the files, a list the loader refuses, a GLEIF file that is not JSON;
/// (exit code, stderr with the staging copy's process id as N).
fn update_refusals(lang: &[&str]) -> Vec<(Option<i32>, String)> {
    let dir = tempfile::tempdir().unwrap();
    for (sub, file, text) in [
        ("badl", "consolidated.csv", "not a list\n"),
        ("badg", "gleif1.json", "{\n"),
    ] {
        std::fs::create_dir(dir.path().join(sub)).unwrap();
        std::fs::write(dir.path().join(sub).join(file), text).unwrap();
    }
    std::fs::create_dir(dir.path().join("empty")).unwrap();
    let cases: [&[&str]; 5] = [
        &["--lists-url", "http://127.0.0.1:9/x.json", "--timeout", "1"],
        &["--from-dir", "empty"],
        &["--from-dir", "badl"],
        &["--ownership", "--from-dir", "empty"],
        &["--ownership", "--from-dir", "badg"],
    ];
    cases
        .iter()
        .map(|args| {
            let mut command = Command::new(env!("CARGO_BIN_EXE_earl"));
            for name in ["EARL_LANG", "LC_ALL", "LANG", "EARL_LISTS_URL"] {
                command.env_remove(name);
            }
            let o = command
                .current_dir(dir.path())
                .args(lang)
                .args(["--no-audit", "--data-dir", "data", "--db", "audit.sqlite"])
                .arg("update")
                .args(*args)
                .output()
                .expect("earl runs");
            let stderr = String::from_utf8(o.stderr)
                .unwrap()
                .replace(['\u{2068}', '\u{2069}'], "");
            let pid = stderr
                .split_once(".verify.")
                .and_then(|(_, rest)| rest.split_once('.'))
                .map(|(pid, _)| pid.to_string());
            let stderr = match pid {
                Some(pid) => stderr.replace(&format!(".verify.{pid}."), ".verify.N."),
                None => stderr,
            };
            (o.status.code(), stderr)
        })
        .collect()
}

/// [`update_refusals`] exactly as the English said them before they were typed (issue 25,
/// round 8).
#[test]
fn update_refusals_in_english_exactly() {
    let said = |code: i32, s: &str| (Some(code), format!("earl: {s}\n"));
    assert_eq!(
        update_refusals(&[]),
        [
            said(
                3,
                "cannot fetch http://127.0.0.1:9/x.json: io: Connection refused (os error 111) \
                 (offline? for an air-gapped site, download the files elsewhere and use `earl \
                 update --from-dir DIR`)"
            ),
            said(
                2,
                "empty: no consolidated.json or consolidated.csv (trade.gov's CSL download)"
            ),
            said(
                2,
                "refused the list from file://badl/consolidated.csv: .verify.N.csv: header \
                 lacks the `source` column; is this a trade.gov CSL CSV?"
            ),
            said(2, "empty: no gleif*.json (GLEIF API documents)"),
            said(
                2,
                "badg/gleif1.json: not valid JSON: EOF while parsing an object at line 2 column 0"
            ),
        ]
    );
}

#[test]
fn update_refusals_speak_the_language_asked() {
    let said = |code: i32, s: &str| (Some(code), format!("earl: {s}\n"));
    let loader = ".verify.N.csv: header lacks the `source` column; is this a trade.gov CSL CSV?";
    assert_eq!(
        update_refusals(&["--lang", "zh"]),
        [
            said(
                3,
                "无法获取 http://127.0.0.1:9/x.json：io: Connection refused (os error 111)（是否\
                 离线？隔离网络环境下，请在别处下载这些文件，再使用 `earl update --from-dir DIR`）"
            ),
            said(
                2,
                "empty：没有 consolidated.json 或 consolidated.csv（trade.gov 的综合筛查清单下载文件）"
            ),
            said(
                2,
                &format!("已拒绝来自 file://badl/consolidated.csv 的清单：{loader}")
            ),
            said(2, "empty：没有 gleif*.json（GLEIF API 文档）"),
            said(
                2,
                "badg/gleif1.json：不是有效的 JSON：EOF while parsing an object at line 2 column 0"
            ),
        ]
    );
    assert_eq!(
        update_refusals(&["--lang", "ar"]),
        [
            said(
                3,
                "تعذّر جلب http://127.0.0.1:9/x.json: io: Connection refused (os error 111) (هل \
                 الجهاز غير متصل؟ في موقع معزول عن الشبكة، نزّل الملفات في مكان آخر واستعمل \
                 \u{200e}`earl update --from-dir DIR`)"
            ),
            said(
                2,
                "empty: لا يوجد consolidated.json ولا consolidated.csv (ملف القائمة الموحدة للفحص \
                 من trade.gov)"
            ),
            said(
                2,
                &format!("رُفضت القائمة الواردة من file://badl/consolidated.csv: {loader}")
            ),
            said(2, "empty: لا يوجد gleif*.json (وثائق واجهة GLEIF البرمجية)"),
            said(
                2,
                "badg/gleif1.json: ليس JSON صالحًا: EOF while parsing an object at line 2 column 0"
            ),
        ]
    );
}

/// Refusals of the audit trail and the ownership graph: a directory, a missing trail, a file
/// that is not SQLite, `--no-audit` where the trail is needed, no graph (the CLI's own refusal,
/// then the engine's); (exit code, stderr).
fn store_refusals(lang: &[&str]) -> Vec<(Option<i32>, String)> {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("adir")).unwrap();
    std::fs::write(dir.path().join("garbage.sqlite"), "garbage\n").unwrap();
    let cases: [&[&str]; 8] = [
        &["--db", "adir", "audit", "list"],
        &["--db", "missing.sqlite", "audit", "list"],
        &["--db", "garbage.sqlite", "audit", "list"],
        &["--no-audit", "review", "list"],
        &["--no-audit", "review", "queue"],
        &["--no-audit", "ledger"],
        &[
            "--no-audit",
            "--data-dir",
            "data",
            "owners",
            "show",
            "Nobody",
        ],
        &["--no-audit", "--data-dir", "data", "owners", "affiliates"],
    ];
    cases
        .iter()
        .map(|args| {
            let mut command = Command::new(env!("CARGO_BIN_EXE_earl"));
            for name in ["EARL_LANG", "LC_ALL", "LANG", "EARL_DB"] {
                command.env_remove(name);
            }
            let o = command
                .current_dir(dir.path())
                .args(lang)
                .args(*args)
                .output()
                .expect("earl runs");
            let stderr = String::from_utf8(o.stderr)
                .unwrap()
                .replace(['\u{2068}', '\u{2069}'], "");
            (o.status.code(), stderr)
        })
        .collect()
}

/// [`store_refusals`] exactly as the English said them before they were typed (issue 25,
/// round 8).
#[test]
fn store_refusals_in_english_exactly() {
    let said = |s: &str| (Some(2), format!("earl: {s}\n"));
    assert_eq!(
        store_refusals(&[]),
        [
            said("audit trail: adir: is a directory; the audit trail needs a database file path"),
            said("audit trail: missing.sqlite: no audit trail here"),
            said("audit trail: garbage.sqlite: not an SQLite database"),
            said("dispositions are kept in the audit trail: drop --no-audit"),
            said("the review queue is read from the audit trail: drop --no-audit"),
            said("licences and shipments are kept in the audit trail: drop --no-audit"),
            said("no ownership graph: import one with `earl owners import FILE`"),
            said("no ownership graph: import one with `earl owners import FILE`"),
        ]
    );
}

#[test]
fn store_refusals_speak_the_language_asked() {
    let said = |s: &str| (Some(2), format!("earl: {s}\n"));
    assert_eq!(
        store_refusals(&["--lang", "zh"]),
        [
            said("审计记录：adir 是一个目录；审计记录需要一个数据库文件路径"),
            said("审计记录：missing.sqlite 处没有审计记录"),
            said("审计记录：garbage.sqlite 不是 SQLite 数据库"),
            said("处置保存在审计记录中：请去掉 --no-audit"),
            said("待审核队列从审计记录中读取：请去掉 --no-audit"),
            said("许可证和出货记录保存在审计记录中：请去掉 --no-audit"),
            said("尚无所有权图：请用 `earl owners import FILE` 导入"),
            said("尚无所有权图：请用 `earl owners import FILE` 导入"),
        ]
    );
    assert_eq!(
        store_refusals(&["--lang", "ar"]),
        [
            said("سجل التدقيق: adir دليل، ويحتاج سجل التدقيق إلى مسار ملف قاعدة بيانات"),
            said("سجل التدقيق: لا يوجد سجل تدقيق في missing.sqlite"),
            said("سجل التدقيق: garbage.sqlite ليس قاعدة بيانات SQLite"),
            said("تُحفظ قرارات المراجعة في سجل التدقيق: احذف \u{200e}--no-audit"),
            said("تُقرأ قائمة انتظار المراجعة من سجل التدقيق: احذف \u{200e}--no-audit"),
            said("تُحفظ التراخيص والشحنات في سجل التدقيق: احذف \u{200e}--no-audit"),
            said("لا يوجد سجل ملكية بعد: استورد واحدًا بالأمر \u{200e}`earl owners import FILE`"),
            said("لا يوجد سجل ملكية بعد: استورد واحدًا بالأمر \u{200e}`earl owners import FILE`"),
        ]
    );
}

/// `review show` and `review revoke` of a disposition the trail does not hold, on a fresh trail:
/// (exit code, stderr).
fn missing_disposition(lang: &[&str]) -> Vec<(Option<i32>, String)> {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("audit.sqlite");
    let db = db.to_str().unwrap();
    let cases: [&[&str]; 2] = [
        &["review", "show", "42"],
        &[
            "review",
            "revoke",
            "42",
            "--reviewer",
            "me",
            "--reason",
            "why",
        ],
    ];
    cases
        .iter()
        .map(|args| {
            let mut command = Command::new(env!("CARGO_BIN_EXE_earl"));
            for name in ["EARL_LANG", "LC_ALL", "LANG"] {
                command.env_remove(name);
            }
            let o = command
                .args(lang)
                .args(["--db", db])
                .args(*args)
                .output()
                .expect("earl runs");
            let stderr = String::from_utf8(o.stderr)
                .unwrap()
                .replace(['\u{2068}', '\u{2069}'], "");
            (o.status.code(), stderr)
        })
        .collect()
}

#[test]
fn a_missing_disposition_in_english_exactly() {
    let said = (Some(2), "earl: no disposition 42 is recorded\n".to_string());
    assert_eq!(missing_disposition(&[]), [said.clone(), said]);
}

#[test]
fn a_missing_disposition_speaks_the_language_asked() {
    let zh = (Some(2), "earl: 没有编号为 42 的处置记录\n".to_string());
    assert_eq!(missing_disposition(&["--lang", "zh"]), [zh.clone(), zh]);
    let ar = (
        Some(2),
        "earl: لا يوجد قرار مراجعة مسجَّل برقم 42\n".to_string(),
    );
    assert_eq!(missing_disposition(&["--lang", "ar"]), [ar.clone(), ar]);
}

/// A possible classification whose review policy is open between readings says both, in each
/// language (a null policy alone would print "none": surer than the facts).
#[test]
fn an_open_review_of_a_possible_outcome_names_both_readings() {
    let expected = [
        (
            "en",
            "  if 3A090.a.1: licence required · exception none · review open: case-by-case if rp-2026-lane applies; else presumption of denial (rp-d5-macau)",
        ),
        (
            "zh",
            "  若为 3A090.a.1：许可证需要 · 例外 无 · 审查 未定：若 rp-2026-lane 适用，则为逐案审查；否则为推定拒绝（rp-d5-macau）",
        ),
        (
            "ar",
            "  إذا كان التصنيف 3A090.a.1: الترخيص لازم · الاستثناء لا يوجد · المراجعة غير محسومة: على أساس كل حالة على حدة إذا انطبق rp-2026-lane؛ وإلا افتراض الرفض (rp-d5-macau)",
        ),
    ];
    for (lang, line) in expected {
        let out = stdout(&earl(
            &[
                "check",
                "RTX Pro 6000D",
                "--to",
                "CN",
                "--date",
                "2026-12-06",
                "--lang",
                lang,
            ],
            &[],
        ));
        assert!(
            out.lines().any(|l| l == line),
            "{lang}: no line {line:?} in\n{out}"
        );
    }
}

/// `earl --help` and `earl check --help` in English, byte for byte as clap writes them from the
/// doc comments: every way of asking (`--help`, `-h`, `help SUB`) and every way of choosing
/// English (none, `--lang en`, a locale without a catalog).
#[test]
fn help_in_english_exactly() {
    let root = include_str!("help/earl.en.txt");
    let check = include_str!("help/check.en.txt");
    let english: [&[(&str, &str)]; 3] = [&[], &[("LANG", "fr_FR.UTF-8")], &[("EARL_LANG", "en")]];
    for env in english {
        for args in [&["--help"][..], &["-h"], &["help"]] {
            assert_eq!(stdout(&earl(args, env)), root, "{args:?} {env:?}");
        }
        for args in [
            &["check", "--help"][..],
            &["check", "-h"],
            &["help", "check"],
            &["--lang", "en", "check", "--help"],
        ] {
            assert_eq!(stdout(&earl(args, env)), check, "{args:?} {env:?}");
        }
    }
    let version = stdout(&earl(&["--version"], &[]));
    assert_eq!(version, format!("earl {}\n", env!("CARGO_PKG_VERSION")));
}

/// The English sentences of a pinned English help page: its about, each description in the
/// columns (less clap's bracketed notes), the text after, and clap's headings.
fn english_sentences(help: &str) -> Vec<String> {
    let mut sentences = Vec::new();
    for line in help.lines().filter(|l| !l.trim().is_empty()) {
        if let Some(indented) = line.strip_prefix("  ") {
            // "  --to <TO>      Destination …": the description is after the name column.
            let described = indented.trim_start().split_once("  ");
            if let Some((_, description)) = described {
                let description = description.trim_start();
                let sentence = description.split(" [").next().unwrap_or(description);
                sentences.push(sentence.to_string());
            }
        } else if line.starts_with("Usage: ") {
            sentences.push("Usage:".to_string());
        } else {
            // The about, a heading, a paragraph after.
            sentences.push(line.to_string());
        }
    }
    sentences.extend(["[env:", "[default:", "[possible values:"].map(String::from));
    sentences
}

/// `earl check --help` and `earl --help` in Arabic and Chinese (`--lang` before or after the
/// subcommand, `EARL_LANG`, the locale): exit 0, the about and the headings translated, no
/// English sentence of the English page, and every flag and value name as in English.
#[test]
fn help_speaks_the_language_asked() {
    let pages = [
        (&["check", "--help"][..], include_str!("help/check.en.txt")),
        (&["--help"][..], include_str!("help/earl.en.txt")),
    ];
    // (flags, environment, what the page says in that language)
    type Asked<'a> = (Vec<&'a str>, &'a [(&'a str, &'a str)], [&'a str; 4]);
    let asked: [Asked; 4] = [
        (
            vec!["--lang", "zh"],
            &[],
            [
                "用法：earl",
                "选项:",
                "数据选项（适用于每个子命令）:",
                "打印帮助",
            ],
        ),
        (
            vec!["--lang=ar"],
            &[],
            [
                "الاستعمال:",
                "الخيارات:",
                "خيارات البيانات (لكل أمر فرعي):",
                "اطبع المساعدة",
            ],
        ),
        (
            vec![],
            &[("EARL_LANG", "zh")],
            [
                "用法：earl",
                "选项:",
                "数据选项（适用于每个子命令）:",
                "打印帮助",
            ],
        ),
        (
            vec![],
            &[("LANG", "ar_AE.UTF-8")],
            [
                "الاستعمال:",
                "الخيارات:",
                "خيارات البيانات (لكل أمر فرعي):",
                "اطبع المساعدة",
            ],
        ),
    ];
    for (args, english) in pages {
        let names: Vec<&str> = english
            .split(|c: char| c.is_whitespace() || c == ',')
            .filter(|w| {
                (w.starts_with("--") && w.len() > 2) || (w.starts_with('<') && w.ends_with('>'))
            })
            .collect();
        assert!(names.len() > 10, "{names:?}");
        for (lang, env, translated) in &asked {
            let said = stdout(&earl(&[lang.as_slice(), args].concat(), env));
            for text in translated {
                assert!(
                    said.contains(text),
                    "{lang:?} {env:?}: no {text:?} in\n{said}"
                );
            }
            for sentence in english_sentences(english) {
                assert!(
                    !said.contains(&sentence),
                    "{lang:?} {env:?} {args:?} says {sentence:?}:\n{said}"
                );
            }
            for name in &names {
                assert!(said.contains(name), "{lang:?} {args:?}: {name} lost");
            }
        }
    }
    // The subcommand's about, wherever `--lang` is and however the help is asked.
    for args in [
        &["check", "--help", "--lang", "zh"][..],
        &["--lang", "zh", "check", "-h"],
        &["--lang", "zh", "help", "check"],
    ] {
        let said = stdout(&earl(args, &[]));
        assert!(
            said.starts_with("将一种芯片运往某一目的地（及最终用户）是否需要许可证？条件如何？\n"),
            "{args:?}: {said}"
        );
    }
    let arabic = stdout(&earl(&["check", "--help"], &[("EARL_LANG", "ar")]));
    assert!(
        arabic.starts_with("هل يلزم ترخيص لشحن رقاقة إلى وجهة (ومستخدم نهائي)، وبأي شروط؟\n"),
        "{arabic}"
    );
    // `--version` is a name and a number.
    let version = stdout(&earl(&["--version", "--lang", "ar"], &[]));
    assert_eq!(version, format!("earl {}\n", env!("CARGO_PKG_VERSION")));
}

/// The whole pages, as a reader sees them (the isolates, U+2068 and U+2069, that Fluent puts
/// around each argument in Arabic kept: they are what the terminal gets).
#[test]
fn help_pages_in_arabic_and_chinese() {
    for (name, lang) in [("ar", "ar"), ("zh", "zh")] {
        for (page, args) in [("earl", &["--help"][..]), ("check", &["check", "--help"])] {
            let o = earl(&[&["--lang", lang][..], args].concat(), &[]);
            assert_eq!(o.status.code(), Some(0));
            let said = String::from_utf8(o.stdout).unwrap();
            insta::assert_snapshot!(format!("help_{page}_{name}"), said);
        }
    }
}
