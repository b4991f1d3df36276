"""Layout names in several languages and styles, grouped by what the layout is for.

PowerPoint names its stock layouts in the user's language; LibreOffice writes its own
names ('Title, Content', 'Title, 2 Content').  Names are compared after folding case,
accents and punctuation, so 'En-tête de section' matches 'en tete de section'.
"""

from __future__ import annotations

import re
import unicodedata

NAME_FAMILIES: dict[str, tuple[str, ...]] = {
    "cover": (
        "title slide",
        "titelfolie",
        "diapositive de titre",
        "diapositiva de titulo",
        "titre",
        "title",
    ),
    "content": (
        "title and content",
        "title content",
        "titel und inhalt",
        "titre et contenu",
        "titulo y objetos",
        "title and text",
        "title text",
        "titel und text",
        "content",
    ),
    "two": (
        "two content",
        "title 2 content",
        "zwei inhalte",
        "deux contenus",
        "dos objetos",
        "two objects",
        "title and 2 content",
    ),
    "comparison": ("comparison", "vergleich", "comparaison", "comparacion"),
    "title only": ("title only", "nur titel", "titre seul", "solo el titulo", "only title"),
    "section": (
        "section header",
        "abschnittsuberschrift",
        "en tete de section",
        "encabezado de seccion",
        "section",
        "divider",
    ),
    "blank": ("blank", "blank slide", "leer", "vide", "en blanco"),
}


def fold(name: str) -> str:
    """Case, accents and punctuation folded: 'Title, 2 Content' -> 'title 2 content'."""
    decomposed = unicodedata.normalize("NFKD", name)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    return " ".join(re.sub(r"[^0-9a-z]+", " ", plain).split())


def name_match(name: str, family: str) -> str | None:
    """'exact' if the folded name is one of the family's names, 'partial' if it holds one."""
    folded = fold(name)
    names = NAME_FAMILIES[family]
    if folded in names:
        return "exact"
    padded = f" {folded} "
    if any(f" {known} " in padded for known in names if len(known) > 5):
        return "partial"
    return None
