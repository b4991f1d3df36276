"""``hrdeck init``: write a ready agency project that layers over the built-in curriculum.

The project holds hrdeck.yaml (course title, presenter, contact, theme, audiences), a
local resources module that replaces the built-in one, a theme folder to edit and a
README on what to change.  ``hrdeck build`` works in it at once.
"""

from __future__ import annotations

from pathlib import Path

from hrdeck.atomic import write_atomically
from hrdeck.errors import UsageError
from hrdeck.paths import builtin_themes, schemas_dir

HRDECK_YAML = """\
# yaml-language-server: $schema=schemas/project.schema.json
# Your project: it builds on hrdeck's built-in curriculum and changes only what is here.
extends: builtin

# Course fields shown on the title and closing slides. Replace them with yours.
# Without a subtitle here, each audience keeps its own ("A training for courts, ...").
course:
  title: Harm Reduction and Mandated Clients
  # subtitle: A workshop for our county's partners
  presenter:
    name: Your Name
    credentials: LCSW
    organization: Your Agency
    email: [you@your-agency.example]

# The theme in themes/agency: your colours, fonts, logo or PowerPoint template.
theme: agency

# Built by 'hrdeck build' when no --audience is given.
audiences: [court, clinician, peer]
"""

LOCAL_RESOURCES = """\
# yaml-language-server: $schema=../schemas/module.schema.json
# Your local resources. This module replaces the built-in 'resources' module
# because it has the same id. Keep each list short: about six per audience fit a slide.
id: resources
kind: resources
title: Harm reduction resources near you
resources:
  - name: Your syringe services program
    url: https://your-agency.example/syringe-services
    description: "Sterile supplies, naloxone and testing: days, hours, address"
  - name: Your local overdose or crisis line
    url: https://your-agency.example/help
    description: Who answers, when, and what they can do
  - name: National Harm Reduction Coalition
    url: https://harmreduction.org
    description: Principles, trainings and stigma resources
  - name: SAMHSA
    url: https://www.samhsa.gov
    description: Federal agency for substance use and mental health services
  - name: "NIDA: Words Matter"
    url: https://nida.nih.gov/nidamed-medical-health-professionals/health-professions-education/words-matter-terms-to-use-avoid-when-talking-about-addiction
    description: Terms to use and avoid when talking about addiction
  - name: All Rise (formerly NADCP)
    url: https://allrise.org
    description: Treatment-court standards, training and naloxone guidance
    audiences: [court]
notes: |
  Start with the local services: say where they are, when they are open and how
  people get there. Hand out the printed list from the facilitator guide.
  The national links are for going deeper; they work in the slide file and the guide.
"""

README = """\
# Your hrdeck project

This folder layers your changes over hrdeck's built-in curriculum,
*Harm Reduction and Mandated Clients*. Build every audience with:

    hrdeck build

What to change:

- `hrdeck.yaml`: course title, presenter and contact details, the theme, and which
  audiences `hrdeck build` makes.
- `modules/24-resources.yaml`: your local resources (syringe program, hotline,
  address). It replaces the built-in resources module because it has the same `id`.
  Any module you copy here with the same `id` replaces the built-in one; a module
  with a new `id` is added (list it in an audience file to show it).
- `audiences/`: copy a built-in audience file here (same file name) to reorder,
  retime or drop modules for that audience.
- `schemas/`: the JSON Schemas your editor uses to check these files as you type
  (the `# yaml-language-server: $schema=` line at the top of each file names one).
- `themes/agency/theme.yaml`: colours, fonts, logo (with alt text), footer, slide
  size, or your own PowerPoint template (`template:` and `layouts:`; run
  `hrdeck theme inspect your-template.potx` to see its layout names).

Check your changes with `hrdeck validate`, `hrdeck lint` and `hrdeck theme check agency`.
"""


def init_project(folder: Path) -> list[Path]:
    """Write a new project into ``folder`` (which must be empty or absent).

    All of it or nothing (:func:`hrdeck.atomic.write_atomically`): on a full or
    read-only disk no partial project is left behind.
    """
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise UsageError(f"{folder} already exists and is not empty; choose a new folder")
    files = [
        ("hrdeck.yaml", HRDECK_YAML.encode("utf-8")),
        ("modules/24-resources.yaml", LOCAL_RESOURCES.encode("utf-8")),
        ("themes/agency/theme.yaml", agency_theme().encode("utf-8")),
        ("README.md", README.encode("utf-8")),
        *_schemas("schemas"),
    ]
    return write_atomically(folder, files, folders=["audiences"])


def _schemas(target: str) -> list[tuple[str, bytes]]:
    """The JSON Schemas, so editors check the project's files offline."""
    return [
        (f"{target}/{source.name}", source.read_bytes())
        for source in sorted(schemas_dir().glob("*.schema.json"))
    ]


def agency_theme() -> str:
    """The default theme renamed 'agency', as a starting point to edit."""
    text = (builtin_themes() / "default" / "theme.yaml").read_text(encoding="utf-8")
    text = text.replace("../../hrdeck/schemas/", "../../schemas/", 1)
    return text.replace("name: default", "name: agency", 1)
