"""The Överenskommelse: the fixed text every application carries unaltered.

The canonical text is stored per förbund (AgreementText); DEFAULT_TEXT is
Samordningsförbundet Uppsala län's text as seeds 000, 001 and 002 show it (the
OCR damage in 000 and 001 corrected against the Word text of 002, the wording
where 000 and 001 agree against 002: "samtliga parters", "överenskommits").
"""

from insatsportal.applications.models import AgreementText

DEFAULT_TEXT = """Lagar och förordningar

Insatsägarna är verksamhetsansvariga och har det fulla ansvaret för att gällande lagar, förordningar, föreskrifter och egna styrdokument, vilka på något sätt berör uppdraget enligt denna ansökan, följs. Åtagandet inkluderar att följa tillämpliga och gällande styrdokument inom förbundet.

Arbetsgivaransvar

Personal som arbetar i insatsen är fortsatt anställda av berörd medlemsorganisation som också har kvar det fullständiga arbetsgivaransvaret.

Information från insatsen

Vid ett beviljande av insatsen ska insatsen löpande lämna information om sin verksamhet enligt de sätt som Samordningsförbundet meddelar. Främst handlar detta om redovisning i SUS (System för uppföljning av samverkan inom rehabiliteringsområdet) samt om olika rapporter om läget i och utsikterna för insatsen enligt gällande rutiner för insatser. Viktiga förändringar i insatsen ska avvikelserapporteras i särskild ordning.

Kostnader

De i beslut beviljade medlen utgör ett maxbelopp, och grund för ersättning är faktisk upparbetade kostnader. Styrelsens beslut om finansiering av samverkansinsatser gäller under förutsättning att förbundet beviljas medel från medlemsorganisationerna framöver.

Underskrifter

Inför behandling av Samordningsförbundet arbetsutskott/styrelse för beslut skall samtliga parters behöriga beslutsfattare ha skrivit under och ställt sig bakom ansökan. I och med nedanstående underskrifter och ett därpå följande positivt beslut från Samordningsförbundets styrelse så har ett åtagande från insatsägarna, både gentemot varandra och mot Samordningsförbundet, att uppfylla denna plan inom de beskrivna ramarna överenskommits."""  # noqa: E501


def agreement_text_current(association) -> str:
    """The förbund's canonical text; the default text when none is stored."""
    stored = (
        AgreementText.objects.filter(association=association).order_by("-valid_from", "-pk").first()
        if association is not None
        else None
    )
    return stored.text if stored else DEFAULT_TEXT
