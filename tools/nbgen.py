"""Shared helpers for the chapter generators (tools/make_chapterNN.py).

A chapter is written as a list of (kind, source) pairs; `write(path, cells, prefix)` turns it into an nbformat 4.5
notebook with the Descent kernelspec, stable cell ids and slide metadata (RISE / JupyterLab / VS Code slide tools):
a markdown cell that starts with `#` or `##` opens a new slide, one that starts with `###` a sub-slide, every other
cell continues the current slide. `descent run` then stores the outputs.
"""
import json, os, re

KERNELSPEC = {"display_name": "C# (Descent)", "language": "csharp", "name": "descent-csharp"}
LANG = {"file_extension": ".cs", "mimetype": "text/x-csharp", "name": "csharp", "pygments_lexer": "csharp"}


def lines(text):
    parts = text.split("\n")
    return [p + "\n" for p in parts[:-1]] + ([parts[-1]] if parts[-1] else [])


def slide_type(kind, src):
    if kind == "markdown":
        head = src.lstrip()
        if head.startswith("# ") or head.startswith("## "):
            return "slide"
        if head.startswith("### "):
            return "subslide"
    return "-"


# The self-learner's task that ends every chapter (the formulas and checks are in docs/extend.md and extend/).
EXTEND = {
    "00": "a new surrogate loss, the squared hinge $\\max(0, 1 - m)^2$, and its derivative (`SquaredHinge`)",
    "01": "a diagonal (Jacobi) preconditioner as a gradient transform, $u_i \\mapsto u_i / H_{ii}$ (`ScaleByInverseDiagonal`)",
    "02": "an objective with a spurious minimum, $(x^2-1)^2 + ax + y^2$, with its exact gradient and Hessian (`TiltedDoubleWell`)",
    "03": "a transform that steps along the most negative curvature direction when the gradient vanishes (`NegativeCurvatureStep`)",
    "04": "adaptive gradient clipping to a multiple of the running mean norm, with the mean kept in the transform's state (`ClipByAdaptiveNorm`)",
    "05": "a scaled orthogonal recurrent matrix $\\rho Q$, whose every eigenvalue has modulus $\\rho$ (`ScaledOrthogonal`)",
    "06": "Polyak–Ruppert averaging of SGD iterates (`IterateAveraging`)",
    "07": "a quadratic Bézier path between two minima, the piece you train for mode connectivity (`BezierPath`)",
    "08": "a backtracking (Armijo) line search that needs no Lipschitz constant (`Armijo`)",
}


def extend_cell(number):
    """The closing "Extend this" section of chapter `number` (e.g. "03")."""
    return ("markdown", f"""## Extend this

Change the library: implement {EXTEND[number]} in `extend/Chapter{number}.cs`, then check it with

```
dotnet test extend --filter Chapter{number}
```

The checks fail until your code is right; the formulas are in [docs/extend.md](../docs/extend.md) and a worked solution
in `extend/solutions/Chapter{number}.cs`. To use it here: `dotnet build extend`, restart the kernel, and run
`#r "../extend/bin/Debug/net10.0/Descent.Extend.dll"`.""")


def split_at_headings(cells):
    """Cuts markdown cells before every `#`, `##` or `###` heading that is not their first line, so every section
    opens its own slide."""
    out = []
    for kind, src in cells:
        if kind != "markdown":
            out.append((kind, src))
            continue
        piece, fenced = [], False
        for line in src.strip("\n").split("\n"):
            if line.startswith("```"):
                fenced = not fenced
            if not fenced and piece and "".join(piece).strip() and (line.startswith("# ") or line.startswith("## ") or line.startswith("### ")):
                out.append((kind, "\n".join(piece).strip("\n")))
                piece = []
            piece.append(line)
        if "".join(piece).strip():
            out.append((kind, "\n".join(piece).strip("\n")))
    return out


def notebook(cells, prefix):
    out = []
    for i, (kind, src) in enumerate(split_at_headings(cells)):
        src = src.strip("\n")
        c = {"cell_type": kind, "id": f"{prefix}-{i:02d}",
             "metadata": {"slideshow": {"slide_type": slide_type(kind, src)}}, "source": lines(src)}
        if kind == "code":
            c["execution_count"] = None
            c["outputs"] = []
        out.append(c)
    return {"cells": out, "metadata": {"kernelspec": KERNELSPEC, "language_info": LANG},
            "nbformat": 4, "nbformat_minor": 5}


LOAD_LINE = re.compile(r'^#load "(\.\./)*descent\.csx"$')


def _notebooks_dir(directory):
    """The course's notebooks/ folder at or above `directory`."""
    d = directory
    while os.path.basename(d) != "notebooks" and os.path.dirname(d) != d:
        d = os.path.dirname(d)
    return d if os.path.basename(d) == "notebooks" else directory


def write(path, cells, prefix):
    """Writes the notebook atomically (temp file + rename), sources only; outputs come from `descent run`.
    A chapter (notebooks/NN-name.ipynb, not a solution) gets its "Extend this" section appended."""
    name = os.path.basename(path)
    if os.path.basename(os.path.dirname(os.path.abspath(path))) == "notebooks" and name[:2] in EXTEND \
            and not any(k == "markdown" and src.lstrip().startswith("## Extend this") for k, src in cells):
        cells = list(cells) + [extend_cell(name[:2])]
    # The first-cell convention loads notebooks/descent.csx, so its path is relative to where this notebook lives.
    here = os.path.dirname(os.path.abspath(path))
    csx = os.path.relpath(os.path.join(_notebooks_dir(here), "descent.csx"), here).replace(os.sep, "/")
    cells = [(k, f'#load "{csx}"') if k == "code" and LOAD_LINE.match(src.strip()) else (k, src) for k, src in cells]
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        json.dump(notebook(cells, prefix), f, indent=1, ensure_ascii=False)
        f.write("\n")
    os.replace(tmp, path)
