/* nashr search page: fetches search/<lang>.json once the reader types, folds the query with
   nashrNormalize (js/normalize.js) and AND-matches each word as a term prefix. docs/search.md */
(() => {
  "use strict";
  const box = document.getElementById("search");
  const form = box && box.querySelector("form");
  if (!form || !window.fetch) return;
  const ds = box.dataset;
  const base = ds.indexBase || "search/";
  const siteRoot = base.replace(/search\/?$/, "");
  const lang = ds.lang || document.documentElement.lang;
  const langs = (ds.langs || lang).split(",");
  const rtl = (ds.rtl || "ar,ckb,dv,fa,he,ks,ku,ps,sd,syr,ug,ur,yi").split(",");
  let S = {};
  try { S = JSON.parse(ds.strings || "{}"); } catch (e) { /* no strings */ }
  const norm = window.nashrNormalize || ((s) => String(s).toLowerCase());
  const wordsOf = window.nashrWords || ((n) => n.split(/\s+/).filter(Boolean));
  const PAGE = 50;
  const EDGE = /^([^\p{L}\p{N}\p{M}]*)([\s\S]*?)([^\p{L}\p{N}\p{M}]*)$/u;
  const cache = {};
  let seq = 0, timer = 0, shown = PAGE, last = [], lastWords = [];

  const el = (tag, cls, text) => {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text != null) e.textContent = text;
    return e;
  };
  const setLang = (e, l) => {
    e.lang = l;
    e.dir = rtl.includes(l.split("-")[0]) ? "rtl" : "ltr";
  };
  const matches = (words, qw) => words.some((w) => qw.some((q) => w.startsWith(q)));

  // Only the status is live: announcing every excerpt on each keystroke would be noise.
  const count = box.querySelector(".search-status") || el("p", "search-status");
  const list = box.querySelector(".search-results") || el("ol", "search-results");
  const more = el("button", "search-more", S.more || "…");
  count.setAttribute("role", "status");
  if (!count.isConnected) form.after(count);
  if (!list.isConnected) count.after(list);
  list.after(more);
  more.type = "button";
  more.hidden = true;
  const langName = (c) => {
    const o = [...((form.elements.language || {}).options || [])].find((x) => x.value === c);
    return o ? o.textContent : c;
  };

  const load = (l) => cache[l] || (cache[l] = fetch(base + l + ".json")
    .then((r) => { if (!r.ok) throw new Error(r.status); return r.json(); })
    .then((ix) => { ix.keys = Object.keys(ix.terms).sort(); return ix; })
    .catch(() => { delete cache[l]; return null; }));

  // {doc: score} for the terms starting with `w`; an exact term counts double.
  function prefixHits(ix, w) {
    const keys = ix.keys;
    let lo = 0, hi = keys.length, hits = null;
    while (lo < hi) { const m = (lo + hi) >> 1; if (keys[m] < w) lo = m + 1; else hi = m; }
    for (let i = lo; i < keys.length && keys[i].startsWith(w); i++) {
      const weight = keys[i] === w ? 2 : 1;
      hits = hits || {};
      for (const [d, n] of ix.terms[keys[i]]) hits[d] = (hits[d] || 0) + n * weight;
    }
    // A plural the index lacks: "femmes", "courts" → "femme", "court".
    if (!hits && /[sx]$/.test(w) && w.length > 3) return prefixHits(ix, w.slice(0, -1));
    return hits;
  }

  function searchIndex(ix, qw, f, seen, res) {
    let acc = null;
    for (const q of qw) {
      const h = prefixHits(ix, q);
      if (!h) return;
      if (!acc) { acc = h; continue; }
      for (const d in acc) { if (d in h) acc[d] += h[d]; else delete acc[d]; }
    }
    for (const d of Object.keys(acc)) {
      const doc = ix.docs[d];
      if ((f.type && doc[3] !== f.type) || (f.year && String(doc[6]) !== f.year) ||
          (f.topic && !doc[8].includes(f.topic)) || (f.language && doc[2] !== f.language)) continue;
      // The same output with the same text, in another page language: listed once.
      const key = doc[2] + "|" + doc[0].replace(/^[^/]*\//, "");
      if (seen[key]) continue;
      seen[key] = 1;
      const tw = wordsOf(norm(doc[1]));
      const bonus = qw.filter((q) => matches(tw, [q])).length * 10;
      res.push({ doc, score: acc[d] + bonus, order: res.length });
    }
  }

  function countText(n) {
    let key = "results", num = String(n);
    try {
      const k = "results_" + new Intl.PluralRules(lang).select(n);
      if (S[k]) key = k;
      num = new Intl.NumberFormat(lang).format(n);
    } catch (e) { /* old browser */ }
    return (S[key] || "{count}").replace("{count}", num);
  }

  function excerpt(src, qw, l) {
    const p = el("p", "search-result-excerpt"), toks = src.split(/(\s+)/), hit = [];
    setLang(p, l);
    let first = -1, buf = "";
    for (let i = 0; i < toks.length; i += 2) {
      hit[i] = matches(wordsOf(norm(toks[i])), qw);
      if (hit[i] && first < 0) first = i;
    }
    const start = Math.max(0, first - 16), end = Math.min(toks.length, start + 60);
    if (start > 0) buf = "… ";
    for (let i = start; i < end; i++) {
      if (i % 2 || !hit[i]) { buf += toks[i]; continue; }
      const m = EDGE.exec(toks[i]);
      p.append(buf + m[1], el("mark", null, m[2]));
      buf = m[3];
    }
    p.append(buf + (end < toks.length ? " …" : ""));
    return p;
  }

  function render(msg) {
    list.textContent = "";
    count.textContent = msg != null ? msg : last.length ? countText(last.length) : S.none || "";
    let fmt = null;
    try { fmt = new Intl.ListFormat(lang); } catch (e) { /* commas */ }
    for (const { doc: d } of last.slice(0, shown)) {
      const li = el("li", "search-result"), h = el("h2", "search-result-title");
      const a = el("a", null, d[1]);
      a.href = siteRoot + d[0];
      setLang(a, d[2]);
      h.append(a);
      const meta = el("p", "search-result-meta"), parts = [el("span", "search-result-type", d[4])];
      if (d[5]) parts.push(el("span", "search-result-date", d[5]));
      if (d[2] !== lang && S.fallback) {
        parts.push(el("span", "search-result-lang", S.fallback.replace("{language}", langName(d[2]))));
      }
      if (d[7].length) {
        parts.push(el("span", "search-result-authors", fmt ? fmt.format(d[7]) : d[7].join(", ")));
      }
      parts.forEach((x, i) => meta.append(...(i ? [" · ", x] : [x])));
      li.append(h, meta, excerpt(d[9], lastWords, d[2]));
      list.append(li);
    }
    more.hidden = last.length <= shown;
  }

  function show(res, qw, msg) {
    list.removeAttribute("aria-busy");
    last = res;
    lastWords = qw;
    shown = PAGE;
    render(msg);
  }

  function run() {
    clearTimeout(timer);
    const my = ++seq, els = form.elements, qw = wordsOf(norm(els.q.value));
    const params = new URLSearchParams(), f = {};
    for (const e of els) {
      if (!e.name || e.type === "submit" || e.type === "button") continue;
      const value = e.type === "checkbox" ? e.checked && "1" : e.value;
      if (e.type !== "checkbox") f[e.name] = value;
      if (value) params.set(e.name, value);
    }
    const qs = String(params);
    history.replaceState(null, "", qs ? "?" + qs : location.pathname);
    if (!qw.length) return show([], qw, "");
    const all = els.all && els.all.checked;
    const ls = [lang].concat(all ? langs.filter((l) => l && l !== lang) : []);
    if (S.searching && ls.some((l) => !cache[l])) count.textContent = S.searching;
    list.setAttribute("aria-busy", "true");
    Promise.all(ls.map(load)).then((ixs) => {
      if (my !== seq) return;
      if (!ixs.some(Boolean)) return show([], qw, S.error || "");
      const res = [], seen = {};
      for (const ix of ixs) if (ix) searchIndex(ix, qw, f, seen, res);
      res.sort((a, b) => b.score - a.score || a.order - b.order);
      show(res, qw);
    });
  }

  form.addEventListener("submit", (e) => { e.preventDefault(); run(); });
  form.addEventListener("input", (e) => {
    if (e.target.name === "q") { clearTimeout(timer); timer = setTimeout(run, 150); }
  });
  form.addEventListener("change", (e) => { if (e.target.name !== "q") run(); });
  more.addEventListener("click", () => { shown += PAGE; render(); });

  const params = new URLSearchParams(location.search);
  for (const e of form.elements) {
    if (!e.name || !params.has(e.name)) continue;
    if (e.type === "checkbox") e.checked = true;
    else e.value = params.get(e.name);
  }
  if (params.get("q")) run();
})();
