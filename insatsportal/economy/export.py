"""The year's budget against outcome per post, for the annual report (årsredovisning)."""

from decimal import Decimal

from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from insatsportal.core.exporter import Exporter
from insatsportal.economy.arithmetic import ZERO


def _difference(budget, outcome):
    return None if budget is None or outcome is None else outcome - budget


class BudgetOutcomeExport(Exporter):
    """Rows: contributions per member, administration, other costs, each intervention,
    then the sums and the year's result."""

    def __init__(self, detail):
        self.detail = detail
        self.filename = f"budget-och-utfall-{detail.year}"
        self.sheet_title = _("Budget and outcome %(year)s") % {"year": detail.year}

    def headers(self):
        return [pgettext("economy", "Post"), _("Specification"), _("Budget"),
                pgettext("economy", "Outcome"), pgettext("economy", "Difference")]

    def _posts(self):
        d = self.detail
        income = [(_("Contributions"), c.member.name, c.amount, c.paid)
                  for c in d.contributions]
        costs = []
        if d.fiscal_year is not None:
            costs.append((_("Administration"), "", d.fiscal_year.administration,
                          d.administration_outcome))
            costs += [(_("Other costs"), cost.label, cost.amount, cost.outcome)
                      for cost in d.fiscal_year.planned_costs.all()]
        outcome = {line.intervention_id: amount for line, amount in d.outcome}
        for line, amount in d.committed:
            costs.append((pgettext("economy", "Interventions"), line.label, amount,
                          outcome.pop(line.intervention_id, ZERO)))
        names = {line.intervention_id: line.label for line, _amount in d.outcome}
        costs += [(pgettext("economy", "Interventions"), names[key], ZERO, amount)
                  for key, amount in outcome.items()]
        return income, costs

    def rows(self):
        income, costs = self._posts()
        for post, spec, budget, outcome in [*income, *costs]:
            yield [post, spec, budget, outcome, _difference(budget, outcome)]
        sums = []
        for label, posts in ((_("Total income"), income), (_("Total costs"), costs)):
            budget = sum((p[2] or ZERO for p in posts), ZERO)
            outcome = sum((p[3] or ZERO for p in posts), ZERO)
            sums.append((budget, outcome))
            yield [label, "", budget, outcome, outcome - budget]
        (income_budget, income_outcome), (cost_budget, cost_outcome) = sums
        result_budget: Decimal = income_budget - cost_budget
        result_outcome: Decimal = income_outcome - cost_outcome
        yield [_("The year's result"), "", result_budget, result_outcome,
               result_outcome - result_budget]
