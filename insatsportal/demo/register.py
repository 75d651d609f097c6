"""The demo förbund's register: Samordningsförbundet Uppsala län as the seeds show it."""

ASSOCIATION = {
    "name": "Samordningsförbundet Uppsala län",
    "short_name": "Samordningsförbundet",
    "director_name": "Åsa Fichtel",
    "director_title": "Förbundschef",
    "max_period_months": 36,
}

# (year, summary, [(priority group, keywords)])
DIRECTIONS = [
    (
        2018,
        "Insatser kan vara individinriktade eller strukturövergripande, "
        "även kompetenshöjande insatser för personal.",
        [
            ("Unga med funktionsnedsättning och/eller aktivitetsersättning",
             "funktionsnedsättning, aktivitetsersättning, unga"),
            ("Personer med långvarigt bidrags- och/eller ersättningsberoende",
             "försörjningsstöd, långvarigt, bidrag, ersättningsberoende, långtidsarbetslös"),
        ],
    ),
    (
        2022,
        "Samordnade insatser för personer som står långt från arbetsmarknaden.",
        [
            ("Unga 16–29 år som varken arbetar eller studerar",
             "unga, varken arbetar eller studerar, hemmasittare, 16-29, 20-29"),
            ("Personer med långvarigt försörjningsstöd",
             "försörjningsstöd, långvarigt, långtidsarbetslös"),
            ("Personer med psykisk ohälsa", "psykisk ohälsa, ohälsa"),
        ],
    ),
]

KOMMUNER = [
    # (canonical name, variants, e-mail domains, units)
    ("Enköpings kommun", ["Enköping", "Enköpings Kommun"], ["enkoping.se"],
     ["Arbetsmarknadsenheten", "Utbildningsförvaltningen", "Socialförvaltningen"]),
    ("Heby kommun", ["Heby"], ["heby.se"], []),
    ("Håbo kommun", ["Håbo", "Håbo Kommun"], ["habo.se"], ["Socialförvaltningen"]),
    ("Knivsta kommun", ["Knivsta", "Knivsta Kommun"], ["knivsta.se"],
     ["Vård- och omsorgskontoret", "Utbildningskontoret"]),
    ("Tierps kommun", ["Tierp", "Tierp kommun"], ["tierp.se"], []),
    ("Uppsala kommun", ["Uppsala Kommun"], ["uppsala.se"], ["Arbetsmarknadsförvaltningen"]),
    ("Älvkarleby kommun", ["Älvkarleby"], ["alvkarleby.se"], []),
    ("Östhammars kommun", ["Östhammar", "Östhammar kommun"], ["osthammar.se"], []),
]

OTHER_MEMBERS = [
    ("Region Uppsala", "region", ["Regionen", "Landstinget", "Landstinget i Uppsala län",
                                  "Region Uppsala län"], ["regionuppsala.se"], []),
    ("Arbetsförmedlingen", "af", ["AF", "Arbetsförmedlingen Uppsala", "Arbetsförmedling"],
     ["arbetsformedlingen.se"], []),
    ("Försäkringskassan", "fk", ["FK", "Försäkringskassan Uppsala"],
     ["forsakringskassan.se"], []),
]

# (member, unit or None, name, title, e-mail) as the seeds name them.
CONTACTS = [
    ("Knivsta kommun", "Vård- och omsorgskontoret", "Catrin Josephson", "Socialchef",
     "catrin.josephson@knivsta.se"),
    ("Arbetsförmedlingen", None, "Wictoria Palmetorp", "",
     "wictoria.palmetorp@arbetsformedlingen.se"),
    ("Region Uppsala", None, "Carina Backström", "", "carina.backstrom@regionuppsala.se"),
    ("Försäkringskassan", None, "Carina Hagelin-Kjällman", "",
     "carina.hagelin-kjallman@forsakringskassan.se"),
    ("Håbo kommun", None, "Catrin Josephson", "", "catrin.josephson@habo.se"),
    ("Arbetsförmedlingen", None, "Carina Bergman", "", "carina.bergman@arbetsformedlingen.se"),
    ("Försäkringskassan", None, "Marika Söderberg", "", "marika.soderberg@forsakringskassan.se"),
    ("Region Uppsala", None, "Birgitta Pleijel", "", "birgitta.pleijel@regionuppsala.se"),
    ("Enköpings kommun", "Arbetsmarknadsenheten", "Viveca Raim", "Enhetschef",
     "viveca.raim@enkoping.se"),
]

# LOKUS group members by e-mail (a few per group, from the contacts above).
LOKUS_MEMBERS = {
    "Knivsta kommun": ["catrin.josephson@knivsta.se", "wictoria.palmetorp@arbetsformedlingen.se",
                       "carina.backstrom@regionuppsala.se",
                       "carina.hagelin-kjallman@forsakringskassan.se"],
    "Håbo kommun": ["catrin.josephson@habo.se", "carina.bergman@arbetsformedlingen.se",
                    "marika.soderberg@forsakringskassan.se", "birgitta.pleijel@regionuppsala.se"],
    "Enköpings kommun": ["viveca.raim@enkoping.se", "wictoria.palmetorp@arbetsformedlingen.se"],
}
