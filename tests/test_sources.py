"""Short citations ("Author (year)"): how slides, the chain figure's note and the dossier name
a source, from the reference as the data give it."""

import pytest

from app.core.sources import short_citation
from conftest import bundled, bundled_reference


@pytest.mark.parametrize("reference, year, short", [
    # Authors, then the year in brackets: one, two, or the first and "et al."
    ("Tubaro, P. (2022). Research blog posts: 'Artificial Intelligence and Globalization'",
     "", "Tubaro (2022)"),
    ("Tubaro, P. & Casilli, A. A. (2019). Micro-work, artificial intelligence and the "
     "automotive industry.", 2019, "Tubaro & Casilli (2019)"),
    ("Tubaro, P., Casilli, A. A. & Coville, M. (2020). The trainer, the verifier, the "
     "imitator.", "", "Tubaro et al. (2020)"),
    ("Barraud de Lagerie, P., Gros, J. & Sigalo Santos, L. (2019, 25 March). Digital labour "
     "in France.", 2019, "Barraud de Lagerie et al. (2019)"),  # a day after the year
    ("Le Ludec, C. & Cornet, M. (2023, 30 March). How low-paid workers in Madagascar power "
     "French tech's AI ambitions.", 2023, "Le Ludec & Cornet (2023)"),
    ("Agence France-Presse (2019). Première étude sur les 260.000 travailleurs du clic.", 2019,
     "Agence France-Presse (2019)"),
    # Authors without a year in the text: the year column's, if any.
    ("Cornet, M. & Le Ludec, C. Abstract of a conference talk on the whole French AI "
     "production process.", 2022, "Cornet & Le Ludec (2022)"),
    ("Cornet, M. & Le Ludec, C. Abstract of a conference talk.", "", "Cornet & Le Ludec"),
    ("Tubaro, P. Research blog posts: 'How many micro-workers?'", 2020, "Tubaro (2020)"),
    # A title or a publication first: its first words, never an open quotation.
    ("L'Humanité. Enquête. « Derrière l'intelligence artificielle \"made in France\", des "
     "exploités à Madagascar »", 2023, "L'Humanité. Enquête (2023)"),
    ("Le Monde. Interview with M. Cornet and C. Le Ludec, 'Humans are essential'", "",
     "Le Monde. Interview with M. Cornet…"),
    # A title that cites authors and a year is not by them.
    ("Ascolto colonizzato e colonizzante. Italian translation of excerpts of Tubaro & "
     "Casilli (2022)", "", "Ascolto colonizzato e colonizzante. Italian translation… (2022)"),
    ("Le Monde. «Clic» and its workers in France today", "",
     "Le Monde. «Clic» and its workers…"),  # a quotation closed within the words kept
    ("Short title", "", "Short title"),
    ("Anonymous report (n.d.). Notes.", "", "Anonymous report (n.d.)"),
])
def test_short_citation(reference, year, short):
    assert short_citation(reference, year) == short


def test_short_citation_of_every_bundled_source_is_short_and_closes_its_quotes():
    sources = [*zip(bundled().sources["citation"], bundled().sources["year"]),
               *zip(bundled_reference().sources["citation"], bundled_reference().sources["year"])]
    for citation, year in sources:
        short = short_citation(citation, year)
        assert 0 < len(short) <= 70, (citation, short)
        assert short.count("«") == short.count("»") and short.count("“") == short.count("”")
