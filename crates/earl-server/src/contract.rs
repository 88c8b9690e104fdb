//! The parts of the OpenAPI contract that the handlers' declarations cannot say by
//! themselves, laid over the generated document:
//!
//! - **Every status each operation can return**, each with the [`ErrorBody`](crate::ErrorBody)
//!   shape: the layers' and guards' answers (401 with a token, 421 without one, 408, 413, 415
//!   on JSON bodies, 500, 503 with `Retry-After` beyond the caps) are not in any handler, so
//!   they are added here to every operation that passes through them.
//! - **The constraints the server enforces on requests**: names non-empty (`minLength: 1` and
//!   a non-space character), at most [`MAX_NAME_CHARS`](crate::routes::MAX_NAME_CHARS) where
//!   the server caps them, figures within [`earl_core::bounds`], thresholds in [0, 1], shares in
//!   (0, 100], and "a catalog `chip` or a specification, not both" as a `oneOf`.
//! - **`/healthz` needs no token** (`security: []`).

use earl_core::bounds::{self, Bound};
use serde_json::{Map, Value, json};

const ERROR_BODY: &str = "#/components/schemas/ErrorBody";

/// Applies the module's additions to the generated document.
pub fn complete(mut doc: Value) -> Value {
    if let Some(paths) = doc.get_mut("paths").and_then(Value::as_object_mut) {
        for (path, item) in paths.iter_mut() {
            let Some(item) = item.as_object_mut() else {
                continue;
            };
            for operation in item.values_mut() {
                if let Some(operation) = operation.as_object_mut() {
                    complete_operation(path, operation);
                }
            }
        }
    }
    if let Some(schemas) = doc
        .pointer_mut("/components/schemas")
        .and_then(Value::as_object_mut)
    {
        constrain_schemas(schemas);
    }
    doc
}

fn error(description: &str) -> Value {
    json!({
        "description": description,
        "content": {"application/json": {"schema": {"$ref": ERROR_BODY}}},
    })
}

fn with_header(mut response: Value, name: &str, description: &str, schema: Value) -> Value {
    response["headers"] = json!({ name: {"description": description, "schema": schema} });
    response
}

fn complete_operation(path: &str, operation: &mut Map<String, Value>) {
    let api = path.starts_with("/v1/");
    let has_body = operation.contains_key("requestBody");
    let has_query = operation
        .get("parameters")
        .and_then(Value::as_array)
        .is_some_and(|p| !p.is_empty());
    if path == "/healthz" {
        operation.insert("security".into(), json!([]));
    }
    if let Some(parameters) = operation
        .get_mut("parameters")
        .and_then(Value::as_array_mut)
    {
        for parameter in parameters {
            constrain_parameter(parameter);
        }
    }
    let responses = operation
        .entry("responses")
        .or_insert_with(|| json!({}))
        .as_object_mut()
        .expect("responses is an object");
    let mut add = |status: &str, response: Value| {
        responses.entry(status.to_string()).or_insert(response);
    };
    if has_body {
        add("400", error("The body is not JSON (`malformed_json`)"));
        add(
            "415",
            error(
                "The body was not sent as `Content-Type: application/json` (`unsupported_media_type`)",
            ),
        );
        add(
            "422",
            error(
                "The body is JSON but not a valid request: an unknown field, a wrong type, or an unknown name, date or figure (`invalid_body`, `invalid_input`)",
            ),
        );
    } else if has_query {
        add(
            "422",
            error("A missing, unknown or invalid parameter (`invalid_query`, `invalid_input`)"),
        );
    }
    add(
        "413",
        error("The request body is larger than the server accepts (`payload_too_large`)"),
    );
    if api {
        add(
            "401",
            with_header(
                error(
                    "The server has a token and the request did not present it as `Authorization: Bearer <token>` (`unauthorized`)",
                ),
                "WWW-Authenticate",
                "`Bearer`",
                json!({"type": "string"}),
            ),
        );
        add(
            "421",
            error(
                "The server has no token, and the `Host` header is not localhost, 127.0.0.1 or [::1] (`misdirected_request`)",
            ),
        );
        add(
            "408",
            error("The request took longer than the server allows and was abandoned (`timeout`)"),
        );
        add(
            "500",
            error(
                "The answer could not be given: its audit record could not be committed (`audit_failed`), or a bug (`internal`)",
            ),
        );
        add(
            "503",
            with_header(
                error(
                    "The server is at its cap of requests or connections (`overloaded`), or the screening lists could not be loaded (`lists_unavailable`)",
                ),
                "Retry-After",
                "Seconds to wait before retrying (on `overloaded`)",
                json!({"type": "integer", "minimum": 0}),
            ),
        );
    }
}

/// A name the server rejects when empty or blank.
fn non_empty(schema: &mut Value, max_chars: Option<usize>) {
    if let Some(schema) = schema.as_object_mut() {
        schema.insert("minLength".into(), json!(1));
        schema.insert("pattern".into(), json!(r"\S"));
        if let Some(max) = max_chars {
            schema.insert("maxLength".into(), json!(max));
        }
    }
}

fn bounded(schema: &mut Value, bound: &Bound) {
    if let Some(schema) = schema.as_object_mut() {
        if bound.min_exclusive {
            schema.insert("exclusiveMinimum".into(), json!(bound.min));
        } else {
            schema.insert("minimum".into(), json!(bound.min));
        }
        schema.insert("maximum".into(), json!(bound.max));
    }
}

/// A date the server takes: `YYYY-MM-DD`, a real date ([`earl_engine::parse_date`]).
fn date(schema: &mut Value) {
    if let Some(schema) = schema.as_object_mut() {
        schema.insert("format".into(), json!("date"));
        schema.insert("pattern".into(), json!(crate::routes::DATE_PATTERN));
        schema.insert("minLength".into(), json!(10));
        schema.insert("maxLength".into(), json!(10));
    }
}

fn unit_interval(schema: &mut Value) {
    if let Some(schema) = schema.as_object_mut() {
        schema.insert("minimum".into(), json!(0.0));
        schema.insert("maximum".into(), json!(1.0));
    }
}

fn constrain_parameter(parameter: &mut Value) {
    let name = parameter["name"].as_str().unwrap_or_default().to_string();
    let Some(schema) = parameter.get_mut("schema") else {
        return;
    };
    match name.as_str() {
        "q" => non_empty(schema, Some(crate::routes::MAX_NAME_CHARS)),
        "chip" | "to" | "country" => non_empty(schema, None),
        "threshold" => unit_interval(schema),
        "date" | "until" => date(schema),
        _ => {}
    }
}

/// The figures of a chip not in the catalog, with the bounds the engine checks.
const SPEC_FIELDS: [(&str, Option<&Bound>); 9] = [
    ("tpp", Some(&bounds::TPP)),
    ("throughput", None),
    ("die_area", Some(&bounds::DIE_AREA_MM2)),
    ("pd", Some(&bounds::PD)),
    ("datacenter", None),
    ("memory_bandwidth", Some(&bounds::MEMORY_BANDWIDTH_GBPS)),
    ("chip_to_chip", Some(&bounds::CHIP_TO_CHIP_GBPS)),
    ("package_area", Some(&bounds::PACKAGE_AREA_MM2)),
    ("kind", None),
];

/// "A catalog `chip`, or a specification (with `tpp` or `throughput`, not both; an HBM stack
/// needs neither), not both" as four disjoint branches of a `oneOf`, without `not` (which
/// contract testers handle poorly): a field the branch excludes must be absent or null.
fn item_choice() -> Value {
    let absent = || json!({"type": "null"});
    let empty_or_null = || json!({"type": ["object", "null"], "maxProperties": 0});
    let empty_list = || json!({"type": ["array", "null"], "maxItems": 0});
    let mut catalog = Map::new();
    catalog.insert("chip".into(), json!({"type": "string"}));
    let mut system = Map::new();
    system.insert(
        "system".into(),
        json!({"type": "string", "minLength": 1, "pattern": r"\S"}),
    );
    let mut contents = Map::new();
    contents.insert(
        "contains".into(),
        json!({"type": "array", "minItems": 1, "items": {"type": "string"}}),
    );
    for (field, _) in SPEC_FIELDS {
        for branch in [&mut catalog, &mut system, &mut contents] {
            branch.insert(field.into(), absent());
        }
    }
    for (branch, others) in [
        (&mut catalog, ["system", "contains"]),
        (&mut system, ["chip", "contains"]),
        (&mut contents, ["chip", "system"]),
    ] {
        for other in others {
            branch.insert(
                other.into(),
                if other == "contains" {
                    empty_list()
                } else {
                    absent()
                },
            );
        }
    }
    let spec = |own: Value| {
        let mut p = own.as_object().cloned().unwrap_or_default();
        p.insert("system".into(), absent());
        p.insert("contains".into(), empty_list());
        Value::Object(p)
    };
    json!([
        {
            "title": "A catalog chip",
            "required": ["chip"],
            "properties": catalog,
        },
        {
            "title": "A catalog system",
            "required": ["system"],
            "properties": system,
        },
        {
            "title": "A system by what it contains",
            "required": ["contains"],
            "properties": contents,
        },
        {
            "title": "A specification by TPP",
            "required": ["tpp"],
            "properties": spec(json!({"chip": absent(), "tpp": {"type": "number"}, "throughput": empty_or_null()})),
        },
        {
            "title": "A specification by throughput",
            "required": ["throughput"],
            "properties": spec(json!({"chip": absent(), "tpp": absent(), "throughput": {"type": "object", "minProperties": 1}})),
        },
        {
            "title": "An HBM stack",
            "required": ["kind"],
            "properties": spec(json!({"chip": absent(), "tpp": absent(), "throughput": empty_or_null(), "kind": {"const": "hbm"}})),
        },
    ])
}

fn constrain_schemas(schemas: &mut Map<String, Value>) {
    for name in ["ClassifyQuestion", "CheckQuestion"] {
        let Some(schema) = schemas.get_mut(name) else {
            continue;
        };
        if let Some(properties) = schema.get_mut("properties").and_then(Value::as_object_mut) {
            for field in ["chip", "to", "from", "end_user_hq", "scenario"] {
                if let Some(p) = properties.get_mut(field) {
                    non_empty(p, None);
                }
            }
            if let Some(p) = properties.get_mut("date") {
                date(p);
            }
            if let Some(p) = properties.get_mut("end_user") {
                non_empty(p, Some(crate::routes::MAX_NAME_CHARS));
            }
            for (field, bound) in SPEC_FIELDS {
                if let (Some(p), Some(bound)) = (properties.get_mut(field), bound) {
                    bounded(p, bound);
                }
            }
            if let Some(p) = properties.get_mut("throughput") {
                p["additionalProperties"] = json!({"type": "number"});
                bounded(&mut p["additionalProperties"], &bounds::TOPS);
            }
            if let Some(p) = properties.get_mut("kind") {
                p["enum"] = json!(["accelerator", "hbm", null]);
            }
            if let Some(p) = properties.get_mut("quantity") {
                // Any u64: not `int64`, whose range a tester takes to end at 2^63 - 1.
                *p = json!({"type": ["integer", "null"], "minimum": 0, "maximum": u64::MAX});
            }
        }
        schema["oneOf"] = item_choice();
        if name == "CheckQuestion" {
            // Owners are those of a named end user.
            schema["dependentRequired"] = json!({"ownership": ["end_user"]});
        }
    }
    if let Some(properties) = schemas
        .get_mut("Holding")
        .and_then(|s| s.get_mut("properties"))
        .and_then(Value::as_object_mut)
    {
        for field in ["owner", "owned"] {
            if let Some(p) = properties.get_mut(field) {
                non_empty(p, None);
            }
        }
        if let Some(p) = properties.get_mut("percent") {
            p["exclusiveMinimum"] = json!(0.0);
            p["maximum"] = json!(100.0);
        }
    }
    if let Some(properties) = schemas
        .get_mut("MatchQuestion")
        .and_then(|s| s.get_mut("properties"))
        .and_then(Value::as_object_mut)
    {
        for field in ["a", "b"] {
            if let Some(p) = properties.get_mut(field) {
                non_empty(p, Some(crate::routes::MAX_NAME_CHARS));
            }
        }
        if let Some(p) = properties.get_mut("threshold") {
            unit_interval(p);
        }
    }
    if let Some(properties) = schemas
        .get_mut("ReviewQuestion")
        .and_then(|s| s.get_mut("properties"))
        .and_then(Value::as_object_mut)
    {
        for field in ["entry", "reviewer", "reason"] {
            if let Some(p) = properties.get_mut(field) {
                non_empty(p, None);
            }
        }
        if let Some(p) = properties.get_mut("party") {
            non_empty(p, Some(crate::routes::MAX_NAME_CHARS));
        }
        if let Some(p) = properties.get_mut("expires") {
            date(p);
        }
    }
    if let Some(properties) = schemas
        .get_mut("DiffQuestion")
        .and_then(|s| s.get_mut("properties"))
        .and_then(Value::as_object_mut)
    {
        for field in ["from", "to"] {
            if let Some(p) = properties.get_mut(field) {
                non_empty(p, None);
            }
        }
        if let Some(p) = properties.get_mut("date") {
            date(p);
        }
    }
}
