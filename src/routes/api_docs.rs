//! `/docs/api`: the sessions API's reference for people, rendered on the server from the same
//! OpenAPI document that `/v1/openapi.json` serves (so the two never disagree): every operation
//! by tag with its parameters, body and answers, then every object with its fields.

use super::api;
use super::html::render;
use askama::Template;
use poem::http::StatusCode;
use poem::web::Data;
use poem::{Response, handler};
use serde_json::Value;

pub struct Field {
    pub name: String,
    pub kind: String,
    pub required: bool,
    pub description: String,
}

pub struct Answer {
    pub status: String,
    pub description: String,
    pub schema: String,
}

pub struct Operation {
    pub anchor: String,
    pub method: String,
    pub path: String,
    pub summary: String,
    pub description: String,
    pub parameters: Vec<Field>,
    pub body: Option<String>,
    pub answers: Vec<Answer>,
}

pub struct Group {
    pub name: String,
    pub description: String,
    pub operations: Vec<Operation>,
}

pub struct Object {
    pub name: String,
    pub description: String,
    pub fields: Vec<Field>,
}

#[derive(Template)]
#[template(path = "api_docs.html")]
pub struct DocsPage {
    pub t: crate::i18n::Locale,
    pub test: bool,
    pub overview: String,
    pub server: String,
    pub groups: Vec<Group>,
    pub objects: Vec<Object>,
}

fn text(v: &Value) -> String {
    v.as_str().unwrap_or_default().replace('\n', " ")
}

/// A description (CommonMark, written by us in the code's doc comments) as HTML. Raw HTML in
/// the source is escaped, not passed through.
fn markdown(v: &Value) -> String {
    use pulldown_cmark::{Event, Parser, html};
    let source = v.as_str().unwrap_or_default();
    let events = Parser::new(source).map(|e| match e {
        Event::Html(h) | Event::InlineHtml(h) => Event::Text(h),
        other => other,
    });
    let mut out = String::new();
    html::push_html(&mut out, events);
    // A one-paragraph description sits inside a table cell or after a heading: no <p>.
    match out
        .trim()
        .strip_prefix("<p>")
        .and_then(|s| s.strip_suffix("</p>"))
    {
        Some(inner) if !inner.contains("<p>") => inner.to_string(),
        _ => out,
    }
}

/// A schema in a word or two: `string`, `integer (int64)`, `CardObject`, `array of string`.
fn kind(schema: &Value) -> String {
    if let Some(r) = schema["$ref"].as_str() {
        return r.rsplit('/').next().unwrap_or(r).to_string();
    }
    if let Some(all) = schema["allOf"].as_array() {
        let inner: Vec<String> = all
            .iter()
            .filter(|s| s.get("$ref").is_some() || s.get("type").is_some())
            .map(kind)
            .collect();
        let nullable = if schema["nullable"] == true {
            " or null"
        } else {
            ""
        };
        return format!("{}{nullable}", inner.join(", "));
    }
    let mut out = match schema["type"].as_str() {
        Some("array") => format!("array of {}", kind(&schema["items"])),
        Some("object") if schema.get("additionalProperties").is_some() => {
            format!("map of {}", kind(&schema["additionalProperties"]))
        }
        Some(t) => t.to_string(),
        None => "any".to_string(),
    };
    if let Some(values) = schema["enum"].as_array() {
        let names: Vec<&str> = values.iter().filter_map(Value::as_str).collect();
        out = format!("one of {}", names.join(", "));
    }
    let mut limits = Vec::new();
    for (key, word) in [
        ("minimum", "≥"),
        ("maximum", "≤"),
        ("minLength", "length ≥"),
        ("maxLength", "length ≤"),
        ("maxProperties", "at most pairs:"),
    ] {
        if let Some(n) = schema[key].as_f64() {
            limits.push(format!("{word} {n}"));
        }
    }
    if let Some(p) = schema["pattern"].as_str() {
        limits.push(format!("pattern {p}"));
    }
    if schema["nullable"] == true {
        out.push_str(" or null");
    }
    if limits.is_empty() {
        out
    } else {
        format!("{out} ({})", limits.join(", "))
    }
}

fn fields(schema: &Value) -> Vec<Field> {
    let required: Vec<&str> = schema["required"]
        .as_array()
        .map(|r| r.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    schema["properties"]
        .as_object()
        .map(|props| {
            props
                .iter()
                .map(|(name, s)| Field {
                    name: name.clone(),
                    kind: kind(s),
                    required: required.contains(&name.as_str()),
                    description: markdown(&s["description"]),
                })
                .collect()
        })
        .unwrap_or_default()
}

fn body_schema(v: &Value) -> Option<String> {
    v["content"]
        .as_object()?
        .values()
        .next()
        .map(|c| kind(&c["schema"]))
}

/// The page's content from an OpenAPI document.
pub fn page_of(doc: &Value) -> DocsPage {
    let tags: Vec<(String, String)> = doc["tags"]
        .as_array()
        .map(|t| {
            t.iter()
                .map(|t| (text(&t["name"]), markdown(&t["description"])))
                .collect()
        })
        .unwrap_or_default();
    let mut groups: Vec<Group> = tags
        .into_iter()
        .map(|(name, description)| Group {
            name,
            description,
            operations: Vec::new(),
        })
        .collect();
    for (path, ops) in doc["paths"].as_object().into_iter().flatten() {
        for (method, op) in ops.as_object().into_iter().flatten() {
            let tag = op["tags"][0].as_str().unwrap_or_default();
            let operation = Operation {
                anchor: text(&op["operationId"]),
                method: method.to_ascii_uppercase(),
                path: path.clone(),
                summary: text(&op["summary"]),
                description: markdown(&op["description"]),
                parameters: op["parameters"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .map(|p| Field {
                        name: format!("{} ({})", text(&p["name"]), text(&p["in"])),
                        kind: kind(&p["schema"]),
                        required: p["required"] == true,
                        description: markdown(&p["description"]),
                    })
                    .collect(),
                body: op.get("requestBody").and_then(body_schema),
                answers: op["responses"]
                    .as_object()
                    .into_iter()
                    .flatten()
                    .map(|(status, r)| Answer {
                        status: status.clone(),
                        description: match text(&r["description"]).as_str() {
                            "" => "Success.".to_string(),
                            _ => markdown(&r["description"]),
                        },
                        schema: body_schema(r).unwrap_or_default(),
                    })
                    .collect(),
            };
            match groups.iter_mut().find(|g| g.name == tag) {
                Some(g) => g.operations.push(operation),
                None => groups.push(Group {
                    name: tag.to_string(),
                    description: String::new(),
                    operations: vec![operation],
                }),
            }
        }
    }
    let objects = doc["components"]["schemas"]
        .as_object()
        .into_iter()
        .flatten()
        .map(|(name, s)| Object {
            name: name.clone(),
            description: markdown(&s["description"]),
            fields: fields(s),
        })
        .collect();
    DocsPage {
        t: crate::i18n::english(),
        test: false,
        overview: markdown(&doc["info"]["description"]),
        server: text(&doc["servers"][0]["url"]),
        groups,
        objects,
    }
}

#[handler]
pub fn page(Data(document): Data<&api::Document>) -> Response {
    let doc: Value = serde_json::from_str(document.json()).unwrap_or_default();
    render(StatusCode::OK, &page_of(&doc))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn descriptions_are_markdown_without_raw_html() {
        let v = Value::from("Send `Idempotency-Key`; **never** <script>x</script>");
        assert_eq!(
            markdown(&v),
            "Send <code>Idempotency-Key</code>; <strong>never</strong> \
             &lt;script&gt;x&lt;/script&gt;"
        );
    }

    #[test]
    fn every_operation_and_object_of_the_document_is_on_the_page() {
        let doc: Value = serde_json::from_str(&api::document("https://gw.example")).unwrap();
        let docs = page_of(&doc);
        let operations: usize = docs.groups.iter().map(|g| g.operations.len()).sum();
        let documented: usize = doc["paths"]
            .as_object()
            .unwrap()
            .values()
            .map(|ops| ops.as_object().unwrap().len())
            .sum();
        assert_eq!(operations, documented);
        assert!(operations >= 12);
        assert_eq!(
            docs.objects.len(),
            doc["components"]["schemas"].as_object().unwrap().len()
        );
        assert_eq!(docs.server, "https://gw.example/v1");
        let create = docs
            .groups
            .iter()
            .flat_map(|g| &g.operations)
            .find(|o| o.anchor == "createSession")
            .unwrap();
        assert_eq!(
            (create.method.as_str(), create.path.as_str()),
            ("POST", "/sessions")
        );
        assert_eq!(create.body.as_deref(), Some("CreateSession"));
        assert!(create.answers.iter().any(|a| a.status == "201"));
        let html = docs.render().unwrap();
        assert!(html.contains("id=\"createSession\""));
        assert!(html.contains("CreateSession"));
    }
}
