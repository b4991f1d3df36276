"""Agency projects: hrdeck.yaml layered over the built-in curriculum (or another folder).

A project holds only what it adds or changes: a module with a built-in id replaces
it, a new module appears where an audience lists it, an audience file reorders or
drops modules, ``course:`` changes the title and presenter.  Every diagnostic names
the file of the layer where the problem is, hrdeck.yaml's own included.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from hrdeck.cli import cli
from hrdeck.curriculum.layers import project_settings
from hrdeck.diagnostics import Diagnostic
from hrdeck.errors import ContentError
from hrdeck.paths import builtin_curriculum
from hrdeck.pipeline import BuildRequest, plan_for, validate_and_lint
from hrdeck.plan.types import DeckPlan

PROJECT = """\
extends: builtin
course:
  title: Harm Reduction in Our County Court
  presenter:
    name: Sam Rivera
    organization: Lakeside Recovery Services
    email: [sam@lakeside.example]
theme: high-contrast
audiences: [court, peer]
"""

LOCAL_RESOURCES = """\
id: resources
kind: resources
title: Harm reduction resources in Lakeside County
resources:
  - name: Lakeside Syringe Services
    url: https://lakeside.example/ssp
    description: "Mon-Fri 9-5, 12 Main St: supplies, naloxone, testing"
  - name: Lakeside Crisis Line
    url: https://lakeside.example/crisis
    description: Answered around the clock by peer counselors
notes: Point to the local services first; the handout has addresses.
"""

NEW_MODULE = """\
id: county-data
kind: bullets
title: Overdose in Lakeside County
slides:
  - title: Lakeside County overdose picture
    items:
      - Naloxone is in every patrol car since 2024
      - The county syringe program opened a second site
    notes: Use the county health department's latest dashboard.
"""


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def project(tmp_path: Path, hrdeck_yaml: str = PROJECT) -> Path:
    root = tmp_path / "agency"
    write(root / "hrdeck.yaml", hrdeck_yaml)
    write(root / "modules" / "24-resources.yaml", LOCAL_RESOURCES)
    return root


def court_audience(*changes: tuple[str, str]) -> str:
    """The built-in court audience with lines of its module list replaced."""
    text = (builtin_curriculum() / "audiences" / "court.yaml").read_text(encoding="utf-8")
    for old, new in changes:
        assert old in text
        text = text.replace(old, new, 1)
    return text


def titles(plan: DeckPlan) -> list[str]:
    return [slide.title for slide in plan.slides]


def module_order(plan: DeckPlan) -> list[str]:
    return list(dict.fromkeys(slide.module_id for slide in plan.slides))


def errors_of(root: Path) -> list[Diagnostic]:
    curriculum, diagnostics = validate_and_lint(root)
    assert curriculum is None
    return [d for d in diagnostics if d.is_error]


# -- layering --------------------------------------------------------------------------


def test_a_project_module_with_a_builtin_id_replaces_it(tmp_path: Path) -> None:
    plan, _ = plan_for(BuildRequest(project(tmp_path), "court"))
    [resources] = [s for s in plan.slides if s.kind == "resources"]
    assert resources.title == "Harm reduction resources in Lakeside County"
    text = " ".join(p.text for b in resources.blocks for p in b.paras)
    assert "Lakeside Syringe Services" in text and "Lakeside Crisis Line" in text
    assert "Harm Reduction International" not in text  # the built-in list is gone
    assert module_order(plan).count("resources") == 1


def test_course_fields_in_hrdeck_yaml_reach_the_cover_and_closing(tmp_path: Path) -> None:
    plan, _ = plan_for(BuildRequest(project(tmp_path), "peer"))
    assert plan.course_title == "Harm Reduction in Our County Court"
    cover = plan.slides[0]
    assert cover.title == "Harm Reduction in Our County Court"
    presenter = " ".join(p.text for p in cover.blocks[0].paras)
    assert "Sam Rivera" in presenter and "sam@lakeside.example" in presenter
    assert presenter.endswith("Curriculum by Dr. Delores Blackwell, LCSW")  # credit, no contact
    closing = " ".join(p.text for b in plan.slides[-1].blocks for p in b.paras)
    assert "sam@lakeside.example" in closing and "Curriculum by Dr. Delores Blackwell" in closing


def test_the_rest_of_the_builtin_curriculum_is_kept(tmp_path: Path) -> None:
    builtin, _ = plan_for(BuildRequest(builtin_curriculum(), "court"))
    layered, _ = plan_for(
        BuildRequest(project(tmp_path, "extends: builtin\n"), "court")
    )  # same theme
    assert module_order(layered) == module_order(builtin)
    local = "Harm reduction resources in Lakeside County"
    kept = [t for t in titles(builtin) if not t.startswith("Harm reduction resources (cont.")]
    swapped = [local if t == "Harm reduction resources" else t for t in kept]
    assert titles(layered) == swapped  # the project's shorter list needs one slide


def test_a_new_module_appears_where_the_projects_audience_lists_it(tmp_path: Path) -> None:
    root = project(tmp_path)
    write(root / "modules" / "30-county-data.yaml", NEW_MODULE)
    why = "{id: why-it-matters, minutes: 5, short: 3, core: false, priority: 2}\n"
    audience = court_audience((why, why + "  - {id: county-data, minutes: 4}\n"))
    write(root / "audiences" / "court.yaml", audience)
    court, _ = plan_for(BuildRequest(root, "court"))
    order = module_order(court)
    assert order.index("county-data") == order.index("why-it-matters") + 1
    assert "Lakeside County overdose picture" in titles(court)
    peer, _ = plan_for(BuildRequest(root, "peer"))  # peer's built-in audience does not list it
    assert "county-data" not in module_order(peer)


def test_a_projects_audience_file_can_drop_and_reorder_modules(tmp_path: Path) -> None:
    root = project(tmp_path)
    benefits = "{id: benefits, minutes: 3, short: 2, core: false, priority: 13}\n"
    text = court_audience(
        ("  - {id: myths, minutes: 10, short: 5}\n", ""),
        ("  - {id: challenges, minutes: 4, short: 2, core: false, priority: 12}\n", ""),
        (benefits, benefits + "  - {id: myths, minutes: 10}\n"),
    )
    write(root / "audiences" / "court.yaml", text)
    plan, _ = plan_for(BuildRequest(root, "court"))
    order = module_order(plan)
    assert "challenges" not in order
    assert order.index("myths") == order.index("benefits") + 1
    builtin_peer, _ = plan_for(BuildRequest(builtin_curriculum(), "peer"))
    layered_peer, _ = plan_for(BuildRequest(root, "peer"))  # other audiences are untouched
    assert module_order(layered_peer) == module_order(builtin_peer)


def test_extends_may_name_a_curriculum_folder_by_path(tmp_path: Path) -> None:
    base = tmp_path / "state-curriculum"
    shutil.copytree(builtin_curriculum(), base)
    root = project(tmp_path, PROJECT.replace("extends: builtin", "extends: ../state-curriculum"))
    plan, _ = plan_for(BuildRequest(root, "court"))
    [resources] = [s for s in plan.slides if s.kind == "resources"]
    assert resources.title == "Harm reduction resources in Lakeside County"


def test_projects_can_stack_a_project_over_a_project(tmp_path: Path) -> None:
    state = project(tmp_path)  # tmp/agency: resources replaced
    county = tmp_path / "county"
    write(county / "hrdeck.yaml", "extends: ../agency\ncourse:\n  title: County Edition\n")
    write(county / "modules" / "30-county-data.yaml", NEW_MODULE)
    plan, _ = plan_for(BuildRequest(county, "court"))
    assert plan.course_title == "County Edition"
    assert any(s.title == "Harm reduction resources in Lakeside County" for s in plan.slides)
    assert state.is_dir()


def test_project_settings_give_the_default_theme_and_audiences(tmp_path: Path) -> None:
    settings = project_settings(project(tmp_path))
    assert settings is not None
    assert settings.theme == "high-contrast"
    assert settings.audiences == ("court", "peer")
    assert project_settings(builtin_curriculum()) is None


def test_build_in_a_project_makes_its_listed_audiences_in_its_theme(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = project(tmp_path)
    monkeypatch.chdir(root)
    result = CliRunner().invoke(cli, ["build"])
    assert result.exit_code == 0, result.stderr
    decks = sorted(p.name for p in (root / "build").glob("*.pptx"))
    assert decks == ["hr-mandated-clients-court.pptx", "hr-mandated-clients-peer.pptx"]
    assert "built 2 audience(s)" in result.stderr


# -- diagnostics name the layer ----------------------------------------------------------


def test_an_error_in_a_project_module_names_the_project_file(tmp_path: Path) -> None:
    root = project(tmp_path)
    broken = LOCAL_RESOURCES.replace("    description: Answered", "    descripton: Answered")
    write(root / "modules" / "24-resources.yaml", broken)
    [found] = errors_of(root)
    assert found.code == "unknown-key"
    assert Path(found.loc.file).resolve() == (root / "modules" / "24-resources.yaml").resolve()
    assert found.loc.line == 10
    assert "description" in (found.hint or "")


def test_an_error_in_the_base_layer_names_the_base_file(tmp_path: Path) -> None:
    base = tmp_path / "state-curriculum"
    shutil.copytree(builtin_curriculum(), base)
    myths = base / "modules" / "06-myths.yaml"
    myths.write_text(myths.read_text(encoding="utf-8").replace("kind: myths", "kind: mythz", 1))
    root = project(tmp_path, PROJECT.replace("extends: builtin", "extends: ../state-curriculum"))
    found = errors_of(root)
    assert found and {Path(d.loc.file).resolve() for d in found} == {myths.resolve()}


def test_an_unknown_key_in_hrdeck_yaml_is_located_with_a_hint(tmp_path: Path) -> None:
    root = project(tmp_path, PROJECT.replace("theme: high-contrast", "theem: high-contrast"))
    [found] = errors_of(root)
    assert found.code == "unknown-key"
    assert Path(found.loc.file).name == "hrdeck.yaml"
    assert (found.loc.line, found.loc.col) == (8, 1)
    assert "theme" in (found.hint or "")


def test_extends_naming_a_missing_folder_is_located(tmp_path: Path) -> None:
    root = project(tmp_path, PROJECT.replace("extends: builtin", "extends: ../nowhere"))
    found = errors_of(root)
    [missing] = [d for d in found if d.code == "missing-base"]
    assert Path(missing.loc.file).name == "hrdeck.yaml"
    assert (missing.loc.line, missing.loc.col) == (1, 10)
    assert "../nowhere" in missing.message and "builtin" in (missing.hint or "")


def test_a_project_extending_itself_is_reported_not_looped(tmp_path: Path) -> None:
    root = project(tmp_path, PROJECT.replace("extends: builtin", "extends: ."))
    found = errors_of(root)
    assert [d.code for d in found] == ["extends-cycle"]


def test_a_circle_of_projects_is_one_error_naming_the_circle(tmp_path: Path) -> None:
    write(tmp_path / "p" / "hrdeck.yaml", "extends: ../q\n")
    write(tmp_path / "q" / "hrdeck.yaml", "extends: ../p\n")
    [cycle] = errors_of(tmp_path / "p")
    assert cycle.code == "extends-cycle"
    assert Path(cycle.loc.file).parent.name == "q"
    first, second = (tmp_path / "p").resolve(), (tmp_path / "q").resolve()
    assert cycle.message == f"'extends' goes round in a circle: {first} -> {second} -> {first}"


def test_more_than_eight_stacked_projects_is_one_error(tmp_path: Path) -> None:
    for n in range(10):
        base = f"../p{n + 1}" if n < 9 else "builtin"
        write(tmp_path / f"p{n}" / "hrdeck.yaml", f"extends: {base}\n")
    [deep] = errors_of(tmp_path / "p0")
    assert deep.code == "extends-cycle"
    assert "more than 8 layers" in deep.message


@pytest.mark.parametrize("target", ["/dev/zero", "hrdeck.yaml", "../nowhere"])
def test_extends_naming_no_folder_is_the_only_error(tmp_path: Path, target: str) -> None:
    write(tmp_path / "p" / "hrdeck.yaml", f"extends: {target}\n")
    assert [d.code for d in errors_of(tmp_path / "p")] == ["missing-base"]


def test_validate_in_a_project_reports_with_file_line_col_and_exit_1(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = project(tmp_path, PROJECT + "colour: teal\n")
    monkeypatch.chdir(root)
    result = CliRunner().invoke(cli, ["validate"])
    assert result.exit_code == 1
    assert "hrdeck.yaml:10:1: error[unknown-key]" in result.stderr


def test_build_of_an_invalid_project_writes_nothing(tmp_path: Path) -> None:
    root = project(tmp_path, PROJECT.replace("extends: builtin", "extends: ../nowhere"))
    with pytest.raises(ContentError):
        plan_for(BuildRequest(root, "court"))
    result = CliRunner().invoke(cli, ["build", str(root), "--out", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert not (tmp_path / "out").exists()


def test_a_projects_own_title_module_is_kept_as_written(tmp_path: Path) -> None:
    root = project(tmp_path)
    write(root / "modules" / "01-title.yaml", "id: title\nkind: title\ntitle: Our Own Cover\n")
    plan, _ = plan_for(BuildRequest(root, "court"))
    assert plan.slides[0].title == "Our Own Cover"
    assert plan.course_title == "Harm Reduction in Our County Court"
