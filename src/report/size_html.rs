//! `mpcheck size --format html`: one self-contained page (no network, no external files): a
//! bar per package against the limits, and a treemap of every package's folders and files
//! with hover details. The data is embedded as JSON; a small script lays the treemap out.

use crate::config::Limits;
use crate::package::Upload;
use crate::report::size::human_bytes;
use serde::Serialize;

#[derive(Serialize)]
struct Node {
    name: String,
    bytes: u64,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    children: Vec<Node>,
}

impl Node {
    fn insert(&mut self, parts: &[&str], bytes: u64) {
        self.bytes += bytes;
        let Some((first, rest)) = parts.split_first() else {
            return;
        };
        let child = match self.children.iter().position(|c| c.name == *first) {
            Some(i) => &mut self.children[i],
            None => {
                self.children.push(Node {
                    name: (*first).to_string(),
                    bytes: 0,
                    children: Vec::new(),
                });
                self.children.last_mut().unwrap_or_else(|| unreachable!())
            }
        };
        child.insert(rest, bytes);
    }

    fn sort(&mut self) {
        self.children
            .sort_by(|a, b| b.bytes.cmp(&a.bytes).then_with(|| a.name.cmp(&b.name)));
        for c in &mut self.children {
            c.sort();
        }
    }
}

#[derive(Serialize)]
struct Package<'a> {
    name: &'a str,
    bytes: u64,
    files: usize,
    independent: bool,
    tree: Node,
}

#[derive(Serialize)]
struct Data<'a> {
    project: &'a str,
    limit: u64,
    warn: u64,
    total_limit: u64,
    total: u64,
    packages: Vec<Package<'a>>,
}

/// Makes embedded JSON safe inside `<script>`.
fn script_safe(json: &str) -> String {
    json.replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

pub fn render(upload: &Upload, limits: &Limits, mp_root: &str, project: &str) -> String {
    let packages = upload
        .packages
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let mut tree = Node {
                name: p.name.clone(),
                bytes: 0,
                children: Vec::new(),
            };
            for f in upload.files.iter().filter(|f| f.package == i) {
                let rel = f.path.get(mp_root.len()..).unwrap_or(&f.path);
                let rel = rel.strip_prefix(p.root.as_str()).unwrap_or(rel);
                let parts: Vec<&str> = rel.split('/').collect();
                tree.insert(&parts, f.size);
            }
            tree.sort();
            Package {
                name: &p.name,
                bytes: p.bytes,
                files: p.files,
                independent: p.independent,
                tree,
            }
        })
        .collect();
    let data = Data {
        project,
        limit: limits.package,
        warn: crate::rules::package::QUALITY_PACKAGE_BYTES,
        total_limit: limits.total,
        total: upload.total,
        packages,
    };
    let json = script_safe(&serde_json::to_string(&data).unwrap_or_default());
    let title = escape(&format!(
        "mpcheck size: {project} ({})",
        human_bytes(upload.total)
    ));
    fill(TEMPLATE, &[("{{TITLE}}", &title), ("{{DATA}}", &json)])
}

/// The template with each marker replaced once, in one pass: a project or file name that
/// holds a marker's text is not substituted again.
fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out =
        String::with_capacity(template.len() + values.iter().map(|v| v.1.len()).sum::<usize>());
    let mut rest = template;
    while let Some((at, marker, value)) = values
        .iter()
        .filter_map(|(m, v)| rest.find(m).map(|at| (at, *m, *v)))
        .min_by_key(|x| x.0)
    {
        out.push_str(&rest[..at]);
        out.push_str(value);
        rest = &rest[at + marker.len()..];
    }
    out.push_str(rest);
    out
}

const TEMPLATE: &str = r##"<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{TITLE}}</title>
<style>
  body { font: 14px/1.4 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 24px; color: #222; }
  h1 { font-size: 18px; margin: 0 0 4px; }
  .sub { color: #666; margin-bottom: 16px; }
  table { border-collapse: collapse; margin-bottom: 20px; }
  th, td { padding: 4px 10px; text-align: right; border-bottom: 1px solid #eee; }
  th:first-child, td:first-child { text-align: left; }
  .bar { position: relative; width: 260px; height: 12px; background: #f0f0f0; }
  .bar .fill { position: absolute; left: 0; top: 0; bottom: 0; background: #3b82f6; }
  .bar .fill.warn { background: #f59e0b; } .bar .fill.over { background: #dc2626; }
  .bar .mark { position: absolute; top: -3px; bottom: -3px; width: 2px; background: #111; }
  .bar .mark.q { background: #f59e0b; }
  .pkg { margin: 18px 0 6px; font-weight: 600; }
  .map { position: relative; width: 100%; max-width: 1100px; height: 420px; border: 1px solid #ccc; }
  .map div { position: absolute; box-sizing: border-box; border: 1px solid #fff; overflow: hidden;
             font-size: 11px; color: #fff; padding: 1px 3px; white-space: nowrap; }
  #tip { position: fixed; pointer-events: none; background: #111; color: #fff; padding: 4px 8px;
         border-radius: 4px; font-size: 12px; display: none; z-index: 10; }
  .legend span { display: inline-block; width: 10px; height: 10px; margin: 0 4px 0 12px; }
</style>
</head>
<body>
<h1 id="title"></h1>
<div class="sub" id="summary"></div>
<table id="packages">
  <thead><tr><th>Package</th><th>Files</th><th>Bytes</th><th>Size</th><th>Limit</th><th>Used</th><th></th></tr></thead>
  <tbody></tbody>
</table>
<div class="legend">bar marks:<span style="background:#f59e0b"></span>1.5 MB (code-quality scan)<span style="background:#111"></span>upload limit</div>
<div id="maps"></div>
<div id="tip"></div>
<script id="data" type="application/json">{{DATA}}</script>
<script>
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("data").textContent);
  function size(n) {
    if (n >= 1048576) return (n / 1048576).toFixed(2) + " MB";
    if (n >= 1024) return (n / 1024).toFixed(1) + " KB";
    return n + " B";
  }
  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    for (var k in attrs) e.setAttribute(k, attrs[k]);
    if (text !== undefined) e.textContent = text;
    return e;
  }
  document.getElementById("title").textContent = "What will be uploaded: " + data.project;
  document.getElementById("summary").textContent = data.packages.length + " package(s), " +
    size(data.total) + " in all (limit " + size(data.total_limit) + ")";
  var body = document.querySelector("#packages tbody");
  data.packages.forEach(function (p) {
    var tr = el("tr", {"data-package": p.name, "data-bytes": String(p.bytes)});
    tr.appendChild(el("td", {}, p.name + (p.independent ? " (independent)" : "")));
    tr.appendChild(el("td", {"class": "files"}, String(p.files)));
    tr.appendChild(el("td", {"class": "bytes"}, String(p.bytes)));
    tr.appendChild(el("td", {}, size(p.bytes)));
    tr.appendChild(el("td", {}, size(data.limit)));
    tr.appendChild(el("td", {}, (p.bytes / data.limit * 100).toFixed(1) + "%"));
    var td = el("td"), bar = el("div", {"class": "bar"});
    var scale = Math.max(data.limit * 1.25, p.bytes);
    var fill = el("div", {"class": "fill" + (p.bytes > data.limit ? " over" : p.bytes > data.warn ? " warn" : "")});
    fill.style.width = (p.bytes / scale * 100) + "%";
    var q = el("div", {"class": "mark q"}); q.style.left = (data.warn / scale * 100) + "%";
    var m = el("div", {"class": "mark"}); m.style.left = (data.limit / scale * 100) + "%";
    bar.appendChild(fill); bar.appendChild(q); bar.appendChild(m); td.appendChild(bar); tr.appendChild(td);
    body.appendChild(tr);
  });
  var total = el("tr", {"id": "total", "data-bytes": String(data.total)});
  total.appendChild(el("td", {}, "Total"));
  total.appendChild(el("td", {}, String(data.packages.reduce(function (s, p) { return s + p.files; }, 0))));
  total.appendChild(el("td", {"class": "bytes"}, String(data.total)));
  total.appendChild(el("td", {}, size(data.total)));
  total.appendChild(el("td", {}, size(data.total_limit)));
  total.appendChild(el("td", {}, (data.total / data.total_limit * 100).toFixed(1) + "%"));
  body.appendChild(total);

  // Squarified treemap (Bruls, Huizing, van Wijk).
  function worst(row, w) {
    var s = 0, mx = 0, mn = Infinity;
    row.forEach(function (r) { s += r.area; mx = Math.max(mx, r.area); mn = Math.min(mn, r.area); });
    return Math.max(w * w * mx / (s * s), (s * s) / (w * w * mn));
  }
  function layout(items, x, y, w, h, out) {
    items = items.filter(function (i) { return i.area > 0; });
    while (items.length) {
      var side = Math.min(w, h), row = [items[0]], i = 1;
      while (i < items.length && worst(row.concat([items[i]]), side) <= worst(row, side)) { row.push(items[i]); i++; }
      items = items.slice(i);
      var s = row.reduce(function (a, r) { return a + r.area; }, 0);
      if (w >= h) {
        var cw = s / h, cy = y;
        row.forEach(function (r) { var rh = r.area / cw; out.push([r.node, x, cy, cw, rh]); cy += rh; });
        x += cw; w -= cw;
      } else {
        var ch = s / w, cx = x;
        row.forEach(function (r) { var rw = r.area / ch; out.push([r.node, cx, y, rw, ch]); cx += rw; });
        y += ch; h -= ch;
      }
    }
  }
  var tip = document.getElementById("tip");
  var palette = ["#2563eb", "#059669", "#d97706", "#7c3aed", "#db2777", "#0891b2", "#65a30d", "#dc2626"];
  function draw(map, node, path, x, y, w, h, depth, color) {
    if (!node.children || !node.children.length || w < 4 || h < 4) {
      var d = el("div", {"class": "leaf", "data-path": path, "data-bytes": String(node.bytes)}, w > 50 && h > 14 ? node.name : "");
      d.style.left = x + "px"; d.style.top = y + "px"; d.style.width = w + "px"; d.style.height = h + "px";
      d.style.background = color; d.style.opacity = String(Math.max(0.55, 1 - depth * 0.08));
      d.addEventListener("mousemove", function (e) {
        tip.style.display = "block"; tip.style.left = (e.clientX + 12) + "px"; tip.style.top = (e.clientY + 12) + "px";
        tip.textContent = path + " — " + size(node.bytes) + " (" + node.bytes + " bytes)";
      });
      d.addEventListener("mouseleave", function () { tip.style.display = "none"; });
      map.appendChild(d);
      return;
    }
    var area = w * h, items = node.children.map(function (c) { return {node: c, area: node.bytes ? c.bytes / node.bytes * area : 0}; });
    var out = [];
    layout(items, x, y, w, h, out);
    out.forEach(function (o, i) {
      var c = depth === 0 ? palette[i % palette.length] : color;
      draw(map, o[0], path ? path + "/" + o[0].name : o[0].name, o[1], o[2], o[3], o[4], depth + 1, c);
    });
  }
  var maps = document.getElementById("maps");
  data.packages.forEach(function (p) {
    if (!p.bytes) return;
    maps.appendChild(el("div", {"class": "pkg"}, p.name + " — " + size(p.bytes) + ", " + p.files + " files"));
    var map = el("div", {"class": "map", "data-package": p.name});
    maps.appendChild(map);
    var w = map.clientWidth || 1000, h = map.clientHeight || 420;
    draw(map, p.tree, "", 0, 0, w, h, 0, palette[0]);
    var legend = el("div", {"class": "legend"}, "top level:");
    (p.tree.children || []).slice(0, palette.length).forEach(function (c, i) {
      var sw = el("span"); sw.style.background = palette[i % palette.length];
      legend.appendChild(sw);
      legend.appendChild(document.createTextNode(c.name + (c.children ? "/" : "") + " " + size(c.bytes)));
    });
    maps.appendChild(legend);
  });
  document.body.setAttribute("data-rendered", "true");
})();
</script>
</body>
</html>
"##;

#[cfg(test)]
mod tests {
    #[test]
    fn markers_in_values_are_not_substituted() {
        let page = super::fill(
            "<t>{{TITLE}}</t><s>{{DATA}}</s>",
            &[
                ("{{TITLE}}", "a {{DATA}} b"),
                ("{{DATA}}", "{\"x\":\"{{TITLE}}\"}"),
            ],
        );
        assert_eq!(page, "<t>a {{DATA}} b</t><s>{\"x\":\"{{TITLE}}\"}</s>");
    }
}
