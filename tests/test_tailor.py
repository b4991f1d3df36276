"""Tailoring: variants resolved, audience filters applied and reported, vocabulary swapped."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest

from hrdeck.curriculum.model import Citation, Image, Item, Myth, Resource, Variants, VocabularyRule
from hrdeck.errors import UsageError
from hrdeck.tailor import compile_vocabulary, tailor
from tests.factories import audience, curriculum, item, module, only, slide, variants

MINUTES = {"intro": 5, "strategies": 10}


def course_for(*modules: Any, vocabulary: dict[str, tuple[str, ...]] | None = None) -> Any:
    mods = list(modules) or [module("intro", "section"), module("strategies")]
    minutes = {m.id: 5 for m in mods}
    court = audience("court", minutes, vocabulary)
    return curriculum(mods, [court, audience("peer", minutes), audience("clinician", {})])


def walk(value: Any) -> list[Any]:
    """Every value reachable from a dataclass tree."""
    found = [value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        for f in dataclasses.fields(value):
            found += walk(getattr(value, f.name))
    elif isinstance(value, tuple):
        for v in value:
            found += walk(v)
    return found


def test_modules_follow_the_audience_order_with_their_minutes():
    mods = [module("a"), module("b"), module("c")]
    cur = curriculum(mods, [audience("court", {"c": 3, "a": 7})])
    tailored = tailor(cur, "court")
    assert [(t.module.id, t.minutes) for t in tailored.modules] == [("c", 3.0), ("a", 7.0)]
    assert tailored.total_minutes == 10


def test_outline_modules_this_audience_does_not_use_are_reported():
    mods = [module("a"), module("b")]
    tailored = tailor(curriculum(mods, [audience("court", {"a": 3})]), "court")
    assert [(d.what, d.reason) for d in tailored.dropped] == [
        ("module 'b'", "not in the module list of court")
    ]


def test_variants_resolve_to_the_audience_value_else_the_default():
    title = variants("Default title", peer="Peer title")
    mod = module("m", slides=(slide(title, "x"),))
    assert tailor(course_for(mod), "peer").modules[0].module.slides[0].title == "Peer title"
    assert tailor(course_for(mod), "court").modules[0].module.slides[0].title == "Default title"


def test_list_variants_resolve_to_the_audience_list():
    questions = Variants(("Default?",), (("court", ("Bench?", "Consent?")),))
    mod = module("case", "case", narrative="Anthony...", questions=questions)
    assert tailor(course_for(mod), "court").modules[0].module.questions == ("Bench?", "Consent?")
    assert tailor(course_for(mod), "peer").modules[0].module.questions == ("Default?",)


def test_no_variants_or_audience_filters_remain():
    mod = module(
        "m",
        title=variants("T", court="Court T"),
        slides=(
            slide(
                variants("S", peer="P"),
                item(variants("x", court="y"), item("deep")),
                notes=variants("n", court="m"),
                audiences=only("court", "peer"),
            ),
        ),
        myths=(Myth(variants("myth"), "fact", "notes", audiences=only("court")),),
        audiences=only("court", "clinician"),
    )
    tailored = tailor(course_for(mod), "court")
    values = walk(tailored.modules)
    assert not any(isinstance(v, Variants) for v in values)
    assert all(getattr(v, "audiences", None) is None for v in values)


@pytest.mark.parametrize(
    ("node", "what"),
    [
        (item("peer only", audiences=only("peer")), "item 'peer only'"),
        (slide("Peer slide", "x", audiences=only("peer"), line=12), "slide 'Peer slide'"),
    ],
)
def test_filtered_items_and_slides_are_dropped_and_reported(node: Any, what: str):
    slides = (slide("Shown", node),) if isinstance(node, Item) else (node, slide("Shown"))
    tailored = tailor(course_for(module("m", slides=slides)), "court")
    shown = tailored.modules[0].module.slides
    assert [s.title for s in shown] == ["Shown"]
    assert all(i.text != "peer only" for i in shown[0].items)
    dropped = [d for d in tailored.dropped if d.what == what]
    assert len(dropped) == 1
    assert dropped[0].reason == "only for peer"
    assert str(dropped[0]).startswith(f"dropped {what} (modules/test.yaml:")


def test_filtered_myths_and_resources_are_dropped():
    mod = module(
        "m",
        myths=(Myth("kept", "f", "n"), Myth("gone", "f", "n", audiences=only("peer"))),
        resources=(
            Resource("NHRC", "https://harmreduction.org"),
            Resource("All Rise", "https://allrise.org", audiences=only("court")),
        ),
    )
    result = tailor(course_for(mod), "peer").modules[0].module
    assert [m.myth for m in result.myths] == ["kept", "gone"]
    result = tailor(course_for(mod), "court").modules[0].module
    assert [m.myth for m in result.myths] == ["kept"]
    assert [r.name for r in result.resources] == ["NHRC", "All Rise"]


def test_module_for_other_audiences_is_dropped_even_if_listed():
    mod = module("peer-only", audiences=only("peer"))
    tailored = tailor(course_for(mod), "court")
    assert tailored.modules == ()
    assert [(d.what, d.reason) for d in tailored.dropped] == [
        ("module 'peer-only'", "only for peer")
    ]


def test_unknown_audience_is_a_usage_error_naming_the_known_ones():
    with pytest.raises(UsageError, match="known: court, peer, clinician"):
        tailor(course_for(), "judges")


VOCAB = compile_vocabulary(
    (
        VocabularyRule("people who use drugs", ("PWUD",)),
        VocabularyRule("person with a substance use disorder", ("addict", "drug addict")),
        VocabularyRule("medications for opioid use disorder", ("MAT",)),
    )
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Services for PWUD.", "Services for people who use drugs."),
        ("PWUD lead the work.", "People who use drugs lead the work."),
        ("Every addict deserves care", "Every person with a substance use disorder deserves care"),
        ("Addict is a label.", "Person with a substance use disorder is a label."),
        ("a drug addict here", "a person with a substance use disorder here"),
        ("addiction and addictive", "addiction and addictive"),
        ("MATTER and format", "MATTER and format"),
        ("MAT-funded programs", "MAT-funded programs"),
        ("[PWUD](https://x.org/PWUD) here", "[People who use drugs](https://x.org/PWUD) here"),
        ("Visit https://x.org/addict/page today", "Visit https://x.org/addict/page today"),
        ("Run `addict` as code", "Run `addict` as code"),
        ("Notes. Addict is next", "Notes. Person with a substance use disorder is next"),
    ],
)
def test_vocabulary_swaps_whole_words_outside_urls_and_code(text: str, expected: str):
    assert VOCAB.apply(text) == expected


def test_vocabulary_applies_to_text_fields_but_not_ids_urls_or_citations():
    citation = Citation("k", (), 2020, "The addict in the courtroom")
    mod = module(
        "m",
        title="Myths about PWUD",
        slides=(slide("About PWUD", "PWUD care", image=Image("images/PWUD.png", "PWUD photo")),),
        resources=(Resource("PWUD union", "https://example.org/PWUD", "For PWUD"),),
        citations=(citation,),
        cite=("PWUD",),
    )
    result = tailor(course_for(mod, vocabulary={"people who use drugs": ("PWUD",)}), "court")
    got = result.modules[0].module
    assert got.title == "Myths about people who use drugs"
    assert got.slides[0].items[0].text == "People who use drugs care"  # starts a bullet
    assert got.slides[0].image is not None
    assert got.slides[0].image.path == "images/PWUD.png"
    assert got.slides[0].image.alt == "People who use drugs photo"
    assert got.resources[0].url == "https://example.org/PWUD"
    assert got.resources[0].description == "For people who use drugs"
    assert got.citations == (citation,)
    assert got.cite == ("PWUD",)


def test_vocabulary_is_per_audience():
    mod = module("m", title="Myths about PWUD")
    cur = course_for(mod, vocabulary={"people who use drugs": ("PWUD",)})
    assert tailor(cur, "peer").modules[0].module.title == "Myths about PWUD"
