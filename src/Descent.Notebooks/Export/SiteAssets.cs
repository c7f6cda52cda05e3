namespace Descent.Notebooks.Export;

/// <summary>The site's stylesheet.</summary>
internal static class SiteAssets
{
    public const string Css = """
        :root { --fg: #1d2330; --muted: #5b6478; --bg: #ffffff; --code-bg: #f5f7fa; --border: #e1e5ec; --accent: #3b5bdb; }
        * { box-sizing: border-box; }
        body { margin: 0; color: var(--fg); background: var(--bg); font: 16px/1.6 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
        header { display: flex; gap: 1.5rem; align-items: baseline; padding: .7rem 1.5rem; border-bottom: 1px solid var(--border); background: #fafbfc; position: sticky; top: 0; z-index: 10; }
        header .site { font-weight: 600; color: var(--fg); text-decoration: none; }
        header nav a { color: var(--accent); }
        main { max-width: 980px; margin: 0 auto; padding: 1rem 1.5rem 4rem; }
        a { color: var(--accent); }
        h1, h2, h3 { line-height: 1.25; }
        .cell { margin: 1rem 0; }
        .cell.code { position: relative; }
        .prompt { color: var(--muted); font: 12px/1 ui-monospace, monospace; margin-bottom: .2rem; }
        pre { margin: .3rem 0; padding: .6rem .8rem; overflow-x: auto; border-radius: 6px; font: 13.5px/1.45 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
        pre.source { background: var(--code-bg); border: 1px solid var(--border); }
        .output pre, pre.output { background: transparent; border-left: 3px solid var(--border); }
        pre.output.stderr { border-left-color: #e8a33d; }
        pre.output.error { border-left-color: #d9480f; background: #fff5f0; color: #8a2c0d; }
        .output.display { overflow-x: auto; }
        .chart { min-height: 300px; }
        table { border-collapse: collapse; margin: .6rem 0; }
        th, td { border: 1px solid var(--border); padding: .3rem .6rem; text-align: left; }
        table.chapters td:first-child { color: var(--muted); width: 3rem; }
        code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: .92em; }
        .tok-comment { color: #6a737d; font-style: italic; }
        .tok-string { color: #0a7d3b; }
        .tok-keyword { color: #8a1fbf; }
        .tok-number { color: #b35900; }
        .tok-type { color: #1f5fbf; }
        .tok-directive { color: #6a737d; }
        .math { overflow-x: auto; }
        .math.display { display: block; text-align: center; margin: .7em 0; }
        header nav a { margin-right: 1rem; }
        header nav a.prev, header nav a.next { font-weight: 600; }
        aside.banner { margin: 1rem 0; padding: .5rem .8rem; border: 1px solid var(--border); border-radius: 6px; background: #f8f9fc; color: var(--muted); font-size: .92em; }
        table.chapters td.seeds { color: var(--muted); font-size: .85em; }
        """;

    /// <summary>Slide-deck overrides: full-window slides (no scaling, so Plotly's hover and sliders keep working),
    /// large type for a lecture hall, and slides that scroll when a cell's output is long.</summary>
    public const string SlidesCss = """
        .reveal { font-size: 30px; }
        .reveal .slides { text-align: left; }
        .reveal .slides > section { position: absolute; inset: 0; padding: 3vh 5vw 6vh; overflow-y: auto; box-sizing: border-box; }
        .reveal h1 { font-size: 1.8em; } .reveal h2 { font-size: 1.4em; } .reveal h3 { font-size: 1.15em; }
        .reveal h1, .reveal h2, .reveal h3 { text-transform: none; text-align: left; }
        .reveal pre { width: 100%; box-shadow: none; font-size: .62em; }
        .reveal pre code { max-height: none; padding: 0; }
        .reveal .prompt { display: none; }
        .reveal table { font-size: .7em; }
        .reveal .chart { width: 100%; }
        .reveal .cell { margin: .5rem 0; }
        """;
}
