from insatsportal.applications.models.application import (
    AgreementText,
    Application,
    ApplicationPart,
    ApplicationPartner,
    Goal,
    Method,
    Signature,
    StaffingLine,
)
from insatsportal.applications.models.budget import Budget, BudgetLine, BudgetOwner, BudgetYear
from insatsportal.applications.models.completion import CompletionQuestion, Section
from insatsportal.applications.models.lifecycle import ApplicationStatusChange, ApplicationVersion

__all__ = [
    "AgreementText",
    "Application",
    "ApplicationPart",
    "ApplicationPartner",
    "ApplicationStatusChange",
    "ApplicationVersion",
    "Budget",
    "BudgetLine",
    "BudgetOwner",
    "BudgetYear",
    "CompletionQuestion",
    "Goal",
    "Method",
    "Section",
    "Signature",
    "StaffingLine",
]
