"""The mapping part of the plan: each theme's score, notes and card notes, and priorities.

A theme the group said nothing about takes one short line; a theme with notes
gets its two columns (what works, what doesn't) and, when asked for, what was
written beside its dialogue cards. Notes on cards of the other decks follow
under their deck and theme.
"""

from __future__ import annotations

from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from norddjurs_desktop.domain.plan import ActionPlan, PlanCardNote, PlanTheme
from norddjurs_desktop.domain.scoring import score_label
from norddjurs_desktop.reports.palette_figure import round_summary
from norddjurs_desktop.reports.plan_styles import GRID, FlowingTable, labelled, markup, para, short


def score_words(theme: PlanTheme) -> str:
    return "ikke scoret" if theme.score is None else f"score {score_label(theme.score)}"


def _theme_heading(theme: PlanTheme, tail: str = "") -> str:
    parts = [f"<b>{escape(theme.title)}</b>", escape(score_words(theme))]
    if theme.priority is not None:
        parts.append(f"<b>Prioritet {theme.priority}</b>")
    if tail:
        parts.append(f"<i>{escape(tail)}</i>")
    return " · ".join(parts)


def _card_note_flow(notes: tuple[PlanCardNote, ...], s: dict[str, ParagraphStyle],
                    heading: str) -> list[Flowable]:
    flow: list[Flowable] = [Paragraph(heading, s["label"])] if notes else []
    for note in notes:
        flow.append(labelled(Paragraph(f"Kort: {markup(note.card_text)}", s["card"]),
                             f"Noten til kortet '{short(note.card_text)}'"))
        flow.append(para(note.note, s["card_note"]))
    return flow


def _notes_table(theme: PlanTheme, s: dict[str, ParagraphStyle], width: float) -> Table:
    half = width / 2
    table = FlowingTable(
        [[Paragraph("Ressourcer – det der virker", s["label"]),
          Paragraph("Udfordringer – det der ikke virker", s["label"])],
         [para(theme.resources, s["small"]), para(theme.challenges, s["small"])]],
        colWidths=(half, half), splitInRow=1, repeatRows=1,
    )
    table.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, 0), 0.4, GRID),
        ("LINEAFTER", (0, 0), (0, -1), 0.4, GRID),
        ("LEFTPADDING", (0, 0), (0, -1), 0),
        ("LEFTPADDING", (1, 0), (1, -1), 8),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]))
    return labelled(table, f"Noterne til temaet '{short(theme.title)}'")


def _theme_block(theme: PlanTheme, s: dict[str, ParagraphStyle], width: float,
                 lead: list[Flowable], with_cards: bool) -> list[Flowable]:
    """One theme; short blocks are kept on one page with any heading in ``lead``."""
    cards = theme.card_notes if with_cards else ()
    has_notes = bool(theme.resources.strip() or theme.challenges.strip())
    held = theme.spread is not None and bool(theme.spread.scores or theme.spread.passes)
    round_line = ([Paragraph(escape(round_summary(theme.spread)), s["note"])]
                  if held and theme.spread is not None else [])
    if not has_notes and not cards:
        line = Paragraph(_theme_heading(theme, "ingen noter"), s["body"])
        return [KeepTogether([*lead, Spacer(1, 4), line, *round_line])]
    flow: list[Flowable] = [*lead, Paragraph(_theme_heading(theme), s["h2"]), *round_line]
    if round_line:
        flow.append(Spacer(1, 3))
    if has_notes:
        flow.append(_notes_table(theme, s, width))
    flow.extend(_card_note_flow(cards, s, "Noter ved kortene"))
    return [KeepTogether(flow)]


def _other_notes(notes: tuple[PlanCardNote, ...], s: dict[str, ParagraphStyle]) -> list[Flowable]:
    if not notes:
        return []
    flow: list[Flowable] = [Paragraph("Noter ved kort fra de andre kortsæt", s["h1"])]
    groups: dict[str, list[PlanCardNote]] = {}
    for note in notes:
        groups.setdefault(note.group, []).append(note)
    for group, items in groups.items():
        flow.extend(_card_note_flow(tuple(items), s, group))
        flow.append(Spacer(1, 4))
    return flow


def mapping_section(plan: ActionPlan, s: dict[str, ParagraphStyle], width: float,
                    with_cards: bool = True) -> list[Flowable]:
    heading = Paragraph("Kortlægning: ressourcer og udfordringer", s["h1"])
    shown = [t for t in plan.themes if t.score is not None or t.resources.strip()
             or t.challenges.strip() or (with_cards and t.card_notes)]
    flow: list[Flowable] = [] if shown else [heading]
    for index, theme in enumerate(shown):
        flow.extend(_theme_block(theme, s, width, [heading] if index == 0 else [], with_cards))
    unscored = [t.title for t in plan.themes if t not in shown]
    if unscored:
        flow.append(Spacer(1, 6))
        flow.append(Paragraph("<b>Ikke scoret og uden noter:</b> "
                              + escape(", ".join(unscored)) + ".", s["body"]))
    if with_cards:
        flow.extend(_other_notes(plan.other_card_notes, s))
    chosen = [
        Paragraph(f"<b>Prioritet {theme.priority}: {escape(theme.title)}</b> "
                  f"({escape(score_words(theme))})", s["body"])
        for theme in plan.prioritised
    ] or [Paragraph("Gruppen har ikke prioriteret temaer.", s["body"])]
    flow.append(KeepTogether([Paragraph("Prioriterede temaer", s["h1"]), *chosen]))
    return flow
