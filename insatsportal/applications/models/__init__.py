from insatsportal.applications.models.application import (
    AgreementText,
    Application,
    ApplicationPart,
    ApplicationPartner,
    Goal,
    Journey,
    Method,
    Signature,
    StaffingLine,
)
from insatsportal.applications.models.budget import Budget, BudgetLine, BudgetOwner, BudgetYear
from insatsportal.applications.models.completion import CompletionQuestion, Section
from insatsportal.applications.models.lifecycle import ApplicationVersion

__all__ = [
    "AgreementText",
    "Application",
    "ApplicationPart",
    "ApplicationPartner",
    "ApplicationVersion",
    "Budget",
    "BudgetLine",
    "BudgetOwner",
    "BudgetYear",
    "CompletionQuestion",
    "Goal",
    "Journey",
    "Method",
    "Section",
    "Signature",
    "StaffingLine",
]
