"""``hrdeck new``: a curriculum of one's own, not layered on the built-in one.

The folder holds a small example that validates without a warning and builds: the
course, one audience with two learning objectives, a title, an agenda, one module of
content and a closing, a question per objective, the JSON Schemas for editors, the
format reference and a README.  Every file says what to change.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from hrdeck.atomic import write_atomically
from hrdeck.errors import UsageError
from hrdeck.paths import builtin_curriculum, schemas_dir

COURSE = """\
# yaml-language-server: $schema=schemas/course.schema.json
# Your course. The title and subtitle go on the cover; the author is credited on the
# cover and closing slides. Whoever presents it sets 'presenter:' here, or per build:
#   hrdeck build --presenter "Sam Rivera" --org "Lakeside Harm Reduction"
id: <<course_id>>
title: <<title>>
subtitle: An example to edit into your own training
author:
  name: <<author>>
language: en-US
date: <<today>>
# The default order of the modules (each audience file lists its own).
outline: [title, agenda, how-it-works, closing]
"""

AUDIENCE = """\
# yaml-language-server: $schema=../schemas/audience.schema.json
# One audience. Rename the file and its id together (court.yaml and 'id: court'),
# and add a file for each audience you teach.
id: general
label: Everyone
description: Anyone who comes to the session.
objectives:
  - id: name-the-parts
    text: Name the files that make up an hrdeck curriculum.
  - id: build-a-deck
    text: Build the deck and guide for one audience with one command.
# The modules this audience sees, in order, with minutes each.
modules:
  - {id: title, minutes: 2}
  - {id: agenda, minutes: 2}
  - {id: how-it-works, minutes: 10}
  - {id: closing, minutes: 5}
"""

TITLE = """\
# yaml-language-server: $schema=../schemas/module.schema.json
id: title
kind: title
title: <<title>>
notes: |
  Welcome everyone and introduce yourself.
  Say in one sentence what the session is about and how long it takes.
"""

AGENDA = """\
# yaml-language-server: $schema=../schemas/module.schema.json
# The agenda is made from the audience's modules and minutes.
id: agenda
kind: agenda
title: Agenda
notes: |
  Walk through the plan and say when there is time for questions.
"""

CONTENT = """\
# yaml-language-server: $schema=../schemas/module.schema.json
# A module of content: one slide per entry under 'slides'. Copy this file to add
# a module (a new id), then list it in the audience files.
id: how-it-works
kind: bullets
title: How this curriculum works
objectives: [name-the-parts, build-a-deck]
slides:
  - title: What a curriculum holds
    items:
      - course.yaml names the course, its author and the order of the modules
      - Each file in audiences/ lists one audience's objectives and modules
      - Each file in modules/ makes one or more slides
      - questions/ holds a question for each learning objective
    notes: |
      Open each folder as you name it, so people see how little there is.
  - title: From files to slides
    items:
      - "`hrdeck validate` checks every file and names each problem"
      - "`hrdeck build -a general` writes the deck and the facilitator guide"
      - Each slide's notes become the speaker notes for that audience
    notes: |
      Run the two commands live and open the deck that comes out.
"""

CLOSING = """\
# yaml-language-server: $schema=../schemas/module.schema.json
# The closing slide shows the presenter (or the author) from course.yaml.
id: closing
kind: closing
title: Questions
subtitle: Thank you
notes: |
  Open the floor for questions and thank the group.
"""

QUESTIONS = """\
# yaml-language-server: $schema=../schemas/questions.schema.json
# The question bank: at least one question for each learning objective.
topic: How this curriculum works
questions:
  - id: where-modules-are-listed
    type: multiple-choice
    stem: Where is the list of modules an audience sees?
    options:
      - In that audience's file in audiences/
      - In each module's file
      - In the README
    answer: 1
    reason: Each audience file lists its modules, in order, with minutes each.
    objective: name-the-parts
    modules: [how-it-works]
  - id: one-command-builds
    type: true-false
    stem: One command builds the deck and the facilitator guide for an audience.
    answer: true
    reason: hrdeck build -a general writes both into build/.
    objective: build-a-deck
    modules: [how-it-works]
"""

README = """\
# <<readme_title>>

A curriculum of your own, for [hrdeck](https://pypi.org/project/hrdeck/). Check it and
build the deck and facilitator guide with:

    hrdeck validate
    hrdeck build -a general

What is here:

- `course.yaml`: the title, the author, the date and the default order of modules.
- `audiences/general.yaml`: one audience, its learning objectives and its modules
  with minutes. Add a file per audience (court.yaml, peer.yaml, ...).
- `modules/`: one file per module. `how-it-works.yaml` is the example of content;
  a module that no audience lists is reported (`unused-module`).
- `questions/`: a question for each learning objective.
- `schemas/`: the JSON Schemas your editor uses to check these files as you type.
- `FORMAT.md`: every field of every file, with examples.

A module of hrdeck's built-in curriculum can be copied in and changed:
`hrdeck copy module myths` (`hrdeck copy --help` lists the others).
The presenter goes on the cover per build: `hrdeck build -a general --presenter "Your Name"`.
"""


def new_curriculum(folder: Path, title: str | None = None, author: str | None = None) -> list[Path]:
    """Write a new curriculum into ``folder`` (empty or absent), all of it or nothing."""
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise UsageError(f"{folder} already exists and is not empty; choose a new folder")
    name = folder.resolve().name
    shown_title = " ".join((title or _title_of(name)).split())
    values = {
        "course_id": course_id(name),
        "title": _yaml_text(shown_title),
        "author": _yaml_text(author or "Your Name"),
        "today": date.today().isoformat(),
        "readme_title": shown_title,
    }
    texts = {
        "course.yaml": COURSE,
        "audiences/general.yaml": AUDIENCE,
        "modules/01-title.yaml": TITLE,
        "modules/02-agenda.yaml": AGENDA,
        "modules/03-how-it-works.yaml": CONTENT,
        "modules/04-closing.yaml": CLOSING,
        "questions/how-it-works.yaml": QUESTIONS,
        "README.md": README,
    }
    files = [(path, _filled(text, values).encode("utf-8")) for path, text in texts.items()]
    reference = builtin_curriculum() / "FORMAT.md"
    if reference.is_file():
        files.append(("FORMAT.md", reference.read_bytes()))
    files += [
        (f"schemas/{schema.name}", schema.read_bytes())
        for schema in sorted(schemas_dir().glob("*.schema.json"))
    ]
    return write_atomically(folder, files)


def course_id(name: str) -> str:
    """A course id (lower-case letters, digits, single dashes) from a folder name."""
    slug = "-".join(re.findall(r"[a-z0-9]+", name.lower()))
    return slug or "my-course"


def _title_of(name: str) -> str:
    words = " ".join(re.findall(r"[^\W_]+", name)) or "My course"
    return words[0].upper() + words[1:]


def _yaml_text(text: str) -> str:
    """A one-line value safe in YAML whatever it holds (quoted, escapes doubled)."""
    line = " ".join(text.split())
    return '"' + line.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _filled(text: str, values: dict[str, str]) -> str:
    for key, value in values.items():
        text = text.replace(f"<<{key}>>", value)
    return text
