"""Agency templates without python-pptx: read safely, describe, score layouts, check geometry.

- :func:`sanitize_file` / :func:`sanitize_template`: checked and repaired package bytes
  (for python-pptx) and located problems (:mod:`.package`);
- :func:`read_template`: a frozen model of masters, layouts and placeholders (:mod:`.reader`);
- :func:`~.reader.load_template`: both at once;
- :func:`propose`: every layout scored for every slide kind, and a mapping (:mod:`.scoring`);
- :func:`check_geometry`: overlaps, edges, sizes and contrast (:mod:`.geometry`).
"""
