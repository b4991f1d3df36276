"""The plain python-pptx script a user would write: title, five formatted bullets, notes.

Usage: python bench/baseline_pptx.py SLIDES.json OUT.pptx

SLIDES.json is written by ``bench.synth.slides_json``: a list of
``{title, bullets: [[level, [[text, bold, italic, link], ...]], ...], notes: [[...], ...]}``.
Only python-pptx's public API is used, the straightforward way (default template,
"Title and Content" layout, one run per formatted stretch, notes via notes_slide).
"""

from __future__ import annotations

import json
import sys

from pptx import Presentation


def add_runs(paragraph, runs):
    for text, bold, italic, link in runs:
        run = paragraph.add_run()
        run.text = text
        if bold:
            run.font.bold = True
        if italic:
            run.font.italic = True
        if link:
            run.hyperlink.address = link


def main(source: str, out: str) -> None:
    with open(source, encoding="utf-8") as f:
        slides = json.load(f)
    prs = Presentation()
    layout = prs.slide_layouts[1]  # Title and Content
    for spec in slides:
        slide = prs.slides.add_slide(layout)
        slide.shapes.title.text = spec["title"]
        body = slide.placeholders[1].text_frame
        for number, (level, runs) in enumerate(spec["bullets"]):
            paragraph = body.paragraphs[0] if number == 0 else body.add_paragraph()
            paragraph.level = level
            add_runs(paragraph, runs)
        notes = slide.notes_slide.notes_text_frame
        add_runs(notes.paragraphs[0], spec["notes"])
    prs.save(out)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
