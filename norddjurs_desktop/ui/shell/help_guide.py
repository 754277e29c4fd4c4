"""The built-in guide "Sådan holder I mødet", and the "Tastatur" page made from the registry.

The guide is ours (the sources' advice retold in our own words); each step has
an anchor, so the "?" under a step opens the guide at that step. The key page
is generated from :mod:`action_registry`, so it can never list a key the app
does not have.
"""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from norddjurs_desktop.ui.common.naming import named
from norddjurs_desktop.ui.shell.action_registry import key_table

STEP_ANCHORS = (
    "forberedelse",
    "kortlaegning",
    "data",
    "prioritering",
    "handlingsplan",
    "afslutning",
)

GUIDE_HTML = """
<h1>Sådan holder I mødet</h1>
<p>Et møde med paletten tager 60–90 minutter. I sidder sammen om én computer – gerne
med kortene på storskærm – og går de seks trin igennem. Når I går fra mødet, har I en
handlingsplan, som alle kan skrive under på.</p>

<h2>Roller</h2>
<ul>
<li><b>Ordstyreren</b> (ofte AMR eller TR, ikke nødvendigvis lederen) holder tiden, giver
ordet rundt og sørger for, at alle bliver hørt.</li>
<li><b>Lederen</b> lytter først og siger sin mening til sidst, så den ikke sætter
rammen for de andre.</li>
<li><b>Referenten</b> skriver noter og handlinger direkte i programmet. Alt gemmes
med det samme.</li>
</ul>

<h2>Tryghed i rummet</h2>
<p>Samtalen virker kun, når alle tør sige, hvad de ser. Aftal derfor fra start:</p>
<ul>
<li>Vi er nysgerrige på hinandens syn – også når vi er uenige.</li>
<li>Spørgsmål, tvivl og fejl er velkomne; de er noget, vi lærer af.</li>
<li>Vi inviterer dem, der ikke har sagt noget, til at bidrage.</li>
<li>Vi taler om mønstre og arbejdsgange, aldrig om enkelte kollegers sygdom.</li>
<li>Uenighed er en del af arbejdet, og vi holder tonen venlig og respektfuld.</li>
</ul>
<p>Brug den <b>skjulte runde</b>, når I scorer: hver deltager vælger sin score uden at se
de andres, og først derefter vises alle svar. Så kan ingen stemme – heller ikke lederens –
trække de andre med sig.</p>

<h2>Tidsplan</h2>
<table cellpadding="4">
<tr><td>5 min</td><td>Forberedelse: deltagere og formål</td></tr>
<tr><td>30–40 min</td><td>Kortlægning: temaer, dialogkort og score</td></tr>
<tr><td>10 min</td><td>Data: hvad viser jeres egne tal?</td></tr>
<tr><td>10 min</td><td>Prioritering: 1–3 temaer</td></tr>
<tr><td>15–20 min</td><td>Handlingsplan</td></tr>
<tr><td>5 min</td><td>Afslutning og næste opfølgning</td></tr>
</table>

<h2><a name="forberedelse"></a>1. Forberedelse</h2>
<p>Skriv dato, forum og hvorfor I mødes. Tilføj deltagerne med navn eller initialer og
rolle. Vælg, om navne skal vises, når den skjulte runde afsløres, eller om svarene skal
være anonyme.</p>

<h2><a name="kortlaegning"></a>2. Kortlægning</h2>
<p>Vælg et tema på paletten. Læs dialogkortene højt ét ad gangen, og tal om dem – det er
ikke nødvendigt at nå alle. Skriv, hvad der virker (ressourcer), og hvad der er svært
(udfordringer). Giv derefter temaet en score fra 1 (stor udfordring) til 5 (stærk
ressource), gerne efter en skjult runde. Når svarene vises, så start med at tale om
spredningen: hvad ser de, der har scoret højt, og de, der har scoret lavt?</p>

<h2><a name="data"></a>3. Data</h2>
<p>Se på enhedens eget fravær: udviklingen over året mod målet, korte og lange forløb,
ugedage og måneder. Tallene viser mønstre, ikke personer – grupper under fem personer
vises ikke. Et tal, der overrasker jer, kan blive begrundelsen for en handling.</p>

<h2><a name="prioritering"></a>4. Prioritering</h2>
<p>Vælg de 1–3 temaer, I vil arbejde med først. Lav scorer er oplagte, men et tema, hvor
I hurtigt kan gøre en forskel, tæller også.</p>

<h2><a name="handlingsplan"></a>5. Handlingsplan</h2>
<p>Skriv for hver handling, hvad I gør, hvorfor (jeres iagttagelse), hvem der har
ansvaret, hvornår den skal være gjort, og hvordan I kan se, at den har virket. Få og
konkrete handlinger slår mange og vage.</p>

<h2><a name="afslutning"></a>6. Afslutning</h2>
<p>Skriv et kort resumé, sæt en dato for næste opfølgning, og udskriv eller gem planen
som PDF. Til opfølgningen starter I med at se på, hvordan det gik med handlingerne.</p>
"""


def keys_html() -> str:
    rows = "".join(
        f"<tr><td>{escape(what)}</td><td><b>{escape(keys)}</b></td></tr>"
        for what, keys in key_table()
    )
    return (
        "<h1>Tastatur</h1><p>Alt kan gøres uden mus. Tab flytter mellem felterne, "
        "Mellemrum og Enter trykker på knapper og fliser.</p>"
        f"<table cellpadding='4'>{rows}</table>"
    )


class HelpDialog(QDialog):
    """Non-modal: the guide can stay open beside the meeting."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Hjælp – Fremmødepaletten")
        self.resize(720, 620)
        self.guide = named(QTextBrowser(), "helpGuide")
        self.guide.setHtml(GUIDE_HTML)
        self.keys = named(QTextBrowser(), "helpKeys")
        self.keys.setHtml(keys_html())
        self.tabs = named(QTabWidget(), "helpTabs")
        self.tabs.addTab(self.guide, "Sådan holder I mødet")
        self.tabs.addTab(self.keys, "Tastatur")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(buttons)

    def show_guide(self, step: int | None = None) -> None:
        self.tabs.setCurrentWidget(self.guide)
        if step is not None and 0 <= step < len(STEP_ANCHORS):
            self.guide.scrollToAnchor(STEP_ANCHORS[step])
        else:
            self.guide.verticalScrollBar().setValue(0)
        self._raise()

    def show_keys(self) -> None:
        self.tabs.setCurrentWidget(self.keys)
        self._raise()

    def _raise(self) -> None:
        self.show()
        self.raise_()
        self.activateWindow()


def help_dialog(parent: QWidget) -> HelpDialog:
    """The one help window of the main window (made on first use)."""
    window = parent.window()
    found = window.findChild(HelpDialog)
    if found is None:
        found = HelpDialog(window)
    return found
