"""The demo personas. Accounts knows their names: in demo mode they may skip the second
factor (guards.py); the demo app creates them."""

from insatsportal.accounts.models import Role

# username: (first name, last name, title, member or None, [(role, intervention name or None)])
DEMO_USERS = {
    "kansli": ("Karin", "Lindqvist", "Förbundssamordnare", None, [(Role.KANSLI, None)]),
    "styrelse": ("Sven", "Berg", "Ledamot i förbundsstyrelsen", "Region Uppsala",
                 [(Role.STYRELSE, None)]),
    "insatsansvarig": ("Anna", "Ek", "Insatsansvarig", "Knivsta kommun",
                       [(Role.INSATSANSVARIG, None),
                        (Role.INSATSANSVARIG, "En väg in – steget vidare")]),
    "deltagaransvarig": ("Johan", "Nord", "Arbetsmarknadssekreterare", "Knivsta kommun",
                         [(Role.DELTAGARANSVARIG, "En väg in – steget vidare")]),
    "handlaggare": ("Lena", "Holm", "Arbetsförmedlare", "Arbetsförmedlingen",
                    [(Role.HANDLAGGARE, None)]),
    "rapportlasare": ("Per", "Sund", "Analytiker", "Försäkringskassan",
                      [(Role.RAPPORTLASARE, None)]),
}
