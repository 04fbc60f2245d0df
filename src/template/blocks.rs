//! `#if`, `#unless`, `#each` and `#with` for strict mode.
//!
//! Handlebars' own block helpers treat a missing value as false or empty even
//! in strict mode, so a misspelt section name in a template would silently
//! drop that section. These versions behave the same on present values and
//! refuse missing ones, naming the data path.

use handlebars::{
    to_json, BlockContext, BlockParams, Context, Handlebars, Helper, HelperDef, HelperResult,
    JsonTruthy, Output, PathAndJson, RenderContext, RenderError, RenderErrorReason, Renderable,
    ScopedJson,
};
use serde_json::Value as Json;

pub(super) fn register(registry: &mut Handlebars<'static>) {
    registry.register_helper("if", Box::new(Block::If));
    registry.register_helper("unless", Box::new(Block::Unless));
    registry.register_helper("each", Box::new(Block::Each));
    registry.register_helper("with", Box::new(Block::With));
    registry.register_helper("any", Box::new(Any));
}

/// `(any a b c)`: true when any argument is truthy (a non-empty list, a
/// non-empty string, a true value). Missing arguments are errors.
struct Any;

impl HelperDef for Any {
    fn call_inner<'reg: 'rc, 'rc>(
        &self,
        h: &Helper<'rc>,
        r: &'reg Handlebars<'reg>,
        _: &'rc Context,
        _: &mut RenderContext<'reg, 'rc>,
    ) -> Result<ScopedJson<'rc>, RenderError> {
        let mut any = false;
        for p in h.params() {
            if r.strict_mode() && p.is_value_missing() {
                return Err(RenderError::strict_error(p.relative_path()));
            }
            any |= p.value().is_truthy(false);
        }
        Ok(ScopedJson::Derived(Json::Bool(any)))
    }
}

#[derive(Clone, Copy)]
enum Block {
    If,
    Unless,
    Each,
    With,
}

impl Block {
    fn name(self) -> &'static str {
        match self {
            Block::If => "if",
            Block::Unless => "unless",
            Block::Each => "each",
            Block::With => "with",
        }
    }
}

impl HelperDef for Block {
    fn call<'reg: 'rc, 'rc>(
        &self,
        h: &Helper<'rc>,
        r: &'reg Handlebars<'reg>,
        ctx: &'rc Context,
        rc: &mut RenderContext<'reg, 'rc>,
        out: &mut dyn Output,
    ) -> HelperResult {
        let param = h
            .param(0)
            .ok_or(RenderErrorReason::ParamNotFoundForIndex(self.name(), 0))?;
        if r.strict_mode() && param.is_value_missing() {
            return Err(RenderError::strict_error(param.relative_path()));
        }
        match self {
            Block::If | Block::Unless => {
                let include_zero = h
                    .hash_get("includeZero")
                    .and_then(|v| v.value().as_bool())
                    .unwrap_or(false);
                let truthy = param.value().is_truthy(include_zero);
                let chosen = if truthy == matches!(self, Block::If) {
                    h.template()
                } else {
                    h.inverse()
                };
                match chosen {
                    Some(t) => t.render(r, ctx, rc, out),
                    None => Ok(()),
                }
            }
            Block::With => {
                if !param.value().is_truthy(false) {
                    return match h.inverse() {
                        Some(t) => t.render(r, ctx, rc, out),
                        None => Ok(()),
                    };
                }
                let mut block = block_for(param);
                if let Some(parent) = rc.block() {
                    block
                        .local_variables_mut()
                        .clone_from(parent.local_variables());
                }
                if let Some(name) = h.block_param() {
                    let mut params = BlockParams::new();
                    match param.context_path() {
                        Some(_) => params.add_path(name, Vec::new())?,
                        None => params.add_value(name, param.value().clone())?,
                    }
                    block.set_block_params(params);
                }
                rc.push_block(block);
                let result = match h.template() {
                    Some(t) => t.render(r, ctx, rc, out),
                    None => Ok(()),
                };
                rc.pop_block();
                result
            }
            Block::Each => each(param, h, r, ctx, rc, out),
        }
    }
}

fn block_for<'rc>(param: &PathAndJson<'rc>) -> BlockContext<'rc> {
    let mut block = BlockContext::new();
    match param.context_path() {
        Some(path) => block.base_path_mut().clone_from(path),
        None => block.set_base_value(param.value().clone()),
    }
    block
}

fn each<'reg: 'rc, 'rc>(
    param: &PathAndJson<'rc>,
    h: &Helper<'rc>,
    r: &'reg Handlebars<'reg>,
    ctx: &'rc Context,
    rc: &mut RenderContext<'reg, 'rc>,
    out: &mut dyn Output,
) -> HelperResult {
    let entries: Vec<(Json, String, &Json)> = match param.value() {
        Json::Array(list) => list
            .iter()
            .enumerate()
            .map(|(i, v)| (to_json(i), i.to_string(), v))
            .collect(),
        Json::Object(map) => map
            .iter()
            .map(|(k, v)| (to_json(k), k.clone(), v))
            .collect(),
        _ => Vec::new(),
    };
    let Some(template) = h.template() else {
        return Ok(());
    };
    if entries.is_empty() {
        return match h.inverse() {
            Some(t) => t.render(r, ctx, rc, out),
            None => Ok(()),
        };
    }
    let is_object = param.value().is_object();
    let base = param.context_path().cloned();
    rc.push_block(block_for(param));
    let last = entries.len() - 1;
    for (i, (key, segment, value)) in entries.into_iter().enumerate() {
        if let Some(block) = rc.block_mut() {
            block.set_local_var("first", to_json(i == 0));
            block.set_local_var("last", to_json(i == last));
            block.set_local_var("index", to_json(i));
            if is_object {
                block.set_local_var("key", key.clone());
            }
            match &base {
                Some(path) => {
                    let mut p = path.clone();
                    p.push(segment);
                    *block.base_path_mut() = p;
                }
                None => block.set_base_value(value.clone()),
            }
            let mut params = BlockParams::new();
            if let Some(name) = h.block_param() {
                match &base {
                    Some(_) => params.add_path(name, Vec::new())?,
                    None => params.add_value(name, value.clone())?,
                }
                block.set_block_params(params);
            } else if let Some((name, key_name)) = h.block_param_pair() {
                match &base {
                    Some(_) => params.add_path(name, Vec::new())?,
                    None => params.add_value(name, value.clone())?,
                }
                params.add_value(key_name, key)?;
                block.set_block_params(params);
            }
        }
        if let Err(e) = template.render(r, ctx, rc, out) {
            rc.pop_block();
            return Err(e);
        }
    }
    rc.pop_block();
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn render(src: &str, data: Json) -> Result<String, RenderError> {
        let mut hb = Handlebars::new();
        hb.set_strict_mode(true);
        register(&mut hb);
        hb.register_template_string("t", src).unwrap();
        hb.render("t", &data)
    }

    #[test]
    fn each_iterates_arrays_and_objects_with_locals() {
        let out = render(
            "{{#each xs}}{{@index}}{{this}}{{#if @first}}F{{/if}}{{#if @last}}L{{/if}},{{/each}}",
            json!({"xs": ["a", "b", "c"]}),
        )
        .unwrap();
        assert_eq!(out, "0aF,1b,2cL,");
        let out = render(
            "{{#each m}}{{@key}}={{v}};{{/each}}",
            json!({"m": {"x": {"v": 1}, "y": {"v": 2}}}),
        )
        .unwrap();
        assert_eq!(out, "x=1;y=2;");
        let out = render(
            "{{#each xs as |x i|}}{{i}}:{{x.n}} {{/each}}",
            json!({"xs": [{"n": 7}, {"n": 8}]}),
        )
        .unwrap();
        assert_eq!(out, "0:7 1:8 ");
        assert_eq!(
            render("{{#each xs}}a{{else}}none{{/each}}", json!({"xs": []})).unwrap(),
            "none"
        );
    }

    #[test]
    fn nested_paths_resolve_against_the_item() {
        let out = render(
            "{{#each s.items}}{{#if label}}[{{label}}]{{/if}}{{text}}|{{/each}}",
            json!({"s": {"items": [{"label": "L", "text": "a"}, {"label": null, "text": "b"}]}}),
        )
        .unwrap();
        assert_eq!(out, "[L]a|b|");
    }

    #[test]
    fn any_is_variadic_and_strict() {
        let data = json!({"a": [], "b": [1], "c": ""});
        assert_eq!(
            render("{{#if (any a c)}}y{{else}}n{{/if}}", data.clone()).unwrap(),
            "n"
        );
        assert_eq!(
            render("{{#if (any a b c)}}y{{else}}n{{/if}}", data.clone()).unwrap(),
            "y"
        );
        assert!(render("{{#if (any a nope)}}y{{/if}}", data).is_err());
    }

    #[test]
    fn with_and_unless() {
        let out = render(
            "{{#with o}}{{a}}{{/with}}{{#unless z}}U{{/unless}}",
            json!({"o": {"a": 1}, "z": false}),
        )
        .unwrap();
        assert_eq!(out, "1U");
    }

    #[test]
    fn missing_values_fail_with_their_path() {
        let err = render(
            "{{#each s.itmes}}x{{else}}y{{/each}}",
            json!({"s": {"items": []}}),
        )
        .unwrap_err();
        assert!(
            matches!(err.reason(), RenderErrorReason::MissingVariable(Some(p)) if p == "s.itmes"),
            "{err}"
        );
    }
}
