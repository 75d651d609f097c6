class ReportError(Exception):
    """A failed precondition in any part of reports, with a translated message for the user."""
