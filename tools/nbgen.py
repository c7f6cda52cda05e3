"""Shared helpers for the chapter generators (tools/make_chapterNN.py).

A chapter is written as a list of (kind, source) pairs; `write(path, cells, prefix)` turns it into an nbformat 4.5
notebook with the Descent kernelspec, stable cell ids and slide metadata (RISE / JupyterLab / VS Code slide tools):
a markdown cell that starts with `#` or `##` opens a new slide, one that starts with `###` a sub-slide, every other
cell continues the current slide. `descent run` then stores the outputs.
"""
import json, os

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


def notebook(cells, prefix):
    out = []
    for i, (kind, src) in enumerate(cells):
        src = src.strip("\n")
        c = {"cell_type": kind, "id": f"{prefix}-{i:02d}",
             "metadata": {"slideshow": {"slide_type": slide_type(kind, src)}}, "source": lines(src)}
        if kind == "code":
            c["execution_count"] = None
            c["outputs"] = []
        out.append(c)
    return {"cells": out, "metadata": {"kernelspec": KERNELSPEC, "language_info": LANG},
            "nbformat": 4, "nbformat_minor": 5}


def write(path, cells, prefix):
    """Writes the notebook atomically (temp file + rename), sources only; outputs come from `descent run`."""
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        json.dump(notebook(cells, prefix), f, indent=1, ensure_ascii=False)
        f.write("\n")
    os.replace(tmp, path)
