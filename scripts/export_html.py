"""Export the notebooks, with their saved outputs, to static HTML pages a student can open
offline, plus an index page.

Run: ``.venv/bin/python scripts/export_html.py [--out DIR] [--with-code] [NN ...]``

Nothing is executed: the pages show the outputs saved in ``notebooks/`` (rebuild them first
with ``scripts/build_notebooks.py`` if the engine changed). The template
(``scripts/export_template/ds-handout``) is nbconvert's lab template without require.js,
MathJax, mermaid or the widget manager, so a page loads nothing from any other machine;
every picture is embedded in the page. Code is left out unless ``--with-code`` is given
(the lawyer-facing notebooks fold it away anyway). Writes ``DIR/NN_name.html`` and
``DIR/index.html`` (default ``DIR``: ``build/handouts``); existing pages are replaced.
"""

from __future__ import annotations

import argparse
import html
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"
TEMPLATES = Path(__file__).resolve().parent / "export_template"


def _title(notebook: object) -> str:
    for cell in notebook.cells:  # type: ignore[attr-defined]
        if cell.cell_type == "markdown":
            for line in cell.source.splitlines():
                if line.startswith("# "):
                    return line[2:].strip()
    return ""


def export(names: list[str], out: Path, *, with_code: bool = False) -> list[Path]:
    """Write one page per notebook and the index; returns the pages written."""
    import nbformat
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(
        template_name="ds-handout",
        extra_template_basedirs=[str(TEMPLATES)],
        exclude_input=not with_code,
        exclude_input_prompt=True,
        exclude_output_prompt=True,
        embed_images=True,
    )
    out.mkdir(parents=True, exist_ok=True)
    chosen = sorted(NOTEBOOKS.glob("[0-9][0-9]_*.ipynb"))
    if names:
        chosen = [path for path in chosen if path.name[:2] in names]
    written, entries = [], []
    for path in chosen:
        notebook = nbformat.read(path, as_version=4)
        title = _title(notebook) or path.stem
        body, _ = exporter.from_notebook_node(
            notebook, resources={"metadata": {"name": title, "path": str(NOTEBOOKS)}}
        )
        page = out / f"{path.stem}.html"
        tmp = page.with_name(page.name + ".tmp")
        tmp.write_text(body, encoding="utf-8")
        tmp.replace(page)  # all of it or nothing
        written.append(page)
        entries.append(
            f'<li><a href="{html.escape(page.name)}">{html.escape(title)}</a> '
            f"<small>({html.escape(path.name)})</small></li>"
        )
    index = out / "index.html"
    index.write_text(
        "<!DOCTYPE html>\n<html lang='en'><head><meta charset='utf-8'>"
        "<title>diffusion-scenarios: the notebooks</title>"
        "<style>body{font:16px/1.5 sans-serif;max-width:46em;margin:2em auto;padding:0 1em}"
        "</style></head><body><h1>diffusion-scenarios: the notebooks</h1>"
        "<p>Saved copies of the notebooks, with their results and pictures, to read or print "
        "offline. Nothing in them runs; to change the facts, open the notebooks themselves or "
        "the explorer app. <strong>Educational model, not legal advice.</strong></p>"
        f"<ol>{''.join(entries)}</ol></body></html>\n",
        encoding="utf-8",
    )
    return [*written, index]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("numbers", nargs="*", metavar="NN", help="only these notebooks (00 ... 08)")
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "handouts")
    parser.add_argument("--with-code", action="store_true", help="keep the code cells")
    args = parser.parse_args()
    pages = export(args.numbers, args.out, with_code=args.with_code)
    print(f"wrote {len(pages)} pages in {args.out} (open {args.out / 'index.html'})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
