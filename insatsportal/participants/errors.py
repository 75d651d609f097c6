class ParticipantError(Exception):
    """A failed precondition in a participant service; the message is translated."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message
