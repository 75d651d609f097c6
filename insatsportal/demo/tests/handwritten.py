"""The three seed applications (000, 001, 002) as plain dicts, written by hand from the
documents (OCR damage corrected). The demo used to be built from these; now it imports the
seeds, and test_demo_import.py compares what the importer reads with them field by field.
"""

from insatsportal.applications.agreement import DEFAULT_TEXT

S = "salary"
A = "association"
C = "co_financing"


def _salary(title, percent, start, end, *amounts, funding=A):
    return {"funding": funding, "section": S, "title": title, "percent": percent,
            "period_from": start, "period_to": end, "amounts": list(amounts)}


def _cost(category, *amounts, funding=A):
    return {"funding": funding, "category": category, "amounts": list(amounts)}


def _free(section, title, *amounts):
    return {"funding": C, "section": section, "title": title, "amounts": list(amounts)}


def _year(index, year, salary="0", premises="0", other="0"):
    return {"index": index, "year": year, "salary": salary, "premises": premises, "other": other}


EN_VAG_IN = {
    "name": "En väg in – steget vidare",
    "owner": "Knivsta kommun",
    "owner_unit": "Vård- och omsorgskontoret",
    "contact_name": "Catrin Josephson",
    "contact_title": "Socialchef",
    "contact_email": "catrin.josephson@knivsta.se",
    "partners": [
        {"member": "Arbetsförmedlingen", "contact_name": "Wictoria Palmetorp",
         "contact_email": "wictoria.palmetorp@arbetsformedlingen.se"},
        {"member": "Region Uppsala", "contact_name": "Carina Backström",
         "contact_email": "carina.backstrom@regionuppsala.se"},
        {"member": "Försäkringskassan", "contact_name": "Carina Hagelin-Kjällman",
         "contact_email": "carina.hagelin-kjallman@forsakringskassan.se"},
    ],
    "purpose": (
        "Att utveckla samverkansrutiner/plattform med berörda samverkansparter för att stödja "
        "individer som är i behov av samordnad arbetslivsinriktad rehabilitering samt personer "
        "som har behov av individuellt utformat stöd, till studier eller arbete oavsett "
        "ersättningsform i enlighet med samverkansorganisationerna.\n\n"
        "Att skapa aktiviteter i samverkan med Region Uppsala, Arbetsförmedlingen, "
        "Försäkringskassan och utbildningskontoret Knivsta kommun för personer (16–64 år) som är "
        "i behov av förrehabiliterande insats där syftet är att möjliggöra stegförflyttning "
        "närmare arbetsmarknaden eller studier eller att påbörja arbetslivsinriktad "
        "rehabilitering.\n\n"
        "Att samordna samtliga kommuninterna insatser med bäring på arbetsmarknadsfrågorna för "
        "att därmed i så tidigt skede som möjligt kunna identifiera individer med behov av "
        "samverkansinsatsens stöd och aktiviteter, för att kunna utveckla arbetet med olika "
        "praktikplatser, starta upp en ny samverkan med kommunens arbetsgivare för att "
        "möjliggöra utökad arbetsträning för målgruppen och även få en mer samlad samverkan "
        "kommun–arbetsförmedling kring målgruppen."
    ),
    "goals": [
        {"kind": "overall", "text": (
            "Utveckla och upprätta tydliga samverkansrutiner med Region Uppsala, "
            "Arbetsförmedlingen, Försäkringskassan och Knivsta kommun för personer som är i "
            "behov av samordnad arbetslivsinriktad rehabilitering, individuellt utformat stöd "
            "eller riskerar ett utanförskap.")},
        {"kind": "overall", "text": (
            "Med individuellt stöd möjliggöra en ökning av andelen individer som gör "
            "stegförflyttning närmare arbetsmarknaden eller studier.")},
        {"kind": "outcome", "text": (
            "100 % av deltagarna som genomgått insatsen ska ha en handlingsplan vilken ska vara "
            "förankrad hos hen och vid respektive myndighet/uppdragsgivare. Knivsta kommun är "
            "ansvarig för att revidera handlingsplanen var tredje månad."),
         "target_kind": "share_with_action_plan", "target_value": "100", "target_unit": "%"},
        {"kind": "outcome", "text": (
            "Vid genomförd insats och avslut erbjuds deltagaren ett avslutningssamtal där "
            "individens fortsatta planering klargörs. Detta förankras även vid respektive "
            "myndighet/uppdragsgivare.")},
        {"kind": "outcome", "text": "Minst 15 personer ska skrivas ut till arbete eller studier.",
         "target_kind": "discharged_to_work_or_studies", "target_value": "15",
         "target_unit": "under insatsperioden"},
        {"kind": "outcome", "text": (
            "Av de som i insatsen skrivs ut till arbete eller studier ska 15 slumpmässigt utvalda "
            "individer följas upp 6 månader efter avslut."),
         "target_kind": "followed_up", "target_value": "15",
         "target_unit": "6 månader efter avslut"},
        {"kind": "outcome", "text": "En etablerad kommunövergripande praktikplatsbank."},
        {"kind": "outcome", "text": (
            "En etablerad kontakt med arbetsgivarna i kommunen, för utökade och "
            "individanpassade arbetsträningsmöjligheter för målgruppen.")},
        {"kind": "output", "text": (
            "Operativa avstämningar minst 6 gånger per år med alla samverkansparter, för "
            "upprätthållande av samverkan och omvärldsbevakning."),
         "target_kind": "meetings_per_year", "target_value": "6", "target_unit": "per år"},
        {"kind": "output", "text": (
            "120 individer ska få stöd av insatsen vilket fördelas/innebär 60 individer per år."),
         "target_kind": "participants_per_year", "target_value": "60", "target_unit": "per år"},
        {"kind": "output", "text": (
            "Deltagarnas progression mot arbete ska följas upp genom BIP var tredje månad.")},
    ],
    "background": (
        "Under år 2021 har LOKUS Knivsta identifierat ett behov av att tidigare insats ”En väg "
        "in – flera vägar ut” vidareutvecklas. Bakgrunden till detta behov är den långtgående "
        "samhällspåverkan som orsakats av sjukdomen Covid-19.\n\n"
        "Arbetsförmedlingens månadsstatistik visar en ökning av arbetslöshetsnivån i Knivsta "
        "kommun där man ser att det framför allt drabbar de yngre. Samtidigt ser man en ökning "
        "av psykisk ohälsa i samhället hos unga. Skillnaden mellan februari 2020 och februari "
        "2021 för öppet arbetslösa och sökande i program ger en ökning med 61 % i Knivsta.\n\n"
        "Det finns ett identifierat behov av att säkerställa att fler ungdomar avslutar sina "
        "studier med gymnasiekompetens. En väg in – steget vidare kommer att göra en extra "
        "satsning på att motivera till studier under förlängningsperioden med bland annat "
        "gruppaktiviteter, studiebesök, träna studieteknik och andra individuella insatser.\n\n"
        "Lokus Knivsta önskar under 2022/2023 utöka målgruppen för insatsen med unga från 16 år, "
        "i nära samarbete med kommunens ansvariga för det kommunala aktivitetsansvaret."
    ),
    "planned_start": "2022-01-01",
    "planned_end": "2023-12-31",
    "last_intake_date": "2023-10-31",
    "target_group": (
        "Personer som är i behov av samordnade insatser för inträde eller återgång till "
        "arbetsmarknaden eller studier oavsett ersättningsform i enlighet med "
        "samverkansorganisationerna.\n\n"
        "Unga som varken arbetar eller studerar som är i behov av förrehabilitering/"
        "arbetsförberedande insats i form av motiverande och aktiverande insats.\n\n"
        "Kvotflyktingar med behov av samordnad rehabilitering som får 15 timmar/vecka på SFI."
    ),
    "age_min": 16,
    "age_max": 64,
    "participants_per_year": 60,
    "participants_total": 120,
    "participants_text": (
        "120 individer ska få stöd av insatsen vilket fördelas/innebär 60 individer per år."
    ),
    "methods": ["IPS", "Gruppverksamhet", "BIP/SMAIL", "Flerpartsmöten"],
    "methods_text": (
        "IPS-inspirerat arbetssätt.\n\n"
        "8 veckor gruppverksamhet, motiverande och aktiverande insats, 4 veckor personlig "
        "utveckling och 4 veckor arbetsmarknad. Gruppverksamheten följs av fortsatt planering "
        "och en individuell handlingsplan.\n\n"
        "Arbete med progressionsmätning enligt BIP (Beskæftigelses Indikator Projektet). "
        "Rutin för flerpartssamverkan/flerpartsmöten med individen i fokus."
    ),
    "staffing": [
        {"title": "Arbetsmarknadssekreterare", "percent": "100", "employer": "Knivsta kommun",
         "description": "Fördjupad kartläggning, handlingsplan och regelbundna uppföljningar."},
        {"title": "Arbetsmarknadssekreterare", "percent": "100", "employer": "Knivsta kommun",
         "description": "Fördjupad kartläggning, handlingsplan och regelbundna uppföljningar."},
        {"title": "Insatsansvarig", "percent": "20", "employer": "Knivsta kommun",
         "description": "Rapporterar till styrgrupp och Lokusgrupp Knivsta."},
        {"title": "Projektledare arbetsmarknad", "percent": "50", "employer": "Knivsta kommun",
         "description": "Praktikplats- och kandidatbank, samverkan med arbetsgivarna."},
        {"title": "Arbetsförmedlare", "percent": "25", "employer": "Arbetsförmedlingen",
         "description": "Kartläggning och planering; deltar i operativa avstämningar."},
    ],
    "follow_up": (
        "Lokus Knivsta är styrgrupp för insatsen och därigenom kommer löpande kvartalsrapporter "
        "lämnas till Samordningsförbundet enligt förbundets antagna riktlinjer. Uppföljning sker "
        "genom rapportering i SUS. Stegförflyttning mot arbetsmarknaden mäts i "
        "progressionsverktyget BIP. Operativ avstämning minst 6 gånger per år med representanter "
        "från alla samverkansparter."
    ),
    "implementation": (
        "Gemensamma rutiner och arbetssätt arbetas fram för implementering i kommunens "
        "ordinarie verksamhet. Implementering av operativa avstämningar med "
        "samverkansparterna efter avslutat projekt."
    ),
    "anchoring_discussed": True,
    "anchoring_group": "LOKUS Knivsta",
    "anchoring_dates": ["2021-01-19", "2021-03-25", "2021-05-25"],
    "anchoring_text": (
        "Vid styrgrupp och Lokusgrupp Knivsta 19 januari, 25 mars och 25 maj 2021 har diskussion "
        "inför en ansökan förts samt vid styrgrupp och Lokusgrupp Knivsta den 25 maj 2021 en "
        "genomgång av ett första utkast."
    ),
    "agreement_text": DEFAULT_TEXT,
    "signatures": [
        {"role": "owner", "member": "Knivsta kommun", "organisation": "Knivsta kommun",
         "signed_on": "2021-06-14", "name": "Catrin Josephson",
         "name_clarification": "Catrin Josephson, socialchef. Ordförande LOKUS.",
         "email": "catrin.josephson@knivsta.se"},
        {"role": "partner", "member": "Arbetsförmedlingen", "organisation": "Arbetsförmedlingen",
         "signed_on": "2021-06-16", "name": "Wictoria Palmetorp",
         "name_clarification": "Wictoria Palmetorp",
         "email": "wictoria.palmetorp@arbetsformedlingen.se"},
        {"role": "partner", "member": "Region Uppsala", "organisation": "Region Uppsala"},
        {"role": "partner", "member": "Försäkringskassan", "organisation": "Försäkringskassan",
         "signed_on": "2021-06-14", "name": "Carina Hagelin Kjällman",
         "name_clarification": "Carina Hagelin Kjällman",
         "email": "carina.hagelin-kjallman@forsakringskassan.se"},
    ],
    "continues": "En väg in – steget vidare",
    "continuation_kind": "extension",
    "predecessor_name": "En väg in – flera vägar ut Knivsta",
    "budget": {
        "owners": [
            {"position": 0, "member": "Knivsta kommun", "stated_association": "3930000",
             "stated_co_financing": "310000"},
            {"position": 1, "member": "Arbetsförmedlingen",
             "label": "AF (egen projektfinansiering)",
             "stated_association": "0", "stated_co_financing": "0"},
        ],
        "lines": [
            _salary("Gruppledare", "20", "2022-01-01", "2023-12-31", "279000"),
            _salary("Projektledare", "50", "2022-01-01", "2023-12-31", "761000"),
            _salary("Medarbetare 1", "100", "2022-01-01", "2023-12-31", "1064000"),
            _salary("Medarbetare 2", "100", "2022-01-01", "2023-12-31", "1192000"),
            _salary("Arbetsförmedlare", "25", "2022-01-01", "2023-12-31", "340000"),
            _cost("staff_training", "100000"),
            _cost("participant_activities", "99000"),
            _cost("phone_it", "45000"),
            _cost("interpreter", "30000"),
            _cost("other", "20000"),
            _cost("premises_rent", "310000", funding=C),
        ],
        "years": [
            _year(1, 2022, salary="1818000", other="147000"),
            _year(2, 2023, salary="1818000", other="147000"),
        ],
        "stated_total": "3930000",
    },
}

FRAMSTEGET = {
    "name": "Framsteget i Håbo",
    "owner": "Håbo kommun",
    "contact_name": "Catrin Josephson",
    "contact_email": "catrin.josephson@habo.se",
    "partners": [
        {"member": "Arbetsförmedlingen", "contact_name": "Carina Bergman",
         "contact_email": "carina.bergman@arbetsformedlingen.se"},
        {"member": "Försäkringskassan", "contact_name": "Marika Söderberg",
         "contact_email": "marika.soderberg@forsakringskassan.se"},
        {"member": "Region Uppsala", "contact_name": "Birgitta Pleijel",
         "contact_email": "birgitta.pleijel@regionuppsala.se"},
    ],
    "purpose": (
        "• Stödja till fungerande samordnad arbetslivsinriktad rehabilitering\n"
        "• Öka förutsättningarna för individer att uppnå egen försörjning eller studier\n"
        "• Långsiktigt bidra till effektivare samordning och resursutnyttjande\n"
        "• Samordningsvinster med gemensamma lokaler\n"
        "• Fortsatt utveckling och löpande implementering av samverkansmodeller och metoder som "
        "är väl förankrade i organisationerna\n"
        "• Erbjuda ett utbud av aktiverande och kartläggande insatser för individer med oklara "
        "behov, stora behov och där en förrehabilitering behövs\n"
        "• Att långsiktigt och varaktigt minska ungas arbetslöshet med särskilt fokus på unga "
        "nyanlända\n"
        "• Genom helhetssyn och individfokus skapa gynnsamma förutsättningar för målgrupperna "
        "till varaktig inkludering i samhället"
    ),
    "parts": [
        {"name": "Samordningsteam", "participants_per_year": 20, "description": (
            "Fördjupad kartläggning/förrehabilitering under 3–6 månader med en egen coach, ett "
            "coachsamtal och minst en gruppaktivitet per vecka.")},
        {"name": "Ungdomssatsningen", "participants_per_year": 50, "description": (
            "Unga vuxna 20–29 år, särskilt unga nyanlända som varken arbetar eller studerar, med "
            "en ungdomscoach i nära samarbete med Arbetsförmedlingen.")},
    ],
    "goals": [
        {"kind": "overall", "text": (
            "Korta tiden i utanförskap för individen genom tydliga samverkansrutiner och löpande "
            "implementering.")},
        {"kind": "overall", "text": (
            "Antalet nyanlända unga vuxna som deltar i individanpassade insatser ska öka.")},
        {"kind": "overall", "text": (
            "Antalet nyanlända unga vuxna som går till studier eller arbete ska öka.")},
        {"kind": "outcome", "part": "Samordningsteam", "text": (
            "80 % av deltagarna som skrivs ut ska ha en dokumentation/handlingsplan som beskriver "
            "nästa steg mot arbete eller studier."),
         "target_kind": "share_with_action_plan", "target_value": "80", "target_unit": "%"},
        {"kind": "output", "part": "Samordningsteam", "text": (
            "Samtliga deltagare erbjuds ett coachsamtal per vecka och en gruppaktivitet per "
            "vecka.")},
        {"kind": "output", "part": "Samordningsteam", "text": (
            "Minst 20 individer per år får stöd av samordningsteamet."),
         "target_kind": "participants_per_year", "target_value": "20", "target_unit": "per år"},
        {"kind": "outcome", "part": "Ungdomssatsningen", "text": (
            "80 % av nyanlända unga vuxna som deltar ska ha en handlingsplan inom 6 månader."),
         "target_kind": "share_with_action_plan", "target_value": "80",
         "target_unit": "inom 6 månader"},
        {"kind": "output", "part": "Ungdomssatsningen", "text": (
            "Alla nyanlända unga vuxna som inte arbetar eller studerar ska kontaktas och erbjudas "
            "en handlingsplan.")},
        {"kind": "output", "part": "Ungdomssatsningen", "text": (
            "Minst 50 unga vuxna per år får stöd i ungdomssatsningen."),
         "target_kind": "participants_per_year", "target_value": "50", "target_unit": "per år"},
    ],
    "background": (
        "Under våren 2016 gjorde LOKUS-gruppen i Håbo en nulägesanalys med beskrivning av "
        "målgrupper och vilka behov dessa kan tänkas ha. I Håbo är andelen med långvarigt "
        "försörjningsstöd inom socialtjänsten 31 %, totalt 55 personer.\n\n"
        "Under våren 2017 gjordes en föranalys av de Lots-ärenden som samverkanskoordinatorn i "
        "Håbo tagit emot. Följande målgrupper identifierades: unga som varken arbetar eller "
        "studerar, sjukskrivna ”nollklassade” och långtidssjukskrivna/långtidsarbetslösa med "
        "långvarig offentlig försörjning.\n\n"
        "Framsteget är en fortsatt utveckling av samverkan mellan Håbo kommun, "
        "Arbetsförmedlingen, Försäkringskassan och Region Uppsala. För att möta behovet av "
        "förberedande och klargörande insatser införs en ny verksamhet: Samordningsteam. "
        "Verksamheten är samlokaliserad med ungdomssatsningen."
    ),
    "planned_start": "2018-01-01",
    "planned_end": "2020-12-31",
    "last_intake_date": "2020-10-31",
    "target_group": (
        "• Individer som bedöms stå långt ifrån arbetsmarknaden där nästa steg är oklart\n"
        "• Individer med långvarig offentlig försörjning\n"
        "• Sjukskrivna som inte längre har rätt till sjukpenning\n"
        "• Unga vuxna med eller utan aktivitetsersättning\n"
        "• Nyanlända unga vuxna som varken arbetar eller studerar\n\n"
        "Samordningsteamet vänder sig till individer 16–65 år som är aktuella hos minst två av "
        "välfärdssystemen."
    ),
    "age_min": 16,
    "age_max": 65,
    "participants_per_year": 70,
    "participants_text": (
        "Individinriktade insatser uppskattas till totalt 70 personer per år varav 50 för "
        "ungdomssatsningen och 20 för samordningsteamet."
    ),
    "methods": ["SIP", "Lösningsfokuserat arbetssätt", "Gruppverksamhet"],
    "methods_text": (
        "Samordningsteam och Ungdomssatsningen i gemensamma lokaler. Lösningsinriktat arbetssätt "
        "med gruppaktiviteter och enskilda coachsamtal. SIP för majoriteten av deltagarna."
    ),
    "staffing": [
        {"title": "Coach, samordningsteam (även insatsansvarig)", "percent": "100",
         "employer": "Håbo kommun", "part": "Samordningsteam"},
        {"title": "Ungdomscoach", "percent": "100", "employer": "Håbo kommun",
         "part": "Ungdomssatsningen"},
        {"title": "Arbetsförmedlare", "percent": "50", "employer": "Arbetsförmedlingen",
         "funding": "co_financed", "part": "Ungdomssatsningen"},
    ],
    "follow_up": (
        "SUS-registrering av deltagare i individinsatserna. En verksamhetsnära styrgrupp "
        "ansvarar för styrning och löpande utvärdering. Utvärdering 12 månader efter avslutad "
        "insats av huruvida individens handlingsplan uppfylls."
    ),
    "implementation": (
        "Gemensamma rutiner och arbetssätt tas fram. Efter insatstidens slut hoppas Håbo kommun "
        "kunna egenfinansiera en ungdomscoach 20–29 år samt fortsatt samlokalisering med "
        "Arbetsförmedlingen."
    ),
    "anchoring_group": "LOKUS Håbo",
    "anchoring_text": (
        "I början av juni anordnade Socialförvaltningen en workshop med representanter för "
        "socialförvaltningen, barn- och utbildningsförvaltningen och Samordningsförbundet. "
        "Insatsidén har även presenterats för socialchef, närvårdskoordinator samt operativ "
        "personal inom kommunen och Arbetsförmedlingen."
    ),
    "agreement_text": DEFAULT_TEXT,
    "signatures": [
        {"role": "owner", "member": "Håbo kommun", "organisation": "Håbo kommun"},
    ],
}

JOBBCENTRUM_AGREEMENT = DEFAULT_TEXT.replace(
    "samtliga parters behöriga", "samtliga parter behöriga"
).replace("ramarna överenskommits.", "ramarna överenskommit.")

JOBBCENTRUM = {
    "name": "Jobbcentrum – din väg framåt",
    "case_number": "2021-15",
    "owner": "Enköpings kommun",
    "owner_unit": "Arbetsmarknadsenheten",
    "contact_name": "Viveca Raim",
    "contact_title": "Enhetschef",
    "contact_email": "viveca.raim@enkoping.se",
    "partners": [
        {"member": "Arbetsförmedlingen", "contact_name": "Wictoria Palmetorp",
         "contact_email": "wictoria.palmetorp@arbetsformedlingen.se"},
    ],
    "purpose": (
        "Insatsen ska verka för att aktivt utöka stödet till unga i ålder 20–29 år samt de "
        "personer som står längst från arbetsmarknaden med behov av samordnade rehabiliterande "
        "insatser. Målet är att ge dessa personer meningsfulla aktiviteter som främjar deras "
        "möjlighet att nå egen försörjning. Dessutom ska insatsen öka Jobbcentrums kompetens och "
        "förmåga att arbeta närmare samverkansparter, stärka samarbetet med externa aktörer samt "
        "skapa en tydlig gemensam uppföljningsprocess.\n\n"
        "Jobbcentrum i Enköping ser behovet av att utöka sin verksamhet till att omfatta "
        "ytterligare personalresurser med fokus på den grupp individer som står väldigt långt "
        "ifrån arbetsmarknaden, samt med gruppen unga vuxna."
    ),
    "goals": [
        {"kind": "outcome", "text": "Minst 75 deltagare som går till arbete eller studier per år.",
         "target_kind": "discharged_to_work_or_studies", "target_value": "75",
         "target_unit": "per år"},
        {"kind": "outcome", "text": (
            "Årligen ta emot minst 50 deltagare med försörjningsstöd som får aktiviteter inom "
            "Jobbcentrum, med fokus på att nå arbete."),
         "target_kind": "participants_per_year", "target_value": "50", "target_unit": "per år"},
        {"kind": "outcome", "text": (
            "Samarbete med lokala arbetsgivare för att utöka möjligheter till arbetsträning och "
            "praktikplatser.")},
        {"kind": "output", "text": "Upprätta individuell handlingsplan inom 6 veckor från start av "
         "insats.", "target_kind": "action_plan_within_weeks", "target_value": "6",
         "target_unit": "veckor från start"},
        {"kind": "output", "text": (
            "Erbjuder individ- och gruppaktiviteter för att stärka motivation, självkänsla och "
            "möjlighet till arbete eller studier under inskrivningstiden.")},
        {"kind": "output", "text": (
            "Uppföljning av deltagare med hjälp av progressionsmätningsmetod varje kvartal.")},
        {"kind": "output", "text": (
            "Samverkan minst tre gånger per år med andra parter och enheter inom Enköpings kommun "
            "som också möter invånare med behov av samordnade rehabiliteringsinsatser."),
         "target_kind": "meetings_per_year", "target_value": "3", "target_unit": "per år"},
        {"kind": "output", "text": (
            "Återrapportering till LOKUS-grupp om insatsens resultat minst fyra gånger per år."),
         "target_kind": "meetings_per_year", "target_value": "4", "target_unit": "per år"},
    ],
    "background": (
        "Sedan 2018 har Jobbcentrum haft en pågående insats mot rehabilitering och unga samt "
        "haft en tilläggsansökan avseende arbetsförmedlare aktiv. Målgrupperna har förändrats "
        "och vi ser i dag en allt större ökning av gruppen unga som inte klarat av sin "
        "gymnasieexamen, individer som begränsas av psykisk ohälsa eller har diagnostiserade "
        "funktionsnedsättningar.\n\n"
        "Arbetslösheten har under 2021 ökat inom kommunen med anledning av Covid-19-pandemin. "
        "För personer i åldern 16–64 år är ökningen 38,6 % för dem som varit arbetslösa mer än "
        "12 månader och 14,5 % för dem som varit arbetslösa mer än 24 månader."
    ),
    "planned_start": "2022-01-01",
    "planned_end": "2023-12-31",
    "target_group": (
        "- Unga 20–29 år utanför studier eller arbetsmarknad\n"
        "- Vuxna 30 år och uppåt utanför studier eller arbetsmarknad\n\n"
        "Båda grupper har identifierade behov av samordnade arbetslivsinriktade "
        "rehabiliteringsinsatser. Unga 16–20 år faller inom det kommunala aktivitetsansvaret "
        "och inte inom ramen för denna ansökan."
    ),
    "age_min": 20,
    "age_max": 64,
    "participants_per_year": 75,
    "participants_text": (
        "Förväntat antal deltagare under insatsen som skrivs in uppgår till 75 stycken per år "
        "inom nämnda målgrupper."
    ),
    "methods": ["MI", "Supported Employment", "BIP/SMAIL", "Gruppverksamhet"],
    "methods_text": (
        "Vid Jobbcentrum används motiverande samtal (MI) och Supported employment (SE) i det "
        "coachande arbetet, och ett progressionsmätningsverktyg med uppföljning varje kvartal. "
        "En blandning av individuell coaching och samtal i grupp."
    ),
    "staffing": [
        {"title": "Coach/handläggare – rehab", "percent": "100", "employer": "Enköpings kommun"},
        {"title": "Coach/handläggare – rehab", "percent": "100", "employer": "Enköpings kommun"},
        {"title": "Coach/handläggare – unga", "percent": "100", "employer": "Enköpings kommun"},
        {"title": "Arbetsförmedlare", "percent": "25", "employer": "Arbetsförmedlingen"},
        {"title": "Arbetsmarknadskonsulent", "percent": "100", "employer": "Enköpings kommun"},
    ],
    "follow_up": (
        "Jobbcentrum – din väg framåt kommer att ha en operativ styrgrupp där resultat följs upp "
        "minst fyra gånger per år. Målen följs upp genom löpande rapportering till LOKUS-gruppen "
        "minst fyra gånger per år och genom SUS."
    ),
    "implementation": (
        "Resultaten behöver regelbundet följas upp och analyseras för att kunna möta "
        "efterfrågan. Ansökan avser att fortsätta Jobbcentrums utveckling av den arbetsinriktade "
        "verksamheten."
    ),
    "anchoring_discussed": True,
    "anchoring_group": "LOKUS Enköping",
    "anchoring_dates": ["2021-04-16", "2021-06-11"],
    "anchoring_text": (
        "Ansökan har diskuterats vid insatsens styrgruppsmöten under våren 2021 samt vid "
        "Lokus-gruppmöte 16 april respektive 11 juni 2021."
    ),
    "agreement_text": JOBBCENTRUM_AGREEMENT,
    "signatures": [
        {"role": "owner", "member": "Enköpings kommun",
         "organisation": "Enköpings kommun, Utbildningsförvaltningen, Arbetsmarknadsenheten",
         "signed_on": "2021-06-16", "name_clarification": "Viveca Raim, enhetschef",
         "email": "viveca.raim@enkoping.se"},
        {"role": "partner", "member": "Arbetsförmedlingen", "organisation": "Arbetsförmedlingen",
         "name_clarification": "Wictoria Palmetorp",
         "email": "wictoria.palmetorp@arbetsformedlingen.se"},
    ],
    "continuation_kind": "successor",
    "predecessor_name": "Jobbcentrum (insats sedan 2018)",
    "budget": {
        "owners": [
            {"position": 0, "member": "Enköpings kommun", "stated_association": "5010000",
             "stated_co_financing": "1494616"},
            {"position": 1, "member": "Arbetsförmedlingen", "stated_association": "340000",
             "stated_co_financing": "0"},
        ],
        "lines": [
            _salary("Coach/handläggare – rehab", "100", "2022-01-01", "2024-12-31", "1200000"),
            _salary("Coach/handläggare – rehab", "100", "2022-01-01", "2024-12-31", "1200000"),
            _salary("Coach/handläggare – ung", "100", "2022-01-01", "2024-12-31", "1200000"),
            _salary("Arbetsförmedlare", "25", "2022-01-01", "2024-12-31", "0", "340000"),
            _salary("Arbetsmarknadskonsulent", "100", "2022-01-01", "2024-12-31", "1200000"),
            _cost("staff_training", "40000"),
            _cost("purchased_services", "20000"),
            _cost("participant_activities", "85000"),
            _cost("phone_it", "20000"),
            _cost("interpreter", "25000"),
            _cost("information_material", "20000"),
            _salary("JC övriga tjänster anges ej (5 st)", "0", None, None, "0", funding=C),
            _cost("premises_rent", "1364616", funding=C),
            _free("other", "Dokumentationssystem", "60000"),
            _free("other", "Marknadsföring", "50000"),
            _free("other", "IT och telefoni", "20000"),
        ],
        "years": [
            _year(1, 2022, salary="2570000", other="105000"),
            _year(2, 2023, salary="2570000", other="105000"),
        ],
        "stated_total": "5350000",
    },
}
